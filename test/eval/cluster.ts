/**
 * `npm run eval:cluster`: pairwise precision, recall and F1 of clusterItems and of the naive TF-IDF
 * single pass, side by side in one run, on our labelled fixtures and (when NEUS_DIR is set) on real
 * news: the held-out fifth of the NeuS train events in dense 36-hour windows, and dated streams over
 * weeks where same-topic events are days apart. `--verbose` lists the fixture errors. `--dev` reports
 * only the fit (dev) events, the other four fifths, in the same shapes, and leaves out the report-only held-out-4 fixtures:
 * tune on these, never on the held-out fifth.
 */
import { clusterItems } from '../../src/pipeline/cluster';
import { heldOutItems } from '../fixtures/cluster/held-out';
import { heldOut2Items } from '../fixtures/cluster/held-out-2';
import { heldOut3Items } from '../fixtures/cluster/held-out-3';
import { heldOut4Items } from '../fixtures/cluster/held-out-4';
import { devStylesItems } from '../fixtures/cluster/dev-styles';
import { ingestedNewswire } from '../fixtures/cluster/ingested';
import { EVAL_NOW, type LabelledItem } from '../fixtures/cluster/labelled';
import { metricsBySubset, pairErrors, pairMetrics, reportOnlySubsets, type PairMetrics } from '../fixtures/cluster/metrics';
import { clusterBatch, labelledSet } from '../fixtures/cluster/sets';
import { loadNeus, neusDir, type NeusEvent } from './neus';
import { datedStream, isHeldOut, random, topicWindows, windowStream } from './neus-stream';
import { BASELINE_THRESHOLD, tfidfSinglePass } from './tfidf-baseline';

const verbose = process.argv.includes('--verbose');
const devOnly = process.argv.includes('--dev');
const plain = (items: readonly LabelledItem[]) => items.map(({ story: _s, subset: _b, ...item }) => item);
const fmt = (m: PairMetrics) => `${m.precision.toFixed(3).padStart(6)} ${m.recall.toFixed(3).padStart(6)} ${m.f1.toFixed(3).padStart(6)}`;
const header = `${'set'.padEnd(44)} ${'items'.padStart(5)} ${'pairs'.padStart(6)}   ours: ${'P'.padStart(5)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   tf-idf: ${'P'.padStart(5)} ${'R'.padStart(6)} ${'F1'.padStart(6)}`;

