/** Figures an item states, as comparable keys: amounts of money, counts with units, and generic labels ("Series C", "Q3"). */
import { normalizeWhitespace } from '../../lib/text';
import { STOPWORDS, stem } from './terms';

const SCALE: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, b: 1e9, billion: 1e9, t: 1e12, tn: 1e12, trillion: 1e12,
};
const CURRENCY: Record<string, string> = {
  $: 'usd', '€': 'eur', '£': 'gbp', '¥': 'jpy', '₹': 'inr',
  usd: 'usd', eur: 'eur', gbp: 'gbp', jpy: 'jpy', chf: 'chf', cny: 'cny', inr: 'inr', cad: 'cad', aud: 'aud',
};
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'usd', dollars: 'usd', euro: 'eur', euros: 'eur', pound: 'gbp', pounds: 'gbp', yen: 'jpy', yuan: 'cny',
  rupee: 'inr', rupees: 'inr', franc: 'chf', francs: 'chf',
};
const MONEY_KEY = new RegExp(`^(?:${[...new Set(Object.values(CURRENCY).concat(Object.values(CURRENCY_WORDS)))].join('|')}):`);

/** True for an entity key that is an amount of money ("eur:3100000"). */
export function isMoneyKey(key: string): boolean {
  return MONEY_KEY.test(key);
}

// Currency (symbol or ISO code, glued or spaced) or no letter/digit before; amount; scale (any case for
// k/m/b and the scale words, as title-case headlines write them: "$1.9B", "$26 Million"; a glued T:
// "$2.2T"); then a percent sign or a unit word.
const NUMBER_RE =
  /(?:([$€£¥₹])\s?|\b(USD|EUR|GBP|JPY|CHF|CNY|INR|CAD|AUD)\s?|(?<![\p{L}\p{N}.,-]))(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\d)(?:\s?([Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|bn|mn|tn|[kmbKMB]|(?<=\d)[Tt])\b)?(?:\s?(%|percent\b|per cent\b)|\s([A-Za-z][a-z-]{2,}))?/gu;

/**
 * Numbers with a unit, normalised so that one amount written three ways is one key
 * ("€3.1m", "€3.1 million", "3.1 million euros" -> "eur:3100000"); money keys start with a currency code.
 */
export function numberEntities(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const [, symbol, code, num, scale, pct, unit] = m;
    // A glued T is trillions only after a currency ("$2.2T"); "10T" alone is more likely a code.
    if (!num || (scale?.toLowerCase() === 't' && !symbol && !code)) continue;
    let value = Number(num.replace(/,/g, ''));
    if (scale) value *= SCALE[scale.toLowerCase()] ?? 1;
    const v = Number(value.toPrecision(6));
    const unitWord = unit?.toLowerCase();
    const currency = symbol ? CURRENCY[symbol] : code ? CURRENCY[code.toLowerCase()] : unitWord ? CURRENCY_WORDS[unitWord] : undefined;
    if (currency) {
      out.push(`${currency}:${v}`);
      continue;
    }
    if (pct) {
      out.push(`${v}%`);
      continue;
    }
    if (!scale && /^(?:19|20)\d\d$/.test(num)) continue; // a bare year is not a fact worth matching
    out.push(`n:${v}`); // the bare amount too, so "120 jobs" meets "120 staff"
    if (unitWord && !STOPWORDS.has(unitWord)) out.push(`${v} ${stem(unitWord)}`);
  }
  return out;
}

