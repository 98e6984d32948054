/**
 * Evidence alignment: which source sentences support a sentence of the draft. A source sentence
 * scores the share of the draft sentence's content words it holds, each word weighted by its
 * rarity across the story's source sentences (idf) — the overlap measure of extractive
 * summarisation evaluation (e.g. ROUGE-1 recall with idf weights), found through the postings.
 */
import { type CheckContext, type IndexedSource, type SourceSentence } from './context';
import { type DraftSentence, sentenceTokens } from './passages';

/** A source sentence and the idf-weighted share (0..1) of the draft sentence's content words it holds. */
export interface Alignment {
  id: number;
  sentence: SourceSentence;
  score: number;
}

/**
 * The source sentences of `pool` that share content words with the draft sentence, best first.
 * Words in `leaveOut` (stems) do not count: the value being checked must not vouch for itself.
 */
export function alignments(ctx: CheckContext, sentence: DraftSentence, pool: readonly IndexedSource[], leaveOut?: ReadonlySet<string>): Alignment[] {
  const key = pool.map((s) => s.doc.n).join(',');
  if (!leaveOut?.size) {
    const cached = sentence.aligned?.get(key);
    if (cached) return cached;
  }
  const inPool = new Set(pool.map((s) => s.doc.n));
  const scores = new Map<number, number>();
  let total = 0;
  const seen = new Set<string>();
  for (const t of sentenceTokens(sentence)) {
    if (seen.has(t.w) || leaveOut?.has(t.w)) continue;
    seen.add(t.w);
    const weight = Math.max(0, ctx.idf(t.w));
    total += weight;
    for (const id of ctx.postings.get(t.w) ?? []) {
      if (inPool.has(ctx.sentences[id]!.n)) scores.set(id, (scores.get(id) ?? 0) + weight);
    }
  }
  const out = [...scores]
    .map(([id, s]) => ({ id, sentence: ctx.sentences[id]!, score: total ? s / total : 0 }))
    .sort((a, b) => b.score - a.score || a.id - b.id);
  if (!leaveOut?.size) (sentence.aligned ??= new Map()).set(key, out);
  return out;
}

/** The sentence before and after a source sentence in the same source, for a claim a source spreads over two sentences. */
export function neighbourhood(ctx: CheckContext, id: number): SourceSentence[] {
  const s = ctx.sentences[id]!;
  return [ctx.sentences[id - 1], s, ctx.sentences[id + 1]].filter((x): x is SourceSentence => x !== undefined && x.n === s.n);
}
