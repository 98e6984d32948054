/**
 * Incremental story assignment: each new item, in time order, finds candidate items through an
 * inverted index over rare terms and names (never all pairs), and joins the open story whose members
 * it matches best under the learned pair model, or starts a story of its own. Stories already kept
 * (in D1) are fixed: their items are indexed, never re-clustered.
 */
import type { ClusterItem } from '../types';
import { containment } from './features';
import { PairCache } from './pair-cache';
import { contradicts, Corpus, pairLogit, sigmoid, weigh, type PairModel, type Term, type Weighted } from './pair';
import { actorsApart, partiesApart } from './parties';
import { isRoundupItem, itemSignals, shinglesOf, type Signals } from './signals';
import { MODEL } from './weights';

export interface AssignPolicy {
  /** Items further apart than this never share a story, and no story spans more. */
  windowHours: number;
  /** Shingle containment at or above which two texts are copies of one article. */
  syndicationThreshold: number;
  /** Best pair probability an item needs with a story's members to join it. */
  joinMax: number;
  /** Mean pair probability an item needs with a story's members to join it. */
  joinMean: number;
  /**
   * Candidate items scored per new item (the best by shared rare terms and names, other outlets' only).
   * 15 would raise NeuS dev 36-h windows recall 0.807 -> 0.810 (npm run eval:cluster -- --dev) for more
   * CPU, which 8,000 items in one window cannot afford within the 2 s budget (npm run bench): 10, as fitted.
   */
  candidates: number;
  /** A term or name in more items than this share of the window (and than `maxBlockItems`) proposes no pair. */
  maxBlockShare: number;
  /** Absolute cap on the items one blocking key may propose, so cost stays linear in the window. */
  maxBlockItems: number;
  /**
   * Pair probability a publisher's item needs with that publisher's item already in a story to join it
   * (or to merge two stories): an outlet reports an event once, so its second same-topic item is
   * usually another event (a follow-up, an earlier ruling), and joins only as a near-certain match.
   */
  sameOutletJoin: number;
}

export const DEFAULT_ASSIGN_POLICY: AssignPolicy = {
  windowHours: 72,
  syndicationThreshold: 0.8,
  joinMax: MODEL.joinMax,
  joinMean: MODEL.joinMean,
  candidates: 10,
  maxBlockShare: 0.2,
  maxBlockItems: 60,
  sameOutletJoin: 0.99,
};

/** A story already kept: its id and its items inside the window. */
export interface OpenStory {
  id: string;
  items: ClusterItem[];
}

/** Where the new items went: joining kept stories, or forming new ones (singletons included). */
export interface Assignment {
  joins: Map<string, string[]>;
  created: string[][];
}

/** Optional embeddings by item id (unit vectors). */
export type Vectors = ReadonlyMap<string, Float32Array>;

const HOUR_MS = 3_600_000;
/** Pair probability from which two texts are compared as possible copies. */
const COPY_GATE = 0.9;
/** Shingle sets smaller than this are too short to call a copy by text alone. */
const MIN_COPY_SHINGLES = 8;
/** Members of a story an item is compared with (the most recent): stories stay cheap to join. */
const MAX_COMPARED = 12;
/** Blocking keys per item: its rarest terms, and its rarest names. */
const BLOCK_KEYS = 12;
const BLOCK_NAMES = 8;
/** In a small batch every shared word may propose a pair: a key in up to this many items always does. */
const MIN_BLOCK_DF = 8;
/** Largest say (in logits) one pair has in the exchange pass, so one certain or contradicted pair cannot decide it alone. */
const MAX_PAIR_WEIGHT = 6;

interface Story {
  id?: string;
  members: number[];
  first: number;
  last: number;
  /** Formed in this call (its items may still be regrouped). */
  fresh: boolean;
}

const byTime = (a: Signals, b: Signals) => a.time - b.time || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0);

