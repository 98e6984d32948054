/**
 * A figure the sources give, put in another frame: the size of a change written as its new level
 * ("climbed to 137,000" where they say "rose by 137,000 to 853,000"), the old rate as the new one,
 * a forecast as the result, or a vote's counts mixed up with other figures. See ./extract/frames.
 */
import { clauseAt } from '../../lib/text';
import { type ChangeRole, changeRoles, isForecast, type RatePeriod, ratePeriod, sameTally, speculates, type Tally, tallies } from './extract/frames';
import { type Figure, supportsKey, withinHedge } from './extract/numbers';
import { type CheckContext, type IndexedSource, type SourceSentence, sentencesOf } from './context';
import type { DraftSentence } from './passages';

/** How a source frames each of its figures (same order as its `figures`), read once per source sentence. */
export interface SourceFrames {
  roles: (ChangeRole | undefined)[];
  forecast: boolean[];
  periods: (RatePeriod | undefined)[];
  tallies: Tally[];
}

function frames(s: SourceSentence): SourceFrames {
  return (s.frames ??= {
    roles: changeRoles(s.text, s.figures),
    forecast: s.figures.map((g) => isForecast(s.text, g)),
    periods: s.figures.map((g) => ratePeriod(s.text, g)),
    tallies: tallies(s.text),
  });
}

/** The change role of each of a source sentence's figures (`changeRoles`), read once per sentence with its other frames. */
export function sourceRoles(s: SourceSentence): (ChangeRole | undefined)[] {
  return frames(s).roles;
}

const ROLE_WORDS: Record<ChangeRole, string> = { from: 'the level a change started from', to: 'the level a change reached', by: 'the size of a change' };

/** A figure in another frame than every place the cited sources give it. */
export interface FrameConflict {
  /** What the draft makes of the figure ("is given as the level a change reached"). */
  claim: string;
  /** What the source makes of it. */
  given: string;
  s: SourceSentence;
}

/**
 * The figures of a draft sentence whose frame no cited place of theirs shares: a rate's period
 * ("monthly" where every place says weekly), a change role
 * ("from", "to", "by") where every place that gives the value has another role, or a result where
 * every place gives the value as a forecast (and the sentence speaks of no expectation). A figure
 * with a place that does not frame it, or with none, is left to the other tests.
 *
 * @returns figure -> the conflict, for the figures that have one.
 */
export function frameConflicts(ctx: CheckContext, part: DraftSentence, figures: readonly Figure[], pool: IndexedSource[]): Map<Figure, FrameConflict> {
  const out = new Map<Figure, FrameConflict>();
  const roles = changeRoles(part.text, figures);
  // An answer's first sentence is read with its question ("What were economists expecting?" "About 175,000.").
  const speculative = speculates(part.text) || (part.lead !== undefined && speculates(part.lead));
  // The cited places of a figure depend only on its kind, key, hedge and wording (its rounding): a sentence that repeats a
  // figure reads them once.
  const placesOf = new Map<string, Place[]>();
  figures.forEach((f, i) => {
    if (f.kind === 'date' || f.kind === 'time' || f.kind === 'year' || f.soft) return;
    const role = roles[i];
    const memo = `${f.kind} ${f.key} ${f.hedge ?? ''} ${f.raw}`;
    let places = placesOf.get(memo);
    if (!places) placesOf.set(memo, (places = citedPlaces(ctx, f, pool)));
    if (!places.length) return;
    const period = ratePeriod(part.text, f);
    if (period && places.every((x) => x.period && x.period !== period)) {
      out.set(f, { claim: `is given per ${period}`, given: `a rate per ${places[0]!.period}`, s: places[0]!.s });
    } else if (role && places.every((x) => x.role && x.role !== role)) {
      out.set(f, { claim: `is given as ${ROLE_WORDS[role]}`, given: ROLE_WORDS[places[0]!.role!], s: places[0]!.s });
    } else if (!speculative && places.every((x) => x.forecast)) {
      out.set(f, { claim: 'is given as what happened', given: 'a forecast', s: places[0]!.s });
    }
  });
  return out;
}

interface Place {
  s: SourceSentence;
  role: ChangeRole | undefined;
  forecast: boolean;
  period: RatePeriod | undefined;
}

/** Every cited place of a figure: a source figure of its kind that supports its value, with how that place frames it. */
function citedPlaces(ctx: CheckContext, f: Figure, pool: IndexedSource[]): Place[] {
  const places: Place[] = [];
  for (const s of sentencesOf(ctx, pool)) {
    if (!s.figures.length) continue;
    s.figures.forEach((g, j) => {
      if (g.kind !== f.kind || !(supportsKey(g, f.key) || withinHedge(f, g))) return;
      const fr = frames(s);
      places.push({ s, role: fr.roles[j], forecast: fr.forecast[j]!, period: fr.periods[j] });
    });
  }
  return places;
}

