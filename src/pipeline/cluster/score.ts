/**
 * Same-event scores for the pairs of a batch, found through an inverted index so that only
 * items sharing a rare term or name are ever compared (no all-pairs pass over texts).
 */
import { eventRelation } from './events';
import { labelsConflict } from './figures';
import type { ItemFeatures } from './features';

export interface ScoreOptions {
  windowHours: number;
  minSimilarity: number;
  maxBlockShare: number;
}

/** Weight of term cosine vs entity overlap in a pair's score. */
const TERM_SHARE = 0.6;
/** Factor for each contradiction of a pair: money amounts, model/version codes, labels or kinds of event that all disagree. */
const CONTRADICTION = 0.5;
/** Factor for the entity overlap of a pair that shares just one name. */
const ONE_NAME = 0.5;
/** Entity keys that are figures, not names: "n:120", "eur:2500000", "120 job". */
const NOT_A_NAME = /^(?:n:|[a-z]{3}:|\d)/;
/** Items further apart than this that share only their subject are treated as two events. */
const SUBJECT_ONLY_GAP_MS = 12 * 3_600_000;
/** The score of a pair with specific evidence of one event (see corroborated): enough to link. */
const CORROBORATED = 0.4;

export interface PairScores {
  scores: Map<number, number>;
  conflicts: Set<number>;
}

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
 * @returns `scores`: pair (i * n + j, i < j) -> score in [0, 1], only scores >= minSimilarity;
 *   `conflicts`: the compared pairs with a contradiction (different subjects, amounts, codes, labels
 *   or kinds of event), which must never end up in one story
 */
export function scorePairs(fs: ItemFeatures[], opts: ScoreOptions): PairScores {
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

  // Each item's names and figures rare enough to count as evidence (the same bar as proposing a pair).
  const rareNames = fs.map((f) => new Set([...f.entities].filter((e) => entityDf(e) <= maxDf)));
  const windowMs = opts.windowHours * 3_600_000;
  const dot = new Float64Array(n);
  const shared = new Float64Array(n);
  const sharedCount = new Uint16Array(n);
  const seen = new Uint8Array(n);
  const scores = new Map<number, number>();
  const conflicts = new Set<number>();
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
      const [dotJ, sharedJ, countJ] = [dot[j]!, shared[j]!, sharedCount[j]!];
      dot[j] = shared[j] = sharedCount[j] = seen[j] = 0;
      const b = fs[j]!;
      const cos = dotJ / (termVecs[i]!.norm * termVecs[j]!.norm || 1);
      const totals = entityTotals[i]! + entityTotals[j]!;
      // One shared name (usually the company) is weak evidence: the same outlet covers its every event.
      const ent = totals ? ((2 * sharedJ) / totals) * (countJ >= 2 ? 1 : ONE_NAME) : 0;
      let score = TERM_SHARE * cos + (1 - TERM_SHARE) * ent;
      // No rare name in common means no evidence to add, and contradictions only lower a score.
      if (!countJ && score < opts.minSimilarity) continue;
      // Two different fines, model versions or funding rounds, or a release and a fine, are two events.
      const contradictions =
        +disjoint(a.money, b.money) + +disjoint(a.codes, b.codes) + +labelsConflict(a.labels, b.labels) + +kindsConflict(a, b);
      const evidence = contradictions || !countJ ? 'none' : corroboration(a, b, rareNames[i]!, rareNames[j]!);
      score *= CONTRADICTION ** contradictions;
      const different = differentSubjects(a, b) || coversTooLittle(a, b) || coversTooLittle(b, a);
      if (contradictions || different) conflicts.add(i * n + j);
      if (score < opts.minSimilarity && evidence !== 'one-event') continue; // nothing below can raise it
      // Headlines about different parties are the strongest sign of two events: it counts twice.
      if (different) score *= CONTRADICTION ** 2;
      else if (evidence === 'one-event') score = Math.max(score, CORROBORATED);
      // Sharing only who it is about, with no kind of event in common: an interview is not the news it follows.
      else if (evidence === 'subject-only' || unsharedSubject(a, b)) score *= ONE_NAME;
      if (score >= opts.minSimilarity) scores.set(i * n + j, Math.min(1, score));
    }
  }
  return { scores, conflicts };
}

/**
 * Words that many organisations' names share ("Velmora Institute", "Lindqvist Institute"): a name
 * matches another in part only on a word that identifies it, never on one of these.
 */
const GENERIC_NAME_WORDS = new Set(
  ('institute institution university college school academy foundation labs laboratory laboratories group ' +
    'bank agency ministry department council commission committee authority office board bureau association ' +
    'society federation union centre center corporation corp company holdings partners capital ventures ' +
    'systems technologies technology tech networks network solutions services industries international global ' +
    'research trust fund court party league alliance consortium cooperative media studios national federal ' +
    'royal state city regional european health hospital clinic insurance energy motors airlines airways ' +
    'pharmaceuticals pharma therapeutics biotech robotics software digital data cloud security financial')
    .split(' '),
);

/** A word of a name that can identify its owner: long enough ("halcyon", not "ai") and not generic ("institute"). */
function identifying(word: string): boolean {
  return word.length >= 4 && !GENERIC_NAME_WORDS.has(word);
}

/**
 * True when two items name different kinds of event. A kind that is an attribute of another (the
 * price of a release) agrees with it only when each headline names nothing the other item never
 * mentions: "Lumen 2 costs $3" is about the Lumen 2 launch, "Halcyon cuts prices of older models" is not.
 */
