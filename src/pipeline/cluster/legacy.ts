/**
 * Groups items that report one event into stories, and counts a story's independent publishers.
 *
 * Three passes: copies (same canonical URL, same headline, or near-identical text) are tied
 * together first; every other pair that shares a rare term or name is scored by IDF-weighted
 * overlap of headline + lede plus shared named entities; then average-linkage merging joins
 * groups only while their members agree on average, so one loose pair cannot chain two events
 * together. Tuned for precision: a false merge invents corroboration.
 */
import { confirmOpeners, containment, itemFeatures, type ItemFeatures } from './features';
import { scorePairs } from './score';
import type { ClusterItem } from '../types';

export interface ClusterPolicy {
  /** Items further apart than this never share a story, and no story spans more. */
  windowHours: number;
  /** Shingle containment at or above which two texts are copies of one article. */
  syndicationThreshold: number;
  /** Pair scores below this count as zero in the linkage (noise, not evidence). */
  minSimilarity: number;
  /** Average pair score two groups need to become one story. */
  minLinkage: number;
  /** Share of cross pairs that must score at least minSimilarity for two groups to merge. */
  minCoverage: number;
  /**
   * A pair this strong lets an item (or group) join a story whose other members it links to only
   * weakly (a quote-led piece, an explainer, a next-day post-mortem), provided it contradicts none.
   */
  strongLink: number;
  /** Pair scores from this up count as weak support for a strong link. */
  weakLink: number;
  /** Share of cross pairs that must be at least weak links for a strong link to merge two groups. */
  minSupport: number;
  /** How many words of the text count as the lede. */
  ledeWords: number;
  /** Terms in more than this share of the batch are too common to propose candidate pairs. */
  maxBlockShare: number;
}

export const DEFAULT_CLUSTER_POLICY: ClusterPolicy = {
  windowHours: 72,
  syndicationThreshold: 0.8,
  minSimilarity: 0.2,
  minLinkage: 0.24,
  minCoverage: 1,
  strongLink: 0.33,
  weakLink: 0.08,
  minSupport: 0.5,
  ledeWords: 50,
  maxBlockShare: 0.2,
};

const HOUR_MS = 3_600_000;
/** Pairs scoring below this are too different to be copies, so their shingles are not compared. */
const COPY_GATE = 0.3;
/** Shingle sets smaller than this are too short to call a copy by text alone. */
const MIN_COPY_SHINGLES = 8;

function resolvePolicy(policy: Partial<ClusterPolicy> | undefined): ClusterPolicy {
  const p = { ...DEFAULT_CLUSTER_POLICY, ...policy };
  for (const [key, value] of Object.entries(p)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`clusterItems: policy.${key} must be a non-negative number, got ${String(value)}`);
    }
  }
  return p;
}

/** Items in a deterministic order (time, then id) with their features; rejects repeated ids. */
function prepare(items: readonly ClusterItem[], policy: ClusterPolicy): ItemFeatures[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new TypeError(`clusterItems: item id "${item.id}" appears twice`);
    seen.add(item.id);
  }
  const features = items.map((item, i) => itemFeatures(item, i, policy.ledeWords));
  confirmOpeners(features);
  features.sort((a, b) => a.time - b.time || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
  features.forEach((f, i) => (f.index = i));
  return features;
}

/** True when two items are one article: same URL, same headline, or (nearly) the same text. */
function isCopy(a: ItemFeatures, b: ItemFeatures, threshold: number): boolean {
  if (a.urlKey && a.urlKey === b.urlKey) return true;
  if (Math.min(a.shingles.size, b.shingles.size) < MIN_COPY_SHINGLES) return false;
  const overlap = containment(a.shingles, b.shingles);
  // A recurring headline ("Morning briefing: ...") is not a copy unless the texts agree too.
  if (a.titleKey && a.titleKey === b.titleKey) return overlap >= threshold / 2;
  return overlap >= threshold;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) [i, this.parent[i]] = [this.parent[i]!, root];
    return root;
  }
  /** Joins two sets; the smaller index stays the root so results do not depend on call order. */
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Groups items by the event they report.
 * @example clusterItems(items) // [["a1", "b7"], ["c3"]]
 * @returns every input id exactly once; groups and ids in order of first publication
 */