/** Pair counts summed over several batches (windows), so they report as one set. */
function pooled(parts: PairMetrics[]): PairMetrics {
  const sum = (k: 'items' | 'truePairs' | 'predictedPairs' | 'correctPairs') => parts.reduce((s, m) => s + m[k], 0);
  const [items, truePairs, predictedPairs, correctPairs] = [sum('items'), sum('truePairs'), sum('predictedPairs'), sum('correctPairs')];
  const precision = predictedPairs ? correctPairs / predictedPairs : 1;
  const recall = truePairs ? correctPairs / truePairs : 1;
  return { items, truePairs, predictedPairs, correctPairs, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

interface Row {
  name: string;
  ours: PairMetrics;
  base: PairMetrics;
}

/** Both clusterers on each batch of a set (a batch is clustered alone), pooled. */
function compare(name: string, batches: readonly (readonly LabelledItem[])[]): Row {
  const ours = batches.map((b) => pairMetrics(b, clusterItems(plain(b))));
  const base = batches.map((b) => pairMetrics(b, tfidfSinglePass(plain(b))));
  return { name, ours: pooled(ours), base: pooled(base) };
}

const print = (r: Row) =>
  console.log(`${r.name.padEnd(44)} ${String(r.ours.items).padStart(5)} ${String(r.ours.truePairs).padStart(6)}   ${fmt(r.ours)}   ${fmt(r.base)}${r.ours.precision >= r.base.precision && r.ours.recall >= r.base.recall ? '' : '   (not ahead on both)'}`);

// Our fixtures: the labelled set (hand-made + demo newswire), the newswire as ingested, the held-out sets.
const items = labelledSet();
const clusters = clusterItems(plain(items));
const { all, subsets } = metricsBySubset(items, clusters);
const ingested = ingestedNewswire();
const ingestedMetrics = pairMetrics(ingested, clusterItems(plain(ingested)));
console.log(`clusterItems vs the TF-IDF single pass (centroid cosine >= ${BASELINE_THRESHOLD}); pairwise precision / recall / F1\n`);
console.log(header);
const fixtureRows: Row[] = [
  { name: 'fixtures: labelled set (ALL)', ours: all, base: metricsBySubset(items, tfidfSinglePass(plain(items))).all },
  compare('fixtures: newswire as ingested', [ingested]),
  compare('fixtures: held-out alone', [heldOutItems]),
  compare('fixtures: held-out-2 alone', [heldOut2Items]),
  compare('fixtures: held-out-3 alone (report only)', [heldOut3Items]),
  // Read once at a session's start and once at its end; tuning runs (--dev) leave it out.
  ...(devOnly ? [] : [compare('fixtures: held-out-4 alone (report only)', [heldOut4Items])]),
  compare('fixtures: dev-styles alone (for tuning)', [devStylesItems]),
];
fixtureRows.forEach(print);

/** NeuS events whose reports fill the background window around our fixtures (about 900 items). */
const BACKGROUND_EVENTS = 300;

/** NeuS events' reports spread over the fixtures' 72 hours (before EVAL_NOW), each outlet under its own name. */
function windowOf(events: readonly NeusEvent[]): LabelledItem[] {
  const rand = random(5);
  return events.flatMap((e) =>
    e.reports.map((r, k) => ({
      id: `neus:${e.index}:${k}`,
      publisher: `neus-outlet-${k}`,
      title: r.title,
      text: r.text,
      publishedAt: new Date(EVAL_NOW - rand() * 72 * 3_600_000).toISOString(),
      story: `neus:${e.index}`,
      subset: 'neus' as const,
    })),
  );
}

// Real news (NeuS), when present.
/** Days of the dev stream: the fit events at the held-out stream's density (491 events over 21 days). */
const DEV_STREAM_DAYS = 84;
const found = neusDir();
let neusRows: Row[] = [];
let windowRows: Row[] = [];
/** The window rows' clusterings (fixture items only), for `--verbose`. */
const windowRuns: [string, readonly LabelledItem[], string[][]][] = [];
if ('missing' in found) console.log(`\nreal news (NeuS) skipped: ${found.missing}`);
else {
  const events = loadNeus(found.dir);
  const held = events.filter(isHeldOut);
  const fit = events.filter((e) => !isHeldOut(e));
  const windows = (list: typeof events, size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, k) => windowStream(list.slice(k * size, (k + 1) * size), 36, k + 101));
  // Dev rows: the fit events, in windows as dense as the held-out ones and a stream of the held-out stream's density.
  const devRows = [
    compare(`NeuS dev (fit events): 36-h windows of 307`, windows(fit, 307)),
    compare(`NeuS dev (fit events): dated stream, ${DEV_STREAM_DAYS} days`, [datedStream(fit, DEV_STREAM_DAYS)]),
    compare(`NeuS dev (fit events): topic-dense windows`, topicWindows(fit, 300, 36, 201)),
  ];
  neusRows = devOnly
    ? devRows
    : [
        compare(`NeuS held-out fifth: ${held.length} events, 36-h windows of 307`, windows(held, 307)),
        compare(`NeuS held-out fifth: dated stream over 3 weeks`, [datedStream(held, 21)]),
        // One topic's events in one window (see topicWindows): harder than a random window, as a real news day is.
        compare(`NeuS held-out fifth: topic-dense windows`, topicWindows(held, 300, 36, 201)),
        compare(`NeuS all train events: dated stream, 10 weeks`, [datedStream(events, 70)]),
        ...devRows,
      ];
  console.log();
  neusRows.forEach(print);
  console.log(`(held-out fifth: event index a multiple of 5, never read by fit:cluster; the fit used the other ${fit.length} events)`);

  // Our fixtures as a production window holds them: among some 900 other items over the same 72 hours (real news
  // from the fit events), so words are as rare as in a newsroom's window, not as in a batch of 80.
  const background = windowOf(fit.slice(0, BACKGROUND_EVENTS));
  const embedded = (name: string, set: readonly LabelledItem[]) => {
    const ids = new Set(set.map((i) => i.id));
    const inside = (clusters: string[][]) => clusters.map((c) => c.filter((id) => ids.has(id))).filter((c) => c.length);
    const all = [...set, ...background];
    const ours = inside(clusterItems(plain(all)));
    windowRuns.push([name, set, ours]);
    return { name, ours: pairMetrics(set, ours), base: pairMetrics(set, inside(tfidfSinglePass(plain(all)))) };
  };
  windowRows = [
    embedded(`fixtures ALL in a window of +${background.length} real items`, items.filter((i) => !reportOnlySubsets.includes(i.subset))),
    embedded(`fixtures dev-styles in that window`, devStylesItems),
    ...(devOnly ? [] : [embedded(`fixtures held-out-3 in that window (report only)`, heldOut3Items), embedded(`fixtures held-out-4 in that window (report only)`, heldOut4Items)]),
  ];
  console.log('\nour fixtures inside a 72-hour window of real news (pairs among the fixture items only):');
  windowRows.forEach(print);
}

console.log('\nfixture subsets (ours):');
for (const [name, m] of Object.entries(subsets).sort()) console.log(`  ${name.padEnd(16)} ${String(m!.items).padStart(4)} items  ${fmt(m!)}`);
if (reportOnlySubsets.length) console.log(`  (ALL leaves out ${reportOnlySubsets.join(', ')})`);

// Timing: the labelled set, and a 500-item batch made of repeated, re-timed copies of it.
const input = plain(items);
const time = (batch: typeof input, runs: number) => {
  clusterItems(batch);
  const start = performance.now();
  for (let i = 0; i < runs; i++) clusterItems(batch);
  return (performance.now() - start) / runs;
};
const big = clusterBatch(500, 96);
console.log(`\ntiming: ${time(input, 20).toFixed(2)} ms for ${input.length} items, ${time(big, 10).toFixed(2)} ms for ${big.length} items`);

const newswireOk = [subsets.newswire!, ingestedMetrics].every((m) => m.precision === 1 && m.recall >= 0.95);
// The CI floors of test/pipeline/cluster.eval.test.ts (see there).
const fixtureTargets = all.precision >= 0.92 && all.recall >= 0.88 && newswireOk;
console.log(`fixture targets (precision >= 0.92, recall >= 0.88; newswire precision 1, recall >= 0.95): ${fixtureTargets ? 'met' : 'NOT met'}`);
if (neusRows.length) {
  for (const row of devOnly ? neusRows : neusRows.slice(0, 3)) {
    const met = row.ours.precision >= 0.97 && row.ours.recall >= 0.8;
    console.log(`real-news targets (precision >= 0.97, recall >= 0.80) on ${row.name}: ${met ? 'met' : 'NOT met'}`);
  }
  const ahead = [...fixtureRows, ...neusRows, ...windowRows].filter((r) => !(r.ours.precision >= r.base.precision && r.ours.recall >= r.base.recall)).map((r) => r.name);
  console.log(`ahead of the TF-IDF baseline on precision and recall on every set: ${ahead.length ? `no (${ahead.join('; ')})` : 'yes'}`);
}
if (verbose || !fixtureTargets) {
  const runs: [string, readonly LabelledItem[], string[][]][] = [
    ['labelled set', items, clusters],
    ['newswire alone', ingested, clusterItems(plain(ingested))],
    ['dev-styles alone', devStylesItems, clusterItems(plain(devStylesItems))],
    ...windowRuns,
  ];
  for (const [name, set, got] of runs) {
    const { falseMerges, misses } = pairErrors(set, got);
    console.log(`\n${name}: false merges (${falseMerges.length}):\n  ${falseMerges.join('\n  ')}`);
    console.log(`${name}: missed pairs (${misses.length}):\n  ${misses.join('\n  ')}`);
  }
}
process.exitCode = fixtureTargets ? 0 : 1;
