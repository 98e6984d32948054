/**
 * When things happened: the weekdays and dates of a draft sentence against the sources that
 * report the same thing. A weekday or date must be given by a cited source, and where the cited
 * sentences that best support the draft sentence give a different day, the day was shifted.
 */
import { stem } from '../../lib/text';
import { alignments, neighbourhood } from './align';
import { type CheckContext, excerpt, type IndexedSource, labels, type SourceSentence, sentencesOf } from './context';
import type { Figure } from './extract/numbers';
import { anchorsDiffer, type RelativeTime, relativeTimesConflict, relativeTimesOf, sameRelativeTime } from './extract/relative-times';
import { type DraftSentence, type Passage, sentenceFigures, sentenceTokens } from './passages';
import { neighbours, type Tok } from './restates';
import { verbUses } from './verbs';

// Weekdays, and months named without a day ("in June", "mid-November", "March 2020"; "March 3" is a date figure).
// "May" counts only after a word of time ("in May", "In May") or before a year ("May 2010"): alone it is a verb or a name
// ("May's exit" in a story of Theresa May's is hers).
const CALENDAR =
  /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)|\b(January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\b(?!\.?\s*\d{1,2}\b)\.?|(?:(?<=\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-?|[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Oo]f)\s?)|(?=May,?\s+(?:19|20)\d\d\b))(May)\b(?!\s*\d{1,2}\b)/gu;
const CALENDAR_HINT = /day\b|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const WEEKDAYS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A weekday or a month named in a text (months as their full name), and where. */
export interface Weekday {
  day: string;
  start: number;
}

export function weekdaysOf(text: string): Weekday[] {
  const out: Weekday[] = [];
  // Most sentences name no day or month: one cheap test spares them the pattern's look-behind.
  if (!CALENDAR_HINT.test(text)) return out;
  CALENDAR.lastIndex = 0;
  for (let m = CALENDAR.exec(text); m; m = CALENDAR.exec(text)) {
    const month = m[2] ?? m[3];
    const day = month ? MONTHS.find((x) => x.startsWith(month.toLowerCase().slice(0, 3)))! : m[1]!;
    out.push({ day: month ? monthName(MONTHS.indexOf(day)) : day, start: m.index });
  }
  return out;
}

/** The weekdays and months of a draft sentence, found once per call (`numbers` and the evidence both ask). */
export function sentenceWeekdays(part: DraftSentence): Weekday[] {
  return (part.weekdays ??= weekdaysOf(part.text));
}

/** The month of a date figure ("d:03-03" -> "March"). */
function monthOfDate(f: Figure): string {
  return monthName(Number(f.key.slice(2, 4)) - 1);
}

/** The month of index `i` (0 = January) as written ("March"), or "" for none. */
function monthName(i: number): string {
  const m = MONTHS[i] ?? '';
  return m && m[0]!.toUpperCase() + m.slice(1);
}

// "on Sunday, a day after the defence opened": the sentence dates a second event to the day next to the one it names.
const NEXT_DAY = /\b(?:a|the|one)\s+day\s+(?:after|before|earlier|later)\b|\bthe\s+(?:previous|next|following|prior)\s+day\b|\b(?:the\s+)?day\s+before\b/i;
const WEEK = [...WEEKDAYS];

