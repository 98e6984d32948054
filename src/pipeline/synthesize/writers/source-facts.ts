/** What the extractive writer can lift from a source without a model: sentences, speaker quotes, short clauses, figures. */
import { sentences, words } from '../../../lib/text';
import { extractQuotes, sameSpeaker, speakerOf } from '../../check/extract/quotes';
import type { SourceDoc } from '../../types';

export interface SourceSentence {
  source: SourceDoc;
  text: string;
  /** Position in the source (0 = lede). */
  index: number;
  hasQuote: boolean;
}

/** A direct quote with its speaker, as the source attributes it. */
export interface SpeakerQuote {
  source: SourceDoc;
  /** The quoted words verbatim, including the source's trailing comma or stop. */
  quote: string;
  speaker: string;
  index: number;
}

/** A figure with its unit, e.g. "9.6 trillion tokens". */
export interface Figure {
  source: SourceDoc;
  value: number;
  /** The words as the source writes them. */
  phrase: string;
  /** Normalised unit, the key for comparing accounts. */
  unit: string;
}

const QUOTE_CHARS = /["“”]/;
const NAME = String.raw`(?:(?:Dr|Prof|Mr|Ms|Mrs)\.\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}`;
// "Q," said Name | "Q," Name said | "Q," Name, the lab's chief scientist, told ...
const QUOTE_THEN_SPEAKER = [
  // "said Corvid Labs spokesperson Ingrid Salazar-Whitlock": skip the organisation and the role.
  new RegExp(String.raw`^["“](?<q>[^"“”]{8,}?[,!?])["”]\s+(?:said|says)\s+(?:(?:\p{Lu}[\p{L}'’-]+\s+){1,3}\p{Ll}[\p{Ll}-]{2,30}\s+)?(?<name>${NAME})(?=[,.\s])`, 'u'),
  new RegExp(String.raw`^["“](?<q>[^"“”]{8,}?[,!?])["”]\s+(?<name>${NAME})(?:,[^,"“”]{1,80},)?\s+(?:said|says|told|added|wrote)\b`, 'u'),
];
// The quotes check may read "said Dr. Amara Okafor" as "Dr" (it ends the sentence at "Dr."): no disagreement.
const TITLE_ONLY = /^(?:Dr|Mr|Mrs|Ms|Prof|Sen|Gov|Rep)\.?$/;
const PRONOUNS = new Set(['He', 'She', 'They', 'It', 'We', 'I']);

/** Sentences of every source, in source order. */
export function sourceSentences(source: SourceDoc): SourceSentence[] {
  const out: SourceSentence[] = [];
  for (const paragraph of source.text.split(/\n\s*\n/)) {
    for (const text of sentences(paragraph)) out.push({ source, text, index: out.length, hasQuote: QUOTE_CHARS.test(text) });
  }
  return out;
}

/** Quotes that open a sentence and name their speaker right after. */
export function speakerQuotes(all: readonly SourceSentence[]): SpeakerQuote[] {
  const out: SpeakerQuote[] = [];
  for (const s of all) {
    for (const re of QUOTE_THEN_SPEAKER) {
      const m = re.exec(s.text);
      const name = m?.groups?.name?.trim();
      const quote = m?.groups?.q?.trim();
      if (!name || !quote || PRONOUNS.has(name.split(/\s+/)[0] ?? '') || words(quote).length < 3) continue;
      // Only quotes whose speaker the quotes check reads the same way: a disputed attribution is left out.
      const span = extractQuotes(s.text)[0];
      const checked = span ? speakerOf(s.text, span.start, span.end) : null;
      if (checked && !TITLE_ONLY.test(checked) && !sameSpeaker(name, checked)) break;
      out.push({ source: s.source, quote, speaker: name, index: s.index });
      break;
    }
  }
  return out;
}

const LEAD_IN = /^(?:the|a|an|some|many|most|both)$/i;

/** Capitalised words the sources use inside a sentence: names, which keep their capital anywhere. */
export function properWordsOf(all: readonly SourceSentence[]): Set<string> {
  const out = new Set<string>();
  for (const s of all) {
    for (const m of s.text.matchAll(/(?<=[\p{L}\p{N},;:)]\s+)\p{Lu}[\p{L}\p{N}'’-]*/gu)) out.add(m[0]);
  }
  return out;
}
const VERB_HINT = /\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|said|says|plans?|\w+ed|\w+s)\b/i;

/**
 * A short independent clause cut from a sentence: the part before the first
 * comma, semicolon or conjunction, kept only when it is at most `maxWords`
 * words, starts with its subject and holds a verb. Undefined when none fits.
 */
export function leadClause(sentence: string, maxWords: number, properWords: ReadonlySet<string> = new Set()): string | undefined {
  if (QUOTE_CHARS.test(sentence)) return undefined;
  // Commas split clauses only when a space follows: "12,400" is one figure.
  const first = sentence.split(/[,;:](?=\s)|[—–(]|\s(?:and|but|while|whereas|because|although|which|who)\s/)[0]?.trim().replace(/[.!?]+$/, '');
  if (!first) return undefined;
  const n = first.split(/\s+/).length;
  if (n < 4 || n > maxWords || !/^\p{Lu}/u.test(first) || !VERB_HINT.test(first.split(/\s+/).slice(1).join(' '))) return undefined;
  const [head = '', ...rest] = first.split(/\s+/);
  if (/^(?:According|On|In|At|For|After|Before|When|If|Not|Such|Its|It|This|That|These|Those|He|She|They|We)$/.test(head)) return undefined;
  // The clause follows "reports that": its first word keeps a capital only if it is a name.
  const lowered = LEAD_IN.test(head) || !properWords.has(head) ? head.toLowerCase() : head;
  return [lowered, ...rest].join(' ');
}

const MULTIPLIERS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const UNIT_STOP = new Set(['of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'the', 'a', 'an', 'its', 'their', 'by', 'from', 'with', 'percent']);
const FIGURE = /(?<![\p{L}\p{N}.,-])(?<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?<mult>thousand|million|billion|trillion))?\s+(?<unit>[\p{Ll}][\p{Ll}-]{2,})(?<of>\s+of\s+[\p{Ll}]{3,})?/gu;

/** Figures with a unit word after them ("9.6 trillion tokens", "6 gigabytes of memory"). */
export function figures(all: readonly SourceSentence[]): Figure[] {
  const out: Figure[] = [];
  for (const s of all) {
    if (s.hasQuote) continue;
    for (const m of s.text.matchAll(FIGURE)) {
      const { num = '', mult, unit = '', of = '' } = m.groups ?? {};
      if (UNIT_STOP.has(unit) || /^(?:19|20)\d\d$/.test(num)) continue;
      const value = Number(num.replace(/,/g, '')) * (mult ? (MULTIPLIERS[mult] ?? 1) : 1);
      out.push({ source: s.source, value, phrase: m[0].trim(), unit: `${unit}${of}`.toLowerCase() });
    }
  }
  return out;
}

/**
 * Pairs of figures from different publishers with the same unit and a similar
 * magnitude but different values: likely the same quantity, reported differently.
 */
export function disagreements(all: readonly Figure[]): [Figure, Figure][] {
  const out: [Figure, Figure][] = [];
  const seen = new Set<string>();
  for (const [i, a] of all.entries()) {
    for (const b of all.slice(i + 1)) {
      if (a.unit !== b.unit || a.source.publisher === b.source.publisher || a.value === b.value) continue;
      // Within a factor of 1.5: "22 people" (a team) and "140 people" (a company) are different things.
      if (Math.max(a.value, b.value) / Math.min(a.value, b.value) > 1.5) continue;
      if (seen.has(a.unit)) continue;
      seen.add(a.unit);
      out.push(a.source.n <= b.source.n ? [a, b] : [b, a]);
    }
  }
  return out;
}
