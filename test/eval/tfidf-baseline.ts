/**
 * The naive baseline the issue measured against: TF-IDF (headline + text, IDF over the batch) and
 * one pass in time order, each item joining the cluster whose centroid is most similar when the
 * cosine reaches `threshold`, else starting its own. No blocking, no time window, no vetoes.
 */
import { terms } from '../../src/pipeline/cluster/terms';
import type { ClusterItem } from '../../src/pipeline/types';

export const BASELINE_THRESHOLD = 0.5;

export function tfidfSinglePass(items: readonly ClusterItem[], threshold = BASELINE_THRESHOLD): string[][] {
  const sorted = [...items].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
  const bags = sorted.map((i) => terms(`${i.title} ${i.text}`));
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of new Set(bag)) df.set(t, (df.get(t) ?? 0) + 1);
  const clusters: { ids: string[]; centroid: Map<string, number> }[] = [];
  sorted.forEach((item, k) => {
    const v = new Map<string, number>();
    for (const t of bags[k]!) v.set(t, (v.get(t) ?? 0) + Math.log(sorted.length / df.get(t)!));
    const norm = Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0)) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    let best: [number, number] | undefined;
    clusters.forEach((c, ci) => {
      let dot = 0;
      for (const [t, w] of v) dot += w * (c.centroid.get(t) ?? 0);
      const cnorm = Math.sqrt([...c.centroid.values()].reduce((s, w) => s + w * w, 0)) || 1;
      if (dot / cnorm >= threshold && (!best || dot / cnorm > best[1])) best = [ci, dot / cnorm];
    });
    const target = best ? clusters[best[0]]! : clusters[clusters.push({ ids: [], centroid: new Map() }) - 1]!;
    target.ids.push(item.id);
    for (const [t, w] of v) target.centroid.set(t, (target.centroid.get(t) ?? 0) + w);
  });
  return clusters.map((c) => c.ids);
}