function kindsConflict(a: ItemFeatures, b: ItemFeatures): boolean {
  const relation = eventRelation(a.events, b.events);
  return relation === 'conflict' || (relation === 'compatible' && (namesAnOutsider(a, b) || namesAnOutsider(b, a)));
}

/** Words of an item's names that can identify someone (see identifying). */
const nameWordCache = new WeakMap<ItemFeatures, Set<string>>();
function nameWords(f: ItemFeatures): Set<string> {
  let out = nameWordCache.get(f);
  if (!out) {
    out = new Set<string>();
    for (const e of f.entities) if (!NOT_A_NAME.test(e)) for (const w of e.split(/[\s-]+/)) if (identifying(w)) out.add(w);
    nameWordCache.set(f, out);
  }
  return out;
}

/** True when the headline names someone the other item never mentions, not even in part. */
function namesAnOutsider(a: ItemFeatures, b: ItemFeatures): boolean {
  const known = nameWords(b);
  for (const name of a.titleNames) {
    if (b.entities.has(name)) continue;
    const ws = name.split(/[\s-]+/).filter(identifying);
    if (ws.length && !ws.some((w) => known.has(w))) return true;
  }
  return false;
}

/**
 * True when one headline is about someone the other item never mentions and the two name no kind
 * of event in common: a regulator's annual report shares the regulator with its fines, not their event.
 */
function unsharedSubject(a: ItemFeatures, b: ItemFeatures): boolean {
  if (!a.events.size && !b.events.size) return false;
  for (const k of a.events) if (b.events.has(k)) return false;
  return namesAnOutsider(a, b) || namesAnOutsider(b, a);
}

/** Headline names at which a headline is about several subjects (a weekly roundup, a briefing). */
const MANY_SUBJECTS = 3;

/**
 * True when `a` is a multi-topic item (its headline names several distinct subjects) and `b`
 * knows at most half of them: a roundup that mentions one story among others is not that story.
 */
function coversTooLittle(a: ItemFeatures, b: ItemFeatures): boolean {
  const subjects = [...a.titleNames].filter((name) => !NOT_A_NAME.test(name) && name.split(/[\s-]+/).some(identifying));
  if (subjects.length < MANY_SUBJECTS) return false;
  const known = nameWords(b);
  const covered = subjects.filter((name) => b.entities.has(name) || name.split(/[\s-]+/).some((w) => identifying(w) && known.has(w)));
  return covered.length * 2 <= subjects.length;
}

/**
 * True when the headlines are about different things: one names a longer product name than
 * the other item knows ("Kite-3 Mini" against "Kite-3"), or each names someone the other item
 * never mentions ("fines Halcyon" against "fines Tessellate").
 */
function differentSubjects(a: ItemFeatures, b: ItemFeatures): boolean {
  for (const [x, y] of [[a, b], [b, a]] as const) {
    for (const name of x.titleNames) {
      if (y.entities.has(name)) continue;
      // Only a name that continues the product's ("Kite-3 Mini"), not its maker's prefix ("Pallas P9").
      for (const code of x.codes) if (name.startsWith(`${code} `) && y.entities.has(code)) return true;
    }
  }
  return namesAnOutsider(a, b) && namesAnOutsider(b, a);
}

/**
 * What two items without a contradiction (money, model codes, kinds of event) have in common
 * beyond word overlap. `one-event` when they share a rare name and
 *  - the same product: a letter-digit name ("Wren-12B") in both headlines;
 *  - or the same kind of event, named by one headline and by the other's headline or opening,
 *    with a shared name in one headline;
 *  - or the same amount of money, with one kind of event in common or, failing that, with neither
 *    headline naming someone the other item never mentions.
 * `subject-only` when one rare name or figure is all they share, with no kind of event in
 * common, and they are far apart in time.
 */
function corroboration(a: ItemFeatures, b: ItemFeatures, rareA: Set<string>, rareB: Set<string>): 'one-event' | 'subject-only' | 'none' {
  const [small, large] = rareA.size <= rareB.size ? [rareA, rareB] : [rareB, rareA];
  const common: string[] = [];
  for (const e of small) if (large.has(e)) common.push(e);
  const shared = common.filter((e) => !NOT_A_NAME.test(e));
  if (!shared.length) return 'none';
  const sameKind = [...a.events].filter((k) => b.events.has(k));
  const sameMoney = [...a.money].some((m) => b.money.has(m));
  if (common.length === 1 && !sameKind.length && Math.abs(a.time - b.time) > SUBJECT_ONLY_GAP_MS) return 'subject-only';
  if (shared.some((e) => a.codes.has(e) && b.codes.has(e))) return 'one-event';
  const inTitle = shared.some((e) => a.titleNames.has(e) || b.titleNames.has(e));
  // One shared place or company and one kind of event is common; two shared names or figures are not.
  if (inTitle && common.length >= 2 && sameKind.some((k) => a.titleEvents.has(k) || b.titleEvents.has(k))) return 'one-event';
  // An amount is the event's when the items name one kind of event or the headlines the same parties:
  // a story about others that recalls "the $40m it raised" repeats a figure, not the event.
  if (!sameMoney) return 'none';
  return sameKind.length || (!namesAnOutsider(a, b) && !namesAnOutsider(b, a)) ? 'one-event' : 'none';
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