/** Index of the first value in ascending `xs` that is >= x. */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Document frequencies within the window around a time (ms), for batches longer than one window. */
class WindowedDf {
  /** Publication times (ms, ascending) of the items holding each term or name id, and of all items. */
  private readonly times = new Map<number, number[]>();
  private readonly all: number[];

  constructor(items: readonly Weighted[], private readonly windowMs: number) {
    this.all = items.map((w) => w.s.time);
    for (const w of items) {
      for (const ids of [w.body.ids, w.names.ids]) {
        for (const id of ids) {
          const list = this.times.get(id);
          if (list) list.push(w.s.time);
          else this.times.set(id, [w.s.time]);
        }
      }
    }
  }

  private count(times: readonly number[], t: number): number {
    return lowerBound(times, t + this.windowMs + 1) - lowerBound(times, t - this.windowMs);
  }

  /** Items holding term or name `id` within the window around t. */
  df(id: number, t: number): number {
    return this.count(this.times.get(id) ?? [], t);
  }

  /** Items within the window around t. */
  items(t: number): number {
    return this.count(this.all, t);
  }
}

/** The clusterer over one window: kept stories fixed, new items assigned one at a time. */
export class StoryIndex {
  readonly corpus = new Corpus();
  readonly items: Weighted[] = [];
  readonly stories: Story[] = [];
  private readonly storyOf: number[] = [];
  /** Per item: the posting lists of its blocking keys (its rarest terms and names) and their weights. */
  private readonly blockLists: number[][][] = [];
  private readonly blockWeights: number[][] = [];
  /** Each item's close partners (p >= joinMax) among its candidates, both ways: what rehome offers. */
  private readonly partners = new Map<number, number[]>();
  /** Copies and their originals: they stay together (see placeCopy). */
  private readonly copies = new Set<number>();
  private score = new Float64Array(0);
  /** Per item: publication time (ms) and outlet number, read flat by the candidate scan (its hot loop). */
  private times = new Float64Array(0);
  private outlets = new Int32Array(0);
  private readonly exact = new Map<string, number[]>();
  private readonly logits = new PairCache();
  private readonly p: AssignPolicy;
  private readonly model: PairModel;
  private maxDf = 0;

  constructor(policy: AssignPolicy, model: PairModel = MODEL) {
    this.p = policy;
    this.model = model;
  }

  /**
   * Reads every item (kept and new, in time order) so rarity is known before anything is assigned.
   * A batch longer than the window (a backlog, a stream of weeks) judges a blocking key's commonness
   * within the window around each item: a word in many items over weeks can be rare in one window.
   */
  load(all: Signals[]): void {
    for (const s of all) this.corpus.add(s);
    this.maxDf = Math.max(MIN_BLOCK_DF, Math.min(this.p.maxBlockItems, Math.floor(this.p.maxBlockShare * this.corpus.n)));
    this.score = new Float64Array(all.length);
    this.times = new Float64Array(all.length);
    this.outlets = new Int32Array(all.length);
    const outletNumbers = new Map<string, number>();
    all.forEach((s, i) => {
      s.index = i;
      this.times[i] = s.time;
      let outlet = outletNumbers.get(s.item.publisher);
      if (outlet === undefined) outletNumbers.set(s.item.publisher, (outlet = outletNumbers.size));
      this.outlets[i] = outlet;
      this.items.push(weigh(s, this.corpus));
      this.storyOf.push(-1);
    });
    const windowMs = this.p.windowHours * HOUR_MS;
    const windowed = all.length > 1 && all[all.length - 1]!.time - all[0]!.time > windowMs ? new WindowedDf(this.items, windowMs) : undefined;
    const postings = new Map<number, number[]>();
    this.items.forEach((w, i) => {
      const s = w.s;
      // Within one window, the batch's document frequencies; over a longer batch, those of the window around the item.
      const maxDf = windowed ? Math.max(MIN_BLOCK_DF, Math.min(this.p.maxBlockItems, Math.floor(this.p.maxBlockShare * windowed.items(s.time)))) : this.maxDf;
      const blocks = (term: Term) => (windowed ? term.df >= 2 && windowed.df(term.id, s.time) <= maxDf : term.df >= 2 && term.df <= maxDf);
      const byId = this.corpus.byId;
      // The rarest `count` of these ids that may propose pairs (a stable sort: among equally rare keys the
      // earlier, so the headline's, as the body map holds them first).
      const rarest = (ids: readonly number[], count: number): number[] => {
        const keys: number[] = [];
        for (const id of ids) if (blocks(byId[id]!)) keys.push(id);
        keys.sort((x, y) => byId[y]!.idf - byId[x]!.idf);
        if (keys.length > count) keys.length = count;
        return keys;
      };
      // The rarest terms and names only: two reports of one event share some of their rarest words.
      const kept = [...rarest(w.bodyOrder, BLOCK_KEYS), ...rarest(w.names.ids, BLOCK_NAMES)];
      this.blockLists.push(
        kept.map((key) => {
          let list = postings.get(key);
          if (!list) postings.set(key, (list = []));
          return list;
        }),
      );
      this.blockWeights.push(kept.map((key) => byId[key]!.idf));
    });
  }

