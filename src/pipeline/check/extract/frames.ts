/**
 * The frame a figure stands in within its sentence: the start, end or size of a change ("rose by
 * 137,000 to 853,000"), a vote tally ("voted 52 to 48"), or a forecast ("economists had expected
 * 700,000"). A model that moves a figure keeps it in the sources but puts it in another frame: the
 * size of a change written as the new level, the old rate as the new one, a forecast as the result.
 * Hand-written: no library reads these frames, and they are a few fixed constructions of news English.
 */
import type { Figure } from './numbers';

/** Where a figure stands in a change: its start ("from"), its end ("to") or its size ("by"). */
export type ChangeRole = 'from' | 'to' | 'by';

// Verbs of change (stems with their inflections): "rose", "ticked down", "was raised", "climbed".
const CHANGE_VERB = /\b(?:r[io]s(?:e|es|en|ing)|fell|fall(?:s|en|ing)?|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|grew|grow(?:s|n|ing)?|surg(?:e|es|ed|ing)|plung(?:e|es|ed|ing)|soar(?:s|ed|ing)?|slipp?(?:ed|ing|s)?|edg(?:e|es|ed|ing)|tick(?:s|ed|ing)|rais(?:e|es|ed|ing)|lower(?:s|ed|ing)?|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|boost(?:s|ed|ing)?|lift(?:s|ed|ing)?|hik(?:e|es|ed|ing)|slash(?:es|ed|ing)?|trimm?(?:s|ed|ing)?|sank|sink(?:s|ing)?|sunk|shr[au]nk|shrink(?:s|ing)?|tumbl(?:e|es|ed|ing)|dipp?(?:ed|ing|s)?|revis(?:e|es|ed|ing)|chang(?:e|es|ed|ing)|bump(?:s|ed)?|up|down)\b/i;
// A figure's value word may carry a hedge or an adjective before it: "to a seasonally adjusted 853,000", "to nearly 3,000".
const LEAD = String.raw`(?:(?:a|an|the|about|around|roughly|nearly|almost|some|just|over|under|more\s+than|less\s+than|at\s+least|an\s+estimated|a\s+seasonally\s+adjusted|seasonally\s+adjusted|a\s+record|a\s+revised|revised|a\s+total\s+of)\s+)*`;
const FROM_BEFORE = new RegExp(String.raw`\bfrom\s+${LEAD}$`, 'i');
const TO_BEFORE = new RegExp(String.raw`\bto\s+${LEAD}$`, 'i');
const UP_TO = new RegExp(String.raw`\bup\s+to\s+${LEAD}$`, 'i');
const BY_BEFORE = new RegExp(String.raw`\bby\s+${LEAD}$`, 'i');
// "an increase of 2,000" (an article before the noun: "a drop from gains of 610,000" names a level, not a change's size).
const SIZE_OF_BEFORE = new RegExp(String.raw`\ban?\s+(?:\p{L}+\s+)?(?:increase|rise|gain|jump|climb|drop|decline|decrease|fall|dip|surge|cut|reduction|uptick|downtick)\s+of\s+${LEAD}$`, 'iu');
// "jumped 137,000 to 853,000": a figure right after the verb, another one after "to", is the change's size.
const VERB_BEFORE = new RegExp(String.raw`${CHANGE_VERB.source}\s+${LEAD}$`, 'i');
const TO_FIGURE_AFTER = /^\s*,?\s+to\s+(?:\S+\s+){0,3}?[$€£]?\d/i;
// A clause ends at these: a role is read within its clause ("fell to 5.2%, from 5.4%" keeps the verb across the comma).
const SENTENCE_PART = /[;:—–]|\.\s/;

/**
 * The change role of each figure of a sentence (same order as `figures`), or undefined where the
 * sentence does not put the figure in a change. "from X" and "to X" need a verb of change before them
 * in the sentence part, or their partner figure ("from 64 … to nearly 3,000"); "to" in a range
 * ("ages 5 to 11") has neither.
 */