export function clusterItems(items: ClusterItem[], policy?: Partial<ClusterPolicy>): string[][] {
  const p = resolvePolicy(policy);
  const fs = prepare(items, p);
  const n = fs.length;
  if (!n) return [];
  // Weak pairs are kept too: they support a strong link (see averageLinkage), never make one.
  const { scores, conflicts } = scorePairs(fs, { ...p, minSimilarity: Math.min(p.weakLink, p.minSimilarity) });
  const copies = new UnionFind(n);
  const checkCopy = (i: number, j: number) => {
    const [a, b] = [fs[i]!, fs[j]!];
    if (isCopy(a, b, p.syndicationThreshold)) {
      copies.union(i, j);
      scores.set(i * n + j, 1);
      conflicts.delete(i * n + j);
    } else if (a.titleKey && a.titleKey === b.titleKey && a.item.publisher === b.item.publisher) {
      // One outlet's recurring headline ("Morning briefing: ...") over different texts: different items.
      scores.delete(i * n + j);
    }
  };
  for (const [pair, score] of [...scores]) if (score >= COPY_GATE) checkCopy(Math.floor(pair / n), pair % n);
  // Same URL or headline: compared even when the texts share no rare word (e.g. one is empty).
  for (const key of ['urlKey', 'titleKey'] as const) {
    const byKey = new Map<string, number[]>();
    for (const f of fs) if (f[key]) byKey.set(f[key], [...(byKey.get(f[key]) ?? []), f.index]);
    for (const list of byKey.values()) for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) checkCopy(list[x]!, list[y]!);
  }

  // A roundup reports several events and so none of them: it joins only its own copies.
  for (const pair of [...scores.keys()]) {
    const [i, j] = [Math.floor(pair / n), pair % n];
    if ((fs[i]!.roundup || fs[j]!.roundup) && copies.find(i) !== copies.find(j)) {
      scores.delete(pair);
      conflicts.add(pair);
    }
  }
  return averageLinkage(fs, copies, scores, conflicts, p).map((members) => members.map((i) => fs[i]!.item.id));
}

/** What the cross pairs of two groups add up to. */
interface Link {
  /** Sum and number of pairs scoring at least minSimilarity (the average linkage). */
  sum: number;
  count: number;
  /** Number of pairs scoring at least weakLink, and the best pair. */
  weak: number;
  max: number;
  /** A pair of the two groups contradicts itself (different subjects, amounts or events). */
  conflict: boolean;
}

function addLink(links: Map<number, Link>, to: number, add: Link): void {
  const l = links.get(to);
  if (l) {
    l.sum += add.sum;
    l.count += add.count;
    l.weak += add.weak;
    l.max = Math.max(l.max, add.max);
    l.conflict ||= add.conflict;
  } else links.set(to, { ...add });
}

interface Group {
  members: number[];
  first: number;
  last: number;
  /** Sum and number of scored pairs to each neighbouring group, keyed by that group's id. */
  links: Map<number, Link>;
}

/**
 * Best-first merging of copy groups; ties go to the earliest groups. Two groups merge when no
 * cross pair contradicts and either their pairs agree on average (average linkage with a floor on
 * every pair), or one pair is strong and most other pairs at least weakly agree: a differently
 * angled article joins through its strong link, while an item that shares nothing with most of
 * a story, or contradicts one member, stays out (no chaining through one bridge).
 */
