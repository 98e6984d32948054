/**
 * `npm run fit:cluster`: fits the clusterer's pair model on real labelled news and writes
 * src/pipeline/cluster/weights.ts (feature names and numbers only, never publishers' text).
 *
 * Data: the NeuS train split (NEUS_DIR). The held-out fifth (event index a multiple of 5, see
 * neus-stream.ts) is never read here. The other events are cut into dense 36-hour windows of 300
 * events; in each, the pairs the blocking index proposes (hard negatives: same topic, other event)
 * and every pair of one event's reports are labelled, and a logistic regression is fitted with
 * plain gradient descent (the CORRECTIONS afterwards, on top of the others' logit). The join
 * thresholds are then chosen by clustering the same events as a dated stream over ten weeks
 * (same-topic events days apart, see neus-stream.ts) and as the dense windows: the highest mean
 * recall at pairwise precision >= 0.98 on the stream and >= 0.97 on the windows (a false merge
 * invents corroboration), keeping our demo newswire's stories apart (precision 1) and our own
 * labelled fixtures at precision >= 0.95.
 *
 * `FIT_WINDOWS=topic` (or `both`) draws the labelled pairs from topic-dense windows instead (or as
 * well; see topicWindows): tried 2026-12-06 and not kept (README, "Topic-dense windows"). The grid
 * prints the topic-dense windows' figures for every pair of bars either way.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ASSIGN_POLICY, signalsOf, StoryIndex } from '../../src/pipeline/cluster/assign';
import { FEATURES, pairFeatures, type PairModel } from '../../src/pipeline/cluster/pair';
import { clusterWith } from '../../src/pipeline/cluster/index';
import type { LabelledItem } from '../fixtures/cluster/labelled';
import { pairMetrics } from '../fixtures/cluster/metrics';
import { labelledSet } from '../fixtures/cluster/sets';
import { ingestedNewswire } from '../fixtures/cluster/ingested';
import { loadNeus, neusDir } from './neus';
import { datedStream, isHeldOut, topicWindows, windowStream } from './neus-stream';

const WINDOW_EVENTS = 300;
/** Features fitted after the others, as a correction with the others' logit fixed (see below). */
const CORRECTIONS = ['weekday_conflict', 'headline_outsider_one_shared', 'headline_outsider_both_shared'] as const;
const L2 = 1e-3;
const STEPS = 1500;
const RATE = 1;
/** Step size of the corrections' fit: a raw 0/1 feature, rarely 1, moves slower than a standardised one. */
const CORRECTION_RATE = 10;
/** Weeks the fit events' dated stream spans (the thresholds are chosen on it). */
const STREAM_DAYS = 70;
/** Pairwise precision the thresholds must keep on the fit events (a false merge invents corroboration). */
const PRECISION_FLOOR = 0.98;
/**
 * The dense windows' floor: issue 9's real-news precision target. Same-topic events months apart share
 * a window there, so they cost precision that the dated stream does not.
 */
const WINDOW_PRECISION_FLOOR = 0.97;
/**
 * Precision the thresholds must keep on our own labelled fixtures (hand-made same-company hard
 * negatives NeuS has none of): a looser threshold that NeuS rewards merges them.
 */
const FIXTURE_PRECISION_FLOOR = 0.95;
/**
 * Candidates per item the hard negatives are drawn from. Pinned, not read from the production policy
 * (which proposes more, see assign.ts), so the committed weights are what a refit reproduces.
 */
const FIT_CANDIDATES = 10;
/**
 * Lowest best-pair threshold tried. Since the exchange pass (assign.ts) the fit windows keep precision
 * >= 0.97 down to joinMax 0.3, which this search would then choose (fit windows P 0.979 -> 0.978, R 0.811 ->
 * 0.820), but at 0.3 our labelled fixtures clustered in one batch lose P 0.960 -> 0.913 and R 0.916 -> 0.885
 * (eval:cluster, "labelled set (ALL)"; 0.945 -> 0.913 and 0.902 -> 0.885 before the exchange pass): a bar set from them.
 */
const MIN_JOIN_MAX = 0.35;

const found = neusDir();
if ('missing' in found) {
  console.log(`fit:cluster needs the NeuS train split: ${found.missing}`);
  process.exit(1);
}
const events = loadNeus(found.dir).filter((e) => !isHeldOut(e));
const windows: LabelledItem[][] = [];
for (let k = 0; k < events.length; k += WINDOW_EVENTS) windows.push(windowStream(events.slice(k, k + WINDOW_EVENTS), 36, k + 1));
const topical = topicWindows(events, WINDOW_EVENTS, 36, 201);
const mode = process.env.FIT_WINDOWS ?? 'plain';
const fitWindows = mode === 'topic' ? topical : mode === 'both' ? [...windows, ...topical] : windows;

