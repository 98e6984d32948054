/** Full-text search over published articles (FTS5, bm25); the publish step writes the rows (searchEntry). */
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { ARTICLES_FTS } from '../schema';
import { toSummary, type SummaryRow } from './articles';
import type { SearchResults } from './views';

const MAX_INPUT = 500;
const MAX_TERMS = 12;
const MAX_TERM_LENGTH = 40;
/** Hits per page of results. */
export const SEARCH_PAGE_SIZE = 20;
// Letters and digits only: everything FTS5 could read as syntax (quotes, *, ^, :, parens, -) is dropped.
const TERM = /[\p{L}\p{N}]+/gu;
const OPEN = '\u0001';
const CLOSE = '\u0002';

/**
 * Turns free text into a safe FTS5 query: each word becomes a quoted string, so operators
 * (AND, OR, NOT, NEAR), column filters and unbalanced quotes or parentheses are plain words.
 * The last word also matches as a prefix, for people still typing. Null when no word is left.
 */
export function toFtsQuery(input: string): string | null {
  const terms = (input.slice(0, MAX_INPUT).match(TERM) ?? [])
    .map((t) => t.slice(0, MAX_TERM_LENGTH))
    .slice(0, MAX_TERMS);
  if (!terms.length) return null;
  return terms.map((t, i) => (i === terms.length - 1 && t.length >= 3 ? `"${t}"*` : `"${t}"`)).join(' ');
}

/** Splits an FTS5 snippet marked with OPEN/CLOSE into runs; odd indexes are matches. */
export function snippetRuns(snippet: string): string[] {
  const runs: string[] = [];
  const [lead = '', ...marked] = snippet.split(OPEN);
  runs.push(lead.replaceAll(CLOSE, ''));
  for (const part of marked) {
    const end = part.indexOf(CLOSE);
    runs.push(end < 0 ? part : part.slice(0, end), end < 0 ? '' : part.slice(end + 1).replaceAll(CLOSE, ''));
  }
  return runs;
}

interface SearchRow extends Omit<SummaryRow, 'tags'> {
  tags: string;
  snippet: string | null;
}

/**
 * Published articles matching free text, best first (bm25: title over dek over body), with
 * highlighted snippets: page `page` (from 1) of SEARCH_PAGE_SIZE hits.
 */
export async function searchArticles(db: Db, input: string, page = 1): Promise<SearchResults> {
  const query = toFtsQuery(input);
  if (!query) return { hits: [], page, pageSize: SEARCH_PAGE_SIZE, hasNext: false };
  const rows = await db.all<SearchRow>(sql`
    SELECT a.slug, a.title, a.dek, a.category, a.tags, a.published_at AS publishedAt,
           a.first_published_at AS firstPublishedAt, a.updated_at AS updatedAt, a.cover_key AS coverKey,
           a.word_count AS wordCount,
           (SELECT count(DISTINCT lower(trim(s.publisher))) FROM article_sources AS s
             WHERE s.article_id = a.id AND s.version = a.current_version) AS publishers,
           snippet(${sql.raw(ARTICLES_FTS)}, -1, ${OPEN}, ${CLOSE}, '…', 24) AS snippet
    FROM ${sql.raw(ARTICLES_FTS)} AS f
    JOIN articles AS a ON a.id = f.article_id
    WHERE ${sql.raw(ARTICLES_FTS)} MATCH ${query} AND a.status = 'published'
    ORDER BY bm25(${sql.raw(ARTICLES_FTS)}, 0.0, 10.0, 4.0, 1.0), a.published_at DESC, a.id
    LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}`);
  const hits = rows.slice(0, SEARCH_PAGE_SIZE).map(({ snippet, tags, ...row }) => ({
    ...toSummary({ ...row, tags: safeTags(tags) }),
    snippet: snippetRuns(snippet ?? ''),
  }));
  return { hits, page, pageSize: SEARCH_PAGE_SIZE, hasNext: rows.length > SEARCH_PAGE_SIZE };
}

function safeTags(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return []; // Tags are decoration on a search hit; a malformed value must not fail the search.
  }
}
