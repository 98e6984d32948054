/**
 * Same-event scores for the pairs of a batch, found through an inverted index so that only
 * items sharing a rare term or name are ever compared (no all-pairs pass over texts).
 */
import type { ItemFeatures } from './cluster-features';

export interface ScoreOptions {
  windowHours: number;
  minSimilarity: number;
  maxBlockShare: number;
}

/** Weight of term cosine vs entity overlap in a pair's score. */
const TERM_SHARE = 0.6;
/** Factor for a pair whose money amounts, or whose model/version codes, all disagree. */
const CONTRADICTION = 0.5;
/** Factor for the entity overlap of a pair that shares just one name. */
const ONE_NAME = 0.5;
/** The score of a pair with specific evidence of one event (see corroborated): enough to link. */
const CORROBORATED = 0.4;

interface Vec {
  keys: number[];
  weights: number[];
  byKey: Map<number, number>;
  norm: number;
}

/** Interns string keys to small integers and counts their document frequency. */
function intern(fs: ItemFeatures[]) {
  const ids = new Map<string, number>();
  const df: number[] = [];
  const id = (key: string) => {
    let k = ids.get(key);
    if (k === undefined) {
      k = df.length;
      ids.set(key, k);
      df.push(0);
    }
    return k;
  };
  const termKeys = fs.map((f) => [...f.terms.keys()].map(id));
  const entityKeys = fs.map((f) => [...f.entities].map((e) => id(`e:${e}`)));
  for (const keys of [...termKeys, ...entityKeys]) for (const k of keys) df[k]!++;
  return { termKeys, entityKeys, df, entityDf: (e: string) => df[ids.get(`e:${e}`) ?? -1] ?? 0 };
}

function disjoint(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (!a.size || !b.size) return false;
  for (const x of a) if (b.has(x)) return false;
  return true;
}

/**
 * Scores every pair that shares a rare key inside the time window.
 * IDF is computed over the batch, smoothed (+10 documents) so tiny batches still weigh rare words up.
 * @returns pair (i * n + j, i < j) -> score in [0, 1], only scores >= minSimilarity
 */
export function scorePairs(fs: ItemFeatures[], opts: ScoreOptions): Map<number, number> {
  const n = fs.length;
  const { termKeys, entityKeys, df, entityDf } = intern(fs);
  const idf = df.map((d) => Math.log((n + 10) / (d + 0.5)));
  const vec = (keys: number[], counts: number[]): Vec => {
    const weights = keys.map((k, i) => counts[i]! * idf[k]!);
    const byKey = new Map(keys.map((k, i) => [k, weights[i]!]));
    return { keys, weights, byKey, norm: Math.sqrt(weights.reduce((s, w) => s + w * w, 0)) };
  };
  const termVecs = fs.map((f, i) => vec(termKeys[i]!, [...f.terms.values()]));
  const entityVecs = fs.map((_, i) => vec(entityKeys[i]!, entityKeys[i]!.map(() => 1)));
  const entityTotals = entityVecs.map((v) => v.weights.reduce((s, w) => s + w, 0));

  // Postings of keys rare enough to propose a pair; a key in most items proposes nothing.
  const maxDf = Math.max(8, Math.floor(opts.maxBlockShare * n));
  const postings = new Map<number, number[]>();
  fs.forEach((_, i) => {
    for (const k of [...termKeys[i]!, ...entityKeys[i]!]) {
      if (df[k]! < 2 || df[k]! > maxDf) continue;
      const list = postings.get(k);
      if (list) list.push(i);
      else postings.set(k, [i]);
    }
  });

  const windowMs = opts.windowHours * 3_600_000;
  const dot = new Float64Array(n);
  const shared = new Float64Array(n);
  const sharedCount = new Uint16Array(n);
  const seen = new Uint8Array(n);
  const scores = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const touched: number[] = [];
    const accumulate = (v: Vec, into: Float64Array, product: boolean) => {
      v.keys.forEach((k, x) => {
        const list = postings.get(k);
        if (!list) return;
        const wi = v.weights[x]!;
        for (let y = upperBound(list, i); y < list.length; y++) {
          const j = list[y]!;
          if (fs[j]!.time - fs[i]!.time > windowMs) break; // lists are in time order
          if (!seen[j]) {
            seen[j] = 1;
            touched.push(j);
          }
          into[j] = into[j]! + (product ? wi * (termVecs[j]!.byKey.get(k) ?? 0) : wi);
          if (!product) sharedCount[j] = sharedCount[j]! + 1;
        }
      });
    };
    accumulate(termVecs[i]!, dot, true);
    accumulate(entityVecs[i]!, shared, false);
    const a = fs[i]!;
    for (const j of touched) {
      const b = fs[j]!;
      const cos = dot[j]! / (termVecs[i]!.norm * termVecs[j]!.norm || 1);
      const totals = entityTotals[i]! + entityTotals[j]!;
      // One shared name (usually the company) is weak evidence: the same outlet covers its every event.
      const ent = totals ? ((2 * shared[j]!) / totals) * (sharedCount[j]! >= 2 ? 1 : ONE_NAME) : 0;
      let score = TERM_SHARE * cos + (1 - TERM_SHARE) * ent;
      // Two different fines, two different model versions, or a release and a fine are two events.
      const contradictions = +disjoint(a.money, b.money) + +disjoint(a.codes, b.codes) + +disjoint(a.titleEvents, b.titleEvents);
      if (contradictions) score *= CONTRADICTION ** contradictions;
      else if (score < CORROBORATED && corroborated(a, b, (e) => entityDf(e) <= maxDf)) score = CORROBORATED;
      if (score >= opts.minSimilarity) scores.set(i * n + j, Math.min(1, score));
      dot[j] = 0;
      shared[j] = 0;
      sharedCount[j] = 0;
      seen[j] = 0;
    }
  }
  return scores;
}

