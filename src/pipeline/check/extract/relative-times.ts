/**
 * Relative times: "last week", "two years ago", "a day after", "days later", "the same day", "over
 * the weekend", "earlier this year". News dates most events this way, and a model shifts them as it
 * shifts weekdays ("last year" written as "two years ago").
 */
import { STOPWORDS, words } from '../../../lib/text';

/** A relative time of a text: its span as `unit:distance` (see relativeTimesOf) and where it stands. */
export interface RelativeTime {
  key: string;
  raw: string;
  start: number;
  /** What a time after or before is counted from ("a day after the Electoral College vote" -> electoral, college, vote); empty when unstated. */
  anchor: string[];
}

const COUNTS: Record<string, string> = {
  a: '1', an: '1', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', fifteen: '15', twenty: '20', thirty: '30', forty: '40', fifty: '50',
  few: 'few', several: 'few', some: 'few', couple: '2',
};
const UNIT = '(day|week|month|year|decade)s?';
const COUNT = '(\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|(?:a\\s+)?few|several|(?:a\\s+)?couple\\s+of)';

// The forms, each with its groups read by `keyOf`. Checked in this order; a span is taken once.
const FORMS: [RegExp, (m: RegExpExecArray) => string][] = [
  // A comparison's base, not when the event was: "rose 3.1% from a year earlier", "than the previous month",
  // "on the year". It is a `<unit>-base` span, so it meets only other bases ("this year" dates the event).
  [new RegExp(`\\b(?:from|than|compared\\s+(?:with|to)|versus|vs\\.?|over)\\s+(?:the\\s+same\\s+(?:period|time|day|week|month|quarter)\\s+)?(?:${COUNT}\\s+${UNIT}\\s+(?:earlier|ago|before|prior)|(?:the\\s+)?(?:previous|prior|last|preceding)\\s+(day|week|month|year)|the\\s+(day|week|month|year)\\s+(?:before(?!\\s+last)|earlier|prior))\\b`, 'gi'),
    (m) => (m[2] ? `${m[2].toLowerCase()}-base:${countOf(m[1]!)}` : `${(m[3] ?? m[4])!.toLowerCase()}-base:1`)],
  // "year on year", "month-over-month", "month-to-month": the base is the span before.
  [/\b(?:on\s+the\s+(year|month)|(year|month)[\s-]+(?:over|on|to)[\s-]+(?:year|month))\b/gi, (m) => `${(m[1] ?? m[2])!.toLowerCase()}-base:1`],
  // "two years ago", "a day after", "three weeks earlier", "a few days later"
  [new RegExp(`\\b${COUNT}\\s+${UNIT}\\s+(?:ago|earlier|before|later|after|prior|since)\\b`, 'gi'), (m) => `${m[2]!.toLowerCase()}:${countOf(m[1]!)}`],
  // "days after", "weeks later", "months earlier": a few, unstated
  [new RegExp(`\\b${UNIT.replace('s?', 's')}\\s+(?:ago|earlier|before|later|after)\\b`, 'gi'), (m) => `${m[1]!.toLowerCase()}:few`],
  // "last week", "the previous month", "past year" (not "the past two years", a span)
  [new RegExp(`\\b(?:last|previous|prior|past)\\s+(day|week|month|year|weekend)\\b`, 'gi'), (m) => `${m[1]!.toLowerCase()}:1`],
  // "this week", "earlier this year", "later this month", "this weekend"
  [/\bthis\s+(week|month|year|weekend)\b/gi, (m) => `${m[1]!.toLowerCase()}:0`],
  // "the same day", "that same week"
  [/\b(?:the|that)\s+same\s+(day|week|month|year)\b/gi, (m) => `${m[1]!.toLowerCase()}:0`],
  // "the next day", "the following week", "the day before", "the day after"
  [/\bthe\s+(?:next|following)\s+(day|week|month|year)\b|\bthe\s+(day)\s+(?:before|after)\b/gi, (m) => `${(m[1] ?? m[2])!.toLowerCase()}:1`],
  // "next year", "the coming week": one span ahead of now, which no span back stands for ("last year" is not "next year")
  [/\b(?:next|coming|upcoming)\s+(week|month|year|weekend)\b/gi, (m) => `${m[1]!.toLowerCase()}:+1`],
  // "over the weekend", "on the weekend", "at the weekend"
  [/\b(?:over|on|at|during)\s+the\s+weekend\b/gi, () => 'weekend:0'],
  [/\byesterday\b/gi, () => 'day:1'],
];