  /** Adds item i to the blocking and copy-key postings. */
  index(i: number): void {
    const s = this.items[i]!.s;
    for (const list of this.blockLists[i]!) list.push(i);
    const add = (map: Map<string, number[]>, key: string) => {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    };
    if (s.urlKey) add(this.exact, `u${s.urlKey}`);
    if (s.titleKey) add(this.exact, `h${s.titleKey}`);
  }

  /** Puts item i into story k (or a new story) and indexes it. */
  private place(i: number, k: number | undefined, id?: string, fresh = true): number {
    const s = this.items[i]!.s;
    if (k === undefined) {
      k = this.stories.length;
      this.stories.push({ id, members: [], first: s.time, last: s.time, fresh });
    }
    const story = this.stories[k]!;
    story.members.push(i);
    story.first = Math.min(story.first, s.time);
    story.last = Math.max(story.last, s.time);
    this.storyOf[i] = k;
    this.index(i);
    return k;
  }

  /** Indexes a kept story's items under its id. */
  keep(id: string, indices: number[]): void {
    let k: number | undefined;
    for (const i of indices) k = this.place(i, k, id, false);
  }

  logit(i: number, j: number): number {
    let z = this.logits.get(i, j);
    if (z === undefined) {
      const [a, b] = [this.items[i]!, this.items[j]!];
      const sameOutletHeadline = a.s.titleKey && a.s.titleKey === b.s.titleKey && a.s.item.publisher === b.s.item.publisher;
      // One outlet's recurring headline ("Morning briefing: ...") over different texts, a contradiction, or two parties: never one event.
      z = sameOutletHeadline || contradicts(a.s, b.s) || partiesApart(a, b) || actorsApart(a, b) ? -Infinity : pairLogit(a, b, this.model);
      this.logits.set(i, j, z);
    }
    return z;
  }

