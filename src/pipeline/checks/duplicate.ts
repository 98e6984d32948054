/** `duplicate`: the article is not a near-copy of another story's recent article. */
import { jaccard, shingles, words } from '../../lib/text';
import { type CheckContext, type RecentArticle } from './context';
import { passageWords } from './passages';

// Three-word shingles: shared phrasing, not just shared vocabulary.
const SHINGLE = 3;

// A week of recent articles is checked against every draft of a run: each one's shingles are built once per
// article object, and rebuilt if its title or text is changed.
const recentShingles = new WeakMap<RecentArticle, { title: string; text: string; shingles: Set<string> }>();

function shinglesOf(other: RecentArticle): Set<string> {
  const build = () => shingles(words(`${other.title} ${other.text}`), SHINGLE);
  // Only objects can be kept; a malformed entry fails in `build` with the error it always gave.
  if (typeof other !== 'object' || other === null) return build();
  const kept = recentShingles.get(other);
  if (kept && kept.title === other.title && kept.text === other.text) return kept.shingles;
  const set = build();
  recentShingles.set(other, { title: other.title, text: other.text, shingles: set });
  return set;
}

export function checkDuplicate(ctx: CheckContext): string[] {
  if (!ctx.policy.recentArticles.length) return [];
  // The passages' words in turn: the same as the words of their texts joined by spaces, as no word spans a space.
  const mine = shingles(ctx.passages.flatMap(passageWords), SHINGLE);
  const details: string[] = [];
  for (const other of ctx.policy.recentArticles) {
    const score = jaccard(mine, shinglesOf(other));
    if (score >= ctx.policy.duplicateThreshold) {
      const name = other.slug ?? other.id ?? other.title;
      details.push(`near-duplicate of the recent article "${other.title}" (${name}): ${Math.round(score * 100)}% of word shingles shared (limit ${Math.round(ctx.policy.duplicateThreshold * 100)}%)`);
    }
  }
  return details;
}
