/** Read queries for published articles: listings, the article page, feeds and sitemaps. */
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { independentPublishers } from '../../lib/publishers';
import type { ArticleDraft } from '../../pipeline/types';
import type { Db } from '../client';
import { articles, type Article } from '../schema';
import type { ArticlePage, ArticleSummary, ArticleView } from './views';

export const PAGE_SIZE = 20;
const WORDS_PER_MINUTE = 230;

// Only these columns feed listings, so the draft JSON is never read for them.
const summaryColumns = {
  slug: articles.slug,
  title: articles.title,
  dek: articles.dek,
  category: articles.category,
  tags: articles.tags,
  publishedAt: articles.publishedAt,
  firstPublishedAt: articles.firstPublishedAt,
  updatedAt: articles.updatedAt,
  coverKey: articles.coverKey,
  wordCount: articles.wordCount,
  // Same count as the article page: distinct publishers of the current version's sources.
  publishers: sql<number>`(SELECT count(DISTINCT lower(trim(s.publisher))) FROM article_sources AS s
    WHERE s.article_id = ${articles.id} AND s.version = ${articles.currentVersion})`.mapWith(Number),
};

export type SummaryRow = Pick<Article, Exclude<keyof typeof summaryColumns, 'publishers'>> & { publishers: number };

/** A listing row as the plain summary templates render. */
export function toSummary(row: SummaryRow): ArticleSummary {
  const publishedAt = row.publishedAt ?? row.updatedAt;
  return {
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    category: row.category,
    tags: row.tags ?? [],
    publishedAt,
    firstPublishedAt: row.firstPublishedAt ?? publishedAt,
    updatedAt: row.updatedAt,
    // Only keys under media/ are served publicly (see routes/media.ts).
    coverPath: row.coverKey?.startsWith('media/') ? `/${row.coverKey}` : null,
    wordCount: row.wordCount,
    publishers: row.publishers,
  };
}

const isPublished = eq(articles.status, 'published');

/** Page N (1-based) of the published articles, newest first, optionally of one category. */
export async function listPublished(db: Db, opts: { page: number; category?: string }): Promise<ArticlePage> {
  const where = opts.category ? and(isPublished, eq(articles.category, opts.category)) : isPublished;
  const rows = await db
    .select(summaryColumns)
    .from(articles)
    .where(where)
    .orderBy(desc(articles.publishedAt))
    .limit(PAGE_SIZE + 1)
    .offset((opts.page - 1) * PAGE_SIZE);
  return { articles: rows.slice(0, PAGE_SIZE).map(toSummary), page: opts.page, hasNext: rows.length > PAGE_SIZE };
}

/** One published article's summary by slug (one query), or null. */
export async function publishedSummary(db: Db, slug: string): Promise<ArticleSummary | null> {
  const row = await db.select(summaryColumns).from(articles).where(and(eq(articles.slug, slug), isPublished)).get();
  return row ? toSummary(row) : null;
}

/** The newest published articles, for the feeds. */
export async function latestPublished(db: Db, limit: number): Promise<ArticleSummary[]> {
  const rows = await db.select(summaryColumns).from(articles).where(isPublished).orderBy(desc(articles.publishedAt)).limit(limit);
  return rows.map(toSummary);
}

/** Every published article (for sitemap.xml; a sitemap file holds at most 50,000 URLs). */
export async function allPublished(db: Db): Promise<ArticleSummary[]> {
  const rows = await db.select(summaryColumns).from(articles).where(isPublished).orderBy(desc(articles.publishedAt)).limit(50_000);
  return rows.map(toSummary);
}

/** Published articles first published since a time (the Google News sitemap's 48 hours). */
export async function publishedSince(db: Db, since: string): Promise<ArticleSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(articles)
    .where(and(isPublished, gte(articles.firstPublishedAt, since)))
    .orderBy(desc(articles.firstPublishedAt))
    .limit(1000);
  return rows.map(toSummary);
}

function draftOf(value: unknown): ArticleView['draft'] {
  // Published drafts were validated by the schema check; tolerate missing parts rather than fail a page.
  const d = (value ?? {}) as Partial<ArticleDraft>;
  return { sections: d.sections ?? [], whatThisMeans: d.whatThisMeans ?? [], faq: d.faq ?? [] };
}

function draftWordCount(draft: ArticleView['draft']): number {
  let n = 0;
  const count = (text: string) => {
    // Counting spaces instead of matching words keeps this loop free of regex work.
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      const space = text.charCodeAt(i) <= 32;
      if (!space && !inWord) n++;
      inWord = !space;
    }
  };
  for (const s of draft.sections) for (const p of s.paragraphs) count(p.text);
  for (const p of draft.whatThisMeans) count(p.text);
  for (const f of draft.faq) count(f.answer.text);
  return n;
}

