/** Word-level vocabulary of clustering: stopwords, suffix folding, figure tokens, content terms. */
import { words } from '../../lib/text';

/** Words that say nothing about which event an item reports (English, plus newsroom boilerplate). */
export const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on ' +
    'once only or other our ours out over own same she should so some such than that the their theirs them then ' +
    'there these they this those through to too under until up very was we were what when where which while who ' +
    'whom why will with would you your yours said says say saying told according new news today yesterday ' +
    'tomorrow week weeks monday tuesday wednesday thursday friday saturday sunday month year years per cent ' +
    'percent one two three first last latest update updated report reported reports reporting announce ' +
    'announced announces announcement statement company companies firm firms people including amid ahead ' +
    'may might must shall via within without since still yet however while another many much well back'
  ).split(' '),
);

/**
 * Words that name what kind of body or round something is, not which one: they end or open many names
 * ("Lindqvist Institute" / "Velmora Institute", "Haldis Growth Partners" / "Copperwell Partners",
 * "Port Sellan" / "Port Aldane", "Series B"), so sharing one says nothing about sharing a party.
 */
export const GENERIC_NAME_WORDS = new Set(
  (
    'institute institution university college school academy foundation trust society association ' +
    'federation union league alliance council committee commission board authority agency bureau office ' +
    'department ministry administration service services centre center group holdings partners capital ' +
    'ventures fund funds investments management bank inc incorporated corp corporation co ltd llc plc gmbh ' +
    'ag sa limited labs lab laboratory laboratories systems technologies technology tech solutions ' +
    'industries international global network networks media studios studio games social quantum robotics ' +
    'dynamics motors therapeutics pharmaceuticals bio biotech health research analytics software ' +
    'digital data cloud security platforms platform airlines airways logistics freight series round port ' +
    'fort mount lake river city county state republic kingdom ' +
    'national'
  ).split(' '),
);

/** Cheap suffix folding so "fines", "fined" and "fine" meet; consistency matters, not linguistics. */
export function stem(word: string): string {
  let w = word.includes("'") ? word.replace(/'s$/, '').replace(/'/g, '') : word;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && /(?:ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

// An amount of money as one token: "€3.1m", "US$1.9bn", "usd40k" ("b" counts as billion only after a currency).
const MONEY_TOKEN = /^(?:[a-z]{0,3}[$€£¥₹]|(?:usd|eur|gbp|jpy|chf|cny|inr|cad|aud)(?=\d))\d+(?:[.,]\d+)*(?:k|m|mn|bn|b|tn)?$/i;
// A number, or a number with a scale or unit: "40", "3.1m", "12%", "10x", "24h", "1990s", "3rd", "500mw".
// A bare "B" is left out: "70B" is how model sizes are named ("Gannet 70B"), so it stays a code.
const FIGURE_TOKEN =
  /^\d+(?:[.,]\d+)*(?:k|m|mn|bn|tn|x|%|s|st|nd|rd|th|[kmgtp]b|[kmgt]wh?|[kmg]hz|km|kg|mm|cm|ms|h|hrs?|mins?|am|pm|bps?|yrs?|fps|mph|kph)?$/i;

/** True for a token that is a figure (an amount, a count with a unit), never a name or a product code. */
export function isFigureToken(token: string): boolean {
  return FIGURE_TOKEN.test(token) || MONEY_TOKEN.test(token);
}

/** Letters that Unicode decomposition does not split into a base letter and a mark. */
const TRANSLITERATIONS: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' };

/**
 * Folds a lower-case word so spellings with and without diacritics meet: "sæbø" and "saebo" ->
 * "sabo", "müller" and "mueller" -> "muller", "økovolt" -> "okovolt". The transliterated pairs
 * (ae, oe, ue) collapse to their first letter on both sides, so either spelling gives one key.
 */
export function foldWord(word: string): string {
  // Plain ASCII without a transliterated pair is the common case: returned untouched.
  if (!/[^\x00-\x7f]|ae|oe|ue/.test(word)) return word;
  return word
    .replace(/[æøßœđðþłı]/g, (c) => TRANSLITERATIONS[c]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/([aou])e/g, '$1');
}

/** Content terms of a text: lower-case, diacritics folded, stemmed, stopwords and bare numbers dropped. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOPWORDS.has(w) || w.length < 2 || /^\d+(?:[.,]\d+)*$/.test(w)) continue;
    out.push(stem(foldWord(w)));
  }
  return out;
}
