/**
 * Pair features and the learned same-event probability. The lexical features are weighed by a
 * logistic regression fitted on real labelled news (`npm run fit:cluster`, weights in ./weights.ts);
 * the time gap and the embedding cosine enter as documented priors (no dated or embedded training data).
 */
import { eventRelation } from './events';
import { labelsConflict } from './figures';
import type { Signals } from './signals';
import { MODEL } from './weights';

/** Document frequencies over the items a run can see (the window), so rarity is judged in context. */
export class Corpus {
  readonly df = new Map<string, number>();
  readonly nameDf = new Map<string, number>();
  n = 0;

  add(s: Signals): void {
    this.n++;
    for (const t of s.body.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    for (const name of s.names) this.nameDf.set(name, (this.nameDf.get(name) ?? 0) + 1);
  }

  /** Smoothed (+10 documents) so small batches still weigh rare words up. */
  idf(term: string): number {
    return Math.log((this.n + 10) / ((this.df.get(term) ?? 0) + 0.5));
  }

  nameIdf(name: string): number {
    return Math.log((this.n + 10) / ((this.nameDf.get(name) ?? 0) + 0.5));
  }
}

/** An item's TF-IDF vectors under a corpus, computed once the corpus holds the whole window. */
export interface Weighted {
  s: Signals;
  title: Map<string, number>;
  body: Map<string, number>;
  titleNorm: number;
  bodyNorm: number;
  /** Idf of each name, and their sum. */
  names: Map<string, number>;
  nameMass: number;
}

function tfidf(v: Map<string, number>, corpus: Corpus): [Map<string, number>, number] {
  const out = new Map<string, number>();
  let sum = 0;
  for (const [t, c] of v) {
    const w = c * corpus.idf(t);
    out.set(t, w);
    sum += w * w;
  }
  return [out, Math.sqrt(sum)];
}

export function weigh(s: Signals, corpus: Corpus): Weighted {
  const [title, titleNorm] = tfidf(s.title, corpus);
  const [body, bodyNorm] = tfidf(s.body, corpus);
  const names = new Map<string, number>();
  let nameMass = 0;
  for (const name of s.names) {
    const w = corpus.nameIdf(name);
    names.set(name, w);
    nameMass += w;
  }
  return { s, title, titleNorm, body, bodyNorm, names, nameMass };
}

function cosine(a: Map<string, number>, na: number, b: Map<string, number>, nb: number): number {
  if (!na || !nb) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v !== undefined) dot += w * v;
  }
  return dot / (na * nb);
}

/** Figures of one unit ("usd", "%", "refugee") with values on both sides and none in common: two outcomes. */
function figureConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const byUnit = (set: ReadonlySet<string>) => {
    const out = new Map<string, Set<string>>();
    for (const f of set) {
      if (f.startsWith('n:')) continue;
      const [unit, value] = f.endsWith('%') ? ['%', f] : f.includes(':') ? [f.slice(0, f.indexOf(':')), f] : [f.slice(f.indexOf(' ') + 1), f];
      const values = out.get(unit) ?? new Set<string>();
      values.add(value);
      out.set(unit, values);
    }
    return out;
  };
  const ua = byUnit(a);
  if (!ua.size) return false;
  const ub = byUnit(b);
  let conflict = false;
  for (const [unit, values] of ua) {
    const other = ub.get(unit);
    if (!other) continue;
    for (const v of values) if (other.has(v)) return false;
    conflict = true;
  }
  return conflict;
}

/** Feature names, in the order of `pairFeatures` and of the fitted weights. */
export const FEATURES = [
  'title_cosine',
  'body_cosine',
  'cross_cosine',
  'body_cosine_sqrt',
  'name_overlap',
  'shared_rare_names',
  'shared_rare_terms',
  'shared_term_mass',
  'shared_figures',
  'figure_conflict',
  'same_event_kind',
  'event_kind_conflict',
] as const;

/** Shared names at least this rare (idf) count as rare names. */
const RARE_NAME_IDF = 3;
/** Shared terms at least this heavy (tf x idf on both sides) count as rare terms. */
const RARE_TERM_WEIGHT = 3;

