/**
 * Which source fact a value of the draft restates: the words around a figure or a
 * name in a draft sentence, scored against the words around each place the cited
 * sources give a value of the same kind. A value whose surroundings match another
 * value's place far better than any of its own places was most likely swapped.
 */
import { STOPWORDS, stem } from '../../lib/text';

/** A stemmed content word of a sentence and where it sits. */
export interface Tok {
  w: string;
  start: number;
  end: number;
}

/** Stemmed content word -> signed distance in content words from the value (negative = before it). */
export type Neighbours = Map<string, number>;

// The same tokens as lib/text `contentWords`, with their offsets: one pass, no lower-casing of the whole text.
const WORD = /[\p{L}\p{N}]+(?:['’‘`.-][\p{L}\p{N}]+)*/gu;
const NUMERIC = /^[\d.,'-]+$/;
const UNIT_SUFFIX = /^[\d.,]+-(\p{L}.*)$/u;
const NUMBER_WORD_UNIT = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)-(\p{L}.*)$/u;
const ODD_APOSTROPHE = /[’‘`]/;
const ODD_APOSTROPHES = /[’‘`]/g;

/** Stemmed content words of a text with their offsets (stopwords and bare numbers dropped). */
export function contentTokens(text: string): Tok[] {
  const out: Tok[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let raw = m[0].toLowerCase();
    if (ODD_APOSTROPHE.test(raw)) raw = raw.replace(ODD_APOSTROPHES, "'");
    let start = m.index;
    // Both patterns below need an ASCII digit first; most words start with a letter.
    const digitFirst = raw.charCodeAt(0) >= 48 && raw.charCodeAt(0) <= 57;
    // "15-year", "94-second", "five-year": the unit a figure counts is a word of its own.
    const unit = digitFirst ? UNIT_SUFFIX.exec(raw) : raw.includes('-') ? NUMBER_WORD_UNIT.exec(raw) : null;
    if (unit) {
      start += raw.length - unit[1]!.length;
      raw = unit[1]!;
      // "20-year-old" is "20 years old" written as one word: each part after the figure is a word of its own.
      if (raw.includes('-')) {
        for (const part of raw.split('-')) {
          if (part && !STOPWORDS.has(part)) out.push({ w: stem(part), start, end: start + part.length });
          start += part.length + 1;
        }
        continue;
      }
    }
    if (STOPWORDS.has(raw) || (digitFirst && NUMERIC.test(raw))) continue;
    out.push({ w: stem(raw), start, end: m.index + m[0].length });
  }
  return out;
}

// Words further than this from the value say little about what it counts.
const REACH = 8;
// Words of attribution say who gave a value, not what it counts ("the paper's figure", "gives it as"): a
// draft crediting its sources uses them beside every value, so they would tie it to any place a source uses them.
const ATTRIBUTION = new Set(['figure', 'figures', 'report', 'reports', 'reported', 'reporting', 'give', 'gives', 'gave', 'given', 'cite', 'cites', 'cited', 'citing', 'put', 'puts', 'tally', 'noted', 'notes'].map(stem));

/** The content words either side of the span [start, end) of a sentence, nearest first. */
export function neighbours(tokens: readonly Tok[], start: number, end: number): Neighbours {
  const out: Neighbours = new Map();
  let first = 0;
  while (first < tokens.length && tokens[first]!.end <= start) first++;
  for (let i = first - 1, d = 1; i >= 0 && d <= REACH; i--, d++) {
    const w = tokens[i]!.w;
    if (!out.has(w) && !ATTRIBUTION.has(w)) out.set(w, -d);
  }
  let after = first;
  while (after < tokens.length && tokens[after]!.start < end) after++;
  for (let i = after, d = 1; i < tokens.length && d <= REACH; i++, d++) {
    const w = tokens[i]!.w;
    if (ATTRIBUTION.has(w)) continue;
    const had = out.get(w);
    if (had === undefined || -had > d) out.set(w, d);
  }
  return out;
}

// Words this close to a value (in content words) are its own, even in a sentence that gives another value.
const NEAR_REACH = 3;

/** The words of a value's surroundings within NEAR_REACH of it, for telling apart two values of one sentence. */
export function nearOnly(n: Neighbours): Neighbours {
  const out: Neighbours = new Map();
  n.forEach((d, w) => {
    if (Math.abs(d) <= NEAR_REACH) out.set(w, d);
  });
  return out;
}

/** Weight of a word d content words away: adjacent words ("310 people", "chief Selma Varga") say the most. */
function nearness(d: number): number {
  return 1 / (1 + 0.4 * (Math.abs(d) - 1));
}

/**
 * How strongly two places share surroundings: shared words weighted by rarity in the
 * sources (`idf`), by nearness on both sides, and halved when they sit on opposite sides.
 */
export function affinity(a: Neighbours, b: Neighbours, idf: (w: string) => number): number {
  let score = 0;
  // forEach, not for…of: the entries iterator allocates a [word, distance] pair per word, and this runs per pair of places.
  a.forEach((da, w) => {
    const db = b.get(w);
    if (db === undefined) return;
    score += idf(w) * nearness(da) * nearness(db) * (Math.sign(da) === Math.sign(db) ? 1 : 0.5);
  });
  return score;
}

/** The best-scoring own and rival places of a value. */
export interface Restatement<T> {
  own: number;
  rival: number;
  rivalAt: T | null;
}

/**
 * Whether the rival clearly wins: by a margin over the value's own best place, so that
 * a sentence comparing two figures ("70.8 against Velda's 71.4") is not a swap.
 * Measured on npm run eval:checks (clean articles vs corrupted copies).
 */
export function clearlyRestatesRival(r: Restatement<unknown>, ratio: number, margin: number): boolean {
  return r.rivalAt !== null && r.rival >= margin && r.rival > r.own * ratio + margin;
}