/** A draft tally that no cited source gives, with one the sources do give. */
export interface TallyConflict {
  raw: string;
  start: number;
  end: number;
  other?: string;
}

/**
 * The vote tallies of a draft sentence checked against the cited sources' tallies: `conflicts` are
 * those no cited source gives when the sources give a tally of their own ("voted 230 to 12" where
 * they say 230-197); `supported` those a cited source gives; `all` every tally of the sentence. Offsets are in the sentence.
 */
export function checkTallies(ctx: CheckContext, part: DraftSentence, pool: IndexedSource[]): { all: Tally[]; conflicts: TallyConflict[]; supported: Tally[] } {
  const mine = tallies(part.text);
  if (!mine.length) return { all: mine, conflicts: [], supported: [] };
  const given: { t: Tally; s: SourceSentence }[] = [];
  for (const s of sentencesOf(ctx, pool)) for (const t of frames(s).tallies) given.push({ t, s });
  const supported = mine.filter((t) => given.some((g) => sameTally(t, g.t)));
  if (!given.length) return { all: mine, conflicts: [], supported };
  const conflicts = mine
    .filter((t) => !supported.includes(t))
    .map((t) => {
      const near = given.find((g) => g.t.a === t.a || g.t.b === t.b || g.t.a === t.b || g.t.b === t.a) ?? given[0]!;
      return { raw: part.text.slice(t.start, t.end), start: t.start, end: t.end, other: near.s.text.slice(near.t.start, near.t.end) };
    });
  return { all: mine, conflicts, supported };
}

// The chamber that cast a vote: the subject of a verb of voting ("the House passed", "senators approved the bill"), or the
// owner of the vote ("the Senate's 16-8 vote", "a vote in the House"). A chamber named otherwise (where the bill goes next,
// who praised the vote) cast nothing. "The White House" is no chamber.
const VOTED = String.raw`(?:\s+[\p{L}'’-]+){0,3}?\s+(?:voted|approved|passed|rejected|cleared|confirmed|adopted|backed|defeated|overrode|agreed|accomplished)\b`;
const SENATE_VOTED = new RegExp(String.raw`\b(?:Senate|[Ss]enators)${VOTED}|\bSenate['’]s\s+(?:[\d-]+\s+)?vote\b|\bvote\s+in\s+the\s+(?:\p{Lu}\p{L}+\s+)?Senate\b`, 'u');
const HOUSE_VOTED = new RegExp(String.raw`(?<!White\s)\b(?:House|[Rr]epresentatives)${VOTED}|(?<!White\s)\bHouse['’]s\s+(?:[\d-]+\s+)?vote\b|\bvote\s+in\s+the\s+(?:\p{Lu}\p{L}+\s+)?House\b`, 'u');

/** The one chamber a text has cast a vote, or null when it has none or both cast one. */
function chamberOf(text: string): 'senate' | 'house' | null {
  const senate = SENATE_VOTED.test(text);
  const house = HOUSE_VOTED.test(text);
  return senate === house ? null : senate ? 'senate' : 'house';
}

/**
 * A tally the cited sources give that the draft sentence's clause gives to the other chamber ("Senators approved the resolution
 * 354-60" where every cited sentence with 354-60 is the House's): { raw, mine, theirs, s } or null. A cited sentence with
 * the tally that names no chamber, both, or the draft's clears it.
 */
export function tallyChamber(ctx: CheckContext, part: DraftSentence, supported: readonly Tally[], pool: IndexedSource[]): { raw: string; mine: string; theirs: string; s: SourceSentence } | null {
  for (const t of supported) {
    // The chamber of the tally's own clause: "passed 281-140, and the Senate takes it up next" gives the vote to neither.
    const mine = chamberOf(clauseAt(part.text, t.start, t.end));
    if (!mine) continue;
    let other: SourceSentence | null = null;
    let cleared = false;
    for (const s of sentencesOf(ctx, pool)) {
      if (!frames(s).tallies.some((g) => sameTally(t, g))) continue;
      const theirs = chamberOf(s.text);
      if (theirs === null || theirs === mine) cleared = true;
      else other ??= s;
    }
    if (other && !cleared) return { raw: part.text.slice(t.start, t.end), mine, theirs: mine === 'senate' ? 'house' : 'senate', s: other };
  }
  return null;
}