/** Words that, before a number or a letter, name a stage or an instalment, not a subject ("Series C", "Chapter 11"). */
const LABEL_WORDS = new Set(
  ('series chapter phase version round tier level stage part section article title class category type grade ' +
    'season episode volume vol step wave pillar schedule annex clause amendment gen generation day')
    .split(' '),
);
// The label's value: a number ("11", "3.1", "2b"), one capital letter ("C", "B2"), a roman numeral or a number word.
// Letters must be capitals so "stage a comeback" or "round a corner" is no label.
const LABEL_VALUE = /^(?:\d+(?:\.\d+)*[a-z]?|[A-Z]\d?|[IVX]{1,5}|(?:one|two|three|four|five|six|seven|eight|nine|ten)|(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten))$/;
// A reporting period: quarters and halves ("Q3", "3Q", "Q3-26", "H1"), fiscal and calendar years ("FY2025", "FY26").
// Halves need a separator before a year so GPU-style codes ("H100") stay codes.
const PERIOD = /^(?:Q[1-4](?:['’-]?\d{2}(?:\d{2})?)?|[1-4]Q(?:\d{2}(?:\d{2})?)?|H[12](?:['’-]\d{2}(?:\d{2})?)?|(?:FY|CY)\d{2}(?:\d{2})?)$/i;

/** A word with the punctuation around it (and a possessive) removed. */
export function bareWord(raw: string): string {
  // Most tokens open and close with an ASCII letter or digit and are no possessive: nothing to remove.
  const n = raw.length;
  if (n && isAsciiAlnum(raw.charCodeAt(0)) && isAsciiAlnum(raw.charCodeAt(n - 1))) {
    const possessive = n >= 2 && raw.charCodeAt(n - 1) === 115 && (raw.charCodeAt(n - 2) === 39 || raw.charCodeAt(n - 2) === 0x2019);
    if (!possessive) return raw;
  }
  return raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/['’]s$/, '');
}

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** True when a word is a label word ("Series", "phase") and the next word its value ("C", "2"). */
export function isLabel(word: string, next: string | undefined): boolean {
  return next !== undefined && LABEL_WORDS.has(word.toLowerCase()) && LABEL_VALUE.test(next);
}

/** True for a reporting-period code ("Q3", "FY2025"): generic, not a name. */
export function isPeriod(word: string): boolean {
  return PERIOD.test(word);
}

// A label word or a period-like token somewhere in the text (a cheap test before splitting it).
const MAY_HOLD_LABEL = new RegExp(`\\b(?:${[...LABEL_WORDS].join('|')})\\b|\\b(?:[QH]\\d|\\dQ|FY|CY)`, 'i');

/** A period's kind and number ("Q3-26" -> "quarter 3", "FY2025" -> "fy 25"), so spellings of one period meet. */
function periodKey(word: string): string {
  const w = word.toLowerCase();
  const quarter = /^q([1-4])|^([1-4])q/.exec(w);
  if (quarter) return `quarter ${quarter[1] ?? quarter[2]}`;
  if (w.startsWith('h')) return `half ${w[1]}`;
  return `${w.slice(0, 2)} ${w.slice(-2)}`;
}

/** Generic labels a text states, as figure keys ("lbl:series c", "lbl:quarter 3"): shared facts, never names. */
export function labelEntities(text: string): string[] {
  const out: string[] = [];
  if (!MAY_HOLD_LABEL.test(text)) return out; // most texts hold none: skip splitting them into words
  const ws = normalizeWhitespace(text).split(' ').map(bareWord);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (isLabel(w, ws[i + 1])) out.push(`lbl:${w.toLowerCase()} ${ws[++i]!.toLowerCase()}`);
    else if (w && isPeriod(w)) out.push(`lbl:${periodKey(w)}`);
  }
  return out;
}

/** True for a label key ("lbl:series c"). */
export function isLabelKey(key: string): boolean {
  return key.startsWith('lbl:');
}

/**
 * True when two items give different values to one kind of label and share none ("Series B"
 * against "Series C", "Q2" against "Q3"): two rounds or two quarters are two events.
 */
export function labelsConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (!a.size || !b.size) return false;
  const kindOf = (key: string) => key.slice(0, key.lastIndexOf(' '));
  const kindsB = new Set([...b].map(kindOf));
  let conflict = false;
  for (const key of a) {
    if (b.has(key)) return false;
    if (kindsB.has(kindOf(key))) conflict = true;
  }
  return conflict;
}
