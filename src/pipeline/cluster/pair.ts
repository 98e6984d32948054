/**
 * Pair features and the learned same-event probability. The lexical features are weighed by a
 * logistic regression fitted on real labelled news (`npm run fit:cluster`, weights in ./weights.ts);
 * the time gap and the embedding cosine enter as documented priors (no dated or embedded training data).
 */
import { eventRelation } from './events';
import { labelsConflict } from './figures';
import { holds, parties, RARE_NAME_IDF, rareOutsider, type Parties } from './parties';
import { unitOf, type Signals } from './signals';
import { MODEL } from './weights';

/** Documents assumed besides the batch when judging rarity (see Corpus.use). */
const PRIOR_DOCUMENTS = 200;

/**
 * Document frequencies over the items a run can see (the window), so rarity is judged in context.
 * Each term and name is one `Term` record, counted as items are added and numbered on first use,
 * so an item's words are looked up by string once (in `add`), not again for each vector.
 */
export class Corpus {
  n = 0;
  /** Terms and names apart (one word may be both), without building a prefixed key per lookup. */
  private readonly info = new Map<string, Term>();
  private readonly nameInfo = new Map<string, Term>();
  /** Each added item's body terms (in its body map's order) and names (in its set's order). */
  private readonly read = new Map<Signals, { body: Term[]; names: Term[] }>();
  /** The terms and names in use, by id. */
  readonly byId: Term[] = [];

  add(s: Signals): void {
    this.n++;
    const body: Term[] = [];
    const names: Term[] = [];
    for (const t of s.body.keys()) body.push(this.count(this.info, t));
    for (const name of s.names) names.push(this.count(this.nameInfo, name));
    this.read.set(s, { body, names });
  }

  /** The record of a term or name, made (unnumbered, in no item yet) when new. */
  private record(map: Map<string, Term>, key: string): Term {
    let t = map.get(key);
    if (!t) map.set(key, (t = { id: -1, idf: 0, df: 0 }));
    return t;
  }

  private count(map: Map<string, Term>, key: string): Term {
    const t = this.record(map, key);
    t.df++;
    return t;
  }

  /**
   * Gives a term its id and idf on first use (after every item is added). The idf is smoothed with
   * PRIOR_DOCUMENTS that hold none of the batch's words, so a term's weight means about the same in
   * a batch of three items and in a window of thousands (the model was fitted on windows).
   */
  use(t: Term): Term {
    if (t.id < 0) {
      t.id = this.byId.length;
      t.idf = Math.log((this.n + PRIOR_DOCUMENTS) / (t.df + 0.5));
      this.byId.push(t);
    }
    return t;
  }

  /** A term's (or, with `name`, a name's) id, idf and document frequency, computed once per window. */
  term(key: string, name = false): Term {
    return this.use(this.record(name ? this.nameInfo : this.info, key));
  }

  /** An added item's body terms and names, in order (looked up again for an item never added). */
  termsOf(s: Signals): { body: Term[]; names: Term[] } {
    return this.read.get(s) ?? { body: [...s.body.keys()].map((t) => this.record(this.info, t)), names: [...s.names].map((n) => this.record(this.nameInfo, n)) };
  }
}

export interface Term {
  id: number;
  idf: number;
  df: number;
}

/** A sparse vector: ascending ids and their weights. */
export interface Sparse {
  ids: number[];
  w: number[];
  norm: number;
}

/** An item's TF-IDF vectors under a corpus, computed once the corpus holds the whole window. */
export interface Weighted extends Parties {
  s: Signals;
  title: Sparse;
  body: Sparse;
  /** Names with their idf (the norm field holds their sum). */
  names: Sparse;
  /** Name ids of the headline's subjects (Signals.subjects). */
  subjectIds: number[];
  /** The idf of each body term, in the order of body.ids. */
  bodyIdf: number[];
  /** Body term ids in the body map's order (headline terms first), for the blocking keys. */
  bodyOrder: number[];

}

/** The vector of terms with these counts: ids ascending, tf x idf weights, and the norm (summed in id order). */
function sparse(terms: readonly Term[], counts: readonly number[]): Sparse {
  const n = terms.length;
  const order: number[] = [];
  let sorted = true;
  for (let k = 0; k < n; k++) {
    order.push(k);
    if (k && terms[k]!.id < terms[k - 1]!.id) sorted = false;
  }
  // A new item's terms are mostly numbered in its own order: often nothing to sort.
  if (!sorted) order.sort((x, y) => terms[x]!.id - terms[y]!.id);
  // Plain arrays, not typed ones: thousands of short vectors a run, each typed array a separate buffer to allocate and free.
  const ids: number[] = [];
  const w: number[] = [];
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const t = terms[order[k]!]!;
    const v = counts[order[k]!]! * t.idf;
    ids.push(t.id);
    w.push(v);
    sum += v * v;
  }
  return { ids, w, norm: Math.sqrt(sum) };
}

