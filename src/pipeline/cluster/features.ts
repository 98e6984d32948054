/** Name entities, name heads, ledes, shingles and copy keys: the text readings behind ./signals.ts and the roundup test. */
import { normalizeWhitespace, wordHashes } from '../../lib/text';
import { bareWord, isLabel, isPeriod } from './figures';
import { foldWord, isFigureToken, STOPWORDS } from './terms';

const CONNECTORS = new Set(['of', 'for', 'and', '&', 'de', 'von', 'van', 'la', 'le']);

/**
 * Named entities: runs of capitalised words (a lone capitalised word only when it does not
 * open a sentence), acronyms, and tokens that mix letters and digits ("Kite-3", "H200").
 * Figures ("€3.1m", "40%"), labels ("Series C", "Phase 2") and periods ("Q3") are never names.
 * Lone capitalised sentence openers go to `openers`: names only if the batch confirms them.
 * Capitals say nothing in shouted text (a text mostly in capitals, or a run of all-caps words such
 * as "CLOUD CRASH:"): its words and word pairs go to `openers` too, never straight to names.
 * Names come out lower-case with diacritics folded ("Sæbø" -> "sabo").
 */
export function nameEntities(text: string, titleCase = false, openers?: string[]): string[] {
  const out: string[] = [];
  const tokens = normalizeWhitespace(text).split(' ');
  const bare = tokens.map(bareWord);
  const shouted = shoutedTokens(tokens, bare, isMostlyUpper(text));
  let lastShouted: string | undefined;
  let span: string[] = [];
  let spanStartsSentence = false;
  let sentenceStart = true;
  const flush = () => {
    while (span.length && (STOPWORDS.has(span[0]!.toLowerCase()) || CONNECTORS.has(span[0]!.toLowerCase()))) {
      span.shift();
      spanStartsSentence = false;
    }
    while (span.length && CONNECTORS.has(span[span.length - 1]!.toLowerCase())) span.pop();
    if (span.length >= 2 || (span.length === 1 && !spanStartsSentence)) out.push(foldName(span.join(' ')));
    else if (span.length === 1) openers?.push(foldName(span[0]!));
    span = [];
  };
  let labelValue = false;
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i]!;
    // An opening bracket starts an aside ("Data Office (DPO)"): the name before it is complete.
    if (/^[(\[]/.test(raw)) flush();
    const word = bare[i]!;
    if (shouted[i] && word && !(/\p{L}/u.test(word) && /\d/.test(word))) {
      flush();
      const w = foldName(word);
      if (!STOPWORDS.has(w) && !CONNECTORS.has(w) && /\p{L}/u.test(w)) {
        openers?.push(w);
        if (lastShouted) openers?.push(`${lastShouted} ${w}`);
        lastShouted = w;
      } else lastShouted = undefined;
      sentenceStart = /[.!?:]["”’)]?$/.test(raw);
      continue;
    }
    lastShouted = undefined;
    // A possessive ends a name: "Pellworth Tools' Tessera agent" names two things.
    const endsClause = /[.!?:;,)"”]$|\p{L}['’]s?$/u.test(raw);
    const endsSentence = /[.!?:]["”’)]?$/.test(raw);
    // Figures ("€3.1m"), labels ("Series C", "Chapter 11") and periods ("Q3") are generic: they name no one.
    const label: boolean = !labelValue && !!word && isLabel(word, bare[i + 1]);
    const generic = label || labelValue || !word || (/\d/.test(word) && (isFigureToken(word) || isPeriod(word)));
    labelValue = label;
    // "Thistle 3", "Larkspur 2.5": a capitalised name and a small version number name a product.
    // The raw token must be the bare number ("€48 million" is money) and no scale word may follow.
    const version =
      span.length && !label && /^\d{1,2}(?:\.\d{1,2})?(?:['’]s)?[,.;:!?)]?$/.test(raw) && !SCALE_WORDS.test(bare[i + 1] ?? '')
        ? versionedName(span[span.length - 1]!, word)
        : undefined;
    if (version) out.push(foldName(version));
    if (generic || isNumberCompound(word)) {
      flush();
      sentenceStart = word ? endsSentence : sentenceStart || endsSentence;
      continue;
    }
    const acronym = /^[A-Z][A-Z0-9&-]*[A-Z0-9]$/.test(word) && /[A-Z].*[A-Z0-9]/.test(word);
    const code = /\p{L}/u.test(word) && /\d/.test(word) && !isNumberCompound(word);
    if (acronym || code) out.push(foldName(word));
    const capitalised = /^\p{Lu}/u.test(word) && !titleCase;
    if (capitalised || (span.length && CONNECTORS.has(word.toLowerCase()) && !titleCase)) {
      if (!span.length) spanStartsSentence = sentenceStart;
      span.push(word);
    } else flush();
    if (endsClause) flush();
    sentenceStart = endsSentence;
  }
  flush();
  return out;
}

/**
 * Trailing words an organisation or product name may carry or drop ("Brightgate VPN", "Brightgate
 * Networks", "Brightgate"): legal forms, business lines and app words. Institutions ("Institute",
 * "Authority", "University") are not here: their first word is often a place, not the name.
 */
const OPTIONAL_NAME_TAILS = new Set(
  ('vpn networks network social cloud systems system labs lab group holdings technologies technology tech ai inc ' +
    'ltd llc plc gmbh corp corporation co company app apps platform software security robotics health rail ' +
    'motors energy media studios pharma therapeutics biotech digital services solutions industries games ' +
    'mobile online pay payments bank semiconductor semiconductors devices electronics computing dynamics')
    .split(' '),
);

/** A name as clustering compares it: lower-case, each word's diacritics folded (see foldWord). */
export function foldName(name: string): string {
  return name.toLowerCase().split(' ').map(foldWord).join(' ');
}

/** Letters a text needs before its case can be judged: "OK" alone is not shouting. */
const MIN_CASE_LETTERS = 8;

/** True when most letters of a text are capitals ("ROBOT BUTLER RECALLED"): its case carries no information. */
export function isMostlyUpper(text: string): boolean {
  // Counted by code point, ASCII by its code: no array of matches per text (this runs for every sentence a roundup test reads).
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) upper++;
      else if (c >= 97 && c <= 122) lower++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const ch = String.fromCodePoint(cp);
    if (UPPER_LETTER.test(ch)) upper++;
    else if (LOWER_LETTER.test(ch)) lower++;
  }
  return upper + lower >= MIN_CASE_LETTERS && upper > 2 * lower;
}

const UPPER_LETTER = /^\p{Lu}$/u;
const LOWER_LETTER = /^\p{Ll}$/u;

/**
 * Which tokens are shouted: all of them in a mostly-capitals text; otherwise runs of two or more
 * all-caps words with a word of 4+ letters ("CLOUD CRASH:", "SIX HOURS"). "IBM AI" (short
 * acronyms) and a lone "NASA" stay acronyms.
 */
function shoutedTokens(tokens: readonly string[], bare: readonly string[], all: boolean): boolean[] {
  if (all) return tokens.map(() => true);
  const caps = bare.map((w) => (!!w && /^\p{Lu}[\p{Lu}\d'’-]*$/u.test(w) && (w.match(/\p{Lu}/gu)?.length ?? 0) >= 2 ? w.length : 0));
  const out = tokens.map(() => false);
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && caps[j]) j++;
    if (j - i >= 2 && caps.slice(i, j).some((len) => len >= 4)) for (let k = i; k < j; k++) out[k] = true;
    i = Math.max(j, i + 1);
  }
  return out;
}

/**
 * The distinctive head of a name: "brightgate vpn" and "brightgate networks" -> "brightgate", so
 * one organisation written three ways is one name, while "harrowgate institute" stays whole.
 * Only a single rare-looking word (5+ letters, no digit) is left as a head.
 */
export function nameHead(name: string): string {
  const ws = name.split(' ');
  let end = ws.length;
  while (end > 1 && OPTIONAL_NAME_TAILS.has(ws[end - 1]!)) end--;
  if (end === ws.length || end !== 1) return name;
  const head = ws[0]!;
  return /^\p{L}{5,}$/u.test(head) && !STOPWORDS.has(head) ? head : name;
}

/** Words after a number that make it an amount ("Thistle 3 million"), not a version. */
const SCALE_WORDS = /^(?:thousand|million|billion|trillion|percent|per|%)$/i;

/** Capitalised words that a number follows without naming a product: dates and stages. */
const NOT_VERSIONED = new Set(
  ('january february march april may june july august september october november december jan feb mar apr jun jul ' +
    'aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday top covid')
    .split(' '),
);

/** "thistle 3" for a name word followed by a version number, unless the word is a date or stage word. */
function versionedName(word: string, version: string): string | undefined {
  const w = word.toLowerCase();
  if (!/^\p{Lu}\p{L}{2,}$/u.test(word) || NOT_VERSIONED.has(w) || STOPWORDS.has(w) || CONNECTORS.has(w)) return undefined;
  return `${w} ${version}`;
}

/**
 * True for a hyphenated figure written as words ("1-million-token", "under-16s", "24-hour",
 * "3-year-old", "10-fold"): every part is a number or a lower-case word, so it names no product.
 * "Kite-3" and "GPT-4o-like" keep a capitalised part and stay codes.
 */
export function isNumberCompound(word: string): boolean {
  if (!word.includes('-') || !/\d/.test(word)) return false;
  return word.split('-').every((part) => /^\d+(?:[.,]\d+)*(?:s|st|nd|rd|th|%)?$/.test(part) || /^\p{Ll}+$/u.test(part));
}

/** True when a headline capitalises most of its words, so capitals carry no name signal. */
export function isTitleCase(title: string): boolean {
  const ws = title.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  if (ws.length < 3) return false;
  return ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length > 0.6;
}

/** The first `count` words of a text: the lede, where a news item says what happened. */
export function lede(text: string, count: number): string {
  // Only the opening can hold the lede, so long bodies are not split whole.
  const head = text.slice(0, count * 16).trim();
  // Words apart by single spaces (most texts): the lede is a slice, no words split and joined.
  let words = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 32 && !isSpaceCode(head.charCodeAt(i + 1))) {
      if (++words === count) return head.slice(0, i);
    } else if (isSpaceCode(c)) return head.split(/\s+/).slice(0, count).join(' ');
  }
  return head;
}

const SPACE = /\s/;
/** True for a code unit that /\s/ matches (NaN, past the end, is none). */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(String.fromCharCode(c)));
}

