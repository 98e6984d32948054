/** `duplicate`: the article is not a near-copy of another story's recent article. */
import { words } from '../../lib/text';
import { type CheckContext, type RecentArticle } from './context';
import { passageWords } from './passages';
import { WordRuns } from './word-runs';

// Three-word shingles: shared phrasing, not just shared vocabulary.
const SHINGLE = 3;

/**
 * A text's word shingles as lib/text `shingles` gives them: its distinct runs of SHINGLE words,
 * or, for a shorter text, all its words as the one shingle (kept joined, as `short`).
 */
interface Shingles {
  size: number;
  runs: WordRuns | null;
  short: string | null;
}

function shinglesOf(tokens: string[]): Shingles {
  if (tokens.length >= SHINGLE) {
    const runs = new WordRuns([tokens], SHINGLE);
    return { size: runs.count, runs, short: null };
  }
  return tokens.length ? { size: 1, runs: null, short: tokens.join(' ') } : { size: 0, runs: null, short: null };
}

/** Jaccard similarity of two shingle sets (0 when both are empty). */
function similarity(a: Shingles, b: Shingles): number {
  if (!a.size && !b.size) return 0;
  let shared = 0;
  if (a.runs && b.runs) shared = a.size <= b.size ? a.runs.sharedWith(b.runs) : b.runs.sharedWith(a.runs);
  // A short text's one shingle has fewer words than any run: only another short text can share it.
  else if (a.short !== null && a.short === b.short) shared = 1;
  return shared / (a.size + b.size - shared);
}

// A week of recent articles is checked against every draft of a run: each one's shingles are built once per
// article object, and rebuilt if its title or text is changed.
const recentShingles = new WeakMap<RecentArticle, { title: string; text: string; shingles: Shingles }>();

function recentShinglesOf(other: RecentArticle): Shingles {
  const build = () => shinglesOf(words(`${other.title} ${other.text}`));
  // Only objects can be kept; a malformed entry fails in `build` with the error it always gave.
  if (typeof other !== 'object' || other === null) return build();
  const kept = recentShingles.get(other);
  if (kept && kept.title === other.title && kept.text === other.text) return kept.shingles;
  const shingles = build();
  recentShingles.set(other, { title: other.title, text: other.text, shingles });
  return shingles;
}

export function checkDuplicate(ctx: CheckContext): string[] {
  if (!ctx.policy.recentArticles.length) return [];
  // The passages' words in turn: the same as the words of their texts joined by spaces, as no word spans a space.
  const mine = shinglesOf(ctx.passages.flatMap(passageWords));
  const details: string[] = [];
  for (const other of ctx.policy.recentArticles) {
    const score = similarity(mine, recentShinglesOf(other));
    if (score >= ctx.policy.duplicateThreshold) {
      const name = other.slug ?? other.id ?? other.title;
      details.push(`near-duplicate of the recent article "${other.title}" (${name}): ${Math.round(score * 100)}% of word shingles shared (limit ${Math.round(ctx.policy.duplicateThreshold * 100)}%)`);
    }
  }
  return details;
}
