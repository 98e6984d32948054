/** Plain-text helpers shared by clustering, writing and checking: words, sentences, shingles. */

const UPPER_FIRST = /^\p{Lu}/u;

/** Whether a word starts with a capital letter, answered from the first character's code where it is ASCII (most words). */
export function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_FIRST.test(word);
}

/** The text with every character a regular expression gives a meaning escaped, to match it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Collapses runs of whitespace to single spaces and trims. */
export function normalizeWhitespace(text: string): string {
  // Single spaces are left alone (not replaced by themselves): text that has only those is not copied.
  return text.replace(WHITESPACE_RUNS, ' ').trim();
}

// A run of whitespace that is not one space: it starts with a tab or newline, or is a space and more.
const WHITESPACE_RUNS = /[^\S ]\s*| \s+/g;

/**
 * An item's title and text as one key, whitespace runs aside: two items with the same key are one
 * article however they reached us (a feed read through a redirect, or under a second name).
 */
export function contentKey(title: string, text: string): string {
  return `${normalizeWhitespace(title)}\n${normalizeWhitespace(text)}`;
}

/** Lower-case word tokens (letters and digits, Unicode-aware), apostrophes folded; the first `limit` only, when given. */
export function words(text: string, limit = Infinity): string[] {
  const lower = text.toLowerCase();
  // A code point outside the basic plane takes two units: the pattern reads it, the scan below does not.
  if (SURROGATE.test(lower)) return (lower.replace(/[’‘`]/g, "'").match(/[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu) ?? []).slice(0, limit);
  // The pattern's matches, scanned by hand: the writer reads thousands of texts' words, and the scan costs less than the pattern.
  const out: string[] = [];
  for (let i = nextWordStart(lower, 0); i < lower.length && out.length < limit; ) {
    const end = wordEndAt(lower, i);
    const word = lower.slice(i, end);
    out.push(wordFolded ? word.replace(/[’‘`]/g, "'") : word);
    i = nextWordStart(lower, end);
  }
  return out;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * fnv1a32 of each of `words(text, limit)`, hashed as the scan reads them (no word strings built):
 * near-duplicate detection hashes hundreds of words per text.
 */
export function wordHashes(text: string, limit = Infinity): number[] {
  const lower = text.toLowerCase();
  if (SURROGATE.test(lower)) return words(text, limit).map(fnv1a32);
  const out: number[] = [];
  for (let i = nextWordStart(lower, 0); i < lower.length && out.length < limit; ) {
    const end = wordEndAt(lower, i);
    let h = 0x811c9dc5;
    // Every apostrophe hashed as "'", as words() folds them.
    for (let k = i; k < end; k++) {
      const c = lower.charCodeAt(k);
      h ^= isApostrophe(c) ? 39 : c;
      h = Math.imul(h, 0x01000193);
    }
    out.push(h >>> 0);
    i = nextWordStart(lower, end);
  }
  return out;
}

/** Whether the last word wordEndAt read holds an apostrophe other than "'": an out-value, so the scan builds no object per word. */
let wordFolded = false;

const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 0x2018 || c === 96;

/** The first position at or after `from` that starts a word (text.length when none). */
function nextWordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isWordUnit(text.charCodeAt(i))) i++;
  return i;
}

/** The end of the word starting at `start`: runs of letters and digits joined by an apostrophe, full stop or hyphen. */
function wordEndAt(text: string, start: number): number {
  const n = text.length;
  let i = start;
  wordFolded = false;
  do i++;
  while (i < n && isWordUnit(text.charCodeAt(i)));
  for (;;) {
    const c = text.charCodeAt(i);
    const apostrophe = isApostrophe(c);
    if (!(apostrophe || c === 46 || c === 45) || i + 1 >= n || !isWordUnit(text.charCodeAt(i + 1))) break;
    if (apostrophe && c !== 39) wordFolded = true;
    i += 2;
    while (i < n && isWordUnit(text.charCodeAt(i))) i++;
  }
  return i;
}

/** Any UTF-16 surrogate: a text holding one needs code-point-aware (pattern) reading. */
export const SURROGATE = /[\uD800-\uDFFF]/;
// Whether a code unit of the basic plane is a letter or digit (\p{L} or \p{N}): 1 yes, 2 no, 0 not asked yet.
const WORD_UNITS = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** True for a code unit of the basic plane that is a letter or digit (\p{L} or \p{N}); surrogates are not. */
export function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  let known = WORD_UNITS[c]!;
  if (!known) WORD_UNITS[c] = known = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

/** Number of words a reader would count. */
export function wordCount(text: string): number {
  // The runs of non-whitespace, counted rather than matched into an array.
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(text[i]!));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

const SPACE = /\s/;

/** Characters of a text's opening read first by `leadingSentences`, doubled until enough sentences end in it. */
const OPENING_CHARS = 2_000;

/**
 * The first `count` sentences of a text (as `sentences` splits them), reading only as much of a
 * long text as they need: the sentences that end before another begins in an opening are the
 * text's own, since a sentence break is decided by the characters around it.
 */
