/** `node --import tsx test/eval/cluster-profile.ts`: where clusterItems spends its time on a 500-item batch (median of runs). */
import { clusterItems, DEFAULT_CLUSTER_POLICY } from '../../src/pipeline/cluster';
import { confirmOpeners, itemFeatures } from '../../src/pipeline/cluster/features';
import { scorePairs } from '../../src/pipeline/cluster/score';
import { clusterBatch } from '../fixtures/cluster/sets';

const RUNS = Number(process.argv[2] ?? 15);
// 500 items: repeated, re-timed copies of the labelled set, each copy four days from the last.
const batch = clusterBatch(500, 96);

function median(fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const features = () => {
  const fs = batch.map((item, i) => itemFeatures(item, i, DEFAULT_CLUSTER_POLICY.ledeWords));
  confirmOpeners(fs);
  return fs;
};
const fs = features();
fs.sort((a, b) => a.time - b.time || (a.item.id < b.item.id ? -1 : 1)).forEach((f, i) => (f.index = i));
console.log(`clusterItems, ${batch.length} items, median of ${RUNS} runs`);
console.log(`  features: ${median(features).toFixed(1)} ms`);
console.log(`  scoring:  ${median(() => scorePairs(fs, DEFAULT_CLUSTER_POLICY)).toFixed(1)} ms`);
console.log(`  total:    ${median(() => clusterItems(batch)).toFixed(1)} ms`);
