/** Editor API over articles: the review queue, one article's full record, and editorial actions. */
import { and, asc, desc, eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { openDb } from '../../db/client';
import { articleSources, articleVersions, articles, auditLog, checks, corrections } from '../../db/schema';
import { ApiError, parseWith, readJson } from './request';
import { purgeArticle } from '../../lib/cache';
import { loadConfig } from '../../env';
import { checkArticle } from '../../pipeline/check';
import { draftSchema } from '../../pipeline/draft-schema';
import { EditorialError, correctArticle, editArticle, publishByEditor, unpublishByEditor, type ActionResult } from '../../pipeline/editorial';
import { checkPolicy } from '../../pipeline/story';
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
const editBody = z
  .object({
    title: z.string().optional(),
    dek: z.string().optional(),
    category: z.string().optional(),
    tags: z.array(z.string()).optional(),
    draft: z.unknown().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'change at least one of title, dek, category, tags, draft');
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
    if (err instanceof EditorialError) throw new ApiError(STATUS_OF[err.code], err.code, err.message, err.current && { article: err.current });
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
    const revision = await revisionOf(c, c.req.param('id'));
    const draft = body.draft === undefined ? undefined : revision.parseDraft(body.draft);
    const done = await act(() => correctArticle(revision.deps, { ...revision.input, text: body.text, draft }));
    return answer(c, done, 201);
  })
  .patch('/:id', async (c) => {
    const body = await readJson(c, editBody, 256 * 1024);
    const revision = await revisionOf(c, c.req.param('id'));
    const { draft: replacement, ...fields } = body;
    const base = replacement === undefined ? revision.currentDraft : revision.parseDraft(replacement);
    const draft = revision.parseDraft({ ...base, ...fields });
    if (!revision.categories.includes(draft.category)) {
      throw new ApiError(400, 'invalid-request', `category: must be one of ${revision.categories.join(', ')}`);
    }
    const done = await act(() => editArticle(revision.deps, { ...revision.input, draft }));
    if (done.changed && done.category !== revision.article.category) {
      // The article left its old section: that page changes too.
      c.executionCtx.waitUntil(purgeArticle(caches.default, revision.siteUrl, { slug: done.slug, category: revision.article.category }));
    }
    return answer(c, done);
  });

/** What an editor's revision (correction or edit) of an article needs: its sources, current text and a re-check. */
async function revisionOf(c: Context<EditorEnv>, id: string) {
  const db = openDb(c.env.DB);
  const config = loadConfig(c.env);
  const article = await db.query.articles.findFirst({ where: eq(articles.id, id) });
  if (!article) throw new ApiError(404, 'not-found', `No article with id "${id}".`);
  const { sources, draft } = await versionRecord(c.env.STORE, db, article.id, article.currentVersion);
  const schema = draftSchema(sources.map((s) => s.n));
  const now = new Date();
  // A revision does not make the reporting newer or older: freshness was judged at publication.
  const policy = { ...checkPolicy(config, now, []), freshnessHours: Number.MAX_SAFE_INTEGER };
  return {
    article,
    siteUrl: config.SITE_URL,
    categories: config.CATEGORIES,
    currentDraft: draft,
    parseDraft: (value: unknown) => parseWith(schema, value) as ArticleDraft,
    deps: { db, now },
    input: { articleId: id, actor: c.get('editor'), sources, recheck: (d: ArticleDraft, s: SourceDoc[]) => checkArticle(d, s, policy) },
  };
}

/** A version's draft and its sources with their text, from the version's R2 record. */
async function versionRecord(store: R2Bucket, db: ReturnType<typeof openDb>, articleId: string, version: number) {
  const row = await db.query.articleVersions.findFirst({
    where: and(eq(articleVersions.articleId, articleId), eq(articleVersions.version, version)),
  });
  const object = row?.r2Key ? await store.get(row.r2Key) : null;
  if (!row || !object) throw new ApiError(409, 'conflict', 'The sources of the current version are not on record; cannot re-check a revision.');
  const record = (await object.json()) as { sources?: SourceDoc[] };
  return { sources: record.sources ?? [], draft: row.draft as ArticleDraft };
}

/** The action's result as JSON, after purging the pages it changed. */
async function answer(c: Context<EditorEnv>, done: ActionResult, status: 200 | 201 = 200) {
  if (done.changed) {
    const config = loadConfig(c.env);
    c.executionCtx.waitUntil(purgeArticle(caches.default, config.SITE_URL, { slug: done.slug, category: done.category }));
  }
  return c.json({ article: done }, done.changed ? status : 200);
}

