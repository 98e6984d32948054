/** Sentences reordered by rule, meaning kept: a clause's time phrase moved to the front, so a copied run breaks in two places. */

const DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
// "on Thursday evening", "late Tuesday", "Wednesday": one weekday, with its part of the day.
const TIME = new RegExp(String.raw`(?:,\s)?\b(?:on\s)?(?:(?:late|early)\s)?(${DAY})(?:\s(morning|afternoon|evening|night))?\b(?!['’])(,(?=\s))?`, 'g');
const ANY_DAY = new RegExp(String.raw`\b${DAY}\b`, 'g');
// Words after which a weekday is part of another phrase ("since Monday", "last Friday's vote", "by Tuesday").
const BOUND = /\b(?:since|until|till|by|before|after|from|through|last|next|this|of|each|every|between|and|or|to)\s$/i;
// A clause boundary before the time phrase: moved past it, the day would date another clause.
const CLAUSE = /[,;:—–()"“”]|\b(?:who|which|that|whose|whom|where|when|while|if|because|although|though|since|as|and|but|or|after|before|until)\b/i;

/**
 * The sentence with the time phrase of its main clause moved to the front ("President X on Thursday evening
 * directed…" -> "On Thursday evening, President X directed…"), or undefined when it has none, or more than one
 * weekday, or the phrase sits in a subordinate clause, a date ("Tuesday, Jan. 5") or a quotation.
 * `properWords` keeps a name's capital on the word that no longer opens the sentence.
 */
export function timeFronted(sentence: string, properWords: ReadonlySet<string>): string | undefined {
  if ((sentence.match(ANY_DAY) ?? []).length !== 1 || /["“”]/.test(sentence)) return undefined;
  TIME.lastIndex = 0;
  const m = TIME.exec(sentence);
  if (!m || m.index === 0) return undefined;
  const before = sentence.slice(0, m.index);
  const after = sentence.slice(m.index + m[0].length);
  const bare = m[0].replace(/^,\s/, '').replace(/,$/, '');
  if (!/^on\s/i.test(bare) && BOUND.test(before)) return undefined;
  if (CLAUSE.test(before) || /^,?\s*(?:\p{Lu}\p{Ll}{2}\.?\s\d|\d)/u.test(after) || words(before) < 2) return undefined;
  const rest = `${before}${m[0].startsWith(',') && m[3] ? ',' : ''}${after.startsWith(' ') || !after ? '' : ' '}${after}`.replace(/\s{2,}/g, ' ').replace(/\s+([,.!?])/g, '$1');
  const [head = '', ...tail] = rest.split(' ');
  const keep = properWords.has(head.replace(/[^\p{L}\p{N}'’-]/gu, '').replace(/['’]s$/, '')) || /^(?:I|[\p{Lu}\d]{2,}\b)/u.test(head);
  const phrase = bare.replace(/^on\s/i, '');
  const opener = /^(?:late|early)\s/i.test(phrase) ? `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}` : `On ${phrase}`;
  return `${opener}, ${[keep ? head : head.charAt(0).toLowerCase() + head.slice(1), ...tail].join(' ')}`;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
