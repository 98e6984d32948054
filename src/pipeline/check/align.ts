/**
 * Evidence alignment: which source sentences support a sentence of the draft. A source sentence
 * scores the share of the draft sentence's content words it holds, each word weighted by its
 * rarity across the story's source sentences (idf) — the overlap measure of extractive
 * summarisation evaluation (e.g. ROUGE-1 recall with idf weights), found through the postings.
 */
import { attributionWords, type CheckContext, type IndexedSource, poolInfo, type SourceSentence } from './context';
import { type DraftSentence, sentenceTokens } from './passages';

/** A source sentence and the idf-weighted share (0..1) of the draft sentence's content words it holds. */
export interface Alignment {
  id: number;
  sentence: SourceSentence;
  score: number;
}

/** Raw overlap of a draft sentence with every source sentence: idf sums by sentence id, the ids that share a word, and the draft's total. */
export interface Overlap {
  /** Sums by sentence id, in an array rather than a Map: every shared word of every draft sentence adds to it. */
  raw: Float64Array;
  /** Ids of the sentences that share a word (a word of weight 0 counts), in the order first reached. */
  ids: number[];
  total: number;
  weights: Map<string, number>;
}

function overlap(ctx: CheckContext, sentence: DraftSentence): Overlap {
  if (sentence.overlap) return sentence.overlap;
  const raw = new Float64Array(ctx.sentences.length);
  const { reached } = scratch(ctx);
  const ids: number[] = [];
  const weights = new Map<string, number>();
  let total = 0;
  const credit = attributionWords(ctx);
  for (const t of sentenceTokens(sentence)) {
    // An answer's question (the lead, at negative offsets) is context, not a claim a source must support;
    // "…, the Coastal Herald said" credits one of our sources and is no claim either.
    if (t.start < 0 || weights.has(t.w) || credit.has(t.w)) continue;
    const weight = Math.max(0, ctx.idf(t.w));
    weights.set(t.w, weight);
    total += weight;
    for (const id of ctx.postings.get(t.w) ?? []) {
      if (!reached[id]) {
        reached[id] = 1;
        ids.push(id);
      }
      raw[id] = raw[id]! + weight;
    }
  }
  for (const id of ids) reached[id] = 0;
  return (sentence.overlap = { raw, ids, total, weights });
}

/**
 * The source sentences of `pool` that share content words with the draft sentence, best first.
 * Words in `leaveOut` (stems) do not count: the value being checked must not vouch for itself.
 * The overlap is summed once per draft sentence; each pool and each left-out set only re-weighs it.
 */
export function alignments(ctx: CheckContext, sentence: DraftSentence, pool: readonly IndexedSource[], leaveOut?: ReadonlySet<string>): Alignment[] {
  // Most calls ask again for a passage's own pool (one array per call, ./context `sourcesFor`) with nothing left out: found by the array, no key built.
  const known = leaveOut ? undefined : sentence.alignedByPool?.get(pool);
  if (known) return known;
  const key = `${poolKey(ctx, pool)}|${leaveOut ? [...leaveOut].sort().join(' ') : ''}`;
  const out = sentence.aligned?.get(key) ?? aligned(ctx, sentence, pool, leaveOut);
  (sentence.aligned ??= new Map()).set(key, out);
  if (!leaveOut) (sentence.alignedByPool ??= new Map()).set(pool, out);
  return out;
}

/** The pool's source numbers joined, found once per pool array. */
function poolKey(ctx: CheckContext, pool: readonly IndexedSource[]): string {
  const info = poolInfo(ctx, pool);
  return (info.key ??= pool.map((s) => s.doc.n).join(','));
}

/** 1 for each source sentence whose source number is in the pool's (by number, as the sentences carry it), found once per pool array. */
function poolMask(ctx: CheckContext, pool: readonly IndexedSource[]): Uint8Array {
  const info = poolInfo(ctx, pool);
  if (info.mask) return info.mask;
  const inPool = new Set(pool.map((s) => s.doc.n));
  const mask = new Uint8Array(ctx.sentences.length);
  for (let id = 0; id < mask.length; id++) if (inPool.has(ctx.sentences[id]!.n)) mask[id] = 1;
  return (info.mask = mask);
}

// Scratch arrays by sentence id for `overlap` and `aligned`, kept on the context: neither is re-entered and each clears what it
// set; typed arrays of this size live outside the heap and cost more to allocate per call than to reuse.
function scratch(ctx: CheckContext): NonNullable<CheckContext['scratch']> {
  const n = ctx.sentences.length;
  return (ctx.scratch ??= { scores: new Float64Array(n), has: new Uint8Array(n), reached: new Uint8Array(n) });
}

function aligned(ctx: CheckContext, sentence: DraftSentence, pool: readonly IndexedSource[], leaveOut?: ReadonlySet<string>): Alignment[] {
  const { raw, ids, total, weights } = overlap(ctx, sentence);
  const mask = poolMask(ctx, pool);
  let kept = total;
  // The pool's sentences that share a word, and their sums: typed arrays by id rather than a Map (asked per draft sentence, pool and left-out set).
  const scored = ids.filter((id) => mask[id] === 1);
  const { scores, has } = scratch(ctx);
  for (const id of scored) {
    scores[id] = raw[id]!;
    has[id] = 1;
  }
  if (leaveOut) {
    for (const w of leaveOut) {
      const weight = weights.get(w);
      if (weight === undefined) continue;
      kept -= weight;
      for (const id of ctx.postings.get(w) ?? []) if (has[id]) scores[id] = scores[id]! - weight;
    }
  }
  const out: Alignment[] = [];
  for (const id of scored) {
    const s = scores[id]!;
    has[id] = 0;
    if (s > 1e-9) out.push({ id, sentence: ctx.sentences[id]!, score: kept > 0 ? s / kept : 0 });
  }
  // Ids are unique: the order is the same whatever order the scores were gathered in.
  out.sort((a, b) => b.score - a.score || a.id - b.id);
  return out;
}

/** The sentence before and after a source sentence in the same source, for a claim a source spreads over two sentences. */
export function neighbourhood(ctx: CheckContext, id: number): SourceSentence[] {
  const s = ctx.sentences[id]!;
  return [ctx.sentences[id - 1], s, ctx.sentences[id + 1]].filter((x): x is SourceSentence => x !== undefined && x.n === s.n);
}