// Labelled pairs: what the blocking proposes, plus every pair of one event (found by blocking or not).
const X: number[][] = [];
const y: number[] = [];
for (const items of fitWindows) {
  const all = signalsOf(items);
  const index = new StoryIndex({ ...DEFAULT_ASSIGN_POLICY, candidates: FIT_CANDIDATES });
  index.load(all);
  const storyOf = new Map(items.map((i) => [i.id, i.story]));
  const pairs = new Set<number>();
  const n = all.length;
  all.forEach((_, i) => {
    // Every outlet's: an outlet's own same-topic items are hard negatives too (the model must tell them apart).
    for (const j of index.candidates(i, true)) pairs.add(Math.min(i, j) * n + Math.max(i, j));
    index.index(i);
  });
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (storyOf.get(all[i]!.item.id) === storyOf.get(all[j]!.item.id)) pairs.add(i * n + j);
  for (const pair of pairs) {
    const [i, j] = [Math.floor(pair / n), pair % n];
    X.push(pairFeatures(index.items[i]!, index.items[j]!));
    y.push(+(storyOf.get(all[i]!.item.id) === storyOf.get(all[j]!.item.id)));
  }
}
const positives = y.filter(Boolean).length;
console.log(`${events.length} fit events in ${windows.length} windows; ${X.length} labelled pairs (${positives} same event, ${X.length - positives} different)`);

// Standardised features, class-balanced logistic loss, full-batch gradient descent. The corrections
// (CORRECTIONS) are left out of this fit and fitted after it, on their own, with the fitted logit as an
// offset (raw units, no new bias): fitted jointly, the weekday conflict explains away many negatives and
// re-centres the bias upward for every pair without a weekday, which merges the same-company hard
// negatives NeuS has no examples of (our fixtures). The outsider-with-shared-names corrections are
// fitted so too: they only soften the outsider weights the first fit found, and must not move the rest.
const d = FEATURES.length;
const corrections = FEATURES.map((f) => (CORRECTIONS as readonly string[]).includes(f));
const mean = Array.from({ length: d }, (_, f) => X.reduce((s, x) => s + x[f]!, 0) / X.length);
const sd = Array.from({ length: d }, (_, f) => Math.sqrt(X.reduce((s, x) => s + (x[f]! - mean[f]!) ** 2, 0) / X.length) || 1);
const Z = X.map((x) => x.map((v, f) => (corrections[f] ? 0 : (v - mean[f]!) / sd[f]!)));
const weightOf = [(X.length / 2) / (X.length - positives), (X.length / 2) / positives];
let w = new Array<number>(d).fill(0);
let b = 0;
for (let step = 0; step < STEPS; step++) {
  const gw = new Array<number>(d).fill(0);
  let gb = 0;
  let total = 0;
  for (let r = 0; r < Z.length; r++) {
    const z = Z[r]!;
    let s = b;
    for (let f = 0; f < d; f++) s += w[f]! * z[f]!;
    const err = (1 / (1 + Math.exp(-s)) - y[r]!) * weightOf[y[r]!]!;
    for (let f = 0; f < d; f++) gw[f]! += err * z[f]!;
    gb += err;
    total += weightOf[y[r]!]!;
  }
  w = w.map((v, f) => v - RATE * (gw[f]! / total + L2 * v));
  b -= RATE * (gb / total);
}
// Back to raw feature units; the class balancing is undone in the bias so probabilities are calibrated to the pairs' mix.
const weights = w.map((v, f) => v / sd[f]!);
const bias = b - w.reduce((s, v, f) => s + (v * mean[f]!) / sd[f]!, 0) + Math.log(positives / (X.length - positives));
// The corrections, in raw units on top of the fitted (class-balanced) logit.
const offset = Z.map((z) => z.reduce((s, v, f) => s + w[f]! * v, b));
const c = new Array<number>(d).fill(0);
for (let step = 0; step < STEPS; step++) {
  const gc = new Array<number>(d).fill(0);
  let total = 0;
  for (let r = 0; r < X.length; r++) {
    const x = X[r]!;
    let s = offset[r]!;
    for (let f = 0; f < d; f++) if (corrections[f]) s += c[f]! * x[f]!;
    const err = (1 / (1 + Math.exp(-s)) - y[r]!) * weightOf[y[r]!]!;
    for (let f = 0; f < d; f++) if (corrections[f]) gc[f]! += err * x[f]!;
    total += weightOf[y[r]!]!;
  }
  for (let f = 0; f < d; f++) if (corrections[f]) c[f]! -= CORRECTION_RATE * (gc[f]! / total + L2 * c[f]!);
}
for (let f = 0; f < d; f++) if (corrections[f]) weights[f] = c[f]!;
const round = (v: number) => Math.round(v * 1000) / 1000;
console.log('weights:', Object.fromEntries(FEATURES.map((f, i) => [f, round(weights[i]!)])), 'bias', round(bias));

