/**
 * Reads the dates feeds write as ISO 8601 UTC: ISO 8601/W3CDTF, RFC 822, and the loose forms
 * publishers use in the wild (month before day, 12-hour clocks, no weekday or seconds, named
 * zones, numeric dates, month and weekday names in the main European languages, CJK year-month-day).
 */
// Hand-written: date libraries either want one exact format (RFC 822) or read natural language
// ("yesterday"), which would invent times; a feed date is a small, closed grammar.
import { FILLERS, FULL_MONTH_NAMES, MONTHS, plainWord, WEEKDAYS, ZONES } from './date-words';

/** US zones as news wires name them (AP style: ET, CT, MT, PT), standard offsets; daylight time is worked out. */
const US_GENERIC_ZONES: Record<string, number> = { et: -300, ct: -360, mt: -420, pt: -480 };

/** US daylight saving time: from 2 a.m. on the second Sunday of March to 2 a.m. on the first Sunday of November. */
function usDaylightTime(y: number, mo: number, d: number, h: number): boolean {
  const sunday = (month: number, nth: number) => {
    const first = new Date(Date.UTC(y, month - 1, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + (nth - 1) * 7;
  };
  const start = sunday(3, 2);
  const end = sunday(11, 1);
  if (mo > 3 && mo < 11) return true;
  if (mo === 3) return d > start || (d === start && h >= 2);
  if (mo === 11) return d < end || (d === end && h < 2);
  return false;
}

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[Tt\s]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

/** ISO 8601 UTC string of a feed date, or undefined when it cannot be read. */
export function parseFeedDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text || text.length > 100) return undefined;
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const ms = frac ? Math.round(Number(`0.${frac.slice(0, 3).padEnd(3, '0')}`) * 1000) : 0;
    return build(+y!, mo ? +mo : 1, d ? +d : 1, h ? +h : 0, mi ? +mi : 0, s ? +s : 0, ms, zoneOffset(zone));
  }
  return rfc822(text) ?? looseDate(text);
}

const RFC822 =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC|UT|Z)$/;

/** The strict RFC 822 form most feeds write, read in one match (the loose reader below is slower). */
function rfc822(text: string): string | undefined {
  const m = RFC822.exec(text);
  const month = m ? MONTHS.get(m[2]!.toLowerCase()) : undefined;
  if (!m || !month) return undefined;
  const [, d, , y, h, mi, s, zone] = m;
  return build(+y!, month, +d!, +h!, +mi!, s ? +s : 0, 0, zoneOffset(zone));
}

interface Parts {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  meridiem?: 'am' | 'pm';
  offset?: number;
  /** Standard offset of a US zone named without saying standard or daylight ("8:28 p.m. ET"). */
  usZone?: number;
  /** Numbers not yet placed (day, or a two-digit year), in order. */
  numbers: string[];
}

const TIME = /^(\d{1,2})[:h.](\d{2})(?:[:m.](\d{2})(?:[.,]\d+)?)?(?:s)?(am|pm|a\.m\.|p\.m\.)?$/;
const NUMERIC_DATE = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})$/;
const OFFSET = /^(?:gmt|utc|ut)?([+-])(\d{2}|\d(?!\d))(?::?(\d{2}))?$/;