/** The weekdays and months a source sentence names, found once per call. */
function sourceWeekdays(s: SourceSentence): Set<string> {
  if (s.weekdays) return s.weekdays;
  const named = weekdaysOf(s.text);
  // A source's dated months ("March 3") name the month too.
  const days = new Set([...named.map((w) => w.day), ...s.figures.filter((f) => f.kind === 'date').map(monthOfDate)]);
  // "two days before Super Tuesday": the sentence dates its event to the day counted from the one it names.
  const counted = new Set<number>();
  if (/\bdays?\s/i.test(s.text)) {
    DAYS_FROM.lastIndex = 0;
    for (let m = DAYS_FROM.exec(s.text); m; m = DAYS_FROM.exec(s.text)) {
      const n = DAY_COUNTS[m[1]!.toLowerCase()]!;
      const i = WEEK.indexOf(m[3]!);
      days.add(WEEK[(((i + (/^(?:after|later)/i.test(m[2]!) ? n : -n)) % 7) + 7) % 7]!);
      counted.add(m.index + m[0].length - m[3]!.length);
    }
  }
  // "on Sunday, a day after the defence opened": a day next to the one it names, unless that one is counted from.
  if (NEXT_DAY.test(s.text)) {
    for (const w of named) {
      const i = WEEK.indexOf(w.day);
      if (i >= 0 && !counted.has(w.start)) days.add(WEEK[(i + 6) % 7]!).add(WEEK[(i + 1) % 7]!);
    }
  }
  return (s.weekdays = days);
}

const NEXT_MONTH = /\b(?:a|one|the)\s+month\s+(?:earlier|before|later|after)\b|\bthe\s+(?:previous|next|following|prior)\s+month\b/i;
const NEXT_MONTH_ALL = new RegExp(NEXT_MONTH.source, 'gi');
// "will send the agreement to the council to vote tomorrow": a day counted from the day the report names.
const RELATIVE_DAYS = /\b(tomorrow|yesterday|today|tonight)\b/gi;
const RELATIVE_DAY = new RegExp(RELATIVE_DAYS.source, 'i');
const RELATIVE_SHIFT: Record<string, number> = { tomorrow: 1, yesterday: 6, today: 0, tonight: 0 };

/**
 * The days a source sentence implies without naming them, found once per call for every sentence: "tomorrow", "yesterday",
 * "today" and "tonight" counted from the day it speaks from (its own weekday, else the first its report names as a day of
 * the story), and the month before or after one it names when it counts a month from it ("in April, up from 6% a month
 * earlier"), kept under MONTH_BASE. They support a draft's day; they are never a rival to it, since the count may be the
 * speaker's own ("yesterday" in a quoted transcript).
 */