// Join thresholds: the best recall at the precision floor, on the fit events' dated stream and on their
// dense 36-hour windows alike (time helps in the one, not in the other): the mean recall of the two is
// maximised while each keeps its precision at the floor.
const stream = datedStream(events, STREAM_DAYS);
// Our demo newswire, as ingested: the stories the end-to-end test publishes, so no threshold may merge two of them.
const newswire = ingestedNewswire();
const fixtures = labelledSet({ heldOut: false, heldOut2: false, heldOut3: false });
const base: PairModel = { features: FEATURES, weights: weights.map(round), bias: round(bias), joinMax: 0.5, joinMean: 0.3 };
const pooledMetrics = (sets: LabelledItem[][], model: PairModel) => {
  let [truePairs, predicted, correct] = [0, 0, 0];
  for (const set of sets) {
    const m = pairMetrics(set, clusterWith(set, {}, undefined, model));
    [truePairs, predicted, correct] = [truePairs + m.truePairs, predicted + m.predictedPairs, correct + m.correctPairs];
  }
  return { precision: predicted ? correct / predicted : 1, recall: truePairs ? correct / truePairs : 1 };
};
let best: { joinMax: number; joinMean: number; precision: number; recall: number; windowPrecision: number; windowRecall: number } | undefined;
for (const joinMax of [0.25, 0.3, 0.35, 0.4].filter((v) => v >= MIN_JOIN_MAX)) {
  for (const joinMean of [0.2, 0.25, 0.3, 0.35, 0.4]) {
    if (joinMean > joinMax) continue;
    const model = { ...base, joinMax, joinMean };
    const { precision, recall } = pooledMetrics([stream], model);
    const w = pooledMetrics(windows, model);
    const t = pooledMetrics(topical, model);
    const demo = pairMetrics(newswire, clusterWith(newswire, {}, undefined, model)).precision;
    const own = pairMetrics(fixtures, clusterWith(fixtures, {}, undefined, model)).precision;
    console.log(`joinMax ${joinMax} joinMean ${joinMean}: stream P ${precision.toFixed(3)} R ${recall.toFixed(3)}; windows P ${w.precision.toFixed(3)} R ${w.recall.toFixed(3)}; topic windows P ${t.precision.toFixed(3)} R ${t.recall.toFixed(3)}; demo newswire P ${demo.toFixed(3)}; fixtures P ${own.toFixed(3)}`);
    const ok = precision >= PRECISION_FLOOR && w.precision >= WINDOW_PRECISION_FLOOR && demo === 1 && own >= FIXTURE_PRECISION_FLOOR;
    if (ok && (!best || recall + w.recall > best.recall + best.windowRecall)) best = { joinMax, joinMean, precision, recall, windowPrecision: w.precision, windowRecall: w.recall };
  }
}
if (!best) throw new Error(`no thresholds reach precision ${PRECISION_FLOOR} on the fit windows`);
console.log(`chosen: joinMax ${best.joinMax}, joinMean ${best.joinMean} (fit stream: P ${best.precision.toFixed(3)} R ${best.recall.toFixed(3)}; fit windows: P ${best.windowPrecision.toFixed(3)} R ${best.windowRecall.toFixed(3)})`);

const file = fileURLToPath(new URL('../../src/pipeline/cluster/weights.ts', import.meta.url));
writeFileSync(
  file,
  `/**
 * Fitted by \`npm run fit:cluster\` (test/eval/fit-cluster.ts) on ${events.length} NeuS train events (the held-out
 * fifth left out): ${X.length} labelled pairs. Numbers and feature names only; no publishers' text.
 */
export const MODEL = {
  features: ${JSON.stringify(FEATURES)},
  weights: ${JSON.stringify(base.weights)},
  bias: ${base.bias},
  /** An item joins a story when its best pair and its mean pair with the story's members reach these probabilities. */
  joinMax: ${best.joinMax},
  joinMean: ${best.joinMean},
} as const;
`,
);
console.log(`wrote ${file}`);
