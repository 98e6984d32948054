/**
 * Finds the figures in a text (digits, money, percentages, scaled and spelled-out
 * numbers, ordinals, years, dates, times) and gives each a normalised key, so that
 * "1,302" = "1302", "88%" = "88 percent" and "$4bn" = "4 billion".
 */
import { conversionsOf } from './conversions';

export type FigureKind = 'number' | 'percent' | 'points' | 'ordinal' | 'year' | 'date' | 'time';

export interface Figure {
  /** The figure as written. */
  raw: string;
  /** Offset of `raw` in the text. */
  start: number;
  kind: FigureKind;
  /** Normalised value: "n:1302", "p:88", "pp:3" (percentage points), "o:3", "d:03-03", "t:10:30". Years are "n:2026". */
  key: string;
  /**
   * How the text hedges the figure: "about" (about, around, roughly, some…), "above" (more than,
   * over, at least…) or "below" (nearly, almost, under…); absent for an exact figure. Fractions
   * ("three in four", "two-thirds") are "about" their percentage.
   */
  hedge?: 'about' | 'above' | 'below';
  /** The figure converts the one before it into another unit ("200 yards (about 180 meters)", ./conversions). */
  converts?: boolean;
  /**
   * A small number word used the way prose uses it ("the two companies", "third time"):
   * still checked, but against every source of the story rather than the cited ones.
   */
  soft: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;

const SCALE: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, mln: 1e6,
  billion: 1e9, bn: 1e9, b: 1e9, bln: 1e9, trillion: 1e12, tn: 1e12, t: 1e12,
};

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

// "first" and "second" are everyday words ("the first time", "a second look"); counted only as digits ("1st").
const ORDINAL_WORDS: Record<string, number> = {
  third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  twentieth: 20, thirtieth: 30, fiftieth: 50, hundredth: 100,
};

const RUN_ORDINAL = /\b(first|second)(?=\s+(?:straight|consecutive|successive)\b|\s+\p{L}+\s+in\s+a\s+row\b)/giu;

// Group: a percent sign or word; "percentage points" is a unit of its own (a rise of 3 points is not a rise of 3%).
// Scraped text loses spaces ("4.4 percentfrom 3.5 percent"): a percent glued to a common short word is still a percent.
const GLUED = String.raw`(?:from|to|in|on|and|of|for|after|as|at|by|with|since|among|over|last|this)\b`;
const PERCENT = String.raw`(?:\s?(%|[\s-](?:percent|per\s+cent|percentage\s+points?|pct)(?:\b|(?=${GLUED}))))?`;
const POINTS = /point/i;