/** Words of a text's opening that syndication is judged on: copies agree from the start. */
const SHINGLE_WORDS = 400;

/** A set of shingle hashes: distinct, ascending (compact, and compared by one merge). */
export type ShingleSet = Uint32Array;

/** Hashed word 3-shingles of a text's opening, for near-duplicate (syndication) detection. */
export function shingleHashes(text: string): ShingleSet {
  const ws = wordHashes(text.slice(0, SHINGLE_WORDS * 12), SHINGLE_WORDS);
  if (ws.length < 3) return ws.length ? Uint32Array.of(ws.reduce((h, w) => Math.imul(h ^ w, 0x01000193) >>> 0, 0x811c9dc5)) : new Uint32Array(0);
  // Word hashes mixed arithmetically: no shingle strings to build and collect.
  const out = new Uint32Array(ws.length - 2);
  for (let i = 0; i + 3 <= ws.length; i++) out[i] = (Math.imul(Math.imul(ws[i]!, 31) ^ ws[i + 1]!, 0x01000193) ^ Math.imul(ws[i + 2]!, 0x5bd1e995)) >>> 0;
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (!n || out[i] !== out[n - 1]) out[n++] = out[i]!;
  return out.subarray(0, n);
}

/** Share of the smaller set found in the larger: 1 when one text is a copy (or a cut) of the other. */
export function containment(a: ShingleSet, b: ShingleSet): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (!small.length) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < small.length && j < large.length; ) {
    if (small[i] === large[j]) {
      shared++;
      i++;
      j++;
    } else if (small[i]! < large[j]!) i++;
    else j++;
  }
  return shared / small.length;
}

/** The URL as a copy key: lower-case host, no www, fragment, tracking parameters or trailing slash. */
export function canonicalUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) if (/^(?:utm_|fbclid|gclid|ref$)/.test(key)) u.searchParams.delete(key);
    const host = u.hostname.toLowerCase().replace(/^www\./, '');
    return `${host}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return undefined;
  }
}

/** Names of a sentence that can tell subjects apart (name heads of 4+ letters, no figures), and its opener. */
export function distinctiveNames(sentence: string): [string[], string[]] {
  const openers: string[] = [];
  const names = nameEntities(sentence, false, openers).map(nameHead).filter((name) => /^\p{L}[\p{L}' -]{3,}$/u.test(name) && !STOPWORDS.has(name));
  return [names, openers];
}
