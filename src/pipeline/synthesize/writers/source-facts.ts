/** What the offline writer reads across sources without a model: names the sources capitalise, figures, and figures the accounts disagree on. */
import type { SourceDoc } from '../../types';

export interface SourceSentence {
  source: SourceDoc;
  text: string;
  /** Position in the source (0 = lede). */
  index: number;
  hasQuote: boolean;
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

/**
 * Capitalised words the sources use inside a sentence: names, which keep their capital anywhere. After a title
 * ("Gov. Jim Justice") a word is inside the sentence too; a possessive counts as its name ("Justice's" gives
 * "Justice"). `headlines` in sentence case (capitals only for names) are read the same way.
 */
export function properWordsOf(all: readonly SourceSentence[], headlines: readonly string[] = []): Set<string> {
  const out = new Set<string>();
  const texts = [...all.map((s) => s.text), ...headlines.filter((h) => !titleCase(h))];
  for (const text of texts) {
    for (const m of text.matchAll(INSIDE_CAPITAL)) {
      // After a colon or a dash a sentence may start again: its opening word is no name.
      if (OPENING_WORDS.has(m[0])) continue;
      out.add(m[0]);
      out.add(m[0].replace(/['’]s$/, ''));
    }
  }
  return out;
}
const TITLES = 'Gov|Sen|Rep|Reps|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Prof|Rev|Atty|Supt|Gens|Sens|St';
const INSIDE_CAPITAL = new RegExp(`(?<=(?:[\\p{L}\\p{N},;:)]|\\b(?:${TITLES})\\.)\\s+)\\p{Lu}[\\p{L}\\p{N}'’-]*`, 'gu');

const OPENING_WORDS = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'For', 'But', 'And', 'Or', 'If', 'As', 'After', 'Before', 'When', 'While', 'This', 'That', 'These', 'Those', 'It', 'He', 'She', 'They', 'We', 'Why', 'How', 'What', 'Who', 'Former', 'Some', 'Many', 'More', 'Most', 'Here', 'There', 'With', 'From', 'To', 'By', 'Of', 'Is', 'Are', 'Will', 'Can']);

/** A headline that capitalises most of its words ("Senate Passes Reform Bill"): its capitals say nothing of names. */
function titleCase(headline: string): boolean {
  const tokens = headline.split(' ').filter((t) => /^\p{L}/u.test(t));
  return tokens.filter((t) => /^\p{Lu}/u.test(t)).length >= tokens.length * 0.5;
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
