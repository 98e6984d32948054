/** Editor API over articles: the review queue, one article's full record, and editorial actions. */
import { and, asc, desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { openDb } from '../../db/client';
import { articleSources, articleVersions, articles, auditLog, checks, corrections } from '../../db/schema';
import { ApiError, parseWith, readJson } from './request';
import { purgeArticle } from '../../lib/cache';
import { loadConfig } from '../../env';
import { checkArticle } from '../../pipeline/check';
import { draftSchema } from '../../pipeline/draft-schema';
import { EditorialError, correctArticle, publishByEditor, unpublishByEditor, type ActionResult } from '../../pipeline/editorial';
import type { ArticleDraft, SourceDoc } from '../../pipeline/types';
import type { EditorEnv } from './auth';

const STATUSES = ['draft', 'ready', 'held', 'published', 'unpublished', 'failed'] as const;

const listQuery = z.object({
  status: z.enum(STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const reasonText = z.string().trim().min(3, 'give a reason of at least 3 characters').max(2000);

const publishBody = z.object({ reason: reasonText.optional(), version: z.number().int().min(1).optional() }).strict();
const unpublishBody = z.object({ reason: reasonText }).strict();
const correctionBody = z
  .object({ text: z.string().trim().min(10, 'describe the correction in at least 10 characters').max(2000), draft: z.unknown().optional() })
  .strict();

const STATUS_OF: Record<EditorialError['code'], 404 | 409 | 422> = {
  'not-found': 404,
  conflict: 409,
  'reason-required': 422,
  'invalid-draft': 422,
};

/** Runs an editorial action, mapping its errors to API errors. */
async function act<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof EditorialError) throw new ApiError(STATUS_OF[err.code], err.code, err.message);
    throw err;
  }
}

export const editorArticles = new Hono<EditorEnv>()
  .get('/', async (c) => {
    const q = parseWith(listQuery, c.req.query());
    const db = openDb(c.env.DB);
    const rows = await db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        category: articles.category,
        status: articles.status,
        currentVersion: articles.currentVersion,
        heldReasons: articles.heldReasons,
        overrideReason: articles.overrideReason,
        publishedAt: articles.publishedAt,
        updatedAt: articles.updatedAt,
      })
      .from(articles)
      .where(q.status ? eq(articles.status, q.status) : undefined)
      .orderBy(desc(articles.updatedAt))
      .limit(q.limit);
    return c.json({ articles: rows });
  })
  .get('/:id', async (c) => {
    const db = openDb(c.env.DB);
    const id = c.req.param('id');
    const article = await db.query.articles.findFirst({ where: eq(articles.id, id) });
    if (!article) throw new ApiError(404, 'not-found', `No article with id "${id}".`);
    const [versions, sources, report, fixes, audit] = await db.batch([
      db.select().from(articleVersions).where(eq(articleVersions.articleId, id)).orderBy(asc(articleVersions.version)),
      db.select().from(articleSources).where(eq(articleSources.articleId, id)).orderBy(asc(articleSources.version), asc(articleSources.n)),
      db.select().from(checks).where(eq(checks.articleId, id)).orderBy(asc(checks.version)),
      db.select().from(corrections).where(eq(corrections.articleId, id)).orderBy(asc(corrections.createdAt)),
      db.select().from(auditLog).where(and(eq(auditLog.targetType, 'article'), eq(auditLog.targetId, id))).orderBy(asc(auditLog.id)),
    ]);
    return c.json({
      article,
      versions: versions.map((v) => ({
        ...v,
        sources: sources.filter((s) => s.version === v.version),
        checks: report.filter((r) => r.version === v.version),
      })),
      corrections: fixes,
      audit,
    });
  })
  .post('/:id/publish', async (c) => {
    const body = await readJson(c, publishBody);
    const db = openDb(c.env.DB);
    const done = await act(() =>
      publishByEditor({ db, now: new Date() }, { articleId: c.req.param('id'), actor: c.get('editor'), ...body }),
    );
    return answer(c, done);
  })
  .post('/:id/unpublish', async (c) => {
    const body = await readJson(c, unpublishBody);
    const db = openDb(c.env.DB);
    const done = await act(() =>
      unpublishByEditor({ db, now: new Date() }, { articleId: c.req.param('id'), actor: c.get('editor'), reason: body.reason }),
    );
    return answer(c, done);
  })
  .post('/:id/corrections', async (c) => {
    const body = await readJson(c, correctionBody, 256 * 1024);
    const db = openDb(c.env.DB);
    const config = loadConfig(c.env);
    const id = c.req.param('id');
    const article = await db.query.articles.findFirst({ where: eq(articles.id, id) });
    if (!article) throw new ApiError(404, 'not-found', `No article with id "${id}".`);
    const sources = await versionSources(c.env.STORE, db, article.id, article.currentVersion);
    const draft =
      body.draft === undefined ? undefined : (parseWith(draftSchema(sources.map((s) => s.n)), body.draft) as ArticleDraft);
    const done = await act(() =>
      correctArticle(
        { db, now: new Date() },
        {
          articleId: id,
          actor: c.get('editor'),
          text: body.text,
          draft,
          sources,
          recheck: (d, s) =>
            checkArticle(d, s, {
              minPublishers: config.MIN_PUBLISHERS,
              maxVerbatimWords: config.MAX_VERBATIM_WORDS,
              // A correction does not make the reporting newer or older: freshness was judged at publication.
              freshnessHours: Number.MAX_SAFE_INTEGER,
              siteName: config.SITE_NAME,
              siteUrl: config.SITE_URL,
              categories: config.CATEGORIES,
              severity: config.CHECK_SEVERITY,
            }),
        },
      ),
    );
    return answer(c, done, 201);
  });

/** The sources of a version with their text, from the version's R2 record. */
async function versionSources(store: R2Bucket, db: ReturnType<typeof openDb>, articleId: string, version: number): Promise<SourceDoc[]> {
  const row = await db.query.articleVersions.findFirst({
    where: and(eq(articleVersions.articleId, articleId), eq(articleVersions.version, version)),
  });
  const object = row?.r2Key ? await store.get(row.r2Key) : null;
  if (!object) throw new ApiError(409, 'conflict', 'The sources of the current version are not on record; cannot re-check a correction.');
  const record = (await object.json()) as { sources?: SourceDoc[] };
  return record.sources ?? [];
}

/** The action's result as JSON, after purging the pages it changed. */
async function answer(c: import('hono').Context<EditorEnv>, done: ActionResult, status: 200 | 201 = 200) {
  if (done.changed) {
    const config = loadConfig(c.env);
    c.executionCtx.waitUntil(purgeArticle(caches.default, config.SITE_URL, { slug: done.slug, category: done.category }));
  }
  return c.json({ article: done }, done.changed ? status : 200);
}

