/** `numbers`: every figure in the text is in a source the same paragraph cites, and in the place that source gives it. */
import { stem } from '../../lib/text';
import { extractFigures, type Figure, roundsTo, supportsKey, withinHedge } from './extract/numbers';
import { extractQuotes, type QuoteSpan } from './extract/quotes';
import { measureUnitAfter } from './extract/conversions';
import { type CheckContext, excerpt, figureNeighbours, type IndexedSource, labels, type SourceSentence, sentencesOf, sourcesFor } from './context';
import { type DraftSentence, type Passage, normalizedText, passageQuotes, passageSentences, sentenceFigures, sentenceTokens } from './passages';
import { MIN_QUOTE_WORDS, quoteSource, quoteWords } from './quotes';
import { alignments } from './align';
import { checkRelativeTimes, checkWeekdays, shiftedDate } from './when';
import { checkTallies, frameConflicts, tallyChamber } from './figure-frames';
import { swappedFigures } from './figure-swaps';
import { misdatedFigure } from './figure-dates';
import { countedAfter } from './counted';
import { affinity, clearlyRestatesRival, type Neighbours, neighbours, type Restatement } from './restates';

// A rival place must beat the figure's own best place by this factor plus this margin (measured: npm run eval:checks; a grid
// over 1.5–3 and 0.6–2 found no pair that freed faithful drafts without losing more swapped figures).
const RIVAL_RATIO = 1.5;
const RIVAL_MARGIN = 0.6;
// An FAQ answer is a fragment ("Nearly 4,000; counts ranged from 3,865 …"): few words surround its figures, so a rival
// place must win by more. Dev model-written drafts: 3 fewer faithful holds at 1.0, the same model errors caught (round 18).
const ANSWER_MARGIN = 1.0;

// Days that name events in American news, with the words that make them names.
const NAMED_DAY: Record<string, RegExp> = {
  'd:09-11': /^(?:,\s*2001,?)?\s+(?:terror(?:ist)?\s+)?(?:attacks?|commission|memorial|museum|hijackers?|victims?|families)\b/i,
  'd:01-06': /^(?:,\s*2021,?)?\s+(?:(?:Capitol|House)\s+)?(?:riot(?:ers?)?|attack|insurrection|(?:select\s+)?committee|panel|hearings?|investigation|probe|defendants?|rioters?)\b/i,
};
/** Where the sentence names one of the story's outlets: "Channel 4 News" holds no figure. [start, end) offsets. */
function outletSpans(ctx: CheckContext, sentence: string): [number, number][] {
  const out: [number, number][] = [];
  for (const s of ctx.sources) {
    if (!s.publisher || !/\d/.test(s.publisher)) continue;
    for (let i = sentence.indexOf(s.publisher); i >= 0; i = sentence.indexOf(s.publisher, i + 1)) out.push([i, i + s.publisher.length]);
  }
  return out;
}

/**
 * The spans of days that name events ("the Sept. 11, 2001, attacks", "the Jan. 6 committee"): a name, not a date the story
 * gives, so neither the day nor its year is checked as one. [start, end) offsets in the sentence.
 */
function namedDays(sentence: string, figures: readonly Figure[]): [number, number][] {
  const out: [number, number][] = [];
  for (const f of figures) {
    if (f.kind !== 'date') continue;
    const end = f.start + f.raw.length;
    const m = NAMED_DAY[f.key]?.exec(sentence.slice(end, end + 40));
    if (m) out.push([f.start, end + m[0].length]);
  }
  return out;
}

const SPAN_WORD = /^(?:a|one|the\s+\w+|once[\s-]\w+)[\s-](?:decade|dozen)$/i;

// Quantities can be swapped for one another; years and dates are held to presence (a shifted date is not in the source).
const COUNTED = new Set<Figure['kind']>(['number', 'percent', 'points', 'ordinal']);

export function checkNumbers(ctx: CheckContext): string[] {
  const details: string[] = [];
  const everySource = new Set(ctx.byNumber.keys());
  let bodyKeys: Set<string> | undefined;
  for (const p of ctx.passages) {
    const pool = sourcesFor(ctx, p);
    const poolNumbers = new Set(pool.map((s) => s.doc.n));
    const text = normalizedText(p);
    let quotes: QuoteSpan[] | undefined;
    for (const part of passageSentences(p)) {
      const { text: sentence, offset } = part;
      details.push(...checkWeekdays(ctx, p, part, pool));
      details.push(...checkRelativeTimes(ctx, p, part, pool));
      if (p.citations !== null) details.push(...checkVagueSizes(ctx, p, part, pool));
      const figures = sentenceFigures(part);
      if (!figures.length) continue;
      let triple: ReadonlySet<Figure> | undefined;
      // Titles, deks and headings compress a story: only cited paragraphs are held to their sources' frames.
      const votes = p.citations === null ? { all: [], conflicts: [], supported: [] } : checkTallies(ctx, part, pool);
      const tallied = votes.conflicts;
      const chamber = p.citations === null ? null : tallyChamber(ctx, part, votes.supported, pool);
      if (chamber) details.push(`${p.where}: the vote "${chamber.raw}" is given to the ${chamber.mine === 'senate' ? 'Senate' : 'House'}, where ${ctx.byNumber.get(chamber.s.n)!.label} gives it to the ${chamber.theirs === 'senate' ? 'Senate' : 'House'} — ${excerpt(chamber.s.text, 90)} — ${excerpt(sentence)}`);
      for (const t of tallied) details.push(`${p.where}: the vote "${t.raw}" is not the tally ${labels(pool)} give${t.other ? ` ("${t.other}")` : ''} — ${excerpt(sentence)}`);
      const framed = p.citations === null ? null : frameConflicts(ctx, part, figures, pool);
      const swap = p.citations === null ? null : swappedFigures(ctx, part, figures, votes.all, pool);
      if (swap) details.push(`${p.where}: "${swap.a.raw}" and "${swap.b.raw}" stand in each other's places in ${ctx.byNumber.get(swap.s.n)!.label} — ${excerpt(swap.s.text, 90)} — ${excerpt(sentence)}`);
      const named = [...namedDays(sentence, figures), ...outletSpans(ctx, sentence)];
      for (const f of figures) {
        if (tallied.some((t) => t.start <= f.start && f.start < t.end)) continue;
        if (named.some(([from, to]) => from <= f.start && f.start < to)) continue;
        // "1: the number of shots Walker fired": a "by the numbers" item's 1 counts one thing, as the word "one" does,
        // which is never read as a figure ("fired once", "won a Peabody").
        if (f.raw === '1' && sentence.charAt(f.start + 1) === ':' && /^\W*$/.test(sentence.slice(0, f.start)) && countsOne(ctx, sentence, pool)) continue;
        const havers = ctx.figureSources.get(f.key);
        const scope = f.soft ? everySource : poolNumbers;
        let inScope = havers ? [...havers].filter((n) => scope.has(n)) : [];
        // A hedged or rounded figure ("over 650,000") stands for the exact value a source gives within its rounding.
        if (!inScope.length && f.hedge) inScope = hedgedSupport(ctx, f, f.soft ? [...ctx.byNumber.values()] : pool);
        // "3.75 million" for 3,747,540: a figure told in a scale word is the exact value rounded to its last digit.
        if (!inScope.length && !f.hedge && !f.soft) inScope = roundedSupport(ctx, f, pool);
        // "13 states" where a cited sentence lists "Wisconsin, Ohio, California and 10 other states": the list's total.
        const listed = !inScope.length && f.kind === 'number' && (inScope = listedIn(ctx, part, f, pool)).length > 0;
        // A count of something the sentences reporting the same thing count otherwise ("five locations" where they
        // say three) is wrong whether or not the number stands elsewhere in the sources.
        const recount = p.citations !== null && COUNTED.has(f.kind) && (inScope.length || f.soft || smallNumeral(f, sentence)) ? otherCount(ctx, part, f, pool, new Set(figures.map((g) => g.key))) : null;
        if (recount) {
          details.push(`${p.where}: ${describe(f)} counts what ${ctx.byNumber.get(recount.s.n)!.label} gives as "${recount.g.raw}" — ${excerpt(recount.s.text, 90)} — ${excerpt(sentence)}`);
          continue;
        }
        // A small count spelled out may refer back or count what the text lists ("the two countries", "all three outlets").
        if (!inScope.length && (f.soft || smallNumeral(f, sentence)) && everydayCount(ctx, sentence, f, pool, laterSentences(p, part), p.kind === 'heading' || p.kind === 'title')) continue;
        // "outran it by 19 points": the gap between two shares a cited sentence gives (57% and 38%).
        if (!inScope.length && p.citations !== null && pointGap(ctx, part, f, pool)) continue;
        // "down from 3.75 million in 2019" where the source has "in 2020, down from 3,747,540 the year prior".
        if (!inScope.length && f.kind === 'year' && yearCountedFrom(ctx, f, figures, pool)) continue;
        // "a gap of 505,000", "beat that forecast by 73,000": worked out from two figures the paragraph gives.
        if (!inScope.length && p.citations !== null && workedOut(ctx, p, part, f, poolNumbers)) continue;
        // "200 yards (about 180 meters)": a conversion of a figure is borne out with it.
        if (!inScope.length && f.converts) continue;
        // A title, dek, heading or question sums up the body: a figure the body's cited paragraphs give is checked there.
        if (!inScope.length && p.citations === null && (bodyKeys ??= figuresOfBody(ctx)).has(bodyKey(part, f))) continue;
        if (!inScope.length) {
          const elsewhere = havers?.size ? ` (it is in ${[...havers].map((n) => ctx.byNumber.get(n)!.label).join(', ')}, which the paragraph does not cite)` : '';
          details.push(`${p.where}: ${describe(f)} is not in ${f.soft ? 'any source' : `the cited ${labels(pool)}`}${elsewhere} — ${excerpt(sentence)}`);
          continue;
        }
        // "a five-month investigation" where the cited sources give "five-year": the same number in another unit of time.
        const span = p.citations === null ? null : otherUnit(ctx, sentence, f, pool, timeUnit);
        if (span) {
          const unit = (u: string) => (u === 'age' ? 'years of age' : `${u}s`);
          details.push(`${p.where}: ${describe(f)} is given in ${unit(span.mine)} where ${ctx.byNumber.get(span.s.n)!.label} gives it in ${unit(span.theirs)} — ${excerpt(span.s.text, 90)} — ${excerpt(sentence)}`);
          continue;
        }
        // "a 1,235-acre park" where the cited sources give "1,235-square-mile": the same number in another unit of measure.
        const measure = p.citations === null ? null : otherUnit(ctx, sentence, f, pool, measureUnitAfter);
        if (measure) {
          details.push(`${p.where}: ${describe(f)} is given in ${measure.mine} where ${ctx.byNumber.get(measure.s.n)!.label} gives it in ${measure.theirs} — ${excerpt(measure.s.text, 90)} — ${excerpt(sentence)}`);
          continue;
        }
        // Titles, deks and headings compress a story: only cited paragraphs are held to their sources' places.
        if (p.citations === null || f.soft) continue;
        const attributed = attributedTo(sentence, f, pool);
        if (attributed && !attributed.some((s) => inScope.includes(s.doc.n)) && !workedOut(ctx, p, part, f, new Set(attributed.map((s) => s.doc.n)))) {
          details.push(`${p.where}: ${describe(f)} is attributed to ${attributed[0]!.doc.publisher}, but ${labels(attributed)} does not give it — ${excerpt(sentence)}`);
          continue;
        }
        // A figure inside a quotation is in the right place when the quotation is verbatim in a cited source.
        // Offsets are in the normalised text: the passage's own quotations serve when that is the text as written.
        quotes ??= text === p.text ? passageQuotes(p) : extractQuotes(text);
        const quote = quotes.find((q) => q.start < offset + f.start && offset + f.start < q.end);
        if (quote) {
          if (quoteWords(p, quote.inner).words >= MIN_QUOTE_WORDS && !quoteSource(ctx, p, quote.inner)) {
            details.push(`${p.where}: ${describe(f)} is in a quotation that the cited ${labels(pool)} do not give word for word — ${excerpt(sentence)}`);
          }
          continue;
        }
        if (f.kind === 'date') {
          const paired = misdatedFigure(ctx, part.text, figures, f, pool);
          if (paired) {
            details.push(`${p.where}: ${describe(f)} is given to "${paired.figure.raw}", which ${ctx.byNumber.get(paired.s.n)!.label} gives for ${paired.theirs.raw} — ${excerpt(paired.s.text, 90)} — ${excerpt(sentence)}`);
            continue;
          }
          const other = shiftedDate(ctx, part, f, pool, new Set(figures.map((g) => g.key)));
          if (other) details.push(`${p.where}: ${describe(f)} stands where ${ctx.byNumber.get(other.n)!.label} gives another date — ${excerpt(other.text, 90)} — ${excerpt(sentence)}`);
          continue;
        }
        const frame = framed?.get(f);
        if (frame) {
          details.push(`${p.where}: ${describe(f)} ${frame.claim}, where ${ctx.byNumber.get(frame.s.n)!.label} gives it as ${frame.given} — ${excerpt(frame.s.text, 90)} — ${excerpt(sentence)}`);
          continue;
        }
        // A span in words ("the last decade") dates the story; it counts nothing another figure could stand for.
        if ((!COUNTED.has(f.kind) && f.kind !== 'year') || SPAN_WORD.test(f.raw)) continue;
        // A count of a vote a cited source gives ("96-0") stands in its place, whatever other figures share its words.
        if (votes.supported.some((t) => t.start <= f.start && f.start < t.end)) continue;
        // "16- to 25-year-olds" where a cited source gives "ages 16-25": one end of a range the source gives whole.
        if (rangeGiven(ctx, sentence, f, figures, pool)) continue;
        // A list's total stands in no place of its own: its rivals would be the figures it sums.
        if (listed) continue;
        // "All 3 outlets rely on …": a count of the story's own reports stands in no source's place, as its words do not.
        if (f.kind === 'number' && countsOurSources(ctx, sentence, f)) continue;
        const tokens = sentenceTokens(part);
        const r = restatement(ctx, neighbours(tokens, f.start, f.start + f.raw.length), f, figures.filter((g) => g !== f), sentencesOf(ctx, pool), part);
        if (clearlyRestatesRival(r, RIVAL_RATIO, p.kind === 'answer' ? ANSWER_MARGIN : RIVAL_MARGIN) && !derivedFrom(f, r.rivalAt!.s.figures) && !(triple ??= changeTriple(sentence, figures)).has(f) && !countsItsOwn(ctx, part, f, r.rivalAt!, pool) && !otherMeasure(part, f, r.rivalAt!)) {
          const rival = r.rivalAt!;
          details.push(`${p.where}: ${describe(f)} stands where ${ctx.byNumber.get(rival.s.n)!.label} gives "${rival.f.raw}" — ${excerpt(rival.s.text, 90)} — ${excerpt(sentence)}`);
        }
      }
    }
  }
  return details;
}

