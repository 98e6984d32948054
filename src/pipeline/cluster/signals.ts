/**
 * What the learned clusterer reads from one item, computed once and cheaply (tens of microseconds):
 * headline and lede terms, name tokens, figures, labels, kinds of event and copy keys. The costly
 * signals (text shingles, the roundup test) are computed only for the few items about to join a story.
 */
import { fnv1a64 } from '../../lib/hash';
import { isWordUnit, startsUpper, SURROGATE, words } from '../../lib/text';
import type { ClusterItem } from '../types';
import { eventKinds } from './events';
import { canonicalUrl, distinctiveNames, isTitleCase, lede, shingleHashes, type ShingleSet } from './features';
import { isLabelKey, isMoneyKey, labelEntities, numberEntities } from './figures';
import { isRoundup } from './roundup';
import { foldWord, isFigureToken, stem, STOPWORDS } from './terms';

/** Everything pair scoring needs of one item. */
export interface Signals {
  item: ClusterItem;
  /** Position in time order within the batch (the index the blocking postings hold). */
  index: number;
  time: number;
  /** Headline terms with counts. */
  title: Map<string, number>;
  /** Headline (counted twice) and lede terms with counts. */
  body: Map<string, number>;
  /** Name tokens (capitalised words that do not merely open a sentence, acronyms), folded lower-case. */
  names: Set<string>;
  /** The name tokens of the headline: who or what it is about. */
  titleNames: Set<string>;
  /** Headline names that can identify a party (4+ letters, no digit). */
  subjects: string[];
  /** Figures with a unit or currency ("usd:2000000", "12%", "62500 refugee"), bare numbers as "n:…". */
  figures: Set<string>;
  /** Figures of the headline, bare numbers included ("n:744000"): the measure the headline reports. */
  titleFigures: Set<string>;
  /** The headline's figures with a unit or currency, as [unit, figure]. */
  titleUnits: [string, string][];
  /** The figures with a unit or currency, by unit ("usd", "%", "refugee"). */
  units: Map<string, string[]>;
  /** Generic labels ("lbl:series c", "lbl:quarter 3"). */
  labels: Set<string>;
  /** Letter-digit tokens of the headline (model names, versions): "kite-3", "h200". */
  codes: Set<string>;
  /** Kinds of event the headline names. */
  events: Set<string>;
  /** Weekdays the headline and lede name, as bits (Sunday = 1): the day the event happened. */
  weekdays: number;
  urlKey?: string;
  titleKey?: string;
  /** Unit-length embedding of headline + lede, when the item has one. */
  vector?: Float32Array;
  shingles?: ShingleSet;
  roundup?: boolean;
  /** See placedNamesOf. */
  placed?: Set<string>;
}

/** Words of the text that count as its lede. */
export const LEDE_WORDS = 60;

// A word (letters and digits, inner apostrophes, dots and hyphens), as lib/text words() reads one.
export const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const SCAN_WORD = new RegExp(WORD.source, WORD.flags);
/** Where the word nextWord found ends (exclusive). */
let wordEnd = 0;

/**
 * The start of the first WORD match at or after `from` (-1 when none), its end in `wordEnd`. Read by
 * character code; a text with surrogates (letters outside the basic plane) is read by the pattern (`byPattern`).
 */
function nextWord(text: string, from: number, byPattern: boolean): number {
  if (byPattern) {
    SCAN_WORD.lastIndex = from;
    const m = SCAN_WORD.exec(text);
    if (!m) return -1;
    wordEnd = m.index + m[0].length;
    return m.index;
  }
  const n = text.length;
  let i = from;
  while (i < n && !isWordUnit(text.charCodeAt(i))) i++;
  if (i >= n) return -1;
  const start = i;
  do i++;
  while (i < n && isWordUnit(text.charCodeAt(i)));
  // An apostrophe (' or ’), full stop or hyphen joins two runs of letters and digits into one word.
  for (;;) {
    const c = text.charCodeAt(i);
    if (!(c === 39 || c === 0x2019 || c === 46 || c === 45) || i + 1 >= n || !isWordUnit(text.charCodeAt(i + 1))) break;
    i += 2;
    while (i < n && isWordUnit(text.charCodeAt(i))) i++;
  }
  wordEnd = i;
  return start;
}
const DIGIT = /\d/;
const NUMBER = /^\d+(?:[.,]\d+)*$/;
const SPACE = /\s/;