export function changeRoles(text: string, figures: readonly Figure[]): (ChangeRole | undefined)[] {
  // Where each sentence part starts (after a break), once per sentence.
  const breaks = partStarts(text);
  return figures.map((f, i) => {
    if (f.kind === 'date' || f.kind === 'time' || f.kind === 'year') return undefined;
    const partStart = breaks.filter((b) => b <= f.start).at(-1) ?? 0;
    const before = text.slice(partStart, f.start);
    const verb = CHANGE_VERB.test(before);
    // The patterns anchored at the figure read the words right before it: a window, not the whole sentence part per figure.
    const near = tail(text, Math.max(partStart, f.start - WINDOW), f.start);
    if (FROM_BEFORE.test(near)) {
      let partner = false;
      // The partner is a later figure after "to" within the same sentence part: the first break after the figure (one
      // that ends after its first character) ends the search.
      const partEnd = breaks.find((b) => b >= f.start + 2) ?? Infinity;
      for (let k = i + 1; k < figures.length && !partner && figures[k]!.start < partEnd; k++) {
        const g = figures[k]!;
        partner = TO_BEFORE.test(tail(text, Math.max(f.start, g.start - WINDOW), g.start));
      }
      return verb || partner ? 'from' : undefined;
    }
    if (TO_BEFORE.test(near)) {
      // "up to 500" is a ceiling, not where a change ended.
      if (UP_TO.test(near)) return undefined;
      const partner = figures.slice(0, i).some((g) => g.start >= partStart && FROM_BEFORE.test(tail(text, g.start - WINDOW, g.start)));
      // Without a verb of change, "X to Y" is a range ("ages 5 to 11") or a tally ("52 to 48").
      return verb || partner ? 'to' : undefined;
    }
    if (BY_BEFORE.test(near) && verb) return 'by';
    // "an increase of 2,000", "a drop of 5%": a change named by its noun gives its size.
    if (SIZE_OF_BEFORE.test(near)) return 'by';
    if (VERB_BEFORE.test(near) && TO_FIGURE_AFTER.test(text.slice(f.start + f.raw.length))) return 'by';
    return undefined;
  });
}

// Characters before a figure that its frame words ("from a seasonally adjusted", "rose by nearly") fit in.
const WINDOW = 100;

/** text[from, end), its start moved forward to a word's start so that a \b at the window's edge means one in the text. */
function tail(text: string, from: number, end: number): string {
  let at = Math.max(0, from);
  while (at > 0 && at < end && /[\p{L}\p{N}]/u.test(text[at - 1]!) && /[\p{L}\p{N}]/u.test(text[at]!)) at++;
  return text.slice(at, end);
}

/** The offsets where a sentence part starts, after each break (SENTENCE_PART), ascending. */
function partStarts(text: string): number[] {
  const out: number[] = [];
  // One hoisted global copy of SENTENCE_PART, not a new pattern per call; the loop runs to the end, which leaves it at 0.
  const re = SENTENCE_PARTS;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index + m[0].length);
  return out;
}

const SENTENCE_PARTS = new RegExp(SENTENCE_PART.source, 'g');

/** A vote tally: the two counts of a vote, in the order written. */
export interface Tally {
  a: number;
  b: number;
  start: number;
  end: number;
}

const TALLY = /\b(\d{1,3})\s*(?:-|–|—|-to-|\s+to\s+)\s*(\d{1,3})\b(?!\s*(?:%|percent|years?|months?|weeks?|days?|hours?|minutes?|points?|grades?|p\.?m\.?|a\.?m\.?)\b|[-–]\d|[.,]\d)/gi;
// Voting, and the acts a vote decides ("approved the package 96-0", "ruled 7-2", "confirmed 52-48").
const VOTE_WORD = /\b(?:vot(?:e|es|ed|ing)|tally|ballots?|margin|roll\s+call|approv(?:e|es|ed|al)|pass(?:es|ed)|confirm(?:s|ed)|reject(?:s|ed)|acquit(?:s|ted)|convict(?:s|ed)|rul(?:es|ed|ing)|decision|majority)\b/i;

/**
 * The vote tallies of a sentence: "voted 52 to 48", "a 73-25 vote", "by a vote of 168 to 55". A pair
 * of counts is a tally when a word of voting stands before it in the sentence or within 40 characters after.
 */
