/**
 * A failed check's finding, laid out for an editor: where in the draft, the claim (the draft's
 * sentence), and the closest passage of the sources it cites, so the editor can see at a glance
 * what the source says instead. Pure: runs wherever the draft and sources are at hand.
 */
import { contentWords, sentences } from '../lib/text';
import { passagesOf } from '../pipeline/check/passages';
import type { ArticleDraft, SourceDoc } from '../pipeline/types';

export interface Finding {
  /** The finding in words, as the check wrote it. */
  text: string;
  /** Where in the draft ("section 1 (…), paragraph 2"), when the finding names it. */
  where: string | null;
  /** The draft's words the finding is about. */
  claim: string | null;
  /** The cited source's sentence closest to the claim. */
  closest: { source: number; publisher: string; passage: string } | null;
}

// Checks write "<where>: <what is wrong> — <the draft's sentence>".
const CLAIM_AFTER = ' — ';

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

/** The source sentence with most content words in common with `claim`, among `pool`. */
export function closestPassage(claim: string, pool: readonly SourceDoc[]): Finding['closest'] {
  const want = new Set(contentWords(claim));
  let best: Finding['closest'] = null;
  let bestScore = 0;
  for (const doc of pool) {
    for (const sentence of sentences(`${doc.title}. ${doc.text}`)) {
      const score = overlap(want, new Set(contentWords(sentence)));
      if (score > bestScore) {
        bestScore = score;
        best = { source: doc.n, publisher: doc.publisher, passage: sentence };
      }
    }
  }
  return best;
}

/** A finding with its place, its claim and the closest passage of the sources that place cites (all sources when it cites none). */
export function explainFinding(text: string, draft: ArticleDraft | null, sources: readonly SourceDoc[]): Finding {
  const passage = draft ? passagesOf(draft).find((p) => text.startsWith(`${p.where}:`)) : undefined;
  const quoted = text.lastIndexOf(CLAIM_AFTER);
  const claim = quoted > 0 ? text.slice(quoted + CLAIM_AFTER.length).trim() : (passage?.text ?? null);
  const cited = passage?.citations?.length ? sources.filter((s) => passage.citations!.includes(s.n)) : sources;
  return { text, where: passage?.where ?? null, claim, closest: claim ? closestPassage(claim, cited) : null };
}
