/**
 * Groups items that report one event into stories, and counts a story's independent publishers.
 *
 * Each item, in time order, is compared only with the candidates an inverted index over rare terms
 * and names proposes; a pair's probability of being one event comes from a logistic model fitted on
 * real labelled news (./pair.ts, ./weights.ts), plus a time prior and, when items carry embeddings,
 * their cosine. An item joins the story whose members it matches best (best and mean probability
 * above the fitted thresholds, no contradiction with any member, and no item of its own outlet unless
 * that pair alone is near-certain), so one loose pair cannot chain two events; a report that joined a
 * same-topic story before its own event's reports arrived moves to theirs once they form, and one left
 * alone is offered its candidates' stories once all are placed (later reports included), and then each
 * item may move to a close partner's story, trading places with that story's item of its own outlet,
 * when the summed pair log-odds of the stories rise; copies join their original's story. Roundups join no story.
 */
import type { ClusterItem } from '../types';
import { assignStories, DEFAULT_ASSIGN_POLICY, signalsOf, type AssignPolicy, type OpenStory, type Vectors } from './assign';
import { containment } from './features';
import type { PairModel } from './pair';
import { shinglesOf } from './signals';
import { MODEL } from './weights';
import { contentKey } from '../../lib/text';

export type ClusterPolicy = AssignPolicy;
export const DEFAULT_CLUSTER_POLICY: ClusterPolicy = DEFAULT_ASSIGN_POLICY;
export { assignStories, type Assignment, type OpenStory, type Vectors } from './assign';

export function resolvePolicy(policy: Partial<ClusterPolicy> | undefined, model: PairModel = MODEL): ClusterPolicy {
  const p = { ...DEFAULT_CLUSTER_POLICY, joinMax: model.joinMax, joinMean: model.joinMean, ...policy };
  for (const [key, value] of Object.entries(p)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`clusterItems: policy.${key} must be a non-negative number, got ${String(value)}`);
    }
  }
  return p;
}

/** clusterItems with optional embeddings (by item id) and another fitted model (the fit script's). */
export function clusterWith(items: readonly ClusterItem[], policy?: Partial<ClusterPolicy>, vectors?: Vectors, model: PairModel = MODEL): string[][] {
  return assignStories([], items, resolvePolicy(policy, model), vectors, model).created;
}

/**
 * Groups items by the event they report.
 * @example clusterItems(items) // [["a1", "b7"], ["c3"]]
 * @returns every input id exactly once; groups and ids in order of first publication
 */
export function clusterItems(items: ClusterItem[], policy?: Partial<ClusterPolicy>): string[][] {
  return clusterWith(items, policy);
}

/** New items joined to kept stories (see assignStories), with the default policy and model. */
export function joinStories(open: readonly OpenStory[], fresh: readonly ClusterItem[], policy?: Partial<ClusterPolicy>, vectors?: Vectors) {
  return assignStories(open, fresh, resolvePolicy(policy), vectors);
}

/** Shingle sets smaller than this are too short to call a copy by text alone. */
const MIN_COPY_SHINGLES = 8;

/**
 * Copies among one story's items: each group is one article (URL, identical title and text, or
 * near-identical text), its earliest item (the original) first. Stories are small, so every pair is compared.
 */
export function copyGroups(items: ClusterItem[], policy?: Partial<ClusterPolicy>): string[][] {
  const p = resolvePolicy(policy);
  const fs = signalsOf(items);
  const keys = fs.map((s) => contentKey(s.item.title, s.item.text));
  const root = fs.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i]!)));
  for (let i = 0; i < fs.length; i++) {
    for (let j = i + 1; j < fs.length; j++) {
      const [a, b] = [fs[i]!, fs[j]!];
      // Identical content is one article however short it is: too short for shingles, it is still no second report.
      let copy = (!!a.urlKey && a.urlKey === b.urlKey) || keys[i] === keys[j];
      if (!copy) {
        const [sa, sb] = [shinglesOf(a), shinglesOf(b)];
        const overlap = Math.min(sa.length, sb.length) >= MIN_COPY_SHINGLES ? containment(sa, sb) : 0;
        // A recurring headline is one article only when the texts agree too.
        copy = overlap >= (a.titleKey && a.titleKey === b.titleKey ? p.syndicationThreshold / 2 : p.syndicationThreshold);
      }
      if (copy) root[Math.max(find(i), find(j))] = Math.min(find(i), find(j));
    }
  }
  const groups = new Map<number, string[]>();
  fs.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s.item.id]));
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