/** The figures the article's cited passages give, as "key|what it counts" ("n:4000|student"); conversions left out. */
function figuresOfBody(ctx: CheckContext): Set<string> {
  const out = new Set<string>();
  for (const p of ctx.passages) {
    if (p.citations === null) continue;
    for (const part of passageSentences(p)) for (const f of sentenceFigures(part)) if (!f.converts) out.add(bodyKey(part, f));
  }
  return out;
}

/** A figure's key with the first word it counts: "4,000 students" in a title is not the body's "4,000 riders". */
function bodyKey(part: DraftSentence, f: Figure): string {
  return `${f.key}|${countedAfter(part.text, sentenceTokens(part), f.start + f.raw.length)[0] ?? ''}`;
}

// A unit of time right after a figure: "five-year", "four months", "12-hour".
const TIME_UNIT = /^(?:-|\s+)(second|minute|hour|day|week|month|quarter|year|decade|century)s?\b/i;

/**
 * The unit of time written right after a figure in a text, lower case and singular, or null; "age" for years of age ("20
 * years old", "20-year-old"), which is no span of years ("a 26-year veteran").
 */
function timeUnitAfter(text: string, f: Figure): string | null {
  const after = text.slice(f.start + f.raw.length, f.start + f.raw.length + 20);
  const m = TIME_UNIT.exec(after);
  if (!m) return null;
  const unit = m[1]!.toLowerCase();
  return unit === 'year' && /^[\s-]+old\b/i.test(after.slice(m[0].length)) ? 'age' : unit;
}

/** A unit written right after a figure: as written, and a key that two units share only when they are one unit. */
interface UnitAfter {
  written: string;
  unit: string;
}

const timeUnit = (text: string, f: Figure): UnitAfter | null => {
  const unit = timeUnitAfter(text, f);
  return unit ? { written: unit, unit } : null;
};

/**
 * A figure the draft gives in one unit ("five-month", "1,235-acre") that every cited sentence giving the same number gives
 * in another ("five-year", "1,235-square-mile"): { mine, theirs, s } as written, or null. A cited sentence with the number
 * and no unit after it, or the same unit, clears it; so does an age told as a thing's span of years (`sameSpan`).
 */
function otherUnit(ctx: CheckContext, text: string, f: Figure, pool: IndexedSource[], unitAfter: (text: string, f: Figure) => UnitAfter | null): { mine: string; theirs: string; s: SourceSentence } | null {
  const mine = unitAfter(text, f);
  if (!mine) return null;
  let other: { theirs: string; s: SourceSentence } | null = null;
  for (const s of sentencesOf(ctx, pool)) {
    for (const g of s.figures) {
      if (g.key !== f.key) continue;
      const theirs = unitAfter(s.text, g);
      if (theirs === null || theirs.unit === mine.unit || sameSpan(text, f, mine.unit, s.text, g, theirs.unit)) return null;
      other ??= { theirs: theirs.written, s };
    }
  }
  return other && { mine: mine.written, ...other };
}

/**
 * Whether an age and a span of years are one figure: "a crisis now three years old" is "the three-year crisis", a span
 * hyphened onto a thing. A span hyphened onto a person's tenure ("a 26-year department veteran") or told apart ("20 years
 * in prison", "for 26 years") is no one's age.
 */
function sameSpan(a: string, f: Figure, unitA: string, b: string, g: Figure, unitB: string): boolean {
  const thingsAge = (text: string, x: Figure) => text[x.start + x.raw.length] === '-' && !TENURE_AFTER.test(text.slice(x.start + x.raw.length, x.start + x.raw.length + 40));
  if (unitA === 'age' && unitB === 'year') return thingsAge(b, g);
  if (unitA === 'year' && unitB === 'age') return thingsAge(a, f);
  return false;
}

// A span of years hyphened onto a person's standing in a body: "-year department veteran", "-year member of".
const TENURE_AFTER = /^-years?\s+(?:[\p{L}-]+\s+)?(?:veteran|member|employee|officer|agent|career|tenure|incumbent|lawmaker|legislator|staffer|teacher)s?\b/iu;

function describe(f: Figure): string {
  return f.kind === 'date' ? `the date "${f.raw}"` : `"${f.raw}"`;
}

