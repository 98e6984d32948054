/** The sentences a news brief may use: whole and complete, free of links and instructions, each with what it depends on. */
import { contentWords, jaccard, sentences, shingles, words } from '../../../lib/text';
import { extractFigures } from '../../check/extract/numbers';
import { headlineKeepsSpeakers } from './speakers';
import { cutOff } from '../../check/readability';
import { findInstructionLikeText, findLinksAndMarkup, findModelAddressedText } from '../../injection';
import type { SourceDoc } from '../../types';

/** One independent report: a publisher's source, with any syndicated copies of the same text. */
export interface Account {
  publisher: string;
  sources: SourceDoc[];
  numbers: number[];
  /** Keys of every figure the report gives, found when first needed. */
  figureKeys?: Set<string>;
}

export interface Sentence {
  account: Account;
  /** Position in the account's text (0 = lede). */
  index: number;
  text: string;
  content: Set<string>;
  /** Keys of the figures it states. */
  figures: string[];
  /** Words inside quotation marks. */
  quoted: number;
  /** Opens on a pronoun (or a quote a pronoun speaks): usable only right after the sentence before it. */
  dependent: boolean;
  /** How central the sentence is to the event (shared with other accounts, near the top). */
  score: number;
  /** The report's headline made a sentence: material for thin sources only. */
  headline?: boolean;
}

/** Where the offline writer hands over what it left out, beside the draft (a key no JSON answer can hold). */
export const LEFT_OUT: unique symbol = Symbol('left out');

/** A source sentence the writer would not use, and why (recorded, never published). */
export interface LeftOut {
  n: number;
  publisher: string;
  reason: string;
  text: string;
}