// Dates first (their digits must not be read again as plain numbers), then times, then numbers.
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
// "March 13", "Nov. 3" (not "March, 13": "From September, 11 schools …" is a count).
const MONTH_DAY = new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`, 'g');
// After a weekday the comma is a slip, not a count: "Friday, March, 13".
const WEEKDAY_MONTH_DAY = new RegExp(String.raw`(?<=\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)${MONTH}\.?,\s+(\d{1,2})\b(?:,?\s+(\d{4})\b)?`, 'g');
// Sticky: only right after a date or a day already read ("Jan. 14, 15 and 16"; not "Jan. 14 and 16,000").
// A comma continues the list only when more days follow ("Jan. 6, 12 protesters" is a count).
const SAME_MONTH_DAYS = /(?:,\s*(?=\d{1,2}(?:,\s*\d|,?\s+(?:and|or)\s+\d))|,?\s+(?:and|or|through|to)\s+|\s?[-–]\s?)(\d{1,2})(?:st|nd|rd|th)?(?=[,.;:)]\D|[,.;:)]?$|\s+(?:and|or|through|to|in|at|on|when|before|after|this|last|next|of|that|as|while|but|—|–)\s)/uy;
const DAY_SPAN = /(?:\s?[-–]\s?|\s+(?:to|through|thru|and)\s+)(\d{1,2})(?!\s*(?:%|percent|p\.?m|a\.?m))(?=\s+\p{Ll}|[,.;:)]|$)/uy;
// The last day of each month (February's in a leap year): "Feb. 28-30" spans no days.
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAY_MONTH = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b\.?(?:,?\s+(\d{4})\b)?`, 'g');
const TIME = /\b(\d{1,2}):(\d{2})\b/g;
// "7:30 p.m.", "7pm", and the British "7.30pm" (not "£12.50pm", a sum per month).
const CLOCK = /(?<![£$€¥]\s?)\b(\d{1,2})(?:[:.](\d{2}))?\s?[ap]\.?m\b\.?/gi;
const DIGITS = new RegExp(
  // A digit hyphened onto a capitalised word is part of a name ("Sparrow-2", "COVID-19"): tested after the match
  // (NAME_HYPHEN), since under this pattern's /i flag \p{Lu} would take "220-to-190"'s "to-" for a name too.
  String.raw`(?<![\p{L}\p{N}.,])((?:US|A|C|NZ|HK)?[$€£¥₹]\s?|(?:USD|EUR|GBP|JPY|CHF|CNY|INR)\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:-plus(?=[\s,.;:)—–-]|$))?` +
    String.raw`(?:(?:\s|-)(hundred|thousand|million|billion|trillion)\b(?:-plus\b)?|(k|m|mn|mln|bn|b|bln|tn|t)(?![\p{L}\p{N}]))?` +
    String.raw`(?:(st|nd|rd|th)(?![\p{L}\p{N}]))?${PERCENT}(?:(?<=percent|points?)(?=${GLUED})|(?![\p{L}\p{N}]))`,
  'giu',
);
// A capitalised word and a hyphen right before a digit: the digit is part of a name (case-sensitive, unlike DIGITS).
const NAME_HYPHEN = /\p{Lu}[\p{L}\p{N}]*-$/u;
const WORD_NUMBER = new RegExp(
  String.raw`\b((?:${Object.keys(UNITS).join('|')})(?:(?:\s+and\s+|[\s-])(?:${Object.keys(UNITS).join('|')}|hundred|thousand|million|billion|trillion))*)` +
    String.raw`(?:(?:\s|-)(hundred|thousand|million|billion|trillion))?\b${PERCENT}`,
  'gi',
);
const ORDINAL_WORD = new RegExp(String.raw`\b(${Object.keys(ORDINAL_WORDS).join('|')})\b`, 'gi');
const MONTH_PATTERNS = [WEEKDAY_MONTH_DAY, MONTH_DAY, DAY_MONTH];
// Holidays on a fixed date name that date ("by the Fourth of July" = "by July 4").
const HOLIDAYS: Record<string, string> = {
  'fourth of july': '07-04', 'independence day': '07-04', 'christmas day': '12-25', 'christmas eve': '12-24', "new year's day": '01-01',
  "new year's eve": '12-31', halloween: '10-31', "valentine's day": '02-14', 'veterans day': '11-11', juneteenth: '06-19', 'boxing day': '12-26',
};
const HOLIDAY = /\b(?:Fourth of July|Independence Day|Christmas (?:Day|Eve)|New Year['’]s (?:Day|Eve)|Halloween|Valentine['’]s Day|Veterans Day|Juneteenth|Boxing Day)\b/g;
// Words after "1" that make it a measure: "1 point", "1 percent", "1 vote" (a tally), "1 p.m.".
const UNIT_AFTER_ONE = /^\s+(?:points?|percent|per\s+cent|percentage|votes?|seats?|p\.m\.|a\.m\.|to\s+\d|in\s+(?:every\s+)?\d)/i;

/** Whether a name is a holiday's ("Independence Day"): a date, which the figures check holds to the sources' dates. */
export function isHolidayName(name: string): boolean {
  return Object.hasOwn(HOLIDAYS, name.toLowerCase().replace('’', "'"));
}
// A day of the month spelled as an ordinal word: "July Fourth", "March the first", "the second of May".
const DAY_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth',
  'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
const DAY_WORD = String.raw`((?:twenty|thirty)[-\s](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|${DAY_WORDS.join('|')}|thirtieth)`;
const MONTH_DAY_WORD = new RegExp(String.raw`\b${MONTH}\.?\s+(?:the\s+)?${DAY_WORD}\b(?!-)`, 'gi');
const DAY_WORD_MONTH = new RegExp(String.raw`\b${DAY_WORD}\s+of\s+${MONTH}\b`, 'gi');

/** The day (1–31) an ordinal word names ("fourth" 4, "twenty-first" 21). */
function dayOfWord(word: string): number {
  const w = word.toLowerCase();
  const [tens, unit] = w.startsWith('twenty') ? [20, w.slice(7)] : w.startsWith('thirty') ? [30, w.slice(7)] : [0, w];
  return w === 'thirtieth' ? 30 : tens + DAY_WORDS.indexOf(unit) + 1;
}
const SCALE_WORD = /hundred|thousand|million|billion|trillion/i;

