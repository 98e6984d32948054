/** `duplicate`: the article is not a near-copy of another story's recent article. */
import { jaccard, shingles, words } from '../../lib/text';
import type { CheckContext } from './context';

// Three-word shingles: shared phrasing, not just shared vocabulary.
const SHINGLE = 3;

export function checkDuplicate(ctx: CheckContext): string[] {
  if (!ctx.policy.recentArticles.length) return [];
  const mine = shingles(words(ctx.passages.map((p) => p.text).join(' ')), SHINGLE);
  const details: string[] = [];
  for (const other of ctx.policy.recentArticles) {
    const score = jaccard(mine, shingles(words(`${other.title} ${other.text}`), SHINGLE));
    if (score >= ctx.policy.duplicateThreshold) {
      const name = other.slug ?? other.id ?? other.title;
      details.push(`near-duplicate of the recent article "${other.title}" (${name}): ${Math.round(score * 100)}% of word shingles shared (limit ${Math.round(ctx.policy.duplicateThreshold * 100)}%)`);
    }
  }
  return details;
}
