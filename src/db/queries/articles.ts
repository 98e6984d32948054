/** Read queries for published articles: listings, the article page, feeds and sitemaps. */
import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import { independentPublishers } from '../../lib/publishers';
import type { ArticleDraft } from '../../pipeline/types';
import type { Db } from '../client';
import { articleSources, articles, articleVersions, auditLog, checks, corrections, type Article } from '../schema';
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

/**
 * A published article with everything its page shows, in two round trips: the article row,
 * then one batch for its version, sources, checks, history, corrections and editor actions.
 */
export async function getPublishedArticle(db: Db, slug: string): Promise<ArticleView | null> {
  const article = await db.select().from(articles).where(and(eq(articles.slug, slug), isPublished)).get();
  if (!article) return null;
  const { id, currentVersion: version } = article;
  const [current, sources, checkRows, versions, correctionRows, actions] = await db.batch([
    db
      .select({ draft: articleVersions.draft, writer: articleVersions.writer, model: articleVersions.model, evidence: articleVersions.evidence })
      .from(articleVersions)
      .where(and(eq(articleVersions.articleId, id), eq(articleVersions.version, version))),
    db
      .select({ n: articleSources.n, publisher: articleSources.publisher, url: articleSources.url, title: articleSources.title, publishedAt: articleSources.publishedAt })
      .from(articleSources)
      .where(and(eq(articleSources.articleId, id), eq(articleSources.version, version)))
      .orderBy(asc(articleSources.n)),
    db
      .select({ name: checks.name, passed: checks.passed, severity: checks.severity, details: checks.details })
      .from(checks)
      .where(and(eq(checks.articleId, id), eq(checks.version, version)))
      .orderBy(asc(checks.createdAt), asc(checks.name)),
    db
      .select({
        version: articleVersions.version,
        reason: articleVersions.reason,
        writer: articleVersions.writer,
        model: articleVersions.model,
        checksPassed: articleVersions.checksPassed,
        createdAt: articleVersions.createdAt,
      })
      .from(articleVersions)
      .where(eq(articleVersions.articleId, id))
      .orderBy(desc(articleVersions.version)),
    db
      .select({ version: corrections.version, text: corrections.text, createdAt: corrections.createdAt })
      .from(corrections)
      .where(eq(corrections.articleId, id))
      .orderBy(desc(corrections.createdAt)),
    db
      .select({ at: auditLog.at, action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'article'), eq(auditLog.targetId, id)))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(50),
  ]);
  const row = current[0];
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
    checks: checkRows.map((r) => ({ ...r, details: r.details ?? [] })),
    evidence: Array.isArray(row.evidence) ? row.evidence : [],
    versions,
    corrections: correctionRows,
    editorActions: actions.map((a) => ({ at: a.at, action: a.action, reason: reasonOf(a.details) })),
    overrideReason: article.overrideReason,
  };
}