  /**
   * Items sharing the most rare-key weight with item i, inside the window (the best `candidates`, ties
   * to the earlier). Other outlets' only, unless `anyOutlet`: an outlet reports an event once (see
   * sameOutletJoin), so its own same-topic items would take the places of the other outlets' reports.
   */
  candidates(i: number, anyOutlet = false): number[] {
    const { times, outlets, score } = this;
    const t = times[i]!;
    const outlet = anyOutlet ? -1 : outlets[i]!;
    const windowMs = this.p.windowHours * HOUR_MS;
    const touched: number[] = [];
    const lists = this.blockLists[i]!;
    const weights = this.blockWeights[i]!;
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k]!;
      const w = weights[k]!;
      for (let x = 0; x < list.length; x++) {
        const j = list[x]!;
        if (outlets[j] === outlet || Math.abs(times[j]! - t) > windowMs) continue;
        if (!score[j]) touched.push(j);
        score[j]! += w;
      }
    }
    // Top k by insertion into a short sorted list: touched can hold hundreds, k is small.
    const top: number[] = [];
    const k = this.p.candidates;
    for (const j of touched) {
      const sj = score[j]!;
      if (top.length === k && sj <= score[top[k - 1]!]!) continue;
      let at = top.length;
      while (at > 0 && (score[top[at - 1]!]! < sj || (score[top[at - 1]!]! === sj && top[at - 1]! > j))) at--;
      top.splice(at, 0, j);
      if (top.length > k) top.pop();
    }
    for (const j of touched) score[j] = 0;
    return top;
  }

  private isCopy(i: number, j: number): boolean {
    const [a, b] = [this.items[i]!.s, this.items[j]!.s];
    if (a.urlKey && a.urlKey === b.urlKey) return true;
    const [sa, sb] = [shinglesOf(a), shinglesOf(b)];
    if (Math.min(sa.length, sb.length) < MIN_COPY_SHINGLES) return false;
    const overlap = containment(sa, sb);
    // A recurring headline is not a copy unless the texts agree too.
    if (a.titleKey && a.titleKey === b.titleKey) return overlap >= this.p.syndicationThreshold / 2;
    return overlap >= this.p.syndicationThreshold;
  }

  /** True when story k with item i would still span no more than the window. */
  private inWindow(i: number, k: number): boolean {
    const story = this.stories[k]!;
    const t = this.items[i]!.s.time;
    return Math.max(story.last, t) - Math.min(story.first, t) <= this.p.windowHours * HOUR_MS;
  }

  /**
   * How well item i fits story k: best and mean probability over its (most recent) members, or
   * undefined when it may not join. `without` is a member left out (an item judged against its own story).
   */
  private fit(i: number, k: number, without = -1): { max: number; mean: number } | undefined {
    const story = this.stories[k]!;
    if (!this.inWindow(i, k)) return undefined;
    let max = 0;
    let sum = 0;
    const members = story.members;
    const outlet = this.items[i]!.s.item.publisher;
    let compared = 0;
    // The most recent members, read in place (no copies: this runs for every candidate story).
    for (let m = members.length - 1; m >= 0 && compared < MAX_COMPARED; m--) {
      const j = members[m]!;
      if (j === without) continue;
      compared++;
      const z = this.logit(i, j);
      if (z === -Infinity) return undefined;
      const pr = sigmoid(z);
      if (pr < this.p.sameOutletJoin && this.items[j]!.s.item.publisher === outlet) return undefined;
      max = Math.max(max, pr);
      sum += pr;
    }
    if (!compared) return undefined;
    const mean = sum / compared;
    // A story opened by a roundup reports several events and so none of them: only copies join it.
    if (max >= this.p.joinMax && mean >= this.p.joinMean && story.fresh && isRoundupItem(this.items[story.members[0]!]!.s)) return undefined;
    return { max, mean };
  }

  private canMerge(k: number, other: number): boolean {
    const [a, b] = [this.stories[k]!, this.stories[other]!];
    if (Math.max(a.last, b.last) - Math.min(a.first, b.first) > this.p.windowHours * HOUR_MS) return false;
    if (a.members.length * b.members.length > MAX_COMPARED * 4) return false;
    let max = 0;
    let sum = 0;
    for (const i of a.members) {
      for (const j of b.members) {
        const z = this.logit(i, j);
        if (z === -Infinity) return false;
        const pr = sigmoid(z);
        if (pr < this.p.sameOutletJoin && this.items[j]!.s.item.publisher === this.items[i]!.s.item.publisher) return false;
        max = Math.max(max, pr);
        sum += pr;
      }
    }
    return max >= this.p.joinMax && sum / (a.members.length * b.members.length) >= this.p.joinMean;
  }

  private merge(k: number, other: number): void {
    const [a, b] = [this.stories[k]!, this.stories[other]!];
    for (const j of b.members) this.storyOf[j] = k;
    a.members.push(...b.members);
    a.first = Math.min(a.first, b.first);
    a.last = Math.max(a.last, b.last);
    b.members = [];
  }

  /**
   * After item i settled in story k: each close candidate (p >= joinMax) that an earlier call put in
   * another story made in this run moves to k when k now fits it better than its own story does without
   * it. A report that joined a same-topic story before its own event's reports arrived goes back to them
   * (one step of best-fit reassignment, as in single-pass clustering with a reassignment pass).
   */
  private reconsider(i: number, k: number, cands: readonly number[]): number {
    if (!this.stories[k]!.fresh) return k;
    for (const j of cands) {
      const from = this.storyOf[j]!;
      if (from === k || !this.stories[from]!.fresh || sigmoid(this.logit(i, j)) < this.p.joinMax) continue;
      const there = this.fit(j, k);
      if (!there || there.max < this.p.joinMax || there.mean < this.p.joinMean) continue;
      const here = this.fit(j, from, j);
      if (here && here.max + here.mean >= there.max + there.mean) continue;
      // A roundup takes no report in (the test is costly, so it comes last).
      if (isRoundupItem(this.items[i]!.s)) return k;
      this.move(j, from, k);
    }
    return k;
  }

  /** Moves item j from story `from` to story k. */
  private move(j: number, from: number, k: number): void {
    const [a, b] = [this.stories[from]!, this.stories[k]!];
    a.members = a.members.filter((x) => x !== j);
    const times = a.members.map((x) => this.items[x]!.s.time);
    [a.first, a.last] = times.length ? [Math.min(...times), Math.max(...times)] : [Infinity, -Infinity];
    const t = this.items[j]!.s.time;
    b.members.push(j);
    b.first = Math.min(b.first, t);
    b.last = Math.max(b.last, t);
    this.storyOf[j] = k;
  }

  /**
   * Once every item is placed: an item left alone is offered the stories of its candidates among all
   * items, later ones included (in time order it saw only the earlier ones, and a later report it fits
   * may have found another partner first). It joins the best that fits under the same bars.
   */
  rehome(i: number): void {
    const k0 = this.storyOf[i]!;
    const own = this.stories[k0]!;
    if (!own.fresh || own.members.length !== 1) return;
    let best: [number, number] | undefined;
    for (const j of this.partners.get(i) ?? []) {
      const k = this.storyOf[j]!;
      // Partners are recorded at p >= joinMax (assign): only their stories are asked about.
      if (k === k0 || !this.stories[k]!.fresh) continue;
      const f = this.fit(i, k);
      if (this.clears(f) && (!best || f.max + f.mean > best[1])) best = [k, f.max + f.mean];
    }
    if (best && !isRoundupItem(this.items[i]!.s)) this.move(i, k0, best[0]);
  }

  /**
   * How much item i belongs with story k's members (leaving out `without`): the sum of its pairs'
   * logits above the join-mean bar, each capped at MAX_PAIR_WEIGHT. The log-odds that a partition
   * is right grow by this when i joins k (the objective of correlation clustering).
   */
  private affinity(i: number, k: number, without = -1): number {
    const bar = Math.log(this.p.joinMean / (1 - this.p.joinMean));
    let sum = 0;
    for (const j of this.stories[k]!.members) {
      if (j !== i && j !== without) sum += Math.max(-MAX_PAIR_WEIGHT, Math.min(MAX_PAIR_WEIGHT, this.logit(i, j) - bar));
    }
    return sum;
  }

  /** True when item i may join story k (leaving out `without`): the join bars of `assign`. */
  private fits(i: number, k: number, without = -1): boolean {
    return this.clears(this.fit(i, k, without));
  }

  /** Whether a fit (see `fit`) clears the join bars: its best pair at joinMax, its mean at joinMean. */
  private clears(f: { max: number; mean: number } | undefined): f is { max: number; mean: number } {
    return f !== undefined && f.max >= this.p.joinMax && f.mean >= this.p.joinMean;
  }

  /**
   * Once every item is placed: item i moves to the story of a close partner that is closer to it than
   * any member of its own story, when its affinity there beats its affinity with its own story. When
   * that story holds an item of i's outlet (an outlet reports an event once), the two trade places, and
   * the trade must raise their summed affinity: two reports of one saga that arrived in the wrong order
   * (a hearing's report in the ruling's story and the other way round) each go back to their own event.
   * The join bars still hold for every move.
   * @returns true when i moved
   */
  exchange(i: number): boolean {
    const a = this.storyOf[i]!;
    if (!this.stories[a]!.fresh || this.copies.has(i)) return false;
    const outlet = this.outlets[i]!;
    let here: number | undefined;
    let closest: number | undefined;
    let best: { k: number; gain: number; rival: number } | undefined;
    const seen: number[] = [];
    for (const j of this.partners.get(i) ?? []) {
      const k = this.storyOf[j]!;
      if (k === a || !this.stories[k]!.fresh || seen.includes(k)) continue;
      // Only a partner closer than i's own story's closest member is worth weighing a move for (and cheap to tell).
      if (this.logit(i, j) <= (closest ??= this.closestLogit(i, a))) continue;
      seen.push(k);
      const rival = this.stories[k]!.members.find((x) => this.outlets[x] === outlet) ?? -1;
      if (this.copies.has(rival)) continue;
      if (!this.fits(i, k, rival)) continue;
      here ??= this.affinity(i, a);
      let gain = this.affinity(i, k, rival) - here;
      // The rival goes to i's story when it fits there, else it stands alone (affinity 0).
      if (rival >= 0) gain += (this.stories[a]!.members.length > 1 && this.fits(rival, a, i) ? this.affinity(rival, a, i) : 0) - this.affinity(rival, k);
      if (gain > 0 && (!best || gain > best.gain)) best = { k, gain, rival };
    }
    // A roundup reports several events and so none of them (the test is costly, so it comes last).
    if (!best || isRoundupItem(this.items[i]!.s)) return false;
    this.move(i, a, best.k);
    if (best.rival >= 0) this.move(best.rival, best.k, this.stories[a]!.members.length && this.fits(best.rival, a) ? a : this.openStory(best.rival));
    return true;
  }

  /** The highest logit of item i with another member of story k (-Infinity when it is alone). */
  private closestLogit(i: number, k: number): number {
    let z = -Infinity;
    for (const j of this.stories[k]!.members) if (j !== i) z = Math.max(z, this.logit(i, j));
    return z;
  }

  /** A new, empty story made in this run, dated at item i (which `move` then puts in it). */
  private openStory(i: number): number {
    const t = this.items[i]!.s.time;
    this.stories.push({ members: [], first: t, last: t, fresh: true });
    return this.stories.length - 1;
  }

  /** Puts copy i into its original j's story; neither moves in the exchange pass (a copy is no report of its own). */
  private placeCopy(i: number, j: number): number {
    this.copies.add(i).add(j);
    return this.place(i, this.storyOf[j]);
  }

  private partnersOf(i: number): number[] {
    let list = this.partners.get(i);
    if (!list) this.partners.set(i, (list = []));
    return list;
  }

  /** Assigns new item i: a copy joins its original's story; otherwise the best-fitting story, or a new one. */
  assign(i: number): number {
    const s = this.items[i]!.s;
    const exact = [...(s.urlKey ? this.exact.get(`u${s.urlKey}`) ?? [] : []), ...(s.titleKey ? this.exact.get(`h${s.titleKey}`) ?? [] : [])];
    for (const j of exact) if (this.isCopy(i, j) && this.inWindow(i, this.storyOf[j]!)) return this.placeCopy(i, j);
    const cands = this.candidates(i);
    // Stories worth a full comparison: those of candidates that alone reach the bar for a best pair.
    const stories = new Set<number>();
    for (const j of cands) {
      const pr = sigmoid(this.logit(i, j));
      if (pr >= this.p.joinMax) {
        this.partnersOf(i).push(j);
        this.partnersOf(j).push(i);
      }
      if (pr >= COPY_GATE && this.isCopy(i, j) && this.inWindow(i, this.storyOf[j]!)) return this.placeCopy(i, j);
      if (pr >= this.p.joinMax) stories.add(this.storyOf[j]!);
    }
    const fits: [number, number][] = [];
    for (const k of stories) {
      const f = this.fit(i, k);
      if (this.clears(f)) fits.push([k, f.max + f.mean]);
    }
    // A roundup reports several events and so none of them: it joins no story (copies aside).
    if (!fits.length || isRoundupItem(s)) return this.reconsider(i, this.place(i, undefined), cands);
    fits.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const k = this.reconsider(i, this.place(i, fits[0]![0]), cands);
    // An item that fits two stories made in this run is the bridge between two framings of one event:
    // they become one when their members agree as a whole (the same bars, over every cross pair).
    for (const [other] of fits.slice(1)) if (this.stories[other]!.fresh && this.canMerge(k, other)) this.merge(k, other);
    return k;
  }
}