function reasonOf(details: Record<string, unknown> | null): string | null {
  const reason = details?.reason;
  return typeof reason === 'string' && reason.trim() ? reason : null;
}

/** One JSON array (or object) of rows, read by the same statement as the article row. */
function jsonOf<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string') return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

// Everything the page shows beside the article row, as JSON built by SQLite in the same statement:
// one D1 query for an uncached article page (subqueries ordered as the page lists them).
// Qualified: unqualified, "id" inside a subquery would name the subquery's own table's id.
const ARTICLE_ID = sql.raw('"articles"."id"');
const CURRENT_VERSION = sql.raw('"articles"."current_version"');
const pageColumns = {
  current: sql<string | null>`(SELECT json_object('draft', json(v.draft), 'writer', v.writer, 'model', v.model, 'evidence', json(v.evidence))
    FROM article_versions AS v WHERE v.article_id = ${ARTICLE_ID} AND v.version = ${CURRENT_VERSION})`,
  sources: sql<string>`(SELECT json_group_array(json_object('n', x.n, 'publisher', x.publisher, 'url', x.url, 'title', x.title, 'publishedAt', x.published_at))
    FROM (SELECT * FROM article_sources AS s WHERE s.article_id = ${ARTICLE_ID} AND s.version = ${CURRENT_VERSION} ORDER BY s.n) AS x)`,
  checks: sql<string>`(SELECT json_group_array(json_object('name', x.name, 'passed', x.passed, 'severity', x.severity, 'details', json(x.details)))
    FROM (SELECT * FROM checks AS c WHERE c.article_id = ${ARTICLE_ID} AND c.version = ${CURRENT_VERSION} ORDER BY c.created_at, c.name) AS x)`,
  versions: sql<string>`(SELECT json_group_array(json_object('version', x.version, 'reason', x.reason, 'writer', x.writer, 'model', x.model, 'checksPassed', x.checks_passed, 'createdAt', x.created_at))
    FROM (SELECT * FROM article_versions AS v WHERE v.article_id = ${ARTICLE_ID} ORDER BY v.version DESC) AS x)`,
  corrections: sql<string>`(SELECT json_group_array(json_object('version', x.version, 'text', x.text, 'createdAt', x.created_at))
    FROM (SELECT * FROM corrections AS k WHERE k.article_id = ${ARTICLE_ID} ORDER BY k.created_at DESC) AS x)`,
  actions: sql<string>`(SELECT json_group_array(json_object('at', x.at, 'action', x.action, 'details', json(x.details)))
    FROM (SELECT * FROM audit_log AS l WHERE l.target_type = 'article' AND l.target_id = ${ARTICLE_ID} ORDER BY l.at DESC, l.id DESC LIMIT 50) AS x)`,
};

/**
 * A published article with everything its page shows, in one D1 query: the article row with its
 * current version, sources, checks, history, corrections and editor actions as JSON columns.
 */
export async function getPublishedArticle(db: Db, slug: string): Promise<ArticleView | null> {
  const found = await db
    .select({ article: articles, ...pageColumns })
    .from(articles)
    .where(and(eq(articles.slug, slug), isPublished))
    .get();
  if (!found) return null;
  const { article } = found;
  const version = article.currentVersion;
  const current = jsonOf<{ draft: unknown; writer: string; model: string | null; evidence: unknown } | null>(found.current, null);
  const sources = jsonOf<ArticleView['sources']>(found.sources, []);
  const checkRows = jsonOf<{ name: string; passed: number | boolean; severity: string; details: string[] | null }[]>(found.checks, []);
  const versions = jsonOf<(Omit<ArticleView['versions'][number], 'checksPassed'> & { checksPassed: number | boolean })[]>(found.versions, []).map((v) => ({
    ...v,
    checksPassed: Boolean(v.checksPassed),
  }));
  const correctionRows = jsonOf<ArticleView['corrections']>(found.corrections, []);
  const actions = jsonOf<{ at: string; action: string; details: Record<string, unknown> | null }[]>(found.actions, []);
  const row = current;

  if (!row) return null; // An article without its current version is not publishable; treat as absent.
  const draft = draftOf(row.draft);
  const words = draftWordCount(draft);
  return {
    ...toSummary({ ...article, publishers: independentPublishers(sources.map((s) => s.publisher)) }),
    version,
    draft,
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
    sources,
    writer: row.writer,
    model: row.model,
    checks: checkRows.map((r) => ({ ...r, passed: Boolean(r.passed), details: r.details ?? [] })),
    evidence: Array.isArray(row.evidence) ? row.evidence : [],
    versions,
    corrections: correctionRows,
    editorActions: actions.map((a) => ({ at: a.at, action: a.action, reason: reasonOf(a.details) })),
    overrideReason: article.overrideReason,
  };
}