/** A value as a short canonical string: 1.50 -> "1.5", 4e9 -> "4000000000". */
export function formatValue(v: number): string {
  // A whole number of up to 12 digits is already exact: skip the round trip through toPrecision.
  if (Number.isInteger(v) && v >= 0 && v < 1e12) return String(v);
  return String(Number(v.toPrecision(12)));
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function dateKey(month: number, day: number): string {
  return `d:${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "two hundred and fifty thousand" -> 250000; null when the words are not one number. */
export function parseNumberWords(phrase: string): number | null {
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of phrase.toLowerCase().split(/[\s-]+/)) {
    if (w === 'and' || w === '') continue;
    const unit = UNITS[w];
    if (unit !== undefined) {
      current += unit;
      any = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
    } else if (SCALE[w] !== undefined) {
      total += (current || 1) * SCALE[w]!;
      current = 0;
    } else return null;
  }
  return any ? total + current : null;
}

/** All figures of a text, in order of appearance. */
export function extractFigures(text: string): Figure[] {
  // Spans already read, as [start, end) pairs: a figure is read once, by the first pattern that finds it.
  const taken: number[] = [];
  const out: Figure[] = [];
  const free = (start: number, end: number) => {
    for (let i = 0; i < taken.length; i += 2) if (taken[i]! < end && start < taken[i + 1]!) return false;
    return true;
  };
  const add = (f: Figure, end: number) => {
    taken.push(f.start, end);
    out.push(f);
  };
  // exec loops rather than matchAll: matchAll copies the pattern on every call, and this runs per sentence.
  let m: RegExpExecArray | null;

  // Every pattern but the number words needs a digit: most sentences have none.
  const digits = /\d/.test(text);
  if (digits) {
    for (ISO_DATE.lastIndex = 0; (m = ISO_DATE.exec(text)); ) {
      const start = m.index;
      add({ raw: m[0], start, kind: 'date', key: dateKey(Number(m[2]), Number(m[3])), soft: false }, start + m[0].length);
      out.push({ raw: m[1]!, start, kind: 'year', key: `n:${Number(m[1])}`, soft: false });
    }
    for (const re of MONTH_PATTERNS) {
      for (re.lastIndex = 0; (m = re.exec(text)); ) {
        const start = m.index;
        if (!free(start, start + m[0].length)) continue;
        const [month, day] = re === DAY_MONTH ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
        if (Number(day) < 1 || Number(day) > 31) continue;
        const year = m[3];
        const dateRaw = year ? m[0].slice(0, m[0].lastIndexOf(year)).replace(/[,\s]+$/, '') : m[0];
        add({ raw: dateRaw, start, kind: 'date', key: dateKey(monthIndex(month), Number(day)), soft: false }, start + m[0].length);
        if (year) out.push({ raw: year, start: start + m[0].lastIndexOf(year), kind: 'year', key: `n:${Number(year)}`, soft: false });
        // "Jan. 14 and 16", "March 3-5": the month carries over to the days listed after it.
        // "June 2-5 showed", "from June 2 to 5 among": a span of days is the month's, whatever word follows it.
        DAY_SPAN.lastIndex = start + m[0].length;
        const found = re !== DAY_MONTH && !year ? DAY_SPAN.exec(text) : null;
        // "to" and "through" join a span after "from" only, "and" after "between": "May 3 to 12 people" counts people.
        const lead = text.slice(Math.max(0, start - 9), start);
        const span = found && (/[-–]/.test(found[0]) || (/\sand\s/.test(found[0]) ? /\bbetween\s+$/i : /\bfrom\s+$/i).test(lead)) ? found : null;
        const spanAt = span ? span.index + span[0].length - span[1]!.length : -1;
        if (span && Number(span[1]) > Number(day) && Number(span[1]) <= MONTH_DAYS[monthIndex(month) - 1]! && free(spanAt, spanAt + span[1]!.length)) {
          add({ raw: span[1]!, start: spanAt, kind: 'date', key: dateKey(monthIndex(month), Number(span[1])), soft: false }, spanAt + span[1]!.length);
        } else if (re !== DAY_MONTH && !year) {
          SAME_MONTH_DAYS.lastIndex = start + m[0].length;
          for (let d = SAME_MONTH_DAYS.exec(text); d; d = SAME_MONTH_DAYS.exec(text)) {
            const at = d.index + d[0].length - d[1]!.length;
            if (Number(d[1]) < 1 || Number(d[1]) > 31 || !free(at, at + d[1]!.length)) break;
            add({ raw: d[1]!, start: at, kind: 'date', key: dateKey(monthIndex(month), Number(d[1])), soft: false }, at + d[1]!.length);
          }
        }
      }
    }
    // "7 p.m.", "7pm", "7:30 a.m.": one clock time however it is written (the hour on a 12-hour clock).
    for (CLOCK.lastIndex = 0; (m = CLOCK.exec(text)); ) {
      if (!free(m.index, m.index + m[0].length) || Number(m[1]) > 12) continue;
      add({ raw: m[0], start: m.index, kind: 'time', key: `t:${Number(m[1])}:${m[2] ?? '00'}`, soft: false }, m.index + m[0].length);
    }
    for (TIME.lastIndex = 0; (m = TIME.exec(text)); ) {
      if (!free(m.index, m.index + m[0].length)) continue;
      add({ raw: m[0], start: m.index, kind: 'time', key: `t:${Number(m[1])}:${m[2]}`, soft: false }, m.index + m[0].length);
    }
    for (DIGITS.lastIndex = 0; (m = DIGITS.exec(text)); ) {
      const raw = m[0];
      const int = m[2]!;
      const frac = m[3];
      const start = m.index;
      if (!free(start, start + raw.length)) continue;
      if (text[start - 1] === '-' && NAME_HYPHEN.test(text.slice(Math.max(0, start - 40), start))) continue;
      let value = Number(`${int.replace(/,/g, '')}${frac ?? ''}`);
      const scale = (m[4] ?? m[5])?.toLowerCase();
      // "1 U.S. official", "1 of the freshman lawmakers", "1 year after": a house style's numeral for "one" or "a", read as the
      // word is (not as a figure); one with a unit, a scale or a sign still is, and so is one in a name ("H.R. 1", "No. 1").
      if (raw === '1' && !m[1] && /^\s+(?:of\s|\p{L})/u.test(text.slice(start + 1, start + 6)) && !/[$£€#-]\s*$|\p{Lu}[\p{L}.]*\s+$/u.test(text.slice(Math.max(0, start - 12), start)) && !UNIT_AFTER_ONE.test(text.slice(start + 1, start + 24))) continue;
      if (scale) value *= SCALE[scale]!;
      let kind: FigureKind = 'number';
      let key = `n:${formatValue(value)}`;
      if (m[7]) {
        kind = POINTS.test(m[7]) ? 'points' : 'percent';
        key = `${kind === 'points' ? 'pp' : 'p'}:${formatValue(value)}`;
      } else if (m[6]) {
        kind = 'ordinal';
        key = `o:${formatValue(value)}`;
      } else if (!m[1] && !scale && !frac && !int.includes(',') && value >= 1900 && value <= 2100) {
        kind = 'year';
      }
      // "40-plus thousand", "100-plus": the writer's "more than".
      add({ raw: raw.trim(), start, kind, key, soft: false, ...(raw.includes('-plus') ? { hedge: 'above' as const } : {}) }, start + raw.length);
    }
  }
  // Months are capitalised: "May" the month, not the modal (a case-insensitive pattern, checked here).
  for (const re of [MONTH_DAY_WORD, DAY_WORD_MONTH]) {
    for (re.lastIndex = 0; (m = re.exec(text)); ) {
      const [month, word] = re === MONTH_DAY_WORD ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
      const day = dayOfWord(word);
      // "thirty-second" is no day of a month.
      if (!/^\p{Lu}/u.test(month) || day > 31 || !free(m.index, m.index + m[0].length)) continue;
      add({ raw: m[0], start: m.index, kind: 'date', key: dateKey(monthIndex(month), day), soft: false }, m.index + m[0].length);
    }
  }
  // "a quarter-million cases", "half a million", "three-quarters of a million", "a million and a half": a fraction of a
  // scale word, read before the number words and fractions it holds ("a million", "three-quarters").
  const scaledFractions: number[] = [];
  const fractions = HAS_FRACTION.test(text);
  for (FRACTION_SCALE.lastIndex = 0; fractions && (m = FRACTION_SCALE.exec(text)); ) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const value = fractionOfScale(m);
    scaledFractions.push(m.index, m.index + m[0].length);
    add({ raw: m[0], start: m.index, kind: 'number', key: `n:${formatValue(value)}`, soft: false, hedge: 'about' }, m.index + m[0].length);
  }
  for (WORD_NUMBER.lastIndex = 0; (m = WORD_NUMBER.exec(text)); ) {
    const start = m.index;
    if (!free(start, start + m[0].length)) continue;
    const phrase = `${m[1]} ${m[2] ?? ''}`;
    const value = parseNumberWords(phrase);
    if (value === null) continue;
    const scaled = SCALE_WORD.test(phrase);
    // "one" alone is a pronoun or an article far more often than a figure ("one of the", "no one").
    // "one point" is a count of points ("closed the gap to one point"); "at one point" is a time.
    if (!scaled && !m[3] && value === 1 && (!/^\s*points?\b/i.test(text.slice(start + m[0].length, start + m[0].length + 8)) || /\bat\s+$/i.test(text.slice(Math.max(0, start - 4), start)))) continue;
    const percent = Boolean(m[3]);
    // "below zero", "zero tolerance": zero spelled out is a word, not a count.
    if (value === 0 && !percent) continue;
    const points = percent && POINTS.test(m[3]!);
    add(
      {
        raw: m[0].trim(),
        start,
        kind: points ? 'points' : percent ? 'percent' : 'number',
        key: `${points ? 'pp' : percent ? 'p' : 'n'}:${formatValue(value)}`,
        // "an eight-year-old girl": a number word hyphened onto an age measures someone, it does not count.
        soft: !scaled && !percent && value <= 10 && !UNIT_HYPHEN.test(text.slice(start + m[0].trimEnd().length, start + m[0].trimEnd().length + 14)),
      },
      start + m[0].length,
    );
  }
  if (/Day|Eve|July|Halloween|Juneteenth/.test(text)) {
    for (HOLIDAY.lastIndex = 0; (m = HOLIDAY.exec(text)); ) {
      if (!free(m.index, m.index + m[0].length)) continue;
      add({ raw: m[0], start: m.index, kind: 'date', key: `d:${HOLIDAYS[m[0].toLowerCase().replace('’', "'")]}`, soft: false }, m.index + m[0].length);
    }
  }
  for (ORDINAL_WORD.lastIndex = 0; (m = ORDINAL_WORD.exec(text)); ) {
    if (!free(m.index, m.index + m[0].length)) continue;
    add({ raw: m[0], start: m.index, kind: 'ordinal', key: `o:${ORDINAL_WORDS[m[1]!.toLowerCase()]}`, soft: true }, m.index + m[0].length);
  }
  // "the second straight week", "the first day in a row": a run counts, so "two straight weekly increases" is supported.
  const run = text.includes('straight') || text.includes('consecutive') || text.includes('successive') || text.includes(' in a row');
  for (RUN_ORDINAL.lastIndex = 0; run && (m = RUN_ORDINAL.exec(text)); ) {
    if (!free(m.index, m.index + m[1]!.length)) continue;
    add({ raw: m[1]!, start: m.index, kind: 'ordinal', key: `o:${m[1]!.toLowerCase() === 'first' ? 1 : 2}`, soft: true }, m.index + m[1]!.length);
  }
  convertUnits(text, out);
  // "a trio of lawmakers", "the pair": a count said with a noun of number.
  for (GROUP_NOUN.lastIndex = 0; (m = GROUP_NOUN.exec(text)); ) {
    if (!free(m.index, m.index + m[0].length)) continue;
    out.push({ raw: m[0], start: m.index, kind: 'number', key: `n:${GROUP_SIZE[m[1]!.toLowerCase()]}`, soft: true });
  }
  for (FRACTION.lastIndex = 0; (m = FRACTION.exec(text)); ) {
    const start = m.index;
    // "a quarter of a million" is 250,000, read above; not 25%.
    if (scaledFractions.some((x, i) => i % 2 === 0 && x <= start && start < scaledFractions[i + 1]!)) continue;
    const share = fractionShare(m);
    if (share === null) continue;
    // The fraction replaces the number words it is made of ("three in four" is 75%, not 3 and 4); "68 out of 105 seats"
    // also counts seats, both figures a draft may give ("68 of the chamber's 105 seats").
    const counts = m[2] !== undefined && /^\d+$/.test(m[2]) && Number(m[2]) > 10;
    if (!counts) for (let i = out.length - 1; i >= 0; i--) if (out[i]!.start >= start && out[i]!.start < start + m[0].length) out.splice(i, 1);
    out.push({ raw: m[0], start, kind: 'percent', key: `p:${formatValue(share)}`, soft: false, hedge: 'about' });
  }
  for (const f of out) f.hedge ??= hedgeBefore(text, f.start);
  out.sort((a, b) => a.start - b.start);
  // "200 yards (about 180 meters)": a conversion restates the figure before it.
  if (out.length > 1) for (const f of conversionsOf(text, out)) f.converts = true;
  // "between about 83,000 and 85,000", "roughly 40 to 50": a hedge before a range holds for both its ends. Not a change
  // ("from about $20 to $35"), a ratio ("by roughly 3 to 1") or a list ("about 62% and 50%").
  for (let i = 1; i < out.length; i++) {
    const [prev, f] = [out[i - 1]!, out[i]!];
    if (f.hedge || prev.hedge !== 'about' || prev.kind !== f.kind) continue;
    const join = RANGE_JOIN.exec(text.slice(prev.start + prev.raw.length, f.start))?.[1];
    const lead = text.slice(Math.max(0, prev.start - 30), prev.start);
    if (join && (join === 'and' ? BETWEEN_BEFORE.test(lead) : !CHANGE_OR_RATIO_BEFORE.test(lead))) f.hedge = 'about';
  }
  return out;
}

/**
 * An age hyphened onto the number before it ("an eight-year-old girl"). Other units stay soft: "a seven-day average", "the
 * two-hour event" are often reckoned by the writer from what the sources give (measured on the dev drafts: +2 faithful held).
 */
const UNIT_HYPHEN = /^-(?:year|month|week|day)s?-old\b/i;

/** What joins a range's two ends ("83,000 and 85,000", "40 to 50", "40-50"). */
const RANGE_JOIN = /^\s*(and|to|-|–)\s*$/;
/** "between (about)" right before a range's first end: its "and" joins the range. */
const BETWEEN_BEFORE = /\bbetween\s+(?:\S+\s+){0,2}$/i;
/** "from (about)", "by (roughly)" before a first figure: its "to" is a change or a ratio, not a range. */
const CHANGE_OR_RATIO_BEFORE = /\b(?:from|by)\s+(?:\S+\s+){0,2}$/i;

const SMALL = 'one|two|three|four|five|six|seven|eight|nine|ten|a|an';
const FRACTION_SCALE =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+and\s+a\s+half\s+(thousand|million|billion|trillion)\b|\b(?:(a|one|two|three)[\s-])?(quarter|half)[\s-](thousand|million|billion|trillion)\b|\b(a|one|two|three)[\s-](quarters?|half|thirds?)\s+of\s+an?\s+(thousand|million|billion|trillion)\b|\bhalf\s+an?\s+(million|billion|trillion)\b|\ban?\s+(million|billion|trillion)\s+and\s+a\s+half\b/gi;
// Every FRACTION_SCALE match has one of these words: texts without them skip its long alternation.
const HAS_FRACTION = /half|quarter|third/i;
const NUMERATOR: Record<string, number> = { a: 1, one: 1, two: 2, three: 3 };

/** The value of a `FRACTION_SCALE` match: "three-quarters of a million" -> 750000, "two and a half million" -> 2500000. */
function fractionOfScale(m: RegExpExecArray): number {
  const scale = (w: string) => SCALE[w.toLowerCase()]!;
  const part = (numerator: string | undefined, denominator: string) => (NUMERATOR[numerator?.toLowerCase() ?? 'a'] ?? 1) / DENOMINATOR[denominator.toLowerCase()]!;
  if (m[2]) return ((/^\d/.test(m[1]!) ? Number(m[1]) : UNITS[m[1]!.toLowerCase()]!) + 0.5) * scale(m[2]);
  if (m[5]) return part(m[3], m[4]!) * scale(m[5]);
  if (m[8]) return part(m[6], m[7]!) * scale(m[8]);
  if (m[9]) return 0.5 * scale(m[9]);
  return 1.5 * scale(m[10]!);
}
const GROUP_SIZE: Record<string, number> = { pair: 2, duo: 2, trio: 3, quartet: 4, quintet: 5, 'half-dozen': 6 };
const GROUP_NOUN = /\b(pair|duo|trio|quartet|quintet|half-dozen)\b/gi;
const FRACTION = new RegExp(
  // "three in four", "1 in every 4", "one of every five", "two-thirds", "a third of" (a bare "a third" is an ordinal: "a third person").
  String.raw`\b(?:(${SMALL}|\d{1,2})\s+(?:in(?:\s+every)?|out\s+of|of\s+every)\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b|(${SMALL})[\s-](halves|thirds|quarters|fifths)\b|(?:(${SMALL})[\s-](half|third|quarter|fifth)(?=\s+of\b)|(one)-(half|third|quarter|fifth)\b))`,
  'gi',
);
const DENOMINATOR: Record<string, number> = { half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5 };

/** The percentage a fraction phrase stands for ("three in four" -> 75, "two-thirds" -> 66.7), or null. */
function fractionShare(m: RegExpExecArray): number | null {
  const count = (w: string) => (/^\d/.test(w) ? Number(w) : w.toLowerCase() === 'a' || w.toLowerCase() === 'an' ? 1 : (UNITS[w.toLowerCase()] ?? NaN));
  const [n, d] = m[1] ? [count(m[1]), count(m[2]!)] : m[3] ? [count(m[3]), DENOMINATOR[m[4]!.toLowerCase()]!] : m[5] ? [count(m[5]), DENOMINATOR[m[6]!.toLowerCase()]!] : [1, DENOMINATOR[m[8]!.toLowerCase()]!];
  if (!(n > 0) || !(d > 0) || n >= d) return null;
  return Math.round((n / d) * 1000) / 10;
}

// "two decades" is 20 years, "a dozen" 12: the figure is read in the unit a source would use.
const CONVERSIONS: [RegExp, number][] = [
  [/^\s*(?:decades?)\b/i, 10],
  [/^\s*(?:dozens?)\b(?!\s+of\b)/i, 12],
];
// "the next decade" and "once-a-decade" name a span of ten years as much as "a decade" does.
// "Decade-Long Run" (a headline's, with no article) is a decade's span too.
const A_UNIT = /\b(?:(a|one|the\s+(?:next|coming|past|last|previous|following)|once[\s-](?:a|per|every))[\s-](decade|dozen)\b|(decade)(?=-long\b))/gi;

function convertUnits(text: string, out: Figure[]): void {
  for (const f of out) {
    if (f.kind !== 'number') continue;
    const after = text.slice(f.start + f.raw.length, f.start + f.raw.length + 12);
    for (const [unit, factor] of CONVERSIONS) {
      const m = unit.exec(after);
      if (!m) continue;
      f.key = `n:${formatValue(Number(f.key.slice(2)) * factor)}`;
      f.soft = false;
      // The unit is part of the figure as written ("two decades"): its rounding is the unit's (./withinHedge).
      f.raw += after.slice(0, m[0].length);
    }
  }
  let m: RegExpExecArray | null;
  for (A_UNIT.lastIndex = 0; (m = A_UNIT.exec(text)); ) {
    if (out.some((f) => f.start === m!.index)) continue;
    out.push({ raw: m[0], start: m.index, kind: 'number', key: `n:${(m[2] ?? m[3])!.toLowerCase() === 'decade' ? 10 : 12}`, soft: false });
  }
  if (!/half/i.test(text)) return;
  for (HALF_UNIT.lastIndex = 0; (m = HALF_UNIT.exec(text)); ) {
    const [from, to] = [m.index, m.index + m[0].length];
    // The half ("half", a fraction) and the unit ("a dozen") read on their own give way to the whole.
    const inside = out.filter((f) => f.start < to && f.start + f.raw.length > from);
    if (inside.some((f) => f.start < from || f.start + f.raw.length > to)) continue;
    for (const f of inside) out.splice(out.indexOf(f), 1);
    out.push({ raw: m[0], start: from, kind: 'number', key: `n:${HALF_OF[m[1]!.toLowerCase()]}`, soft: false });
  }
}

// "the past half decade" is five years, "half a dozen" six, "a half-century" fifty.
const HALF_UNIT = /\bhalf(?:\s+an?\s+|[\s-])(decade|dozen|century)\b/gi;
const HALF_OF: Record<string, number> = { decade: 5, dozen: 6, century: 50 };

const HEDGES: [RegExp, Figure['hedge']][] = [
  [/\b(?:more|greater|higher|larger|bigger)\s+than\s*$|\b(?:over|above|exceeding|upwards\s+of|at\s+least|just\s+over|nearly\s+over|north\s+of)\s*$/i, 'above'],
  // A figure passed is a bound: "the toll has surpassed 1 million" for 1,000,555, "tops $2 billion".
  [/\b(?:surpass(?:es|ed|ing)?|exceed(?:s|ed)?|tops|topped|topping|passed|crossed|eclips(?:es|ed|ing))(?:\s+the)?\s*$/i, 'above'],
  [/\b(?:nearly|almost|under|below|less\s+than|fewer\s+than|just\s+under|up\s+to|short\s+of|shy\s+of|no\s+more\s+than)\s*$/i, 'below'],
  [/\b(?:about|around|roughly|approximately|some|an\s+estimated|estimated|close\s+to|near|nearly|an?\s+approximate|circa|about\s+a)\s*$/i, 'about'],
];

/** The hedge in the few words before a figure, if any. */
function hedgeBefore(text: string, start: number): Figure['hedge'] {
  const before = text.slice(Math.max(0, start - 24), start);
  for (const [re, hedge] of HEDGES) if (re.test(before)) return hedge;
  return undefined;
}

/** The rounding unit a figure is written to: 650,000 -> 10,000; 1.4 billion -> 100 million; 43 -> 1. */
export function roundingUnit(value: number, raw: string): number {
  const digits = /(\d[\d,]*)(?:\.(\d+))?/.exec(raw);
  if (!digits) return 1;
  const decimals = digits[2]?.length ?? 0;
  const written = Number(`${digits[1]!.replace(/,/g, '')}${digits[2] ? `.${digits[2]}` : ''}`);
  const scale = written ? value / written : 1;
  if (decimals) return 10 ** -decimals * scale;
  let unit = 1;
  let n = Math.round(written);
  while (n && n % 10 === 0) {
    n /= 10;
    unit *= 10;
  }
  return unit * scale;
}

/**
 * Whether `rounded` is `exact` told at a coarser precision: "$3B" or "more than 3.8 million" for
 * 3.2 billion or 3.84 million. The two are one fact, so neither is the other's rival. Counts only
 * (numbers, percents, points); a rounded figure without a hedge is told in a scale word and within half its unit.
 */
export function roundsTo(exact: Figure, rounded: Figure): boolean {
  if (exact.kind !== rounded.kind || (exact.kind !== 'number' && exact.kind !== 'percent' && exact.kind !== 'points') || exact.key === rounded.key) return false;
  const x = Number(exact.key.slice(exact.key.indexOf(':') + 1));
  const r = Number(rounded.key.slice(rounded.key.indexOf(':') + 1));
  // A hedge's unit may span far ("about $1 billion" is 0.5 to 1.5 billion): a rounding keeps to within a quarter of the value.
  if (!(x > 0) || !(r > 0) || Math.abs(x - r) > r / 4) return false;
  const unit = roundingUnit(r, rounded.raw);
  if (unit <= roundingUnit(x, exact.raw)) return false;
  if (rounded.hedge) return withinHedge(rounded, exact);
  // Unhedged, only a figure told in a scale word is a rounding: "800" or "6%" may be exact, "$3B" and "3.8 million" are not.
  return SCALED.test(rounded.raw) && Math.abs(x - r) <= unit / 2;
}

const SCALED = /\d\s*(?:[kmbt]n?|mln|bln|thousand|million|billion|trillion)\b/i;

/**
 * Whether a hedged or rounded figure of the text is supported by a source's exact value, within the
 * figure's rounding unit and in the hedge's direction: "over 650,000" by 651,690; "about 43,000" by
 * 43,538; "nearly 1,500" by 1,480; never "over 700,000" by 651,690.
 */
export function withinHedge(f: Figure, source: Figure): boolean {
  if (!f.hedge || source.kind !== f.kind || f.key === source.key) return f.key === source.key;
  const x = Number(f.key.slice(f.key.indexOf(':') + 1));
  const s = Number(source.key.slice(source.key.indexOf(':') + 1));
  if (!Number.isFinite(x) || !Number.isFinite(s)) return false;
  // Fractions stand for percentages to about a point and a half ("two-thirds" for 66%, "three in four" for 74%).
  // "nearly two decades" is told to half a decade (18 years, not 11), "about a decade" to two years.
  const told = /decades$/i.test(f.raw) ? 5 : /decade$/i.test(f.raw) ? 2 : /dozens$/i.test(f.raw) ? 6 : /dozen$/i.test(f.raw) ? 3 : 0;
  // "1 in 3" is a fraction written in digits: told as closely as "one in three", not rounded to its last digit.
  const fraction = f.kind === 'percent' && /\s(?:in|of|out\s+of)\s/.test(f.raw);
  const unit = fraction ? 1.5 : Math.max(roundingUnit(x, f.raw), f.kind === 'percent' && !/\d/.test(f.raw) ? 1.5 : 0, told);
  // A hedge stands for the values that round to its figure in its direction: "more than 650,000" for
  // 651,690, not "more than 30" for a source's 40 (a round figure of the same precision, understated).
  switch (f.hedge) {
    case 'above':
      return s >= x && s - x < unit;
    case 'below':
      return s <= x && x - s < unit;
    default:
      return Math.abs(s - x) <= unit;
  }
}

/**
 * The keys under which a source's figure can be found: a percentage or an ordinal
 * also supports the bare number, and a bare number supports the same ordinal.
 */
export function supportKeys(f: Figure): string[] {
  const value = f.key.slice(2);
  switch (f.kind) {
    case 'percent':
    case 'points':
      // A percentage supports only a percentage: "1,262%" is not 1,262 applications, "3 points" not "3%".
      return [f.key];
    case 'ordinal':
      return [f.key, `n:${value}`];
    case 'number':
    case 'year':
      return [f.key, `o:${value}`];
    default:
      return [f.key];
  }
}

/** Whether `key` is one of `supportKeys(f)`, without building the list: asked for every pair of a draft and a source figure. */
export function supportsKey(f: Figure, key: string): boolean {
  if (key === f.key) return true;
  switch (f.kind) {
    case 'ordinal':
      return key.startsWith('n:') && sameValue(key, f.key);
    case 'number':
    case 'year':
      return key.startsWith('o:') && sameValue(key, f.key);
    default:
      return false;
  }
}

/** Whether two keys have the same value after their two-character prefix (`key.slice(2)` alike). */
function sameValue(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 2; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}
