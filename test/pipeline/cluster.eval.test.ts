// The clustering targets of issue 4, checked in CI on the labelled set (hand-made + demo newswire).
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/pipeline/cluster';
import { ingestedNewswire } from '../fixtures/cluster/ingested';
import { metricsBySubset, pairMetrics } from '../fixtures/cluster/metrics';
import { labelledSet } from '../fixtures/cluster/sets';

describe('clusterItems on the labelled set', () => {
  const items = labelledSet();
  const clusters = clusterItems(items.map(({ story: _s, subset: _b, ...item }) => item));
  const { all, subsets } = metricsBySubset(items, clusters);

  it('has at least 100 hand-made items besides the newswire', () => {
    expect(items.filter((i) => i.subset !== 'newswire').length).toBeGreaterThanOrEqual(100);
  });

  // Issue 9 traded some of these hand-written hard negatives for real news: the learned model (fitted on NeuS)
  // measures ALL precision 0.928 / recall 0.895 here (the rules tuned on this set measured 0.95+ / 0.85+, but
  // scored precision 0.837 / recall 0.290 on a real stream). Same-company events in invented names that share
  // a rare name (an investor, "Institute") are its main false merges.
  it('reaches pairwise precision >= 0.92 and recall >= 0.88', () => {
    expect(all.precision).toBeGreaterThanOrEqual(0.92);
    expect(all.recall).toBeGreaterThanOrEqual(0.88);
  });

  it('merges no hard negatives of one kind of event, and few of one company', () => {
    expect(subsets['same-company']?.precision).toBeGreaterThanOrEqual(0.8);
    expect(subsets['same-event-type']?.precision).toBe(1);
    expect(subsets.singleton?.predictedPairs).toBe(0);
  });

  it('finds the demo newswire stories with no false merge (recall >= 0.95), in the full batch and on its own as ingested', () => {
    expect(subsets.newswire?.precision).toBe(1);
    expect(subsets.newswire?.recall).toBeGreaterThanOrEqual(0.95);
    const ingested = ingestedNewswire();
    const alone = pairMetrics(ingested, clusterItems(ingested.map(({ story: _s, subset: _b, ...item }) => item)));
    expect(alone.items).toBeGreaterThanOrEqual(40);
    expect(alone.precision).toBe(1);
    expect(alone.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps a story told over two days together without merging the events around it', () => {
    expect(subsets['time-window']?.recall).toBeGreaterThanOrEqual(0.95);
    expect(subsets['time-window']?.precision).toBe(1);
  });

  it('groups every syndicated copy with its story', () => {
    expect(subsets.syndication?.recall).toBe(1);
  });
});