/**
 * The cited sources of the publisher the sentence credits with the figure, or null when it credits
 * none. A credit covers its clause: "According to A, …" the whole sentence; "…, according to A"
 * and "… according to A and B" the clause before it; "A reported …" / "A put it at …" what follows.
 * Several publishers in one credit are all credited ("according to A and B"), and an outlet whose credit ends the
 * sentence after the figure may be the one giving it.
 */
export function attributedTo(sentence: string, f: Figure, pool: IndexedSource[]): IndexedSource[] | null {
  const credits: { from: number; to: number; at: number; shared?: boolean; publishers: Set<string> }[] = [];
  for (const s of pool) {
    const name = s.doc.publisher;
    if (!name) continue;
    for (let i = sentence.indexOf(name); i >= 0; i = sentence.indexOf(name, i + name.length)) {
      const scope = creditScope(sentence, i, i + name.length);
      if (!scope) continue;
      // "according to A and B" credits both outlets with one clause, whichever name ends it.
      const same = credits.find((c) => c.from === scope.from && (c.to === scope.to || (c.shared && scope.shared)));
      if (same) {
        same.publishers.add(name);
        same.to = Math.max(same.to, scope.to);
      }
      else credits.push({ ...scope, at: i, publishers: new Set([name]) });
    }
  }
  // "A cites 3,963, B relays 3,920, and C puts it at 3,865": a credit that opens its clause ends where another outlet's begins.
  for (const c of credits) {
    if (c.from !== c.at) continue;
    for (const s of pool) {
      const name = s.doc.publisher;
      const next = name && !c.publishers.has(name) ? sentence.indexOf(name, c.at) : -1;
      if (next > c.at && next < c.to) c.to = next;
    }
  }
  // "the 22 million cited by the other two outlets": the outlets the sentence does not name.
  const clauseAfter = sentence.slice(f.start).split(/[,;.]\s|\s[—–]\s/)[0]!;
  if (OTHER_OUTLETS.test(clauseAfter)) {
    const named = new Set(credits.flatMap((c) => [...c.publishers]));
    const others = pool.filter((s) => !named.has(s.doc.publisher));
    if (others.length) return others;
  }
  // "the toll of 24 dead reported by A and B": a credit right after the figure, in its clause, is the figure's own.
  const by = REPORTED_BY.exec(clauseAfter);
  // Not across a colon: "three-quarters: 74% of the cases counted by A" credits only what follows it.
  if (by && !clauseAfter.slice(f.raw.length, by.index).includes(":")) {
    const after = clauseAfter.slice(by.index);
    const named = pool.filter((s) => s.doc.publisher && after.includes(s.doc.publisher));
    if (named.length) return named;
  }
  // The innermost credit around the figure wins.
  const around = credits.filter((c) => c.from <= f.start && f.start < c.to).sort((a, b) => a.to - a.from - (b.to - b.from));
  const credit = around[0];
  if (!credit) return null;
  // "A said forecasters expected 700,000, …, and the consensus stood at 750,000, the Coastal Herald reported": an outlet
  // credited at the sentence's end, after the figure, may be the one giving it.
  const trailing = pool.filter((s) => {
    const at = s.doc.publisher ? sentence.indexOf(s.doc.publisher, f.start) : -1;
    return at > 0 && TRAILING_CREDIT.test(sentence.slice(at + s.doc.publisher.length));
  });
  return pool.filter((s) => credit.publishers.has(s.doc.publisher) || trailing.includes(s));
}