/** Signals of items in time order (then id), with their vectors; rejects repeated ids. */
export function signalsOf(items: readonly ClusterItem[], vectors?: Vectors): Signals[] {
  const seen = new Set<string>();
  const out = items.map((item, i) => {
    if (seen.has(item.id)) throw new TypeError(`clusterItems: item id "${item.id}" appears twice`);
    seen.add(item.id);
    return itemSignals(item, i, vectors?.get(item.id));
  });
  return out.sort(byTime);
}

/**
 * Assigns new items to kept stories or new ones, reading the window's kept items only as context.
 * @example assignStories([{ id: 'st_1', items: keptItems }], newItems) // { joins: Map { 'st_1' => ['x'] }, created: [['y', 'z']] }
 */
export function assignStories(open: readonly OpenStory[], fresh: readonly ClusterItem[], policy: AssignPolicy, vectors?: Vectors, model: PairModel = MODEL): Assignment {
  const kept = open.flatMap((story) => story.items.map((item) => ({ item, story: story.id })));
  const all = signalsOf([...kept.map((k) => k.item), ...fresh], vectors);
  const index = new StoryIndex(policy, model);
  index.load(all);
  const storyOfKept = new Map(kept.map((k) => [k.item.id, k.story]));
  const byStory = new Map<string, number[]>();
  all.forEach((s, i) => {
    const id = storyOfKept.get(s.item.id);
    if (id !== undefined) byStory.set(id, [...(byStory.get(id) ?? []), i]);
  });
  for (const [id, indices] of byStory) index.keep(id, indices);
  all.forEach((s, i) => {
    if (!storyOfKept.has(s.item.id)) index.assign(i);
  });
  all.forEach((s, i) => {
    if (!storyOfKept.has(s.item.id)) index.rehome(i);
  });
  all.forEach((s, i) => {
    if (!storyOfKept.has(s.item.id)) index.exchange(i);
  });
  const joins = new Map<string, string[]>();
  const created: number[][] = [];
  for (const story of index.stories) {
    const members = story.members.filter((i) => !storyOfKept.has(all[i]!.item.id)).sort((x, y) => x - y);
    if (!members.length) continue;
    if (story.id === undefined) created.push(members);
    else joins.set(story.id, members.map((i) => all[i]!.item.id));
  }
  // In time order of their first item (a reassigned item may have left the story it opened).
  created.sort((x, y) => x[0]! - y[0]!);
  return { joins, created: created.map((members) => members.map((i) => all[i]!.item.id)) };
}