/** Shared headline-and-lede terms: how many are rare, and their summed weight (not normalised by length). */
function sharedTerms(a: Map<string, number>, b: Map<string, number>): [number, number] {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let rare = 0;
  let mass = 0;
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v === undefined) continue;
    const m = Math.min(w, v);
    mass += m;
    if (m >= RARE_TERM_WEIGHT) rare++;
  }
  return [rare, mass];
}

/** The lexical features of a pair (see FEATURES). */
export function pairFeatures(a: Weighted, b: Weighted): number[] {
  const [sa, sb] = [a.s, b.s];
  const cross = Math.max(cosine(a.title, a.titleNorm, b.body, b.bodyNorm), cosine(b.title, b.titleNorm, a.body, a.bodyNorm));
  let sharedMass = 0;
  let rare = 0;
  for (const [name, w] of a.names) {
    if (!b.names.has(name)) continue;
    sharedMass += w;
    if (w >= RARE_NAME_IDF) rare++;
  }
  let figures = 0;
  for (const f of sa.figures) if (sb.figures.has(f)) figures++;
  const relation = eventRelation(sa.events, sb.events);
  const [rareTerms, termMass] = sharedTerms(a.body, b.body);
  const body = cosine(a.body, a.bodyNorm, b.body, b.bodyNorm);
  return [
    cosine(a.title, a.titleNorm, b.title, b.titleNorm),
    body,
    cross,
    // Lets the model bend: the first shared words say more than the last.
    Math.sqrt(body),
    a.nameMass + b.nameMass ? (2 * sharedMass) / (a.nameMass + b.nameMass) : 0,
    Math.min(rare, 3) / 3,
    Math.min(rareTerms, 6) / 6,
    Math.min(termMass, 30) / 30,
    Math.min(figures, 2) / 2,
    +figureConflict(sa.figures, sb.figures),
    +(relation === 'same'),
    +(relation === 'conflict'),
  ];
}

/** A fitted model: one weight per feature of FEATURES, a bias, and the join thresholds. */
export interface PairModel {
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  joinMax: number;
  joinMean: number;
}

/** The fitted logit of "same event" for a pair's lexical features. */
export function lexicalLogit(features: readonly number[], model: PairModel = MODEL): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++) z += model.weights[i]! * features[i]!;
  return z;
}

/**
 * Time prior: reports of one event come out within a day of each other; the same kind of event on
 * another day (a second air strike, the end of a trial) is another event. Hand-set, not fitted:
 * the training data carries no dates.
 */
export const TIME_FREE_HOURS = 12;
export const TIME_SLOPE_PER_HOUR = 0.2;

/**
 * Semantic prior: cosine of two unit embeddings (bge-m3) above `SEMANTIC_CENTRE` raises the logit.
 * Hand-set from the model's typical cosines (same event ~0.8+, same topic ~0.6), not fitted offline.
 */
export const SEMANTIC_CENTRE = 0.65;
export const SEMANTIC_WEIGHT = 6;

export function dotVectors(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) dot += a[i]! * b[i]!;
  return dot;
}

/** The full logit of a pair: lexical model plus the time and semantic priors. */
export function pairLogit(a: Weighted, b: Weighted, model: PairModel = MODEL): number {
  let z = lexicalLogit(pairFeatures(a, b), model);
  const gapHours = Math.abs(a.s.time - b.s.time) / 3_600_000;
  z -= TIME_SLOPE_PER_HOUR * Math.max(0, gapHours - TIME_FREE_HOURS);
  if (a.s.vector && b.s.vector) z += SEMANTIC_WEIGHT * (dotVectors(a.s.vector, b.s.vector) - SEMANTIC_CENTRE);
  return z;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function disjoint(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (!a.size || !b.size) return false;
  for (const x of a) if (b.has(x)) return false;
  return true;
}

/**
 * Contradictions no similarity outweighs: two rounds or quarters ("Series B" / "Series C"), two
 * product versions in the headlines ("Kite-3" / "Kite-4"), two amounts of money and nothing else in common.
 */
export function contradicts(a: Signals, b: Signals): boolean {
  return labelsConflict(a.labels, b.labels) || disjoint(a.codes, b.codes);
}