export function weigh(s: Signals, corpus: Corpus): Weighted {
  const read = corpus.termsOf(s);
  // The body map holds the headline's terms first, in the headline map's order (see itemSignals).
  // Ids are given in first-use order: headline terms, names, subjects, then the rest of the body.
  const bodyKeys = s.body.keys();
  const titleTerms: Term[] = [];
  let k = 0;
  for (const t of s.title.keys()) titleTerms.push(bodyKeys.next().value === t ? corpus.use(read.body[k++]!) : corpus.term(t));
  const title = sparse(titleTerms, [...s.title.values()]);
  k = 0;
  const named: [number, number, string][] = [];
  for (const name of s.names) {
    const term = corpus.use(read.names[k++]!);
    named.push([term.id, term.idf, name]);
  }
  named.sort((x, y) => x[0] - y[0]);
  const names: Sparse = { ids: [], w: [], norm: 0 };
  for (k = 0; k < named.length; k++) {
    names.ids.push(named[k]![0]);
    names.w.push(named[k]![1]);
    names.norm += named[k]![1];
  }
  const subjectIds = s.subjects.map((name) => corpus.term(name, true).id);
  const bodyOrder: number[] = [];
  for (k = 0; k < read.body.length; k++) bodyOrder.push(corpus.use(read.body[k]!).id);
  const body = sparse(read.body, [...s.body.values()]);
  const bodyIdf: number[] = [];
  for (k = 0; k < body.ids.length; k++) bodyIdf.push(corpus.byId[body.ids[k]!]!.idf);
  return { s, title, body, names, subjectIds, bodyIdf, bodyOrder, ...parties(s, corpus, named) };
}

function dot(a: Sparse, b: Sparse): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) sum += a.w[i++]! * b.w[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

function cosine(a: Sparse, b: Sparse): number {
  return a.norm && b.norm ? dot(a, b) / (a.norm * b.norm) : 0;
}

/** Figures of one unit ("usd", "%", "refugee") with values on both sides and none in common: two outcomes. */
function figureConflict(a: ReadonlyMap<string, readonly string[]>, b: ReadonlyMap<string, readonly string[]>): boolean {
  if (!a.size || !b.size) return false;
  let conflict = false;
  for (const [unit, values] of a) {
    const other = b.get(unit);
    if (!other) continue;
    for (const v of values) if (other.includes(v)) return false;
    conflict = true;
  }
  return conflict;
}

/** Each weekday's bit with its neighbours' (a late-night event is dated a day apart by some reports). */
const nearDays = (bits: number) => {
  const spread = bits | (bits << 1) | (bits >> 1) | ((bits & 1) << 6) | ((bits >> 6) & 1);
  return spread & 0x7f;
};

/** Both items name weekdays and none of one's is within a day of the other's: two days, so two events. */
export function weekdaysApart(a: Signals, b: Signals): boolean {
  return a.weekdays !== 0 && b.weekdays !== 0 && (nearDays(a.weekdays) & b.weekdays) === 0;
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
  'headline_outsider_one',
  'headline_outsider_both',
  'headline_figure_conflict',
  'headline_unshared',
  'weekday_conflict',
  'headline_outsider_one_shared',
  'headline_outsider_both_shared',
  'shared_unique_words',
] as const;

/** True when a's headline names someone (a rare-enough name token) that b never mentions. */
function namesOutsider(a: Weighted, b: Weighted): boolean {
  for (const id of a.subjectIds) if (!holds(b.names.ids, id)) return true;
  return false;
}

/**
 * Idf from which a shared word or name is all but unique to the pair: in a dense 36-h window of ~900
 * items, one found in at most four of them. Two framings of one event share few words, but these.
 */
export const UNIQUE_IDF = 5.5;

/** Shared terms at least this heavy (tf x idf on both sides) count as rare terms. */
const RARE_TERM_WEIGHT = 3;

/**
 * Shared headline-and-lede terms: their cosine, how many are rare, their summed weight (not normalised
 * by length), and how many are all but unique to the pair (UNIQUE_IDF).
 */
function sharedTerms(a: Weighted, b: Weighted): [number, number, number, number] {
  let i = 0;
  let j = 0;
  let dotSum = 0;
  let rare = 0;
  let mass = 0;
  let unique = 0;
  const [ab, bb] = [a.body, b.body];
  const ai = ab.ids;
  const bi = bb.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) {
      if (a.bodyIdf[i]! >= UNIQUE_IDF) unique++;
      const v = ab.w[i++]!;
      const w = bb.w[j++]!;
      dotSum += v * w;
      const m = Math.min(v, w);
      mass += m;
      if (m >= RARE_TERM_WEIGHT) rare++;
    } else if (x < y) i++;
    else j++;
  }
  return [ab.norm && bb.norm ? dotSum / (ab.norm * bb.norm) : 0, rare, mass, unique];
}