/** True when `name` is `other` or holds it as whole words ("kite-3 mini" holds "kite-3"). */
function holds(name: string, other: string): boolean {
  return name === other || ` ${name} `.includes(` ${other} `);
}

/** A name the headline carries that the other item does not mention, not even inside a longer name. */
function unmatchedTitleName(a: ItemFeatures, b: ItemFeatures, rare: (e: string) => boolean): string | undefined {
  for (const name of a.titleNames) {
    if (!rare(name) && b.entities.has(name)) continue;
    if (![...b.entities].some((e) => holds(e, name))) return name;
  }
  return undefined;
}

/**
 * Specific evidence that two items report one event, beyond word overlap, checked only for
 * pairs with no contradiction (money, model codes, kinds of event):
 *  - the same product: a letter-digit name ("Wren-12B") in both headlines;
 *  - the same subject and the same kind of event: a rare name shared, one headline names it,
 *    and both headline-or-opening name the same kind of event, which one headline names;
 *  - the same subject and the same amount of money.
 * Guards: a longer product name on one side only ("Kite-3 Mini" against "Kite-3") is another
 * product, and two headlines that each name someone the other item never mentions ("fines
 * Halcyon" against "fines Tessellate") have different subjects.
 */
function corroborated(a: ItemFeatures, b: ItemFeatures, rare: (e: string) => boolean): boolean {
  const shared = [...a.entities].filter((e) => b.entities.has(e) && rare(e) && !/^(?:n:|[a-z]{3}:|\d)/.test(e));
  if (!shared.length) return false;
  for (const [x, y] of [[a, b], [b, a]] as const) {
    for (const name of x.titleNames) {
      if (shared.some((s) => s !== name && holds(name, s)) && !y.entities.has(name)) return false;
    }
  }
  if (unmatchedTitleName(a, b, rare) && unmatchedTitleName(b, a, rare)) return false;
  if (shared.some((e) => a.codes.has(e) && b.codes.has(e))) return true;
  const inTitle = shared.some((e) => a.titleNames.has(e) || b.titleNames.has(e));
  if (inTitle && [...a.events].some((k) => b.events.has(k) && (a.titleEvents.has(k) || b.titleEvents.has(k)))) return true;
  for (const m of a.money) if (b.money.has(m)) return true;
  return false;
}

/** First position in a sorted list holding a value greater than `value`. */
function upperBound(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

