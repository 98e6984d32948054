/**
 * Two figures of one sentence swapped for each other: "covers 90% of counties and 80% of the
 * population" where the source has 80% of counties and 90% of the population; "11 tested positive
 * and two negative" for the other way round. Both values are in the source, so each is "in the
 * sources"; only their places tell the error. A sentence that compares two figures keeps each next
 * to its own words, so the test asks for a cross: each figure's words must sit by the other's place.
 */
import { changeRoles, type Tally } from './extract/frames';
import { sourceRoles } from './figure-frames';
import { countedAfter } from './counted';
import { type Figure, supportsKey } from './extract/numbers';
import { type CheckContext, figureNeighbours, type IndexedSource, type SourceSentence, sentencesOf } from './context';
import { type DraftSentence, sentenceTokens } from './passages';
import { affinity, type Neighbours, nearOnly, neighbours } from './restates';

// Each figure's surroundings must match the other's place by this factor plus this margin over its own place. Lower than
// the bar for one swapped figure (./numbers: 1.5 and 0.6) since both figures must cross; measured on npm run eval:checks
// (dev drafts: one more swap caught at 1.2/0.3, none at 1.5/0.6, no faithful sentence held at either).
const CROSS_RATIO = 1.2;
const CROSS_MARGIN = 0.3;

const COUNTED = new Set<Figure['kind']>(['number', 'percent', 'points']);

// A sentence giving more figures than this is a table, not prose: its pairs grow as the square of its figures (a hostile
// draft of 500 figures in one sentence cost seconds), and only its first figures are tried for a swap.
const MAX_PAIRED_FIGURES = 24;

/** A pair of the draft sentence's figures that stand in each other's places in one cited sentence. */
export interface FigureSwap {
  a: Figure;
  b: Figure;
  s: SourceSentence;
}

/**
 * The first pair of figures of a draft sentence (same kind, neither spelled out nor a count of a vote) that one cited
 * sentence gives both of, with the draft's words around each matching the source's words around the
 * other far better than its own (CROSS_RATIO, CROSS_MARGIN), or null.
 */
export function swappedFigures(ctx: CheckContext, part: DraftSentence, figures: readonly Figure[], votes: readonly Tally[], pool: IndexedSource[]): FigureSwap | null {
  // A vote's counts (`votes`, the sentence's tallies) are checked as a tally (./figure-frames).
  const counted = figures
    .filter((f) => COUNTED.has(f.kind) && !f.soft && !votes.some((t) => t.start <= f.start && f.start < t.end))
    .slice(0, MAX_PAIRED_FIGURES);
  if (counted.length < 2 || counted.every((f) => f.key === counted[0]!.key)) return null;
  const tokens = sentenceTokens(part);
  const around = new Map(counted.map((f) => [f, neighbours(tokens, f.start, f.start + f.raw.length)]));
  // The same surroundings cut to the words right by each figure, for the second reading below.
  const close = new Map([...around].map(([f, n]) => [f, nearOnly(n)]));
  // What each figure counts: the first word after it.
  const nouns = new Map(counted.map((f) => [f, countedAfter(part.text, tokens, f.start + f.raw.length, 1)[0]]));
  // Where each figure stands in a change ("from", "to", "by"), as the frame check reads it.
  const roles = new Map(changeRoles(part.text, figures).map((r, i) => [figures[i]!, r]));
  for (const s of sentencesOf(ctx, pool)) {
    if (s.figures.length < 2) continue;
    const places = figureNeighbours(s);
    let nearPlaces: Neighbours[] | undefined;
    // Where the source sentence gives each draft figure (-1: it does not), read once per sentence, not once per pair.
    const placed = counted.map((f) => s.figures.findIndex((g) => supportsKey(g, f.key)));
    for (let i = 0; i < counted.length; i++) {
      for (let j = i + 1; j < counted.length; j++) {
        const [a, b] = [counted[i]!, counted[j]!];
        if (a.kind !== b.kind || a.key === b.key) continue;
        const [at, bt] = [placed[i]!, placed[j]!];
        // A number the source spells out ("eight Republicans") is everyday prose there, no place to swap into.
        if (at < 0 || bt < 0 || s.figures[at]!.soft || s.figures[bt]!.soft) continue;
        // "rose to $779 billion from $666 billion" / "swelled from $666 billion to $779 billion": a change's two ends in
        // the same roles are in their places, whatever order and words surround them.
        const [ra, rb] = [roles.get(a), roles.get(b)];
        if (ra && rb && ra !== rb && ra === sourceRoles(s)[at] && rb === sourceRoles(s)[bt]) continue;
        const [na, nb] = [around.get(a)!, around.get(b)!];
        const own = (n: typeof na, k: number) => affinity(n, places[k]!, ctx.idf);
        const crossed = (x: number, y: number) => y >= CROSS_MARGIN && y > x * CROSS_RATIO + CROSS_MARGIN;
        if (crossed(own(na, at), own(na, bt)) && crossed(own(nb, bt), own(nb, at))) return { a, b, s };
        // Two figures of one source sentence share most words within its reach; the few words right by each tell them apart
        // ("3,605,201 births in 2020, down from 3,747,540 during the year prior").
        const [la, lb] = [close.get(a)!, close.get(b)!];
        const near = (n: typeof na, k: number) => affinity(n, (nearPlaces ??= places.map(nearOnly))[k]!, ctx.idf);
        if (crossed(near(la, at), near(la, bt)) && crossed(near(lb, bt), near(lb, at))) return { a, b, s };
        // "6 vendors and 12 food trucks" for "12 vendors and 6 food trucks": the words around both figures are nearly the
        // same; what each counts, the first word after it, is what the source has the other count.
        const [ca, cb] = [nouns.get(a), nouns.get(b)];
        const theirs = (k: number) => countedAfter(s.text, s.tokens, s.figures[k]!.start + s.figures[k]!.raw.length, 1)[0];
        if (ca && cb && ca !== cb && ca === theirs(bt) && cb === theirs(at)) return { a, b, s };
      }
    }
  }
  return null;
}