export function leadingSentences(text: string, count: number): string[] {
  for (let size = OPENING_CHARS; size < text.length; size *= 2) {
    const some = sentences(text.slice(0, size));
    if (some.length > count) return some.slice(0, count);
  }
  return sentences(text).slice(0, count);
}

/** The clause of `text` around [start, end): from the comma or semicolon before `start` to the one after `end`. */
export function clauseAt(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf(',', start), text.lastIndexOf(';', start)) + 1;
  const stop = text.slice(end).search(/[,;]/);
  return text.slice(from, stop < 0 ? text.length : end + stop);
}

/**
 * Sentences of a plain text. Splits after . ! ? (and closing quotes) when the next
 * word starts a sentence, keeping common abbreviations and decimals intact.
 */
export function sentences(text: string): string[] {
  const clean = normalizeWhitespace(text);
  if (!clean) return [];
  const out: string[] = [];
  // A break starts only where a run of stops starts: a run never followed by a space ("......") is tried once, not from each of its stops.
  const re = /(?<![.!?])[.!?]+["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let m = re.exec(clean); m; m = re.exec(clean)) {
    const before = clean.slice(start, m.index);
    if (/\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|v|etc|Inc|Ltd|Co|Corp|No|Gen|Gens|Sen|Sens|Rep|Reps|Gov|Govs|Lt|Col|Sgt|Capt|Adm|Rev|Ft|Mt|U\.S|e\.g|i\.e|[A-Z])$/.test(before)) continue;
    // AP style month abbreviations before a day ("Nov. 3", "Sept. 6") do not end a sentence.
    if (/\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$/.test(before) && /^\d/.test(clean.slice(m.index + m[0].length))) continue;
    out.push(clean.slice(start, m.index + m[0].length).trim());
    start = m.index + m[0].length;
  }
  const rest = clean.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/**
 * `sentences`, with any longer than `maxChars` cut at the last space before the limit (or at the limit): what reads a
 * sentence whole stays bounded on text with no sentence ends (a hostile feed body, a run-on paragraph).
 */
export function boundedSentences(text: string, maxChars: number): string[] {
  const out: string[] = [];
  for (const sentence of sentences(text)) {
    let rest = sentence;
    while (rest.length > maxChars) {
      const space = rest.lastIndexOf(' ', maxChars);
      const cut = space > maxChars / 2 ? space : maxChars;
      out.push(rest.slice(0, cut).trim());
      rest = rest.slice(cut).trim();
    }
    if (rest) out.push(rest);
  }
  return out;
}

/** Word n-gram shingles (joined by spaces) of a token list. */
export function shingles(tokens: readonly string[], size: number): Set<string> {
  const out = new Set<string>();
  if (tokens.length < size) {
    if (tokens.length) out.add(tokens.join(' '));
    return out;
  }
  // Each shingle is a slice of the tokens joined once: no per-shingle array or join.
  const joined = tokens.join(' ');
  const starts = new Array<number>(tokens.length + 1);
  for (let i = 0, at = 0; i <= tokens.length; i++) {
    starts[i] = at;
    if (i < tokens.length) at += tokens[i]!.length + 1;
  }
  for (let i = 0; i + size <= tokens.length; i++) out.add(joined.slice(starts[i], starts[i + size]! - 1));
  return out;
}

/** Jaccard similarity of two sets. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (!a.size && !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Function words that carry no content, for overlap measures. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an the and or but if of to in on at by for with from as into onto over under about after before than then that this these those ' +
    'it its it\'s is are was were be been being has have had do does did will would can could should may might must shall not no ' +
    'he she they we you i his her their our your them us him who whom whose which what when where why how there here also just ' +
    'said says say told according more most less least very so such only other some any each all both many much up out off new')
    .split(' '),
);

const BARE_NUMBER = /^[\d.,'-]+$/;
// The characters BARE_NUMBER is made of: a word that starts with anything else is not one (most words).
const NUMBER_CHARS = "0123456789.,'-";

/** A crude stem: enough to let "jobs"/"job", "valuing"/"values" and "employs"/"employees" meet. */
export function stem(word: string): string {
  // The first of -ing, -ed, -es, -s that leaves at least three letters comes off; "-ss" words keep theirs.
  let w = word;
  if (!w.endsWith('ss')) {
    const n = w.length;
    if (n >= 6 && w.endsWith('ing')) w = w.slice(0, -3);
    else if (n >= 5 && (w.endsWith('ed') || w.endsWith('es'))) w = w.slice(0, -2);
    else if (n >= 4 && w.endsWith('s')) w = w.slice(0, -1);
  }
  return (w.length > 3 && w.endsWith('e') ? w.slice(0, -1) : w).slice(0, 5);
}

/** Stemmed content words (stopwords and bare numbers dropped), in order. */
export function contentWords(text: string): string[] {
  return contentWordsOf(words(text));
}

/** `contentWords` of a text already split by `words`. */
export function contentWordsOf(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of tokens) if (!STOPWORDS.has(w) && !(NUMBER_CHARS.includes(w[0]!) && BARE_NUMBER.test(w))) out.push(stem(w));
  return out;
}

/** Text as " w1 w2 … " so that a phrase's words can be found with indexOf on word boundaries. */
export function wordString(text: string): string {
  return ` ${words(text).join(' ')} `;
}