// "according to the Meridian Times and the Prairie Journal", "according to A, B and C": the outlets after the first share
// its credit.
const ACCORDING = /[Aa]ccording\s+to\s+(?:[Tt]he\s+)?(?:(?:\p{Lu}[\p{L}&'’.-]*\s+){0,3}\p{Lu}[\p{L}&'’.-]*(?:,\s+(?:and\s+)?|\s+(?:and|&)\s+)(?:the\s+)?){0,4}$/u;
const REPORTED_BY = /\b(?:reported|cited|given|put|counted|tallied)\s+by\s/i;
const OTHER_OUTLETS = /\b(?:(?:cited|reported|given|put)\s+by|according\s+to)\s+(?:the\s+)?other\s+(?:two\s+|three\s+)?(?:outlets|sources|publications|reports|papers)\b/i;
// "the 22 million cited by the Coastal Herald": a passive credit, like "according to", covers the clause before it.
const PASSIVE_CREDIT = /\b(?:cited|reported|given|put|counted|estimated|tallied|published)\s+by\s+(?:the\s+)?$/i;
// "by the Coastal Herald's account", "in the Herald's count": a credit, like "according to", that covers the clause before it.
const ACCOUNT_BEFORE = /\b(?:by|in|on|to)\s+(?:the\s+)?$/i;
const ACCOUNT_AFTER = /^['’]s?\s+(?:own\s+)?(?:account|count|tally|estimate|reckoning|telling|figures?|numbers|version)\b/i;
// "…, the Prairie Journal reported, and …": a reporting verb with nothing after it before the next comma.
const PARENTHETICAL_CREDIT = /^['’]?s?\s+(?:reported|said|says|wrote|noted|added|reports|writes|notes|adds)(?=\s*[,;])/i;

// After a reporting verb's comma, its content: "said, citing city figures, that …", "reported, saying …".
const CONTENT_AFTER = /^,\s*(?:citing|saying|adding|noting|that|according)\b/i;
// A clause that opens on a subordinator is no report of its own: "While A put the drop at 12 percent, B said, …".
const SUBORDINATE = /^\s*(?:while|whereas|although|though|after|before|when|if|as|because|since|unless|once)\b/i;

/** Where the clause that ends at `at` begins: after the last clause break before it, or 0. */
function clauseBefore(before: string, at: number): number {
  let from = 0;
  CLAUSE_START.lastIndex = 0;
  for (let m = CLAUSE_START.exec(before.slice(0, at)); m; m = CLAUSE_START.exec(before.slice(0, at))) {
    if (m.index + m[0].length < at - 1) from = m.index + m[0].length;
    if (m[0].length === 0) CLAUSE_START.lastIndex++;
  }
  return from;
}

// "A reported 85 percent and B 86 percent": a figure right after an outlet, the verb left out, is its own credit.
const GAPPED_FIGURE = /^\s+(?:(?:more\s+than|less\s+than|at\s+least|at\s+most|about|around|nearly|almost|roughly|some|over|under|just|at)\s+)*(?:[$€£]?\d|a\s+(?:half|quarter)[\s-]|half\s+a\s)/i;
const REPORTING_VERB = /^['’]?s?\s+(?:\w+\s+)?(?:reported|reports|said|says|put|puts|estimated|estimates|counted|counts|gave|gives|cited|cites|wrote|writes|found|finds|tallied|calculated|noted|notes|described|describes|called|calls|termed|added|adds|citing|names|named|lists|listed|identifies|identified)\b/i;
// A comma inside a figure ("720,000") starts no clause.
const CLAUSE_START = /(?:,(?!\d)|[;:—–(])\s*|\b(?:while|whereas|but|and)\s+/gi;
// "…, the Coastal Herald reported." / "…, the Herald said Tuesday.": a credit that ends the sentence, crediting what came before.
const TRAILING_CREDIT = /^['’]?s?\s+(?:reported|reports|said|says|wrote|writes|noted|notes|added|adds)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|earlier|later))?\s*[.!]?\s*$/;

/** The part of the sentence a publisher named at [start, end) is credited with, or null when the mention credits nothing. */
function creditScope(sentence: string, start: number, end: number): { from: number; to: number; shared?: boolean } | null {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  const credit = ACCORDING.test(before) ? ACCORDING : PASSIVE_CREDIT.test(before) ? PASSIVE_CREDIT : ACCOUNT_BEFORE.test(before) && ACCOUNT_AFTER.test(after) ? ACCOUNT_BEFORE : null;
  if (credit) {
    const at = before.search(credit);
    // Sentence-initial "According to A, …" covers the sentence.
    if (!sentence.slice(0, at).trim()) return { from: 0, to: sentence.length, shared: true };
    // "… and, according to A, rose 12 percent": set off after a conjunction, it covers the clause after it.
    if (credit === ACCORDING && /\b(?:and|but|or|while|that|because)\s*,\s*$/i.test(sentence.slice(0, at)) && /^['’]?s?\s*,/.test(after)) {
      const stop = after.slice(1).search(/[;—–]|,\s+(?:and|but|while|whereas)\b|\.\s/);
      return { from: start, to: stop < 0 ? sentence.length : end + 1 + stop, shared: true };
    }
    // "…, according to A" covers the clause before it.
    return { from: clauseBefore(before, at), to: end, shared: true };
  }
  // A credit set off by commas covers its clause: "…, the Prairie Journal reported, and 13 have said so" the clause before it;
  // "Ridership, the Ledger reported, fell 12 percent" the clause it interrupts. Not a verb with its content after it
  // ("the Ledger said, citing city figures, that …") or a credit after a subordinate clause ("While A put it at 12, B said, …").
  const aside = PARENTHETICAL_CREDIT.exec(after);
  const at = aside ? before.search(/,\s*(?:the\s+)?$/) : -1;
  if (at >= 0) {
    const from = clauseBefore(before, at);
    const rest = after.slice(aside![0].length);
    if (!CONTENT_AFTER.test(rest) && !SUBORDINATE.test(sentence.slice(from))) {
      if (/^(?:;|,\s*(?:and|but|while|whereas|though|although)\b)/i.test(rest)) return { from, to: end + aside![0].length };
      const stop = rest.slice(1).search(/[;—–]|,\s+(?:and|but|while|whereas)\b|\.\s/);
      return { from, to: stop < 0 ? sentence.length : end + aside![0].length + 1 + stop };
    }
  }
  if (GAPPED_FIGURE.test(after) && /(?:,|\band)\s+(?:the\s+)?$/i.test(before)) {
    const stop = after.search(/,(?!\d)|\s(?:and|while|but)\s|[;.—–]\s|$/);
    return { from: start, to: end + stop };
  }
  // "A reported 42,000 …": the rest of the clause after the verb.
  if (REPORTING_VERB.test(after)) {
    const stop = after.slice(1).search(/[;—–]|,\s+(?:while|whereas|but)\b|\.\s/);
    return { from: start, to: stop < 0 ? sentence.length : end + 1 + stop };
  }
  return null;
}

// The least share of the draft sentence a source sentence must report for its count to be a rival.
const COUNT_SUPPORT = 0.35;

// Words that say when, not what: "3.3 million the week before", "up from 5% a year earlier".
const WHEN_WORDS = new Set(['week', 'month', 'year', 'day', 'quarter', 'earlier', 'prior', 'previous', 'last', 'ago', 'later'].map(stem));

/**
 * What each figure of a source sentence counts, found once per call. A figure followed only by when ("6.9 million claims
 * were filed, and 3.3 million the week before") counts what the figure of its kind before it counts: the noun is elided.
 */
function sourceCounted(s: SourceSentence): string[][] {
  if (s.counted) return s.counted;
  const counted = s.figures.map((g) => countedAfter(s.text, s.tokens, g.start + g.raw.length));
  const elidedFrom = counted.map(() => -1);
  const when: string[][] = counted.map(() => []);
  for (let i = 1; i < counted.length; i++) {
    if (!counted[i]!.length || !counted[i]!.every((w) => WHEN_WORDS.has(w))) continue;
    // "three months" counts months; "3.3 million the week before" or "a year earlier" says when.
    const g = s.figures[i]!;
    if (!/^\s+(?:the|a|an|that|this|last|previous|prior|earlier)\b/i.test(s.text.slice(g.start + g.raw.length, g.start + g.raw.length + 12))) continue;
    for (let j = i - 1; j >= 0; j--) {
      if (s.figures[j]!.kind !== s.figures[i]!.kind) continue;
      if (counted[j]!.some((w) => !WHEN_WORDS.has(w))) [counted[i], elidedFrom[i], when[i]] = [counted[j]!, j, counted[i]!];
      break;
    }
  }
  [s.elidedFrom, s.elidedWhen] = [elidedFrom, when];
  return (s.counted = counted);
}

/**
 * Another value a cited source gives for what the figure counts, when no cited source gives this
 * value for it: "five separate locations" where the source says "three separate locations".
 */
function otherCount(ctx: CheckContext, part: DraftSentence, f: Figure, pool: IndexedSource[], present: ReadonlySet<string>): { s: SourceSentence; g: Figure } | null {
  const counted = countedAfter(part.text, sentenceTokens(part), f.start + f.raw.length);
  if (!counted.length) return null;
  // Rivals come only from the sentences that report what the draft sentence reports: "nine routes" in a
  // trial is no rival for "all 46 routes" of the launch.
  const ranked = alignments(ctx, part, pool);
  const best = ranked[0]?.score ?? 0;
  const reporting = new Set(ranked.filter((a) => a.score >= Math.max(COUNT_SUPPORT, best * 0.6)).map((a) => a.sentence));
  let other: { s: SourceSentence; g: Figure } | null = null;
  for (const s of sentencesOf(ctx, pool)) {
    // A headline's figure sums up ("$30B for disaster aid, resettlement and …"): it is no rival for a detail.
    if (!s.figures.length || s === ctx.sentences[ctx.byNumber.get(s.n)!.firstSentence]) continue;
    // "Wisconsin, Ohio, California and 10 other states said they were among 21 states": the list's total counts its own.
    if (sentenceTotals(s).has(valueOf(f))) continue;
    const nouns = sourceCounted(s);
    for (const [i, g] of s.figures.entries()) {
      if (!COUNTED.has(g.kind) || g.kind !== f.kind || !nouns[i]!.some((w) => counted.includes(w))) continue;
      // "and 380 the year before" counts the crashes of the year before: the draft must say so too ("the year before that").
      if (!saysWhen(s, i, part)) continue;
      // "Sixteen Marines" where a source has "more than a dozen": its hedge admits the count.
      if (supportsKey(g, f.key) || withinHedge(f, g) || roundsTo(f, g) || admits(g, f)) return null;
      // "seven-day average", "17-year dispute": a figure hyphened to its unit describes, it does not count.
      if (s.text[g.start + g.raw.length] === '-') continue;
      if (!present.has(g.key) && reporting.has(s)) other ??= { s, g };
    }
  }
  return other;
}

/** Whether the draft sentence says the when of a source figure whose noun is left out ("the week before"), or it has none. */
function saysWhen(s: SourceSentence, i: number, part: DraftSentence): boolean {
  const when = s.elidedWhen?.[i];
  if (!when?.length) return true;
  const words = new Set(sentenceTokens(part).map((t) => t.w));
  return when.every((w) => words.has(w));
}

/** A figure's value, or NaN for a date or time. */
function valueOf(f: Figure): number {
  return f.kind === 'date' || f.kind === 'time' ? NaN : Number(f.key.slice(f.key.indexOf(':') + 1));
}

/** Whether a hedged figure admits another: "more than a dozen" admits 16, "nearly 700" admits 680, "about 50" admits 55. */
function admits(hedged: Figure, f: Figure): boolean {
  const [h, x] = [valueOf(hedged), valueOf(f)];
  if (!(h > 0) || !(x > 0)) return false;
  switch (hedged.hedge) {
    case 'above':
      return x >= h && x <= 2 * h;
    case 'below':
      return x <= h && x >= h / 2;
    case 'about':
      return Math.abs(x - h) <= 0.25 * h;
    default:
      return false;
  }
}

// A change told as one ("down 97,000 from", "rose by 2,000 to"), right before its figure.
const CHANGE_BEFORE = /\b(?:up|down|by|rose|fell|climbed|dropped|declined|increased|decreased|jumped|gained|lost)\s+(?:(?:about|nearly|roughly|some|more\s+than)\s+)?$/i;

/**
 * A change the draft sentence states with both levels it is the difference of ("684,000, down 97,000 from 781,000"): the three
 * figures, which bear each other out and share their surroundings, so that no other figure's place can tell them apart.
 */
function changeTriple(sentence: string, figures: readonly Figure[]): ReadonlySet<Figure> {
  for (const f of figures) {
    if (!COUNTED.has(f.kind) || !CHANGE_BEFORE.test(sentence.slice(Math.max(0, f.start - 30), f.start))) continue;
    const levels = operandsOf(f, figures, false);
    if (levels) return new Set([f, ...levels]);
  }
  return NO_FIGURES;
}
const NO_FIGURES: ReadonlySet<Figure> = new Set();

/**
 * The two other figures of its kind that the figure is the difference (or, with `sums`, the sum) of, or null: "up 2,000 from
 * the revised prior week" where the source sentence gives 373,000 and 371,000, or "684,000, down 97,000 from 781,000" in the
 * draft's own sentence, reports the change.
 */
function operandsOf(f: Figure, figures: readonly Figure[], sums = true): [Figure, Figure] | null {
  const value = valueOf(f);
  if (!(value > 0)) return null;
  const others = figures.filter((g) => g !== f && g.kind === f.kind && valueOf(g) > 0);
  // Prose states a change with two or three figures of a kind; a sentence of dozens is a table or a hostile text, whose
  // pairs (asked per figure and per source figure) would cost the cube of its figures.
  if (others.length > MAX_OPERANDS) return null;
  for (let i = 0; i < others.length; i++) {
    for (let j = i + 1; j < others.length; j++) {
      const [a, b] = [valueOf(others[i]!), valueOf(others[j]!)];
      if (Math.abs(Math.abs(a - b) - value) < 1e-9 * Math.max(a, b) || (sums && Math.abs(a + b - value) < 1e-9 * (a + b))) return [others[i]!, others[j]!];
    }
  }
  return null;
}

const MAX_OPERANDS = 12;

// What joins the two ends of a range: "16-25", "16 to 25", "16- to 25", "between 16 and 25", "16 through 25".
const RANGE_JOIN = /^\s*(?:-|–|—|-?\s*to|and|through)\s*$/;
// "from" before the first end makes the pair a change between two levels ("rose from $3 to $4.50").
const CHANGE_FROM = /\bfrom\s+$/i;

/** Whether a figure and the draft sentence's figure next to it make a range that a cited sentence gives with the same two ends. */
function rangeGiven(ctx: CheckContext, sentence: string, f: Figure, figures: readonly Figure[], pool: IndexedSource[]): boolean {
  const i = figures.indexOf(f);
  const ends = [figures[i - 1], figures[i + 1]].filter((g): g is Figure => g !== undefined && g.kind === f.kind);
  const partner = ends.find((g) => RANGE_JOIN.test(g.start < f.start ? sentence.slice(g.start + g.raw.length, f.start) : sentence.slice(f.start + f.raw.length, g.start)));
  if (!partner) return false;
  const [lo, hi] = partner.start < f.start ? [partner, f] : [f, partner];
  // "rose from $3 to $4.50": a change between two levels, not a range; which measure changed is the question.
  if (CHANGE_FROM.test(sentence.slice(Math.max(0, lo.start - 8), lo.start))) return false;
  for (const s of sentencesOf(ctx, pool)) {
    for (let k = 0; k + 1 < s.figures.length; k++) {
      const [a, b] = [s.figures[k]!, s.figures[k + 1]!];
      if (supportsKey(a, lo.key) && supportsKey(b, hi.key) && RANGE_JOIN.test(s.text.slice(a.start + a.raw.length, b.start))) return true;
    }
  }
  return false;
}

// What marks a figure as worked out from two others, right before it: "a gap of", "a lead of about", "a combined upgrade of",
// "a decline of", "down", "beat that forecast by", "outdrew MSNBC by"; or right after it: "4,900 more than in 2019", "3,170
// fewer", "10,100 in all". Each marker is a difference, a rise, a fall, more, less or a sum (workedOutKind).
const WORKED_OUT_BEFORE =
  /(?:\b(gap|lead|margin|difference|gulf|spread|shortfall|surplus|combined|total|net|together|altogether|decline|drop|fall|decrease|loss|cut|reduction|increase|rise|gain|jump|climb)\b(?:\s+[\p{L}-]+){0,2}?[,:]?\s+(?:of\s+|was\s+|is\s+|came\s+to\s+|comes\s+to\s+|in\s+)?|\b(down|up)\s+|\b(beat|beats|beating|topped|tops|topping|exceeded|exceeds|exceeding|outpaced|outpacing|surpassed|surpassing|outnumbered|outdrew|outsold|led|leads|leading|ahead|more|higher|larger|bigger|above|trailed|trails|trailing|missed|misses|behind|short|fewer|less|lower|smaller|below)\b[^.;:!?]{0,40}?\bby\s+)(?:(?:about|around|roughly|some|nearly|almost|just|more\s+than|over|under)\s+)?$/iu;
const WORKED_OUT_AFTER =
  /^\s*(?:[\p{L}-]+\s+){0,2}?(?:(more|higher|greater|larger|above)|(fewer|less|lower|smaller|below)|(in\s+(?:all|total)|altogether|combined|together))\b/iu;
const MORE = /^(?:beat|beats|beating|topped|tops|topping|exceeded|exceeds|exceeding|outpaced|outpacing|surpassed|surpassing|outnumbered|outdrew|outsold|led|leads|leading|ahead|more|higher|larger|bigger|above|greater)$/i;
const LESS = /^(?:trailed|trails|trailing|missed|misses|behind|short|fewer|less|lower|smaller|below)$/i;
const RISE = /^(?:increase|rise|gain|jump|climb|up)$/i;
const FALL = /^(?:decline|drop|fall|decrease|loss|cut|reduction|down)$/i;

/** What a worked-out figure's marker says of its two operands: their sum, a change up or down, more or less, or a plain difference. */
function workedOutKind(sentence: string, f: Figure): 'sum' | 'rise' | 'fall' | 'more' | 'less' | 'difference' | null {
  const end = f.start + f.raw.length;
  const before = WORKED_OUT_BEFORE.exec(sentence.slice(Math.max(0, f.start - 60), f.start));
  const word = before ? (before[1] ?? before[2] ?? before[3])!.toLowerCase() : undefined;
  if (word !== undefined) {
    if (/^(?:combined|total|together|altogether)$/.test(word)) return 'sum';
    return RISE.test(word) ? 'rise' : FALL.test(word) ? 'fall' : MORE.test(word) ? 'more' : LESS.test(word) ? 'less' : 'difference';
  }
  const after = WORKED_OUT_AFTER.exec(sentence.slice(end, end + 40));
  if (!after) return null;
  if (!after[1] && !after[2]) return 'sum';
  // "to 9,310, 3,170 fewer": with nothing to compare against, more or fewer tells a change from the first level to the second.
  const than = /^\s+than\b/.test(sentence.slice(end + after.index + after[0].length, end + after.index + after[0].length + 8));
  return after[1] ? (than ? 'more' : 'rise') : than ? 'less' : 'fall';
}

/**
 * Whether a figure no cited source gives is the difference or sum of two figures of its kind that the paragraph gives up to
 * its sentence, each borne out by the sources `from` (`poolNumbers`), and the sentence says so ("a gap of 505,000" after
 * "744,000 to 239,000"; "a combined upgrade of 14,000" for 13,000 and 1,000): a writer's arithmetic, exact (within the
 * hedge's rounding for "about", "nearly"), so that a figure changed by mistake is not read as one. With both operands in the
 * figure's own sentence the marker's direction must hold too: a fall or a rise from the first level to the second ("from
 * 12,480 to 9,310, a decline of 3,170"), more or less for the first against the second ("shipped 418,000, 23,000 more than
 * the forecast of 395,000").
 */
function workedOut(ctx: CheckContext, p: Passage, part: DraftSentence, f: Figure, from: ReadonlySet<number>): boolean {
  if (!COUNTED.has(f.kind) || f.soft) return false;
  const kind = workedOutKind(part.text, f);
  if (!kind) return false;
  const value = valueOf(f);
  if (!(value > 0)) return false;
  const operands: { v: number; own: boolean; at: number }[] = [];
  for (const other of passageSentences(p)) {
    if (other.offset > part.offset) break;
    for (const g of sentenceFigures(other)) {
      // An operand is a value a source gives as such (a hedge read into it, "topping the 395,000 expected", is the comparison).
      if (g === f || g.kind !== f.kind || !(valueOf(g) > 0)) continue;
      if ([...(ctx.figureSources.get(g.key) ?? [])].some((n) => from.has(n))) operands.push({ v: valueOf(g), own: other === part, at: other.offset + g.start });
    }
  }
  if (operands.length > MAX_OPERANDS) return false;
  const tolerance = f.hedge === undefined ? 1e-9 : 0.03;
  const near = (x: number) => Math.abs(x - value) <= tolerance * value;
  return operands.some((a, i) =>
    operands.some((b, j) => {
      if (j <= i) return false;
      if (kind === 'sum') return near(a.v + b.v);
      if (!near(Math.abs(a.v - b.v))) return false;
      if (!a.own || !b.own || kind === 'difference') return true;
      const [first, second] = a.at < b.at ? [a, b] : [b, a];
      const at = part.offset + f.start;
      if (kind === 'rise' || kind === 'fall') {
        // A change runs from the first level to the second ("from 12,480 to 9,310, a decline of 3,170"), or to the first
        // from the one after "from" ("373,000, up 2,000 from 371,000").
        const fromAfter = second.at > at && FROM_AFTER.test(part.text.slice(f.start + f.raw.length, f.start + f.raw.length + 30));
        const [start, reached] = fromAfter ? [second, first] : [first, second];
        return (reached.v > start.v) === (kind === 'rise');
      }
      // More or less: the level before the figure against the other ("shipped 418,000, 23,000 more than the forecast of 395,000").
      const [subject, other] = first.at < at ? [first, second] : [second, first];
      return (subject.v > other.v) === (kind === 'more');
    }),
  );
}

const FROM_AFTER = /^\s*(?:[\p{L}-]+\s+){0,3}?from\b/u;

/** Whether the figure is the difference or sum of two other figures of its kind (`operandsOf`). */
function derivedFrom(f: Figure, figures: readonly Figure[]): boolean {
  return operandsOf(f, figures) !== null;
}

// "19 points", "a 6-point gap", "14 percentage points": a difference between two shares; "fell 19 points" is a change instead.
const POINTS_AFTER = /^[\s-]*(?:percentage[\s-]+)?points?\b/i;
const CHANGE_WORDS = /\b(?:rose|risen|rises|fell|fallen|falls|dropped|drops|declined|climbed|jumped|slipped|gained|lost|up|down|increase[sd]?|decrease[sd]?|shift(?:ed)?|swung)\s+(?:\p{L}+\s+)?(?:by\s+)?(?:about\s+|nearly\s+|some\s+)?$/iu;

/**
 * Whether a figure of points is the gap between two percentages a cited sentence reporting the same thing gives ("leads by
 * 14 points" where it gives 55% and 41%): a writer's subtraction, exact, within one sentence, so that no two shares of
 * different things are set apart; a change over time ("fell 19 points") is no gap.
 */
function pointGap(ctx: CheckContext, part: DraftSentence, f: Figure, pool: IndexedSource[]): boolean {
  const sentence = part.text;
  if (f.kind !== 'points' && (f.kind !== 'number' || !POINTS_AFTER.test(sentence.slice(f.start + f.raw.length, f.start + f.raw.length + 24)))) return false;
  if (CHANGE_WORDS.test(sentence.slice(Math.max(0, f.start - 40), f.start))) return false;
  const gap = valueOf(f);
  if (!(gap > 0)) return false;
  const reporting = new Set(alignments(ctx, part, pool).filter((a) => a.score >= COUNT_SUPPORT).map((a) => a.sentence));
  return [...reporting].some((s) => {
    const shares = s.figures.filter((g) => g.kind === 'percent').map(valueOf);
    if (shares.length > MAX_OPERANDS) return false;
    return shares.some((a, i) => shares.some((b, j) => j > i && Math.abs(Math.abs(a - b) - gap) < 1e-9));
  });
}

/** The cited sources that give an exact value the unhedged figure rounds ("3.75 million" for 3,747,540; see roundsTo). */
function roundedSupport(ctx: CheckContext, f: Figure, pool: IndexedSource[]): number[] {
  const out: number[] = [];
  for (const s of sentencesOf(ctx, pool)) if (!out.includes(s.n) && s.figures.some((g) => roundedFrom(g, f))) out.push(s.n);
  return out;
}

/**
 * Whether an unhedged draft figure rounds a precise source figure (four significant digits or more) to two or more: "3.75
 * million" or "2.1 million" for 3,747,540 or 2,118,904. Not "$70 billion" for 72 billion, "$1 trillion" for 1.3 trillion or
 * "$2.3 trillion" for 2.25 trillion: a figure the source already rounds, told rounder, is a changed figure unless hedged.
 */
function roundedFrom(exact: Figure, rounded: Figure): boolean {
  return significantDigits(exact.raw) >= 4 && significantDigits(rounded.raw) >= 2 && roundsTo(exact, rounded);
}

/** The significant digits of the number a figure is written with: "3.75 million" 3, "$70 billion" 1, "2,100" 2. */
function significantDigits(raw: string): number {
  const digits = /\d[\d,]*(?:\.\d+)?/.exec(raw)?.[0].replace(/,/g, '') ?? '';
  const [whole = '', fraction = ''] = digits.split('.');
  return fraction ? (whole.replace(/^0+/, '') + fraction).replace(/^0+/, '').length : whole.replace(/^0+/, '').replace(/0+$/, '').length;
}

/** The cited sources that give a value the hedged figure stands for ("more than 650,000" for 651,690). */
function hedgedSupport(ctx: CheckContext, f: Figure, pool: IndexedSource[]): number[] {
  const out: number[] = [];
  for (const s of sentencesOf(ctx, pool)) {
    if (out.includes(s.n)) continue;
    if (s.figures.some((g) => withinHedge(f, g))) out.push(s.n);
  }
  return out;
}

// "the two countries", "his first two doses", "the other two": a count of things already named.
const DEFINITE_BEFORE = /\b(?:the|both|all|these|those|its|their|his|her|our|each\s+of\s+the|all\s+of\s+the|a)\s+(?:(?:first|other|remaining|initial)\s+)?$/i;
const ALL_BEFORE = /\b(?:all|both|each\s+of\s+the|all\s+of\s+the)\s+$/i;
const OUTLETS_NAMED = /\b(?:outlets|sources|publications|reports|accounts)\b/i;
// "One outlet calls it …, while two focus on …": a count set against one outlet stands for others.
const ONE_OUTLET_WHILE = /\bone\s+(?:outlet|publication|source|report|paper)\b[^.;]*\b(?:while|whereas|but)\s+$/i;
// "three outlets", and the ways they tell it: "Three framings", "two very different readings" count the story's reports.
// "two of the three outlets" counts some of them.
const SOURCE_NOUN = /^\s+(?:of\s+the\s+(?:\w+\s+)?)?(?:(?:very\s+)?(?:different|distinct|competing|rival|contrasting|separate|opposing|conflicting|differing)\s+)?(?:news\s+)?(?:outlets?|sources?|publications?|publishers?|reports?|news\s+organi[sz]ations?|accounts?|framings?|readings?|versions?|takes|views|perspectives|interpretations|narratives)\b/i;

/**
 * Whether a count counts the story's own reports: "all three outlets" every publisher of the story (so it must be their
 * number), "two outlets" or "two of the three outlets" some of them.
 */
function countsOurSources(ctx: CheckContext, sentence: string, f: Figure): boolean {
  return SOURCE_NOUN.test(sentence.slice(f.start + f.raw.length)) && fitsOurSources(ctx, sentence.slice(0, f.start), Number(f.key.slice(2)));
}

/** Whether a count of the story's reports, with the words before it, fits how many there are. */
function fitsOurSources(ctx: CheckContext, before: string, value: number): boolean {
  const publishers = new Set(ctx.sources.map((s) => s.publisher)).size;
  return ALL_BEFORE.test(before) ? value === publishers || value === ctx.sources.length : value >= 1 && value <= Math.max(publishers, ctx.sources.length);
}

/**
 * Whether a small count spelled out is everyday prose rather than a figure a source must give:
 * it refers back to things already named ("the two countries", "both", "a third person"), counts
 * our own sources ("all three outlets", which must be how many publishers the story has), or
 * counts a list the sentence or a cited source gives ("three lawmakers: A, B and C").
 */
function everydayCount(ctx: CheckContext, sentence: string, f: Figure, pool: IndexedSource[], later: readonly string[] = [], heading = false): boolean {
  const next = later[0] ?? '';
  const value = Number(f.key.slice(2));
  const after = sentence.slice(f.start + f.raw.length);
  const before = sentence.slice(0, f.start);
  if (SOURCE_NOUN.test(after)) return fitsOurSources(ctx, before, value);
  // A list in apposition decides first: "the 4 councillors who opposed it, Quist, Brandt and Hoyle" counts three.
  // "three Pennsylvania legislators, Thomas R. Sankey III, Chris E. Dush and Daryl D. Metcalfe": a list in apposition
  // is what the count counts, and it alone decides (the sentence's longest list would count the head too).
  const apposition = /^\s+(?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+,\s+/u.exec(after);
  const listed = apposition ? leadingListCount(after.slice(apposition[0].length)) : 0;
  if (listed) return listed === value;
  if (DEFINITE_BEFORE.test(before)) return true;
  // "summed it up in two words: “It's eerie.”", "‘Not happening.’": the count of the quotation's words ("Bad-faith" is one).
  if (/^\s+words?\b/i.test(after)) {
    const quoted = /[“"]([^”"]+)[”"]|(?:^|[\s:])[‘']([^’']+(?:['’]\p{L}+[^’']*)*)[’'](?!\p{L})/u.exec(after.slice(after.search(/words?\b/i) + 4));
    const inner = quoted?.[1] ?? quoted?.[2];
    if (inner && (inner.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0) === value) return true;
  }
  // "Two chambers, two approaches": a heading's parallel counts name the things its section sets side by side.
  if (heading && PARALLEL_COUNTS.test(sentence) && value <= 3) return true;
  // "The outlets agree …: two read it as …", "one outlet calls it …, while two focus on …": a count standing alone for some of
  // the outlets the sentence names (a plural noun after it counts something else; "focus" is a verb).
  if (/^\s+\p{Ll}+/u.test(after) && !/^\s+(?:of|more|other)\b/.test(after) && value <= ctx.sources.length && !/^\s+(?:people|men|women|children)\b/.test(after)) {
    if (OUTLETS_NAMED.test(sentence) && !/^\s+\p{Ll}+s\b/u.test(after)) return true;
    if (ONE_OUTLET_WHILE.test(before) && !/^\s+\p{Ll}+[^isu]s\b/u.test(after)) return true;
  }
  // "pleaded guilty on two occasions" where a cited sentence says "twice": the same count, told as an adverb.
  if (value <= 3 && /^\s+(?:(?:separate|different)\s+)?(?:occasions|times)\b/i.test(after)) {
    const adverb = value === 2 ? /\btwice\b/i : value === 3 ? /\bthrice\b/i : /\bonce\b/i;
    if (sentencesOf(ctx, pool).some((s) => adverb.test(s.text))) return true;
  }
  // "a feud between two Democrats": "between" names two parties, whoever they are.
  if (value === 2 && /\bbetween\s+$/i.test(before)) return true;
  if (colonListCount(sentence) === value || listCounts(sentence).has(value)) return true;
  // "Six: the kinds of settings the guidance covers. They are A, B, ..., and F.": a by-the-numbers item counts what the
  // sentence after it, or a cited sentence, lists.
  if (/^:\s/.test(after) && /^\W*$/.test(before) && (listCounts(next, false, true).has(value) || sentencesOf(ctx, pool).some((s) => listCounts(s.text, false, true).has(value)))) return true;
  // "pointed to two reasons. A has failed, and B …": the sentence after a count of reasons or ways gives them.
  // "tested on two fronts, the outlets reported: A, while B": or the rest of the sentence after a colon gives them.
  if (ENUMERATED.test(after) && (clauseCount(next) === value || (after.includes(': ') && clauseCount(after.slice(after.indexOf(': ') + 2)) === value))) return true;
  // "offers two explanations. First, … Second, …": the sentences after it give them one by one.
  if (ENUMERATED.test(after) && ordinalOpeners(later) === value) return true;
  // "three major wars" where a cited sentence lists three wars: a list of names, or of the things the count counts. Any
  // list would do otherwise: most sentences join a few clauses with commas and "and".
  const noun = COUNTED_NOUN.exec(after)?.[1];
  const countedWord = noun ? stem(noun.toLowerCase()) : undefined;
  const cited = sentencesOf(ctx, pool);
  for (const s of cited) {
    const namesCounted = countedWord !== undefined && s.tokens.some((t) => t.w === countedWord);
    if (listCounts(s.text, !namesCounted).has(value)) return true;
  }
  // "Two crashes", "two of her most senior aides": a small count of things the cited sources report one by one and never
  // count. A count they give otherwise is held before this (otherCount).
  if (value <= SMALL_COUNT && countedWord !== undefined) {
    const w = countedWord;
    // A source that counts the same things ("two months", "six states") has the count, and it is another one.
    // A fraction ("a magnitude 7.1 earthquake") measures one thing; it counts none.
    if (cited.some((s) => sourceCounted(s).some((words, i) => words.includes(w) && Number.isInteger(valueOf(s.figures[i]!))))) return false;
    if (cited.some((s) => s.tokens.some((t) => t.w === w))) return true;
  }
  // "four years ago" where the sources give 2016 for a 2020 race: the span between two years they give.
  if (YEARS_AGO.test(after)) {
    const years = new Set<number>();
    for (const s of ctx.sentences) for (const g of s.figures) if (g.kind === 'year') years.add(Number(g.key.slice(2)));
    for (const s of ctx.sources) {
      const at = Date.parse(s.publishedAt);
      if (at) years.add(new Date(at).getUTCFullYear());
    }
    for (const y of years) if (years.has(y + value)) return true;
  }
  return false;
}

/**
 * Whether a cited sentence reports one of what a "by the numbers" item counts: it says "once", "one", "single" or "first"
 * and shares a word of four letters or more with the item ("1: the number of shots fired" / "he fired once").
 */
function countsOne(ctx: CheckContext, item: string, pool: IndexedSource[]): boolean {
  const mine = new Set(item.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
  return sentencesOf(ctx, pool).some((s) => /\b(?:once|one|single|first|lone|sole)\b/i.test(s.text) && (s.text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).some((w) => mine.has(w)));
}

/** A count from 2 to 9 in numerals ("2 leaders", "all 3 reports"): house styles that write numerals count as others spell out. */
function smallNumeral(f: Figure, sentence: string): boolean {
  // A numeral in a tally, score or unit ("7-2", "a 6-point gap") measures; it counts nothing.
  return f.kind === 'number' && /^[2-9]$/.test(f.raw) && !/[-–—/]/.test(sentence.charAt(f.start - 1)) && /^ \p{L}/u.test(sentence.slice(f.start + 1, f.start + 3));
}

const PARALLEL_COUNTS = /^(two|three)\s+[\p{L}-]+,\s+(?:and\s+)?\1\s+[\p{L}-]+\.?$/iu;
const YEARS_AGO = /^\s+years?\s+(?:ago|earlier|before|prior|later|after|since)\b/i;
// The largest count a reader can check against the things a source reports one by one.
const SMALL_COUNT = 6;
// The plural noun a count counts, a few describing words or "of her most senior" between: "two large earthquakes".
const COUNTED_NOUN = /^\s+(?:of\s+(?:the|its|their|his|her|our)\s+)?(?:(?:most\s+)?[\p{L}-]+\s+){0,2}?(\p{L}{3,}s)\b/u;

/** The passage's sentence after `part`, or "" at its end. */
/** The texts of the passage's sentences after this one. */
function laterSentences(p: Passage, part: DraftSentence): string[] {
  const list = passageSentences(p);
  return list.slice(list.indexOf(part) + 1).map((s) => s.text);
}

const ORDINAL_OPENER = /^(?:First|Second|Third|Fourth|Fifth|Sixth|Finally|Lastly)\b/;

/** How many of the sentences open on an ordinal ("First, …", "Second, …", "Finally, …"), the first such being "First"; 0 otherwise. */
function ordinalOpeners(sentences: readonly string[]): number {
  const opened = sentences.filter((s) => ORDINAL_OPENER.test(s));
  return opened.length && opened[0]!.startsWith('First') ? opened.length : 0;
}

// Nouns whose count the next sentence spells out ("two reasons", "three ways", "two questions").
const ENUMERATED = /^\s+(?:\p{L}+\s+)?(?:reasons|ways|factors|questions|options|steps|points|lessons|concerns|changes|goals|messages|things|explanations|theories|problems|scenarios|paths|risks|fronts|sides|tracks|areas|issues|demands|conditions|camps|challenges|priorities|prongs|tasks|topics|objections|arguments|findings|takeaways)\b/iu;

/** How many clauses ", and" or ";" joins in a sentence (1 for a plain sentence, 0 for none). */
function clauseCount(sentence: string): number {
  if (!sentence) return 0;
  return 1 + (sentence.match(/,\s+(?:and|but|while)\s+|;\s+/g)?.length ?? 0);
}

/** How many items a colon introduces ("two messages: that A, and that B"), 0 when it introduces no list. */
function colonListCount(sentence: string): number {
  const colon = sentence.indexOf(': ');
  if (colon < 0) return 0;
  const joins = sentence.slice(colon + 2).match(/,\s+(?:and|or)\s+|;\s+(?:and\s+)?/g)?.length ?? 0;
  return joins && joins + 1;
}

// A full stop that ends an initial or a title inside a name ("Thomas R. Sankey", "Sen. Collins"), not a sentence.
const NAME_DOT = /\b(\p{Lu}|Jr|Sr|St|Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof)\./gu;

// An "A, B and C" list: two to ten items of a few words, the last joined by "and" or "or".
const LIST = String.raw`((?:[^,;:.()]{1,60},\s+){1,9}[^,;:.()]{1,60}?,?\s+(?:and|or)\s+[^,;:.()]{1,60})`;
const LEADING_LIST = new RegExp(`^${LIST}`);
const ANY_LIST = new RegExp(LIST, 'g');
const ITEM_BREAK = /,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+/;

/** The text with the full stops inside names taken out (NAME_DOT). */
const withoutNameDots = (text: string) => (text.includes('.') ? text.replace(NAME_DOT, '$1') : text);

const SERIAL_LIST = /((?:[^,;:.()]{1,60},\s+){2,9}(?:and|or)\s+[^,;:.()]{1,60})/g;

/** How many items a list matched by LIST holds. */
const itemCount = (list: string) => list.split(ITEM_BREAK).filter((x) => x.trim()).length;

/** How many items an "A, B and C" list that opens the text has (0 when it opens on none). */
function leadingListCount(text: string): number {
  const m = LEADING_LIST.exec(withoutNameDots(text));
  return m ? itemCount(m[1]!) : 0;
}

/**
 * How many items each list of a sentence holds: its "A, B and C" lists, and 2 for each pair of names
 * ("Hillsborough and Miami-Dade", "the House and the Senate"). A sentence may list several things
 * ("boards in A and B held meetings, joining C, D and E"): a count may count any of them.
 */
function listCounts(text: string, namesOnly = false, serial = false): Set<number> {
  const sentence = withoutNameDots(text);
  const out = new Set<number>();
  for (const m of sentence.matchAll(ANY_LIST)) {
    if (namesOnly && !isNameList(m[1]!)) continue;
    out.add(itemCount(m[1]!));
  }
  // A serial comma ("A, B and C, and D") marks where each item ends, so items may hold an "and" of their own
  // ("schools and day camps, ..., restaurants and bars, and mass transit" lists six things).
  if (serial) for (const m of sentence.matchAll(SERIAL_LIST)) out.add(m[1]!.split(',').length);
  if (NAME_PAIR.test(sentence)) out.add(2);
  return out;
}

// Names listed before "and 10 other states", "and 12 others": the total is the names and the others.
const LIST_AND_OTHERS = new RegExp(String.raw`((?:[^,;:.()]{1,60},\s+){0,9}[^,;:.()]{1,60}?),?\s+(?:and|along\s+with)\s+(\d+|\p{Ll}+(?:-\p{Ll}+)?)\s+(?:others\b|(?:other|more)\s+(\p{L}+))`, 'gu');
const LIST_TAIL = /\s(?:and|along\s+with)\s+(?:\d+|\p{Ll}+(?:-\p{Ll}+)?)\s+(?:others\b|(?:other|more)\s+\p{L})/u;
// Words that open a phrase before a list, not an item of it: "On Friday, Wisconsin, Ohio and 10 other states …".
const LEAD_IN = /^(?:on|in|at|by|after|before|during|last|this|earlier|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
// An item that describes the one before it: an age ("Maria Lopez, 34,") or a party-and-state tag ("D-Ore.").
const ITEM_ASIDE = /^(?:\d{1,3}|[DRI]-[\p{L}.]+)$/u;

/**
 * The cited sources with a sentence whose "A, B and 10 other states" list totals the figure and counts what it counts
 * (`listedTotals`): "12 states", not "12 days".
 */
function listedIn(ctx: CheckContext, part: DraftSentence, f: Figure, pool: IndexedSource[]): number[] {
  // "Ohio, Texas and 12 other states": a count of the others is no total.
  if (/^\s+(?:other|more)\b/i.test(part.text.slice(f.start + f.raw.length))) return [];
  const value = valueOf(f);
  const counted = countedAfter(part.text, sentenceTokens(part), f.start + f.raw.length);
  // "13 have said so": the noun left out after the figure is the list's.
  const elided = /^\s+(?:have|has|had|were|are|was|is|did|do|said|say|says|also|of\s+them)\b/i.test(part.text.slice(f.start + f.raw.length));
  const counts = (noun: string | undefined) => elided || (noun ? counted.includes(noun) : counted.length > 0 && !WHEN_WORDS.has(counted[0]!) && !TIME_UNIT.test(` ${counted[0]}`));
  return [...new Set(sentencesOf(ctx, pool).filter((s) => { const t = sentenceTotals(s); return t.has(value) && counts(t.get(value)); }).map((s) => s.n))];
}

// A count of people or things, then "and … a third" within the clause: "two people and injure a third".
const NTH = ['third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const AND_A_NTH = new RegExp(String.raw`\b(\d|two|three|four|five|six|seven|eight|nine)\s+(?:[\p{L}-]+\s+)?(people|persons|men|women|children|\p{L}+s)\b[^.;]{0,60}?\band\s+(?:\p{L}+\s+){0,2}?a\s+(${NTH.join('|')})\b`, 'giu');

const OWN_NOUN_WORDS = 4;

/**
 * Whether the draft's figure counts what a cited sentence giving the same figure counts, and the rival counts something else:
 * "3,963 deaths" where a source has "3,963 COVID-19 deaths, according to a tracker, and another 255,730 cases". The words
 * around a figure are often reordered ("a tracker showing 3,963 deaths"); the noun it counts is not.
 */
function countsItsOwn(ctx: CheckContext, part: DraftSentence, f: Figure, rival: { s: SourceSentence; f: Figure }, pool: IndexedSource[]): boolean {
  const mine = countedAfter(part.text, sentenceTokens(part), f.start + f.raw.length).filter((w) => !WHEN_WORDS.has(w));
  if (!mine.length) return false;
  const theirs = sourceCounted(rival.s)[rival.s.figures.indexOf(rival.f)] ?? [];
  if (theirs.some((w) => mine.includes(w))) return false;
  // "200 million vaccinations … double his initial goal of 100 million vaccinations": where the rival's sentence gives this
  // figure too, counting what the rival counts, the noun does not tell the two apart.
  const counted = sourceCounted(rival.s);
  if (rival.s.figures.some((g, i) => g !== rival.f && supportsKey(g, f.key) && counted[i]!.some((w) => theirs.includes(w)))) return false;
  // The own place's noun may stand a few words on ("3,963 newly reported coronavirus deaths").
  return sentencesOf(ctx, pool).some((s) => s.figures.some((g) => supportsKey(g, f.key) && countedAfter(s.text, s.tokens, g.start + g.raw.length, OWN_NOUN_WORDS).some((w) => mine.includes(w))));
}

/** A source sentence's `listedTotals`, found once per call. */
const sentenceTotals = (s: SourceSentence) => (s.listed ??= listedTotals(s.text));

/**
 * The totals a sentence gives by listing, each with the stem of the noun it counts (undefined for "and 12 others"): 13 states
 * for "Wisconsin, Ohio, California and 10 other states" (names only), 3 people for "killed two people and wounded a third".
 */
function listedTotals(text: string): Map<number, string | undefined> {
  const out = new Map<number, string | undefined>();
  // "killed two people and wounded a third": the ordinal after the count is the total.
  for (const m of text.matchAll(AND_A_NTH)) {
    const first = extractFigures(m[1]!)[0];
    const nth = NTH.indexOf(m[3]!.toLowerCase()) + 3;
    if (first?.kind === 'number' && valueOf(first) === nth - 1) out.set(nth, stem(m[2]!.toLowerCase()));
  }
  // The list's tail first: the whole pattern backtracks over up to ten items at every start.
  if (!LIST_TAIL.test(text)) return out;
  for (const m of withoutNameDots(text).matchAll(LIST_AND_OTHERS)) {
    const items = m[1]!.split(ITEM_BREAK).map((x) => x.trim()).filter((x) => x && !ITEM_ASIDE.test(x));
    while (items.length && LEAD_IN.test(items[0]!)) items.shift();
    if (!items.length) continue;
    // The list's first item may carry the words before it ("said Wisconsin"): its last capitalised run is the name.
    items[0] = /(?:\p{Lu}[\p{L}'’&-]*\s+)*\p{Lu}[\p{L}'’&-]*$/u.exec(items[0]!)?.[0] ?? '';
    if (!items.every((x) => /^(?:the\s+)?\p{Lu}/u.test(x))) continue;
    const others = extractFigures(m[2]!)[0];
    if (others?.kind === 'number') out.set(items.length + valueOf(others), m[3] ? stem(m[3].toLowerCase()) : undefined);
  }
  return out;
}

/** Whether every item of a list matched by LIST opens on a capital ("the Post, NBC News and CNN"): a list of names. */
const isNameList = (list: string) => list.split(ITEM_BREAK).every((item) => /^\s*(?:the\s+)?\p{Lu}/u.test(item));

const NAME_PAIR = /\b\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)*\s+and\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]+/u;

/**
 * The figure's best own place in the cited sentences against the best place of another
 * figure of its kind. Figures the draft sentence also gives are not rivals: a sentence
 * comparing two figures ("70.8 against Velda's 71.4") sits near both places.
 */
// Stemmed units of length, weight, area, volume and temperature: a figure in one measures what no count of a thing does.
const MEASURE_UNITS = new Set(
  'miles kilometers kilometres km feet foot meters metres inches yards pounds kilograms kg tons tonnes acres hectares degrees gallons liters litres barrels'.split(' ').map(stem),
);

/**
 * Whether the rival measures in a unit ("11 miles northeast of Ridgecrest") while the draft's figure counts something
 * else by name ("a 6.4 quake"): two measures, not one figure put in another's place.
 */
export function otherMeasure(part: DraftSentence, f: Figure, rival: { s: SourceSentence; f: Figure }): boolean {
  const theirs = sourceCounted(rival.s)[rival.s.figures.indexOf(rival.f)]?.[0];
  if (!theirs || !MEASURE_UNITS.has(theirs)) return false;
  const mine = countedAfter(part.text, sentenceTokens(part), f.start + f.raw.length);
  return mine.length > 0 && !mine.includes(theirs);
}

const SINCE_BEFORE = /\bsince\s+$/i;

// A year counted from another the sentence gives: "the year prior", "a year earlier", "the following year".
const YEAR_BEFORE = /\b(?:the\s+(?:year\s+(?:prior|before)|previous\s+year|prior\s+year|preceding\s+year)|a\s+year\s+(?:earlier|before))\b/i;
const YEAR_AFTER = /\b(?:the\s+(?:following|next)\s+year|a\s+year\s+later|the\s+year\s+after)\b/i;

/**
 * Whether a cited sentence gives the draft's year as one counted from a year it names ("in 2020, … the year prior" for 2019),
 * and also a figure the draft sentence gives (rounded or hedged as it may be), so that the year dates what both report.
 */
function yearCountedFrom(ctx: CheckContext, f: Figure, figures: readonly Figure[], pool: IndexedSource[]): boolean {
  const year = valueOf(f);
  const mine = figures.filter((g) => g !== f && g.kind !== 'year' && g.kind !== 'date');
  return sentencesOf(ctx, pool).some((s) => {
    const years = s.figures.filter((g) => g.kind === 'year').map(valueOf);
    const counted = (years.includes(year + 1) && YEAR_BEFORE.test(s.text)) || (years.includes(year - 1) && YEAR_AFTER.test(s.text));
    return counted && mine.some((x) => s.figures.some((g) => supportsKey(g, x.key) || roundsTo(g, x) || (x.hedge !== undefined && withinHedge(x, g))));
  });
}

function restatement(
  ctx: CheckContext,
  mine: Neighbours,
  f: Figure,
  others: readonly Figure[],
  pool: Iterable<SourceSentence>,
  part?: DraftSentence,
): Restatement<{ s: SourceSentence; f: Figure }> {
  const out: Restatement<{ s: SourceSentence; f: Figure }> = { own: 0, rival: 0, rivalAt: null };
  if (mine.size < 2) return out;
  const present = new Set(others.map((g) => g.key));
  for (const s of pool) {
    if (!s.figures.length) continue;
    const around = figureNeighbours(s);
    // "6.9 million claims were filed, and 3.3 million the week before": a figure whose noun is left out takes its words from
    // the figure before it, which is no rival to it where the draft sentence (`part`) says the same when.
    const elided = s.figures.length > 1 ? (sourceCounted(s), s.elidedFrom!) : null;
    const borrower = elided?.findIndex((j, i) => j >= 0 && supportsKey(s.figures[i]!, f.key) && (!part || saysWhen(s, i, part))) ?? -1;
    s.figures.forEach((g, i) => {
      if (borrower >= 0 && elided![borrower] === i) return;
      if (!COUNTED.has(g.kind) && g.kind !== 'year') return;
      // "$3B" in a headline for the 3.2 billion of the text is the same figure, rounded.
      // The draft's figure may round the source's to two digits or more ("3.75 million" for 3,747,540, as roundedSupport).
      const own = supportsKey(g, f.key) || (f.hedge !== undefined && withinHedge(f, g)) || roundsTo(f, g) || roundedFrom(g, f);
      // "in more than a decade" dates a span; it counts nothing a figure could stand for (as SPAN_WORD reads the draft's).
      if (!own && SPAN_WORD.test(g.raw) && !SPAN_WORD.test(f.raw)) return;
      // A number spelled out ("ten weeks ago") is the figure's own place when the draft writes it in digits; as
      // everyday prose ("the two countries") it is no rival.
      if (g.soft && !own) return;
      // "the lowest level since 1979": a year a level is measured back to is no rival to the year something happened.
      if (!own && g.kind === 'year' && SINCE_BEFORE.test(s.text.slice(Math.max(0, g.start - 12), g.start)) && !(part && SINCE_BEFORE.test(part.text.slice(Math.max(0, f.start - 12), f.start)))) return;
      // A figure the draft sentence also gives, exactly or rounded ("more than 81,000" for 81,378), is no rival; nor is
      // one whose hedge admits the figure ("more than a dozen" for 16), or the sum or difference of two the sentence gives
      // ("revised up by 14,000" for 13,000 and 1,000).
      if (!own && (g.kind !== f.kind || present.has(g.key) || others.some((x) => x.hedge !== undefined && withinHedge(x, g)))) return;
      if (!own && (admits(g, f) || derivedFrom(g, others))) return;
      const score = affinity(mine, around[i]!, ctx.idf);
      if (own) out.own = Math.max(out.own, score);
      else if (score > out.rival) [out.rival, out.rivalAt] = [score, { s, f: g }];
    });
  }
  return out;
}

// A size told in words with a qualifier: "several thousand", "a few hundred", "tens of millions". A bare "millions of" is
// everyday emphasis; a qualified one states an order of size a source must give.
const VAGUE_SIZE = /\b(?:several|a\s+few|tens\s+of|hundreds\s+of)\s+(hundred|thousand|million|billion)s?\b/gi;
const SIZE_EXPONENT: Record<string, number> = { hundred: 2, thousand: 3, million: 6, billion: 9 };

/**
 * Findings for the sizes told in words of one draft sentence ("several thousand demonstrators"): a cited sentence must
 * use the same scale word or give a figure of that order (1,000 to 999,999 for "thousand"), else the size is its own.
 */
function checkVagueSizes(ctx: CheckContext, p: Passage, part: DraftSentence, pool: IndexedSource[]): string[] {
  if (!/hundred|thousand|million|billion/i.test(part.text)) return [];
  const out: string[] = [];
  for (const m of part.text.matchAll(VAGUE_SIZE)) {
    const word = m[1]!.toLowerCase();
    const k = SIZE_EXPONENT[word]!;
    const scale = new RegExp(`\\b${word}`, 'i');
    const given = sentencesOf(ctx, pool).some((s) => scale.test(s.text) || s.figures.some((g) => g.kind === 'number' && valueOf(g) >= 10 ** k && valueOf(g) < 10 ** (k + 3)));
    if (!given) out.push(`${p.where}: "${m[0]}" is a size the cited ${labels(pool)} do not give — ${excerpt(part.text)}`);
  }
  return out;
}