/** True for a code unit that /\s/ matches. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(String.fromCharCode(c)));
}

/** True when the text between `from` and `at` closes a sentence: [.!?:], then quotes or brackets, then spaces. */
function endsSentenceBefore(text: string, at: number, from: number): boolean {
  let i = at - 1;
  while (i >= from && isSpace(text.charCodeAt(i))) i--;
  while (i >= from && '"”’)'.includes(text[i]!)) i--;
  return i >= from && '.!?:'.includes(text[i]!);
}

/**
 * One pass over a text: its content terms (as terms() gives them) and its name tokens, i.e.
 * capitalised words that do not merely open a sentence (an opener counts when 3+ letters and no
 * stopword), acronyms ("DACA") and letter-digit codes, folded lower-case. In a title-case headline
 * capitals say nothing, so only the names `known` already holds count. With `placed`, the names go
 * there instead, and a sentence's capitalised opener never counts (see placedNamesOf).
 */
export function scan(text: string, terms: string[], names: Set<string>, known?: ReadonlySet<string>, placed?: Set<string>): void {
  let last = 0;
  let first = true;
  // This runs for every word of every item: words found by character code (WORD's matches, no match
  // objects), tests by code, replacements only where they apply.
  const byPattern = SURROGATE.test(text);
  for (let at = nextWord(text, 0, byPattern); at >= 0; at = nextWord(text, last, byPattern)) {
    const raw = text.slice(at, wordEnd);
    const isFirst = first;
    const prevEnd = last;
    first = false;
    last = wordEnd;
    let lower = raw.toLowerCase();
    if (lower.includes('’')) lower = lower.replace(/’/g, "'");
    const c0 = lower.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57 && NUMBER.test(lower)) continue;
    const folded = foldWord(lower);
    if (lower.length >= 2 && !STOPWORDS.has(lower)) terms.push(stem(folded));
    const bare = lower.includes("'") || lower.includes('.') || lower.includes('-') ? foldWord(lower.replace(/'s$|[.'-]+$/, '')) : folded;
    if (bare.length < 2 || STOPWORDS.has(bare)) continue;
    if (known) {
      if (known.has(bare)) names.add(bare);
    } else if (startsUpper(raw)) {
      const acronym = raw === raw.toUpperCase() && raw.length >= 2;
      // Whether the word opens a sentence is read only here, for the capitalised words it can matter for.
      if (placed) {
        if (acronym || !(isFirst || endsSentenceBefore(text, at, prevEnd))) placed.add(bare);
      } else if (acronym || bare.length >= 3 || !(isFirst || endsSentenceBefore(text, at, prevEnd))) names.add(bare);
    } else if (DIGIT.test(raw) && /\p{L}/u.test(raw) && !isFigureToken(raw)) (placed ?? names).add(bare);
  }
}

/**
 * The item's names that its headline and lede write as names where no sentence opens (or as acronyms
 * or codes): names by how they are written, not by where ("Affected staff will ..." names no one).
 * A title-case headline says nothing here. Computed on first use.
 */
export function placedNamesOf(s: Signals): Set<string> {
  if (s.placed) return s.placed;
  const placed = new Set<string>();
  scan(lede(s.item.text, LEDE_WORDS), [], new Set(), undefined, placed);
  if (!isTitleCase(s.item.title) && s.item.title !== s.item.title.toUpperCase()) scan(s.item.title, [], new Set(), undefined, placed);
  return (s.placed = placed);
}

function counts(list: readonly string[], weight: number, into: Map<string, number>): Map<string, number> {
  for (const t of list) into.set(t, (into.get(t) ?? 0) + weight);
  return into;
}

/** The unit of a figure key: "usd" of "usd:2000000", "%" of "12%", "refugee" of "62500 refugee". */
export function unitOf(f: string): string {
  return f.endsWith('%') ? '%' : f.includes(':') ? f.slice(0, f.indexOf(':')) : f.slice(f.indexOf(' ') + 1);
}