function outsiders(a: Weighted, b: Weighted): [number, number] {
  const [ab, ba] = [namesOutsider(a, b), namesOutsider(b, a)];
  return [+(ab !== ba), +(ab && ba)];
}

function sharesFigure(a: Signals, b: Signals): boolean {
  for (const f of a.titleFigures) if (b.titleFigures.has(f) || b.figures.has(f)) return true;
  return false;
}

/**
 * A headline against the other item's headline and lede, in one merge: their cosine, and the share
 * of the headline's weight (tf-idf) on terms the other item never uses (what one reports that the other does not).
 */
function headlineAgainst(title: Sparse, body: Sparse): [cosine: number, unshared: number] {
  let j = 0;
  let dotSum = 0;
  let missing = 0;
  let total = 0;
  const bi = body.ids;
  for (let i = 0; i < title.ids.length; i++) {
    const x = title.ids[i]!;
    while (j < bi.length && bi[j]! < x) j++;
    const w = title.w[i]!;
    total += w;
    if (j < bi.length && bi[j] === x) dotSum += w * body.w[j]!;
    else missing += w;
  }
  return [title.norm && body.norm ? dotSum / (title.norm * body.norm) : 0, total ? missing / total : 0];
}

/** The lexical features of a pair (see FEATURES). */
export function pairFeatures(a: Weighted, b: Weighted): number[] {
  const [sa, sb] = [a.s, b.s];
  const [crossAB, unsharedAB] = headlineAgainst(a.title, b.body);
  const [crossBA, unsharedBA] = headlineAgainst(b.title, a.body);
  let i = 0;
  let j = 0;
  let sharedMass = 0;
  let rare = 0;
  let uniqueNames = 0;
  const an = a.names.ids;
  const bn = b.names.ids;
  while (i < an.length && j < bn.length) {
    const x = an[i]!;
    const y = bn[j]!;
    if (x === y) {
      const w = a.names.w[i]!;
      sharedMass += w;
      if (w >= RARE_NAME_IDF) rare++;
      if (w >= UNIQUE_IDF) uniqueNames++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  let figures = 0;
  for (const f of sa.figures) if (sb.figures.has(f)) figures++;
  const relation = eventRelation(sa.events, sb.events);
  const [body, rareTerms, termMass, uniqueTerms] = sharedTerms(a, b);
  const nameMass = a.names.norm + b.names.norm;
  const sharedRare = Math.min(rare, 3) / 3;
  const [outsiderOne, outsiderBoth] = outsiders(a, b);
  return [
    cosine(a.title, b.title),
    body,
    Math.max(crossAB, crossBA),
    // Lets the model bend: the first shared words say more than the last.
    Math.sqrt(body),
    nameMass ? (2 * sharedMass) / nameMass : 0,
    sharedRare,
    Math.min(rareTerms, 6) / 6,
    Math.min(termMass, 30) / 30,
    Math.min(figures, 2) / 2,
    +figureConflict(sa.units, sb.units),
    +(relation === 'same'),
    +(relation === 'conflict'),
    // Headlines about different parties ("fines Halcyon" / "fines Tessellate") are a sign of two events.
    outsiderOne,
    outsiderBoth,
    // "Jobless claims rose to 744,000" / "fell to 473,000": one measure, two outcomes, two events.
    +(sa.titleFigures.size > 0 && sb.titleFigures.size > 0 && !sharesFigure(sa, sb)),
    // What one headline reports that the other item never says ("diagnosed" / "ends treatment").
    Math.max(unsharedAB, unsharedBA),
    // "certified on Monday" / "announced a recount on Friday": reports of one event name one day.
    +weekdaysApart(sa, sb),
    // Left and right framings of one event headline different people ("Trump rips Corker" / "Corker
    // says White House should stay out") yet share the rare names of their texts: the outsider sign
    // weighs less then (both fitted as corrections, like the weekday conflict). Not when each headline
    // names a rare party the other item never mentions (two countries' parliaments passing acts of one
    // name): the shared names are then the kind of event, not its parties.
    outsiderOne * sharedRare,
    outsiderBoth && !(rareOutsider(a, b) && rareOutsider(b, a)) ? sharedRare : 0,
    // Words and names (up to 3) that hardly any other item uses: what two framings of one event still share.
    Math.min(uniqueTerms + uniqueNames, 3) / 3,
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
export const TIME_FREE_HOURS = 18;
export const TIME_SLOPE_PER_HOUR = 0.2;
/**
 * Reports of one event mostly come out within hours of each other: a pair published together gains
 * up to this logit, fading to nothing at TIME_CLOSE_HOURS apart (hand-set like the slope above).
 */
export const TIME_CLOSE_BONUS = 1;
export const TIME_CLOSE_HOURS = 12;

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

/** The full logit of a pair: lexical model plus the time priors (the bonus when close, the slope when far) and the semantic prior. */
export function pairLogit(a: Weighted, b: Weighted, model: PairModel = MODEL): number {
  let z = lexicalLogit(pairFeatures(a, b), model);
  const gapHours = Math.abs(a.s.time - b.s.time) / 3_600_000;
  z -= TIME_SLOPE_PER_HOUR * Math.max(0, gapHours - TIME_FREE_HOURS);
  z += TIME_CLOSE_BONUS * Math.max(0, 1 - gapHours / TIME_CLOSE_HOURS);
  if (a.s.vector && b.s.vector) z += SEMANTIC_WEIGHT * (dotVectors(a.s.vector, b.s.vector) - SEMANTIC_CENTRE);
  return z;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A code's name part and its hyphen-free spelling: "kite-3" -> ["kite", "kite3"], "g-7" -> ["g", "g7"]. */
function codeParts(code: string): [string, string] {
  const bare = code.replace(/-/g, '');
  return [bare.slice(0, bare.search(/\d/)), bare];
}

/**
 * Headline codes naming two versions of one thing ("Kite-3" / "Kite-4", "H100" / "H200"): the same
 * name part, no code in common. "G-7" is "G7", and "COVID-19" / "K-12" name two things, not two versions.
 */
function versionsConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (!a.size || !b.size) return false;
  const pa = [...a].map(codeParts);
  const pb = [...b].map(codeParts);
  if (pa.some(([, x]) => pb.some(([, y]) => x === y))) return false;
  return pa.some(([x]) => pb.some(([y]) => x === y));
}

/**
 * Contradictions no similarity outweighs: two rounds or quarters ("Series B" / "Series C"), two
 * product versions in the headlines ("Kite-3" / "Kite-4"), two values of one measure in the headlines.
 */
export function contradicts(a: Signals, b: Signals): boolean {
  return labelsConflict(a.labels, b.labels) || versionsConflict(a.codes, b.codes) || headlineFiguresConflict(a, b);
}

/** Significant digits of a number: 62500 -> 3, 94.5 -> 3, 1e12 -> 1. */
function significantDigits(v: number): number {
  return Math.max(1, String(Math.abs(v)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length);
}

/** The number of a figure key ("usd:2200000", "94.5%", "62500 refugee"). */
function figureValue(key: string): number {
  return Number(key.endsWith('%') ? key.slice(0, -1) : key.includes(':') ? key.slice(key.indexOf(':') + 1) : key.slice(0, key.indexOf(' ')));
}

/**
 * True when the figures hold f, or f to fewer or more digits: of one unit, and equal once the more
 * precise is rounded to the other's digits ("3.8 million" / "3.84 million", "$1 trillion" / "$1.2 trillion").
 */
function holdsRounded(figures: ReadonlySet<string>, [unit, f]: [string, string]): boolean {
  if (figures.has(f)) return true;
  const x = figureValue(f);
  for (const g of figures) {
    if (g.startsWith('n:') || unitOf(g) !== unit) continue;
    const y = figureValue(g);
    const digits = Math.min(significantDigits(x), significantDigits(y));
    if (Number(x.toPrecision(digits)) === Number(y.toPrecision(digits))) return true;
  }
  return false;
}

/**
 * Headlines that give one measure different values ("fined €3 million" / "fined €7 million",
 * "raises the cap to 62,500" / "keeps it at 15,000" with a unit): two outcomes, so two events.
 */
function headlineFiguresConflict(a: Signals, b: Signals): boolean {
  const [ua, ub] = [a.titleUnits, b.titleUnits];
  if (!ua.length || !ub.length) return false;
  if (ua.some((f) => holdsRounded(b.figures, f)) || ub.some((f) => holdsRounded(a.figures, f))) return false;
  return ua.some(([unit]) => ub.some(([other]) => other === unit));
}