/** The loose, token-by-token reading: every token must be understood, or there is no date. */
function looseDate(text: string): string | undefined {
  const cleaned = plainWord(text)
    .replace(/(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/g, '$1-$2-$3 ') // 2019年10月7日
    .replace(/\([^)]*\)/g, ' ') // "+0200 (CEST)": the comment repeats the zone
    .replace(/(\d)(st|nd|rd|th|er|eme)\b/g, '$1') // ordinals: 7th, 1er
    .replace(/\b(\d{1,2})[oa](?=\s)/g, '$1') // 1º, 1ª (º and ª are o and a once plain)
    .replace(/\b([ap])\.\s?m\.?(?=\s|$)/g, '$1m') // a.m. / p. m.
    .replace(/(\d)-([a-z])|([a-z])-(\d)/g, '$1$3 $2$4') // 28-Oct-2023
    .replace(/(\d:\d{2})(?=[+-]\d|z\b)/g, '$1 '); // 10:15:00-04:00, 20:28:28Z
  const tokens = cleaned.split(/[\s,;]+|(?<=\p{L})\.|(?<=\d)\.(?=\s|$)/u).filter(Boolean);
  const parts: Parts = { numbers: [] };
  const monthWords: { month: number; weekday: boolean }[] = [];
  for (const raw of tokens) {
    const token = raw.replace(/^(?:[–—|/]|-(?!\d))+|[-–—|/:]+$/g, '');
    if (!token) continue;
    const afterTime = parts.hour !== undefined;
    let m: RegExpExecArray | null;
    // A dotted triple before any time is a date (28.10.23); after one, "20.28.00" is not.
    if (parts.month === undefined && (m = NUMERIC_DATE.exec(token)) && (!afterTime || m[2] !== '.')) {
      if (!numericDate(parts, +m[1]!, m[2]!, +m[3]!, +m[4]!, m[1]!.length, m[4]!.length)) return undefined;
    } else if (!afterTime && (m = TIME.exec(token))) {
      parts.hour = +m[1]!;
      parts.minute = +m[2]!;
      parts.second = m[3] ? +m[3] : 0;
      if (m[4]) parts.meridiem = m[4].startsWith('a') ? 'am' : 'pm';
    } else if (!afterTime && (m = /^(\d{1,2})(?:h|(am|pm))$/.exec(token))) {
      // "9h" (French), "8pm"
      Object.assign(parts, { hour: +m[1]!, minute: 0, second: 0 }, m[2] ? { meridiem: m[2] } : {});
    } else if (/^\d{9,10}$/.test(token) && tokens.length === 1) {
      // Seconds since the epoch, as some JSON and CMS feeds write them.
      const at = new Date(+token * 1000);
      return at.getUTCFullYear() >= 1990 ? at.toISOString() : undefined;
    } else if (/^\d{4}$/.test(token) && parts.year === undefined) {
      parts.year = +token;
    } else if (/^\d{1,2}$/.test(token)) {
      parts.numbers.push(token);
    } else if ((m = OFFSET.exec(token)) && parts.offset === undefined && (afterTime || parts.year !== undefined)) {
      // "+0200", "-04:00", "GMT+2", "UTC+05:30"
      const minutes = +m[2]! * 60 + (m[3] ? +m[3] : 0);
      parts.offset = m[1] === '-' ? -minutes : minutes;
    } else if ((token === 'am' || token === 'pm') && !afterTime && parts.numbers.length >= 2) {
      // "Oct 28 2023 8 pm": the bare number before it is the hour.
      Object.assign(parts, { hour: +parts.numbers.pop()!, minute: 0, second: 0, meridiem: token });
    } else if (token === 'am' && !afterTime) {
      continue; // German "am 7. Oktober": on
    } else if (token === 'am' || token === 'pm') {
      if (!afterTime || parts.meridiem) return undefined;
      parts.meridiem = token;
    } else if (/^\p{L}+$/u.test(token)) {
      const month = monthOf(token);
      const weekday = WEEKDAYS.has(token);
      if (month !== undefined) monthWords.push({ month, weekday });
      // After the time a letter is a zone ("00:00:01 A"); before it, a joining word ("a las 9:00").
      else if (afterTime && parts.offset === undefined && zoneOffset(token) !== undefined) parts.offset = zoneOffset(token);
      else if (US_GENERIC_ZONES[token] !== undefined && parts.offset === undefined) parts.usZone = US_GENERIC_ZONES[token];
      else if (weekday || FILLERS.has(token)) continue;
      else if (zoneOffset(token) === undefined) return undefined; // a word, or a zone we cannot read
      else if (parts.offset === undefined) parts.offset = zoneOffset(token);
    } else {
      return undefined;
    }
  }
  // "mar" is March and Tuesday (es, fr): a weekday word yields to another month word.
  const months = monthWords.length > 1 ? monthWords.filter((w) => !w.weekday) : monthWords;
  if (months.length > 1) return undefined;
  if (months[0]) {
    if (parts.month !== undefined) return undefined;
    parts.month = months[0].month;
    const [first, second, ...rest] = parts.numbers;
    if (rest.length || first === undefined) return undefined;
    parts.day = +first;
    if (second !== undefined) {
      if (parts.year !== undefined) return undefined;
      parts.year = twoDigitYear(+second);
    }
  } else if (parts.numbers.length) {
    return undefined;
  }
  if (parts.year === undefined || parts.month === undefined || parts.day === undefined) return undefined;
  let hour = parts.hour ?? 0;
  if (parts.meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (parts.meridiem === 'pm' ? 12 : 0);
  }
  const offset = parts.offset ?? (parts.usZone !== undefined ? parts.usZone + (usDaylightTime(parts.year, parts.month, parts.day, hour) ? 60 : 0) : 0);
  return build(parts.year, parts.month, parts.day, hour, parts.minute ?? 0, parts.second ?? 0, 0, offset);
}

/**
 * 2023/10/28 (year first), 28.10.2023 (dots: day first, as Europe writes it), 10/28/2023 or
 * 28/10/2023 (slashes: day first only when the first part cannot be a month, else month first).
 */
function numericDate(parts: Parts, a: number, sep: string, b: number, c: number, aLen: number, cLen: number): boolean {
  if (aLen === 4) {
    Object.assign(parts, { year: a, month: b, day: c });
    return cLen <= 2;
  }
  if (cLen !== 4 && cLen !== 2) return false;
  const year = cLen === 2 ? twoDigitYear(c) : c;
  const dayFirst = sep === '.' || (sep === '-' && a > 12) || (sep === '/' && a > 12);
  Object.assign(parts, dayFirst ? { year, month: b, day: a } : { year, month: a, day: b });
  return true;
}

/** RFC 2822 §4.3: two-digit years 00-49 are 20xx, 50-99 are 19xx. */
function twoDigitYear(y: number): number {
  return y + (y < 50 ? 2000 : 1900);
}

/** A month word: a name or abbreviation, or an unambiguous prefix of a name ("sept", "févr", "juil"). */
function monthOf(word: string): number | undefined {
  const exact = MONTHS.get(word);
  if (exact !== undefined) return exact;
  if (word.length < 3) return undefined;
  const found = new Set(FULL_MONTH_NAMES.filter((name) => name.startsWith(word)).map((name) => MONTHS.get(name)));
  return found.size === 1 ? [...found][0] : undefined;
}


/** Minutes east of UTC for a zone; a missing zone is UTC; undefined for a zone we cannot read. */
function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = +numeric[2]! * 60 + (numeric[3] ? +numeric[3] : 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const lower = zone.toLowerCase();
  if (lower in ZONES) return ZONES[lower];
  if (lower.length === 1 && lower !== 'j') {
    // Military zones: A-I and K-M are +1..+12, N-Y are -1..-12, Z is UTC.
    const c = lower.charCodeAt(0) - 96;
    if (c >= 1 && c <= 9) return c * 60;
    if (c >= 11 && c <= 13) return (c - 1) * 60;
    if (c >= 14 && c <= 25) return -(c - 13) * 60;
  }
  return undefined;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number | undefined): string | undefined {
  if (offset === undefined || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  const utc = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offset * 60_000;
  const date = new Date(utc);
  // Reject days that roll over into the next month (e.g. 31 February).
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined;
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