function impliedDays(ctx: CheckContext, s: SourceSentence): ReadonlySet<string> {
  if (!ctx.impliedDays) {
    ctx.impliedDays = new Map();
    for (const source of ctx.byNumber.values()) {
      const ids = Array.from({ length: source.sentenceCount }, (_, k) => source.firstSentence + k);
      // The day a report speaks from: the sentence's own weekday, else the first its report names as a day of the story
      // (not "last Tuesday's storm").
      const own = (text: string) => weekdaysOf(text).find((w) => WEEKDAYS.has(w.day) && !PAST_OR_NEXT.test(text.slice(Math.max(0, w.start - 9), w.start)) && !/^['’]s\b/.test(text.slice(w.start + w.day.length)));
      const owns = ids.some((id) => RELATIVE_DAY.test(ctx.sentences[id]!.text)) ? ids.map((id) => own(ctx.sentences[id]!.text)) : [];
      const first = owns.find((w) => w);
      let firstMonth: Weekday[] | undefined;
      for (const [k, id] of ids.entries()) {
        const sentence = ctx.sentences[id]!;
        const days = new Set<string>();
        const anchor = first && (owns[k] ?? first);
        if (anchor) {
          const at = WEEK.indexOf(anchor.day);
          for (const m of sentence.text.matchAll(RELATIVE_DAYS)) days.add(WEEK[(at + RELATIVE_SHIFT[m[1]!.toLowerCase()]!) % 7]!);
        }
        // "in April, up from 6% a month earlier" gives March; "a month later" the month after. Months of this kind support
        // only a draft's month that dates a comparison's base (BASE_MONTH_BEFORE).
        // "after an upwardly revised 311,000 gain the prior month" counts from the first month its report names when the
        // sentence names none, else from the story's (the month all its reports cover).
        const counted = NEXT_MONTH.exec(sentence.text);
        if (counted) {
          const step = /earlier|before|previous|prior/i.test(counted[0]) ? 11 : 1;
          const named = weekdaysOf(sentence.text).filter((w) => MONTHS.includes(w.day.toLowerCase()));
          const from = named.length ? named : (firstMonth ??= firstMonthOf(ctx, ids) ?? firstMonthOf(ctx, ctx.sentences.map((_, i) => i)) ?? []);
          for (const w of from) days.add(MONTH_BASE + monthName((MONTHS.indexOf(w.day.toLowerCase()) + step) % 12));
        }
        if (days.size) ctx.impliedDays.set(sentence, days);
      }
    }
  }
  return ctx.impliedDays.get(s) ?? NONE;
}
const NONE: ReadonlySet<string> = new Set();

/** The first month named in the given source sentences, as a one-element list, or undefined. */
function firstMonthOf(ctx: CheckContext, ids: readonly number[]): Weekday[] | undefined {
  for (const id of ids) {
    const month = weekdaysOf(ctx.sentences[id]!.text).find((w) => MONTHS.includes(w.day.toLowerCase()));
    if (month) return [month];
  }
  return undefined;
}

// A month implied as a comparison's base is kept under this prefix: it supports only a base's month.
const MONTH_BASE = 'base:';
const PAST_OR_NEXT = /\b(?:last|next|this|past|previous|coming)\s+$/i;

/**
 * Whether a source sentence gives a day or month, by name or by implication (`impliedDays`); `base`: the draft's month dates
 * a comparison's base ("from 6 percent in March").
 */
const givesDay = (ctx: CheckContext, s: SourceSentence, day: string, base = false) =>
  sourceWeekdays(s).has(day) || impliedDays(ctx, s).has(day) || (base && impliedDays(ctx, s).has(MONTH_BASE + day));

// "rose to 6.1 percent from 6 percent in March": a month right after a comparison's base figure.
const BASE_MONTH_BEFORE = /\b(?:from|than|versus|compared\s+(?:with|to))\s+(?:about\s+|roughly\s+|nearly\s+)?[$€£]?\d[\d.,]*\s*(?:%|percent|per\s+cent)?\s+(?:in|for)\s+$/i;

// "ahead of Wednesday('s vote)": a day the sentence measures its act against.
// Not "by", "until" or "since": a deadline or a start is the act's own day ("must answer by Friday").
const RELATIVE_TO = /\bahead\s+of\s+(?:(?:this|next|last)\s+)?$/i;

// "The push came days after Barr released a summary on Sunday": a day inside a clause that places the act against another
// event is that event's day.
const REFERENCE_CLAUSE = /\b(?:days?|weeks?|hours?|shortly|soon|just|a\s+day)\s+(?:after|before)\s+[^,;:—–()]{3,80}?\s(?:on|last|this)\s+$/i;

/**
 * Whether the day named at `start` is one the sentence places its act against, not the act's own: "ahead of Wednesday",
 * "days after Barr released a summary on Sunday".
 */
export function dayPlacedAgainst(text: string, start: number): boolean {
  return RELATIVE_TO.test(text.slice(Math.max(0, start - 12), start)) || REFERENCE_CLAUSE.test(text.slice(Math.max(0, start - 90), start));
}

const DAY_COUNTS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const DAYS_FROM = /\b(a|one|two|three|four|five|six)\s+days?\s+(before|after|ahead\s+of|prior\s+to|earlier\s+than|later\s+than)\s+(?:the\s+)?(?:\p{Lu}\p{L}*\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/giu;

// A cited sentence this close to the draft sentence (share of its content words), and this many times closer than any that
// gives the draft's day, is what the draft reports: the day it gives is the event's.
const DOMINANT_SUPPORT = 0.6;
const DOMINANT_RATIO = 2;
// The supporting sentences looked at: those scoring at least this share of the best one.
const CLOSE = 0.6;
// Below this share of the draft sentence's content words, no source sentence reports the same thing.
const MIN_SUPPORT = 0.25;

/** The cited sentences that report what the draft sentence reports, with their neighbours. */
function reportingSentences(ctx: CheckContext, part: DraftSentence, pool: IndexedSource[], leaveOut: Set<string>): SourceSentence[] {
  const ranked = alignments(ctx, part, pool, leaveOut);
  const best = ranked[0]?.score ?? 0;
  if (best < MIN_SUPPORT) return [];
  return ranked.filter((a) => a.score >= best * CLOSE).slice(0, 3).flatMap((a) => neighbourhood(ctx, a.id));
}

// What places a sentence's main act against another event: "called for calm on Monday following protests after …".
// Not one before a time ("just before midnight", "after 9 p.m.", "since Monday", "a day after"): that places the act itself.
const CONNECTIVE = /\s(?:following|after|before|since|amid|in\s+the\s+wake\s+of)\s(?!(?:just\s+)?(?:midnight|noon|dawn|dusk|\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:a|an|the|one|two|three|several)\s+(?:day|week|month|year|hour|minute)s?\b))/gu;

/**
 * Whether every day of the kind a source sentence names dates its main act, while the words the draft sentence shares with it
 * stand in the clause after a connective: "Biden called for calm on Monday following protests after an officer shot and
 * killed a man" dates the call, not the shooting a draft reports.
 */
function dayOfAnotherAct(s: SourceSentence, words: ReadonlySet<string>, kind: (day: string) => boolean): boolean {
  const days = weekdaysOf(s.text).filter((w) => kind(w.day));
  if (!days.length) return false;
  return days.every((w) => {
    CONNECTIVE.lastIndex = w.start;
    const m = CONNECTIVE.exec(s.text);
    if (!m) return false;
    let before = 0;
    let after = 0;
    for (const t of s.tokens) if (words.has(t.w)) t.start < m.index ? before++ : after++;
    return after >= 3 && after >= 2 * before;
  });
}

/**
 * Whether the draft sentence's day stands before a connective ("on Thursday, days after the letter was sent") and the
 * lower-case words it shares with a source sentence stand after it: that sentence reports the other act (dayOfAnotherAct
 * read from the draft's side). Capitalised words are left out: the parties of both acts are often the same.
 */
function actAfterConnective(part: DraftSentence, start: number, s: SourceSentence): boolean {
  CONNECTIVE.lastIndex = start;
  const m = CONNECTIVE.exec(part.text);
  if (!m) return false;
  const theirs = new Set(s.tokens.map((t) => t.w));
  let before = 0;
  let after = 0;
  for (const t of sentenceTokens(part)) {
    if (t.start < 0 || !theirs.has(t.w) || /^\p{Lu}/u.test(part.text.charAt(t.start))) continue;
    if (t.start < m.index) before++;
    else after++;
  }
  if (after >= 2 && after >= 2 * before) return true;
  // "The board removed her on Thursday, days after the letter was sent" against "The board sent her a letter on Monday": the
  // parties of both acts are the same; the verbs tell the acts apart. The source has the later act's verb, not the main one's.
  const verbs = verbUses(part.text);
  const theirVerbs = new Set(verbUses(s.text).map((v) => v.base));
  const main = verbs.filter((v) => v.end <= m.index);
  const later = verbs.filter((v) => v.end > m.index);
  return after >= 1 && main.length > 0 && !main.some((v) => theirVerbs.has(v.base)) && later.some((v) => theirVerbs.has(v.base));
}

// Between a figure and the month that dates it: "5.8 per cent in May", "$2 billion for April"; not "3.2% from March" (a base).
const DATES_FIGURE = /^\s*(?:%|percent|per\s+cent)?\s*(?:[\p{L}-]+\s+){0,2}?(?:in|during|for|of)\s+$/u;

/** Whether a cited sentence gives the day and the figure that the draft sentence dates by it ("5.8 per cent in May"). */
function datedFigureGiven(ctx: CheckContext, part: DraftSentence, start: number, day: string, pool: IndexedSource[]): boolean {
  // The figure right before the day ("5.8 per cent in May"), or after it in the same clause ("January's gain was revised up to 311,000").
  const end = start + day.length;
  const dated = sentenceFigures(part).filter(
    (f) => f.kind !== 'date' && f.kind !== 'year' && (f.start < start ? DATES_FIGURE.test(part.text.slice(f.start + f.raw.length, start)) : f.start - end <= 40 && !/[,;:—–]/.test(part.text.slice(end, f.start))),
  );
  if (!dated.length) return false;
  return sentencesOf(ctx, pool).some((s) =>
    s.figures.some((g) => {
      if (!dated.some((f) => g.key === f.key)) return false;
      const after = s.text.slice(g.start + g.raw.length, g.start + g.raw.length + 40);
      // The source's month dates that figure too: right after it ("5.8% in May"), or before it in its clause ("May's 5.8%"),
      // not another figure of the sentence ("fell to 4.1 million in October from 4.4 million").
      if (sourceWeekdays(s).has(day)) {
        return weekdaysOf(s.text).some((w) => w.day === day && (w.start > g.start ? DATES_FIGURE.test(s.text.slice(g.start + g.raw.length, w.start)) : g.start - (w.start + w.day.length) <= 40 && !/[,;:—–]|\d/.test(s.text.slice(w.start + w.day.length, g.start))));
      }
      // A month the source counts from another ("a revised 311,000 gain the prior month") dates the figure it follows, with at
      // most its noun between ("6.1% in April, up from 6% a month earlier" gives March to the 6%, not to the 6.1%).
      // Or stands before it ("revised its figure for the prior month to a 311,000 gain").
      const counted = NEXT_MONTH.exec(after);
      const before = s.text.slice(Math.max(0, g.start - 40), g.start);
      const earlier = [...before.matchAll(NEXT_MONTH_ALL)].at(-1);
      const near = (counted !== null && /^\s*(?:[\p{L}-]+\s+){0,2}$/u.test(after.slice(0, counted.index))) || (earlier !== undefined && /^\s*(?:[\p{L}-]+\s+){0,3}$/u.test(before.slice(earlier.index! + earlier[0].length)));
      return near && impliedDays(ctx, s).has(MONTH_BASE + day);
    }),
  );
}

/** Findings for the weekdays of one sentence of a passage. */
export function checkWeekdays(ctx: CheckContext, p: Passage, part: DraftSentence, pool: IndexedSource[]): string[] {
  // A title-case headline capitalises every word: its "March" may be a protest march.
  const days = sentenceWeekdays(part).filter((d) => !(p.kind === 'title' || p.kind === 'heading') || WEEKDAYS.has(d.day));
  if (!days.length) return [];
  const out: string[] = [];
  const everyone = [...ctx.byNumber.values()];
  for (const { day, start } of days) {
    const base = BASE_MONTH_BEFORE.test(part.text.slice(Math.max(0, start - 60), start));
    const givers = (list: IndexedSource[]) => list.filter((s) => sentencesGive(ctx, s, day, base));
    const cited = givers(p.citations === null ? everyone : pool);
    // Asked at most once per day: below, the pool is the cited one, as it is here whenever the check goes on.
    let figureGiven: boolean | undefined;
    const givenWithFigure = () => (figureGiven ??= datedFigureGiven(ctx, part, start, day, p.citations === null ? everyone : pool));
    if (!cited.length && !givenWithFigure()) {
      const elsewhere = givers(everyone);
      const hint = elsewhere.length ? ` (it is in ${labels(elsewhere)}, which the paragraph does not cite)` : '';
      out.push(`${p.where}: "${day}" is not a day or month ${p.citations === null ? 'any source' : `the cited ${labels(pool)}`} gives${hint} — ${excerpt(part.text)}`);
      continue;
    }
    if (p.citations === null) continue;
    const mine = new Set(days.map((d) => d.day));
    const leaveOut = new Set([...mine].map((d) => stem(d.toLowerCase())));
    // The draft's own dates name their months too ("on March 3, … in March").
    for (const f of sentenceFigures(part)) if (f.kind === 'date') mine.add(monthOfDate(f));
    // Any cited sentence that reports the same thing with this day supports it, unless one that reports it far more
    // closely dates it to another day: "cited it in a Monday phone call" (0.86) over "the Times reported Tuesday" (0.27).
    const ranked = alignments(ctx, part, pool, leaveOut);
    const top = ranked[0];
    const words = new Set(sentenceTokens(part).map((t) => t.w));
    const sameKindDay = (d: string) => WEEKDAYS.has(d) === WEEKDAYS.has(day);
    // A sentence that gives the day to its main act ("called for calm on Monday following …") while the draft reports the act
    // after the connective does not date that act.
    const dates = (x: SourceSentence) => givesDay(ctx, x, day, base) && !(sourceWeekdays(x).has(day) && dayOfAnotherAct(x, words, (d) => d === day));
    const withDay = ranked.find((a) => a.score >= MIN_SUPPORT && dates(a.sentence));
    // The closest sentence dates it (a weekday for a weekday, a month for a month) and not to this day.
    const otherDay =
      top !== undefined && !givesDay(ctx, top.sentence, day, base) && [...sourceWeekdays(top.sentence)].some(sameKindDay) && !dayOfAnotherAct(top.sentence, words, sameKindDay);
    const dominant = otherDay && top.score >= DOMINANT_SUPPORT && (!withDay || top.score >= withDay.score * DOMINANT_RATIO);
    if (withDay && !dominant) continue;
    // "rose to 5.9 per cent from 5.8 per cent in May" / "up from 5.8% in May": a cited sentence with the figure the day dates,
    // and the day, reports it, however few words the two share.
    if (givenWithFigure()) continue;
    // A cited sentence that gives the day beside a word the draft has beside it ("released clips on Wednesday" /
    // "the clips were released Wednesday") reports that event on that day, however short it is.
    if (besideSameWords(ctx, part, start, day.length, pool, dayPlaces(day))) continue;
    // "her announcement, ahead of Wednesday('s vote)": a day the sentence's act is placed against, not the day it happened;
    // a cited source gives it (above), and the act's own day may differ.
    if (dayPlacedAgainst(part.text, start)) continue;
    const context = dominant ? [top.sentence] : reportingSentences(ctx, part, pool, leaveOut);
    if (!context.length || context.some(dates)) continue;
    // A sentence naming two days ("on Friday, after a Thursday service") is matched on both; a weekday is no rival for a
    // month ("added 235,000 jobs in February" / "reported Friday that employers added 235,000").
    const sameKind = (s: SourceSentence) => [...sourceWeekdays(s)].filter(sameKindDay);
    const other = context.find((s) => sameKind(s).length > 0 && !sameKind(s).some((d) => mine.has(d)) && !dayOfAnotherAct(s, words, sameKindDay));
    // "called it a fallacy in a letter, but said on Friday …": two reports in one sentence; the day is the second one's.
    if (other && clauseSupports(ctx, part, start, day, pool, leaveOut)) continue;
    // "On Wednesday, the day after Trump sent the letter" where the source has the letter on Tuesday: a day counted from the source's.
    if (other && dayCountedFrom(part.text, day, sourceWeekdays(other))) continue;
    // "removed him on Thursday, days after the letter was sent" where the source has the letter on Monday: the source dates the
    // act after the draft's connective, not the one its day dates.
    if (other && actAfterConnective(part, start, other)) continue;
    if (other) {
      out.push(`${p.where}: "${day}" stands where ${ctx.byNumber.get(other.n)!.label} gives ${sameKind(other).join(' or ')} — ${excerpt(other.text, 90)} — ${excerpt(part.text)}`);
    }
  }
  return out;
}

const DAY_AFTER = /\b(?:the|a)\s+(?:day\s+after|next\s+day|following\s+day|day\s+later)\b/i;
const DAY_BEFORE = /\b(?:the|a)\s+(?:day\s+before|previous\s+day|day\s+earlier)\b/i;

/** Whether the draft gives its weekday as the day after (or before) a weekday the source gives. */
export function dayCountedFrom(text: string, day: string, theirs: ReadonlySet<string>): boolean {
  const at = WEEK.indexOf(day);
  if (at < 0) return false;
  return (DAY_AFTER.test(text) && theirs.has(WEEK[(at + WEEK.length - 1) % WEEK.length]!)) || (DAY_BEFORE.test(text) && theirs.has(WEEK[(at + 1) % WEEK.length]!));
}

/** A source sentence's relative times, found once per call. */
function sourceRelativeTimes(s: SourceSentence): RelativeTime[] {
  return (s.relativeTimes ??= relativeTimesOf(s.text));
}

const givesTime = (s: SourceSentence, key: string) => sourceRelativeTimes(s).some((r) => sameRelativeTime(r.key, key));

/**
 * Findings for the relative times of one sentence of a cited passage ("last week", "two years
 * ago", "a day after"): where the cited sentences that report the same thing date it with other
 * relative times and none with this one, the time was shifted ("two years ago" for "last year").
 * A relative time no cited sentence gives is not held by itself: a writer may count it from dates.
 */
export function checkRelativeTimes(ctx: CheckContext, p: Passage, part: DraftSentence, pool: IndexedSource[]): string[] {
  if (p.citations === null) return [];
  const times = relativeTimesOf(part.text);
  const out: string[] = [];
  for (const time of times) {
    const leaveOut = new Set(time.raw.toLowerCase().split(/\s+/).map(stem));
    if (alignments(ctx, part, pool, leaveOut).some((a) => a.score >= MIN_SUPPORT && givesTime(a.sentence, time.key))) continue;
    if (besideSameWords(ctx, part, time.start, time.raw.length, pool, timePlaces(time.key))) continue;
    const context = reportingSentences(ctx, part, pool, leaveOut);
    if (context.some((s) => givesTime(s, time.key))) continue;
    // A time dating something else the draft sentence also dates is no rival ("last week, a year after …").
    const rivals = (s: SourceSentence) => sourceRelativeTimes(s).filter((r) => relativeTimesConflict(r.key, time.key) && !anchorsDiffer(r, time) && !times.some((t) => sameRelativeTime(r.key, t.key)));
    const other = context.find((s) => rivals(s).length);
    if (other) {
      const theirs = rivals(other).map((r) => `"${r.raw}"`).join(' or ');
      out.push(`${p.where}: "${time.raw}" stands where ${ctx.byNumber.get(other.n)!.label} gives ${theirs} — ${excerpt(other.text, 90)} — ${excerpt(part.text)}`);
    }
  }
  return out;
}

/** Where a sentence gives a relative time of the key. */
const timePlaces = (key: string) => (s: SourceSentence) =>
  sourceRelativeTimes(s).filter((r) => sameRelativeTime(r.key, key)).map((r) => ({ start: r.start, length: r.raw.length }));

// Where a sentence's clauses part: a day belongs to the clause it stands in.
const CLAUSE_JOIN = /,\s+(?:but|and|while|whereas)\s+|;\s+|\s+but\s+/g;

/** Whether the clause holding the day, read alone, is reported by a cited sentence with that day or by none giving another. */
function clauseSupports(ctx: CheckContext, part: DraftSentence, at: number, day: string, pool: IndexedSource[], leaveOut: Set<string>): boolean {
  let from = 0;
  let to = part.text.length;
  CLAUSE_JOIN.lastIndex = 0;
  for (let m = CLAUSE_JOIN.exec(part.text); m; m = CLAUSE_JOIN.exec(part.text)) {
    if (m.index + m[0].length <= at) from = m.index + m[0].length;
    else if (m.index > at) {
      to = m.index;
      break;
    }
  }
  if (from === 0 && to === part.text.length) return false;
  const clause: DraftSentence = { text: part.text.slice(from, to), offset: part.offset + from };
  if (alignments(ctx, clause, pool, leaveOut).some((a) => a.score >= MIN_SUPPORT && givesDay(ctx, a.sentence, day))) return true;
  const context = reportingSentences(ctx, clause, pool, leaveOut);
  return !context.some((s) => sourceWeekdays(s).size && !givesDay(ctx, s, day));
}

// Content words this near a day (either side) say what happened on it; two in common name the same event.
const DAY_REACH = 3;
const SHARED_NEAR = 2;

const shared = (theirs: string[], mine: Set<string>) => theirs.filter((w) => mine.has(w)).length >= SHARED_NEAR;

const near = (tokens: readonly Tok[], at: number, length: number) =>
  [...neighbours(tokens, at, at + length)].filter(([, d]) => Math.abs(d) <= DAY_REACH).map(([w]) => w);

/**
 * Whether a cited sentence gives the same day or date (`placesIn` finds its places in a sentence) with SHARED_NEAR
 * of the content words the draft has within DAY_REACH of it at [start, start + length).
 */
function besideSameWords(
  ctx: CheckContext,
  part: DraftSentence,
  start: number,
  length: number,
  pool: IndexedSource[],
  placesIn: (s: SourceSentence) => { start: number; length: number }[],
): boolean {
  const mine = new Set(near(sentenceTokens(part), start, length));
  if (!mine.size) return false;
  for (const s of sentencesOf(ctx, pool)) for (const at of placesIn(s)) if (shared(near(s.tokens, at.start, at.length), mine)) return true;
  return false;
}

/** Where a sentence names the weekday or month (none when it does not). */
const dayPlaces = (day: string) => (s: SourceSentence) =>
  sourceWeekdays(s).has(day) ? weekdaysOf(s.text).filter((w) => w.day === day).map((w) => ({ start: w.start, length: day.length })) : [];

/** Where a sentence gives the date figure. */
const datePlaces = (f: Figure) => (s: SourceSentence) => s.figures.filter((g) => g.key === f.key).map((g) => ({ start: g.start, length: g.raw.length }));

function sentencesGive(ctx: CheckContext, s: IndexedSource, day: string, base = false): boolean {
  for (let id = s.firstSentence; id < s.firstSentence + s.sentenceCount; id++) if (givesDay(ctx, ctx.sentences[id]!, day, base)) return true;
  return false;
}

/**
 * Whether a date of the draft stands where the sentences that report the same thing give another
 * date: the source sentence with the date is not among them, and one of them gives a different date.
 */
export function shiftedDate(ctx: CheckContext, part: DraftSentence, f: Figure, pool: IndexedSource[], present: ReadonlySet<string>): SourceSentence | null {
  const leaveOut = new Set(f.raw.toLowerCase().split(/[\s.,]+/).filter(Boolean).map(stem));
  if (alignments(ctx, part, pool, leaveOut).some((a) => a.score >= MIN_SUPPORT && a.sentence.figures.some((g) => g.key === f.key))) return null;
  if (besideSameWords(ctx, part, f.start, f.raw.length, pool, datePlaces(f))) return null;
  const context = reportingSentences(ctx, part, pool, leaveOut);
  if (!context.length || context.some((s) => s.figures.some((g) => g.key === f.key))) return null;
  // Dates the draft sentence also gives are not rivals ("on April 12, two weeks after March 25").
  return context.find((s) => s.figures.some((g) => g.kind === 'date' && g.key !== f.key && !present.has(g.key))) ?? null;
}