// Where the event a time is counted from ends: a clause break.
const ANCHOR_END = /[,;:—–()]|\.(?:\s|$)/;

/**
 * The first content words after a time's "after" or "before", singular: the event it is counted from. Whole words, not the
 * shared stems, which would meet "electoral" with "election".
 */
function anchorOf(text: string, from: number): string[] {
  const rest = text.slice(from, from + 80);
  const stop = rest.search(ANCHOR_END);
  return words(stop < 0 ? rest : rest.slice(0, stop))
    .filter((w) => !STOPWORDS.has(w) && /\p{L}/u.test(w))
    .slice(0, 3)
    .map((w) => w.replace(/(?<=\p{L}{3})s$/u, ''));
}

/**
 * Whether two times are counted from different events: both name the event and share none of its words ("a day after the
 * Electoral College vote" / "six weeks after the Nov. 3 election").
 */
export function anchorsDiffer(a: RelativeTime, b: RelativeTime): boolean {
  return a.anchor.length > 0 && b.anchor.length > 0 && !a.anchor.some((w) => b.anchor.includes(w));
}

/** "two decades after" is "twenty years after": a count of decades as years, so either meets the other. */
function inYears(key: string): string {
  const m = /^decade(-base)?:(\d+)$/.exec(key);
  return m ? `year${m[1] ?? ''}:${Number(m[2]) * 10}` : key;
}

function countOf(raw: string): string {
  const w = raw.toLowerCase().replace(/^a\s+/, '').replace(/\s+of$/, '');
  return /^\d+$/.test(w) ? String(Number(w)) : (COUNTS[w] ?? 'few');
}

/**
 * The relative times of a text, in order, as `unit:distance` keys: "two years ago" -> "year:2",
 * "last week" -> "week:1", "days after" -> "day:few", "the same day" -> "day:0", "over the
 * weekend" -> "weekend:0", "next year" -> "year:+1", a comparison's base "from a year earlier" -> "year-base:1". The direction of a span counted from an event is
 * left out: "a day after the vote" and "the vote came a day before" tell one fact from two sides; a
 * span ahead of now keeps its "+".
 */
export function relativeTimesOf(text: string): RelativeTime[] {
  const out: RelativeTime[] = [];
  if (!HINT.test(text)) return out;
  const taken: [number, number][] = [];
  for (const [pattern, keyOf] of FORMS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const [from, to] = [m.index, m.index + m[0].length];
      if (taken.some(([a, b]) => from < b && a < to)) continue;
      taken.push([from, to]);
      out.push({ key: inYears(keyOf(m)), raw: m[0], start: from, anchor: /(?:after|before|since)$/i.test(m[0]) ? anchorOf(text, to) : [] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const HINT = /day|week|month|year|decade|weekend/i;

/** Whether two relative times may tell one span: the same key, or an unstated few against two or more. */
export function sameRelativeTime(a: string, b: string): boolean {
  if (a === b) return true;
  const [ua, da] = a.split(':') as [string, string];
  const [ub, db] = b.split(':') as [string, string];
  if (ua !== ub) return false;
  // "over the weekend" and "this past weekend" tell the one just gone; only "next weekend" is another.
  if (ua === 'weekend') return !da.startsWith('+') && !db.startsWith('+');
  const few = (d: string) => d === 'few' || Number(d) >= 2;
  return (da === 'few' && few(db)) || (db === 'few' && few(da));
}

/**
 * Whether two relative times cannot date one thing: another distance in the same unit ("last year"
 * / "two years ago", "days after" / "the same day", "this year" / "next year"), or one span back in
 * another unit ("last week" / "last month"). A frame ("this year", "the same day") holds spans of
 * other units inside it.
 */
export function relativeTimesConflict(a: string, b: string): boolean {
  if (sameRelativeTime(a, b)) return false;
  const [ua, da] = a.split(':') as [string, string];
  const [ub, db] = b.split(':') as [string, string];
  // A comparison's base and an event's time date different things.
  if (ua.endsWith('-base') || ub.endsWith('-base')) return ua.endsWith('-base') && ub.endsWith('-base');
  // A span ahead ("next week") and one back in another unit ("two years ago") date different things, not one thing twice.
  return ua === ub || (da !== '0' && db !== '0' && !da.startsWith('+') && !db.startsWith('+'));
}