const PRONOUN_START = /^(?:he|she|they|it|this|these|those|that|his|her|their|its|we|our|i|them|him|there|both|such|(?:\w+|many|most|some|all|none|each|one) of (?:them|those|these|us))\b/i;
const PRONOUN_SPEAKER = /^["“][^"“”]+["”],?\s+(?:he|she|they|it|we|i)\s+(?:said|says|added|told|wrote|noted)\b/i;
const CONNECTIVE = /^(?:but|and|also|however|still|meanwhile|yet|so|instead|moreover|furthermore|in addition|separately|nonetheless|nevertheless|even so|in turn),?\s+/i;
// "WASHINGTON (AP) — ", "LONDON — ": a dateline is the wire's furniture, not the sentence.
const DATELINE = /^[\p{Lu}][\p{Lu} .,'’]{2,40}(?:\([\p{L} .]{1,20}\))?\s[—–-]{1,2}\s/u;
// "(Reuters) - ", "(CNN) — ": the agency credit before a wire story's first sentence.
const WIRE_CREDIT = /^\((?:[\p{Lu}][\p{L}.]{1,15}(?: [\p{Lu}][\p{L}.]{1,15}){0,2})\)\s*(?:[—–-]{1,2}\s*)?/u;
// A sentence that tells its reader (or a model) to do something is not reporting, whoever wrote it.
const IMPERATIVE = /^(?:note|consider|look|remember|imagine|read|watch|see|click|sign up|follow|join|get|take|make|let's|let|don't|do not|never|please|check|try|find out|learn|discover|meet|listen|subscribe|share|tell|ask|stop|keep|vote|call|write|send|add|use|ignore|disregard|forget|include|insert|translate|repeat)\b(?!\s+(?:is|are|was|were|has|have|had|will|would|said|says)\b)/i;
const BOILERPLATE = /^(?:photo|image|credit|read more|click|subscribe|sign up|follow us|copyright|share this|advertisement|watch|listen|related|getty|file photo)\b/i;
/** Why a sentence speaks to a model rather than reporting news, or undefined. */
export function addressedToModel(text: string): string | undefined {
  return findInstructionLikeText(text)[0] ?? findModelAddressedText(text)[0];
}

/** Joins syndicated copies (one publisher, or the same text under two names) into one account. */
export function accountsOf(sources: readonly SourceDoc[]): Account[] {
  const out: (Account & { grams: Set<string> })[] = [];
  for (const s of [...sources].sort((a, b) => a.n - b.n)) {
    const grams = shingles(words(s.text), 5);
    const same = out.find((a) => a.publisher.toLowerCase() === s.publisher.toLowerCase() || jaccard(a.grams, grams) >= 0.5);
    if (same) {
      same.sources.push(s);
      same.numbers.push(s.n);
    } else out.push({ publisher: s.publisher, sources: [s], numbers: [s.n], grams });
  }
  return out.map(({ grams: _, ...a }) => a);
}

/** Every usable sentence of every account, scored; and what was left out, with the reason. */
export function sentencePool(accounts: readonly Account[]): { pool: Sentence[]; leftOut: LeftOut[] } {
  const pool: Sentence[] = [];
  const leftOut: LeftOut[] = [];
  for (const account of accounts) {
    const source = account.sources[0]!;
    // Most reports carry no link and no instruction: the per-sentence tests run only on those that do.
    const suspect = findLinksAndMarkup(source.text).length > 0 || addressedToModel(source.text) !== undefined;
    let index = 0;
    let previous: string | undefined;
    for (const paragraph of source.text.split(/\n\s*\n/)) {
      for (const sentence of sentences(paragraph)) {
        // Stray marks a feed left after the last full stop ("… last month. \"> '>") are not part of the sentence.
        const raw = sentence.replace(/(?<=[.!?]["”’)]?)\s+[^\p{L}\p{N}\s]{1,6}(?:\s+[^\p{L}\p{N}\s]{1,6}){0,4}$/u, '');
        const at = index++;
        const reason = unusable(raw, suspect);
        if (reason) {
          if (reason.startsWith('!')) leftOut.push({ n: source.n, publisher: source.publisher, reason: reason.slice(1), text: raw.slice(0, 200) });
          continue;
        }
        let text = raw.replace(WIRE_CREDIT, '').replace(DATELINE, '');
        const connective = CONNECTIVE.exec(text);
        if (connective) text = upperFirst(text.slice(connective[0].length));
        // "He said…" after a sentence naming one person: the person's surname, so the sentence stands alone.
        text = resolvePronoun(text, previous ?? source.title);
        previous = raw;
        pool.push({
          account,
          index: at,
          text,
          content: new Set(contentWords(text)),
          figures: extractFigures(text).map((f) => f.key),
          quoted: [...text.matchAll(/["“]([^"“”]*)["”]/g)].reduce((n, m) => n + words(m[1]!).length, 0),
          dependent: PRONOUN_START.test(text) || PRONOUN_SPEAKER.test(text),
          score: 0,
        });
      }
    }
  }
  score(pool, accounts);
  return { pool, leftOut };
}

const QUESTION_HEADLINE = /\?|^(?:how|what|why|who|when|where|which|is|are|can|could|should|will|would|do|does|did)\b/i;

/** Each report's headline as a sentence ("A nominee failed to answer basic questions."), for sources too thin otherwise. */
export function headlineSentences(accounts: readonly Account[], asSentence: (a: Account) => string | undefined): Sentence[] {
  const out: Sentence[] = [];
  const texts = accounts.map((a) => a.sources[0]!.text);
  for (const account of accounts) {
    const text = asSentence(account);
    // A headline of a few words is a label, not a statement ("Minneapolis may find out").
    if (!text || words(text).length < 7 || QUESTION_HEADLINE.test(text) || unusable(text)) continue;
    // A headline squeezes who said what: one that gives a quotation to someone the report's text does not is left out.
    if (!headlineKeepsSpeakers(text, texts)) continue;
    out.push({ account, index: -1, text, content: new Set(contentWords(text)), figures: extractFigures(text).map((f) => f.key), quoted: 0, dependent: PRONOUN_START.test(text), score: 0, headline: true });
  }
  return out;
}

// A person as news names one: after a title or role, or right before a speech verb.
const NAME = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*){1,2}`;
const ROLE = String.raw`(?:President|Vice President|Senator|Sen\.|Rep\.|Gov\.|Governor|Mayor|Judge|Justice|Dr\.|Prof\.|Mr\.|Ms\.|Mrs\.|Secretary|Minister|Prime Minister|Chancellor|Speaker|Leader|[Cc]hief executive|CEO|founder|spokes(?:person|man|woman)|candidate|congress(?:man|woman)|lawmaker|nominee|president-elect|actor|actress|singer|coach|player|officer|director|chair(?:man|woman)?|attorney|lawyer|officials?)`;
const PERSON = new RegExp(String.raw`\b${ROLE}\s+(${NAME})|(${NAME})(?=,?\s+(?:said|says|told|added|wrote|argued|warned|claimed|announced)\b)`, 'gu');
const NOT_A_PERSON = /\b(?:Inc|Labs?|Corp|Company|Court|Committee|Party|University|Department|Office|Agency|Bank|Group|Association|Union|Council|Tribunal|Assembly|Senate|House|Times|Post|News|Institute|Street|City|State|States|County|Republic|Kingdom|Ministry|Commission|Service|Act|Bill|Day|Review|Journal|Herald|Ledger|Signal|Digest|Dispatch|Gazette|Network|Foundation|Center|Centre|Board|Force|Army|Police|Federal|National|United|White|Supreme|North|South|East|West|New)\b/;
const OPENING_PRONOUN = /^(He|She)\b(?=\s+\p{Ll})/u;

/**
 * The sentence with an opening "He"/"She" replaced by the surname of the one person the previous sentence names.
 * A quotation's "he said" is left alone: who spoke is the `quotes` check's to read from the source.
 */
export function resolvePronoun(text: string, previous: string): string {
  if (!OPENING_PRONOUN.test(text)) return text;
  const names = new Set<string>();
  for (const m of previous.matchAll(PERSON)) {
    const name = (m[1] ?? m[2])!;
    if (!NOT_A_PERSON.test(name)) names.add(name);
  }
  if (names.size !== 1) return text;
  const surname = [...names][0]!.split(/\s+/).at(-1)!;
  return text.replace(OPENING_PRONOUN, surname);
}

// A reason starting with "!" is recorded: the sentence was left out for what it carries, not for its form.
function unusable(text: string, suspect = true): string | undefined {
  if (suspect) {
    const link = findLinksAndMarkup(text)[0];
    if (link) return `!carries ${link}`;
    const order = addressedToModel(text);
    if (order) return `!${order}`;
  }
  if (IMPERATIVE.test(text)) return `!an imperative, not reporting: "${text.slice(0, 60)}"`;
  const n = words(text).length;
  if (n < 6 || n > 60) return 'length';
  if (!/[.!]["”’)]*$/.test(text) || cutOff(text)) return 'incomplete';
  if (/^[\p{Ll}\d,;:)\]-]/u.test(text) && !/^\d/.test(text)) return 'fragment';
  if (BOILERPLATE.test(text)) return 'boilerplate';
  if (text === text.toUpperCase()) return 'shouted';
  const straight = (text.match(/"/g) ?? []).length;
  if (straight % 2 || (text.match(/“/g) ?? []).length !== (text.match(/”/g) ?? []).length) return 'unbalanced quotes';
  return undefined;
}

function score(pool: Sentence[], accounts: readonly Account[]): void {
  const vocab = new Map(accounts.map((a) => [a, new Set(contentWords(`${a.sources[0]!.title} ${a.sources[0]!.text}`))]));
  for (const s of pool) {
    if (!s.content.size) continue;
    let shared = 0;
    for (const [a, v] of vocab) {
      if (a === s.account) continue;
      let hit = 0;
      for (const w of s.content) if (v.has(w)) hit++;
      shared += hit / s.content.size;
    }
    const position = s.index === 0 ? 0.5 : s.index === 1 ? 0.25 : s.index === 2 ? 0.1 : 0;
    const fullyQuoted = s.quoted > 0 && s.quoted >= words(s.text).length * 0.8 ? 0.2 : 0;
    // Two figures in one sentence are the hardest for the `numbers` check to tell apart: such sentences come later.
    const figureBonus = s.figures.length === 1 ? 0.1 : s.figures.length > 1 ? -0.15 : 0;
    s.score = shared / Math.max(1, accounts.length - 1) + position + figureBonus - fullyQuoted;
  }
}

/** How much of one sentence's content another already says (0–1, of the smaller). */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (!small.size) return 0;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