// A weekday that dates what happened ("said Monday", "on Friday"), not a deadline or another day
// ("until Friday", "Super Tuesday", "Thursday's hearing", "last Monday").
const WEEKDAY = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b(?![s'’])/g;
const NOT_ITS_DAY = /\b(?:until|till|before|after|by|since|super|past|next|last|this|effective|through|from|a|an|the|every|each)\s+$/i;
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Bits of the weekdays a text names (Sunday = bit 0). */
export function weekdayBits(text: string): number {
  let bits = 0;
  for (const m of text.matchAll(WEEKDAY)) {
    if (!NOT_ITS_DAY.test(text.slice(Math.max(0, m.index - 12), m.index))) bits |= 1 << DAYS.indexOf(m[1]!);
  }
  return bits;
}

/** A part of a joined name that names someone too: 4+ letters, no digit ("desantis" of "desantis-biden", not "era" of "trump-era"). */
const NAME_PART = /^\p{L}{4,}$/u;

/**
 * Adds the parts of joined names ("Trump-Putin meeting", "DeSantis-Biden sniping"): the other report
 * names each party alone, and a joined token would make them look like two other parties.
 */
function addNameParts(names: Set<string>): void {
  for (const name of [...names]) {
    if (!name.includes('-')) continue;
    for (const part of name.split('-')) if (NAME_PART.test(part) && !STOPWORDS.has(part)) names.add(part);
  }
}

/** A bare year ("n:2021") is the date of many events, not a fact of one. */
const YEAR = /^n:(?:19|20)\d\d$/;

/** Computes the signals of one item. */
export function itemSignals(item: ClusterItem, index: number, vector?: Float32Array): Signals {
  const time = Date.parse(item.publishedAt);
  if (Number.isNaN(time)) throw new TypeError(`clusterItems: item ${item.id} has an invalid publishedAt "${item.publishedAt}"`);
  const head = lede(item.text, LEDE_WORDS);
  const titleTerms: string[] = [];
  const ledeTerms: string[] = [];
  const names = new Set<string>();
  scan(head, ledeTerms, names);
  const titleNames = new Set<string>();
  scan(item.title, titleTerms, titleNames, isTitleCase(item.title) || item.title === item.title.toUpperCase() ? names : undefined);
  addNameParts(titleNames);
  for (const name of titleNames) names.add(name);
  addNameParts(names);
  const titleFigures = new Set<string>();
  for (const f of numberEntities(item.title)) if (!YEAR.test(f)) titleFigures.add(f);
  const figures = new Set(titleFigures);
  for (const f of numberEntities(head)) if (!YEAR.test(f)) figures.add(f);
  const labels = new Set<string>();
  for (const text of [item.title, head]) for (const l of labelEntities(text)) if (isLabelKey(l)) labels.add(l);
  const units = new Map<string, string[]>();
  for (const f of figures) {
    if (f.startsWith('n:')) continue;
    units.set(unitOf(f), [...(units.get(unitOf(f)) ?? []), f]);
  }
  const titleUnits = [...titleFigures].filter((f) => !f.startsWith('n:')).map((f): [string, string] => [unitOf(f), f]);
  const titleWords = words(item.title);
  const codes = new Set<string>();
  for (const w of titleWords) if (/\d/.test(w) && /^\p{L}[\p{L}\d-]*\d[\p{L}\d]*$/u.test(w)) codes.add(foldWord(w));
  return {
    item,
    index,
    time,
    title: counts(titleTerms, 1, new Map()),
    body: counts(ledeTerms, 1, counts(titleTerms, 2, new Map())),
    names,
    titleNames,
    subjects: [...titleNames].filter((name) => name.length >= 4 && !/\d/.test(name)),
    figures,
    titleFigures,
    titleUnits,
    units,
    labels,
    codes,
    events: eventKinds(item.title, titleTerms),
    weekdays: weekdayBits(`${item.title} ${head}`),
    urlKey: item.url ? canonicalUrl(item.url) : undefined,
    titleKey: titleWords.length >= 5 ? fnv1a64(titleWords.join(' ')) : undefined,
    vector,
  };
}

/** Money amounts among an item's figures. */
export function money(s: Signals): string[] {
  return [...s.figures].filter(isMoneyKey);
}

/** Hashed word 3-shingles of the item's opening, computed on first use. */
export function shinglesOf(s: Signals): ShingleSet {
  return (s.shingles ??= shingleHashes(`${s.item.title} ${s.item.text}`));
}

/** True when the item is a roundup of several events (it then joins no story), computed on first use. */
export function isRoundupItem(s: Signals): boolean {
  if (s.roundup !== undefined) return s.roundup;
  // Several subjects need several sentences: a shorter text is judged by its announcing phrases alone.
  // So does a text that comes back to one of its names: a roundup names each subject once.
  const simple = (s.item.text.match(/[.!?](?:\s|$)/g)?.length ?? 0) < 3 || returnsToAName(s);
  return (s.roundup = isRoundup(s.item.title, s.item.text, simple ? noNames : distinctiveNames));
}

/** True when one of the item's names (4+ letters) occurs twice in its opening: one subject, told at length. */
function returnsToAName(s: Signals): boolean {
  const text = s.item.text.slice(0, 1_500).toLowerCase();
  for (const name of s.names) {
    if (name.length < 4) continue;
    const first = text.indexOf(name);
    if (first !== -1 && text.indexOf(name, first + name.length) !== -1) return true;
  }
  return false;
}

const noNames = (): [string[], string[]] => [[], []];