export function tallies(text: string): Tally[] {
  const out: Tally[] = [];
  TALLY.lastIndex = 0;
  for (let m = TALLY.exec(text); m; m = TALLY.exec(text)) {
    // "voted 52 to 48 on one charge and 53 to 47 on the other": the voting word may stand well before a second tally.
    if (!VOTE_WORD.test(text.slice(0, m.index)) && !VOTE_WORD.test(text.slice(m.index, m.index + m[0].length + 40))) continue;
    out.push({ a: Number(m[1]), b: Number(m[2]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Whether two tallies give the same counts, in either order ("52-48" and "48 to 52" report one vote). */
export function sameTally(x: Tally, y: Tally): boolean {
  return (x.a === y.a && x.b === y.b) || (x.a === y.b && x.b === y.a);
}

// A forecast stands before its figure ("economists had expected 700,000", "the consensus … was 700,000",
// "expectations of 210,000") or right after it ("700,000 jobs were expected").
// "the previous week's initial estimate of 360,000": a first reading, revised later, is what was measured, not a forecast.
const FORECAST_BEFORE = /\b(?:expect(?:ed|ing|ations?)|forecasts?|forecasters?|forecasted|consensus|projected|projections?|predicted|predictions?|anticipated|analysts?|economists?|polled|(?<!\b(?:initial|preliminary|first|earlier|previous|prior|revised|advance|original|second|third|final)\s+)estimates?\s+of)\b[^.;:,]{0,60}$/i;
const FORECAST_AFTER = /^[^.;:,]{0,40}\b(?:(?:were|was|had\s+been|are|is)\s+(?:expected|forecast|projected|predicted|anticipated)|would\s+be\s+(?:added|lost|created))\b/i;

/** Whether the figure is given as a forecast or expectation rather than as what happened. */
export function isForecast(text: string, f: Figure): boolean {
  const before = FORECAST_BEFORE.exec(text.slice(Math.max(0, f.start - 80), f.start));
  // "is expected to clear a $484 billion package": the forecast is of an act, and the figure only names what it acts on.
  if (before && !OTHER_ACT.test(before[0])) return true;
  return FORECAST_AFTER.test(text.slice(f.start + f.raw.length));
}

const OTHER_ACT = /\bto\s+(?!(?:be|reach|hit|total|top|exceed|rise|fall|climb|drop|come|show|add|lose|gain|grow|increase|decrease|decline)\b)\p{L}+/iu;

// A sentence that hedges or reports expectations anywhere may give a forecast: it is not held to the sources' frame.
const SPECULATIVE = /\b(?:expect\w*|forecast\w*|project\w*|predict\w*|anticipat\w*|consensus|economists?|analysts?|estimat\w*|would|could|might|may|goal|target\w*|plan\w*|hop(?:e|es|ed|ing)|aim\w*|want\w*|propos\w*|call(?:s|ed)?\s+for|seek\w*)\b/i;

/** Whether a draft sentence speaks of expectations or plans at all. */
export function speculates(sentence: string): boolean {
  return SPECULATIVE.test(sentence);
}

/** The period a figure is a rate of: "$300 weekly checks", "$1,200 a year", "per month". */
export type RatePeriod = 'day' | 'week' | 'month' | 'quarter' | 'year';

const PERIOD_WORD: Record<string, RatePeriod> = {
  daily: 'day', weekly: 'week', monthly: 'month', quarterly: 'quarter', annual: 'year', annually: 'year', yearly: 'year',
  day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year',
};
// "$300 weekly", "a month", "per year", "-a-week"; not "a year ago", "in a year" (a span) or "this year" (a date). An adjective
// ("weekly") right after the figure only: further on it describes another noun ("3 million people … their weekly checks").
const RATE_AFTER = /^(?:\s+(?:in\s+)?(daily|weekly|monthly|quarterly|annual(?:ly)?|yearly)\b|[^,;:.()—–]{0,30}?\b(?<!\b(?:in|over|within|for|than|about|nearly|almost)\s)(?:a|per|each|every)\s+(day|week|month|quarter|year)\b(?!\s+(?:ago|earlier|later|before|after|from))|-a-(day|week|month|year)\b)/i;
// "weekly checks shrink by $300": the adjective a few words before the figure, in its clause.
const RATE_BEFORE = /\b(daily|weekly|monthly|quarterly|annual|yearly)\s+(?:[\p{L}-]+\s+){0,3}$/iu;

/** The period the figure is a rate of, read in its clause, or undefined when the text gives none. */
export function ratePeriod(text: string, f: Figure): RatePeriod | undefined {
  const after = RATE_AFTER.exec(text.slice(f.start + f.raw.length, f.start + f.raw.length + 45));
  const word = after ? after[1] ?? after[2] ?? after[3] : RATE_BEFORE.exec(text.slice(Math.max(0, f.start - 40), f.start))?.[1];
  return word ? PERIOD_WORD[word.toLowerCase()] : undefined;
}