function averageLinkage(fs: ItemFeatures[], copies: UnionFind, scores: Map<number, number>, conflicts: Set<number>, p: ClusterPolicy): number[][] {
  const n = fs.length;
  const groups = new Map<number, Group>();
  const groupOf = fs.map((f) => copies.find(f.index));
  for (const f of fs) {
    const g = groups.get(groupOf[f.index]!);
    if (g) {
      g.members.push(f.index);
      g.last = Math.max(g.last, f.time);
    } else groups.set(groupOf[f.index]!, { members: [f.index], first: f.time, last: f.time, links: new Map() });
  }
  const link = (pair: number, s: number, conflict: boolean) => {
    const [ga, gb] = [groupOf[Math.floor(pair / n)]!, groupOf[pair % n]!];
    if (ga === gb) return;
    const add: Link = { sum: s >= p.minSimilarity ? s : 0, count: +(s >= p.minSimilarity), weak: +(s >= p.weakLink), max: s, conflict };
    addLink(groups.get(ga)!.links, gb, add);
    addLink(groups.get(gb)!.links, ga, add);
  };
  for (const [pair, s] of scores) link(pair, s, conflicts.has(pair));
  for (const pair of conflicts) if (!scores.has(pair)) link(pair, 0, true);
  const windowMs = p.windowHours * HOUR_MS;
  for (;;) {
    let best: [number, number, number] | undefined;
    for (const [ga, a] of groups) {
      for (const [gb, { sum, count, weak, max, conflict }] of a.links) {
        if (gb <= ga) continue;
        const b = groups.get(gb)!;
        const pairs = a.members.length * b.members.length;
        // Average linkage, plus a floor every cross pair must clear (complete linkage at a low bar).
        const agree = sum / pairs >= p.minLinkage && count / pairs >= p.minCoverage;
        const anchored = !conflict && max >= p.strongLink && weak / pairs >= p.minSupport;
        if (!agree && !anchored) continue;
        // Agreeing groups merge first; a strong link with weak support only after them.
        const avg = sum / pairs + (agree ? 1 : 0);
        if (Math.max(a.last, b.last) - Math.min(a.first, b.first) > windowMs) continue;
        if (!best || avg > best[2] || (avg === best[2] && (ga < best[0] || (ga === best[0] && gb < best[1])))) best = [ga, gb, avg];
      }
    }
    if (!best) break;
    const [ga, gb] = best;
    const a = groups.get(ga)!;
    const b = groups.get(gb)!;
    a.members.push(...b.members);
    a.first = Math.min(a.first, b.first);
    a.last = Math.max(a.last, b.last);
    a.links.delete(gb);
    for (const [gc, l] of b.links) {
      if (gc === ga) continue;
      addLink(a.links, gc, l);
      const c = groups.get(gc)!;
      addLink(c.links, ga, l);
      c.links.delete(gb);
    }
    groups.delete(gb);
  }
  return [...groups.values()].map((g) => g.members.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

/**
 * Copies among one story's items: each group is one article (URL, headline or text), its
 * earliest item (the original) first. Stories are small, so every pair is compared.
 */
export function copyGroups(items: ClusterItem[], policy?: Partial<ClusterPolicy>): string[][] {
  const p = resolvePolicy(policy);
  const fs = prepare(items, p);
  const uf = new UnionFind(fs.length);
  for (let i = 0; i < fs.length; i++) {
    for (let j = i + 1; j < fs.length; j++) if (isCopy(fs[i]!, fs[j]!, p.syndicationThreshold)) uf.union(i, j);
  }
  const groups = new Map<number, string[]>();
  for (const f of fs) {
    const root = uf.find(f.index);
    const g = groups.get(root);
    if (g) g.push(f.item.id);
    else groups.set(root, [f.item.id]);
  }
  return [...groups.values()];
}

/**
 * Independent publisher families among a story's items: feeds of one family count once, and a
 * copy of another outlet's article counts for that outlet (the original), not its republisher.
 */
export function independentPublishers(items: ClusterItem[], policy?: Partial<ClusterPolicy>): number {
  const byId = new Map(items.map((i) => [i.id, i]));
  const families = new Set<string>();
  for (const group of copyGroups(items, policy)) families.add(byId.get(group[0]!)!.publisher);
  return families.size;
}
