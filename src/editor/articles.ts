/**
 * Editorial actions on articles as the API and the desk both call them: publish, unpublish,
 * correct, edit. Each validates its input with the schemas below, runs one batch (with its audit
 * record) through src/pipeline/editorial.ts, and purges the pages it changed.
 */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { openDb, type Db } from '../db/client';
import { articleSources, articleVersions, articles, auditLog, checks, corrections } from '../db/schema';
import { loadConfig } from '../env';
import { purgeArticle } from '../lib/cache';
import { MEDIA_CACHE } from '../lib/http/cache-control';
import { ApiError } from '../lib/http/api-error';
import { checkArticle } from '../pipeline/check';
import { articleImages } from '../pipeline/article-images';
import { draftSchema } from '../pipeline/draft-schema';
import { EditorialError, correctArticle, editArticle, publishByEditor, unpublishByEditor, type ActionResult } from '../pipeline/editorial';
import { socialCardKey } from '../pipeline/publish';
import { checkPolicy } from '../pipeline/story';
import type { ArticleDraft, CheckReport, SourceDoc } from '../pipeline/types';
import type { ActionContext } from './context';
import { issueSentences } from './issues';
import { INPUT_LIMITS } from './limits';
import { noHiddenControls } from '../lib/hidden-controls';

const reasonText = z.string().trim().min(INPUT_LIMITS.reason.min, `give a reason of at least ${INPUT_LIMITS.reason.min} characters`).max(INPUT_LIMITS.reason.max).superRefine(noHiddenControls);

export const publishInput = z.object({ reason: reasonText.optional(), version: z.number().int().min(1).optional() }).strict();
export const unpublishInput = z.object({ reason: reasonText }).strict();
export const editInput = z
  .object({
    title: z.string().optional(),
    dek: z.string().optional(),
    category: z.string().optional(),
    tags: z.array(z.string()).optional(),
    draft: z.unknown().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'must change at least one of title, dek, category, tags or draft');
export const correctionInput = z
  .object({ text: z.string().trim().min(INPUT_LIMITS.correctionNotice.min, `describe the correction in at least ${INPUT_LIMITS.correctionNotice.min} characters`).max(INPUT_LIMITS.correctionNotice.max).superRefine(noHiddenControls), draft: z.unknown().optional() })
  .strict();

const STATUS_OF: Record<EditorialError['code'], 404 | 409 | 422> = {
  'not-found': 404,
  conflict: 409,
  'reason-required': 422,
  'invalid-draft': 422,
};

/** Runs an editorial action, turning its errors into ApiErrors (status, code, message). */
async function act<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof EditorialError) throw new ApiError(STATUS_OF[err.code], err.code, err.message, err.current && { article: err.current });
    throw err;
  }
}

/** Purges the pages an action changed (the article, its section, listings). */
function purged<T extends ActionResult>(ctx: ActionContext, done: T, oldCategory?: string): T {
  if (!done.changed) return done;
  const site = loadConfig(ctx.env).SITE_URL;
  ctx.waitUntil(purgeArticle(caches.default, site, { slug: done.slug, category: done.category }));
  // An article that left its section changes that section's page too.
  if (oldCategory && oldCategory !== done.category) ctx.waitUntil(purgeArticle(caches.default, site, { slug: done.slug, category: oldCategory }));
  return done;
}

const deps = (ctx: ActionContext) => ({ db: openDb(ctx.env.DB), now: new Date(), also: ctx.also });

/** Publishes an article's latest (or given) version; a held version needs a reason. */
export async function publishArticleNow(ctx: ActionContext, articleId: string, input: z.infer<typeof publishInput>): Promise<ActionResult> {
  return purged(ctx, await act(() => publishByEditor(deps(ctx), { articleId, actor: ctx.editor, ...input })));
}

/** Takes a published article down, with the reason on record. */
export async function unpublishArticleNow(ctx: ActionContext, articleId: string, input: z.infer<typeof unpublishInput>): Promise<ActionResult> {
  return purged(ctx, await act(() => unpublishByEditor(deps(ctx), { articleId, actor: ctx.editor, reason: input.reason })));
}

/** A correction: a new version (the text re-checked) and its public notice. */
export async function correctArticleNow(
  ctx: ActionContext,
  articleId: string,
  input: z.infer<typeof correctionInput>,
): Promise<ActionResult & { report: CheckReport }> {
  const revision = await revisionOf(ctx, articleId);
  const draft = input.draft === undefined ? undefined : revision.parseDraft(input.draft);
  return purged(ctx, await act(() => correctArticle(revision.deps, { ...revision.input, text: input.text, draft })));
}

/** An edit of headline, standfirst, category, tags or text, as a new re-checked version. */
export async function editArticleNow(ctx: ActionContext, articleId: string, input: z.infer<typeof editInput>): Promise<ActionResult & { report: CheckReport }> {
  const revision = await revisionOf(ctx, articleId);
  const { draft: replacement, ...fields } = input;
  const base = replacement === undefined ? revision.currentDraft : revision.parseDraft(replacement);
  const draft = revision.parseDraft({ ...base, ...fields });
  if (!revision.categories.includes(draft.category)) {
    throw new ApiError(400, 'invalid-request', `category: must be one of ${revision.categories.join(', ')}`);
  }
  // A version and a public "Updated" time for nothing would tell readers something changed.
  if (JSON.stringify(draft) === JSON.stringify(revision.parseDraft(revision.currentDraft))) {
    throw new ApiError(400, 'no-change', 'The edit changes nothing: no new version was made.');
  }
  const done = await act(() => editArticle(revision.deps, { ...revision.input, draft }));
  // The cover and social card show the headline, section and key figure: an edited one must show them too.
  if (done.changed) {
    const images = articleImages(draft, revision.input.sources, loadConfig(ctx.env).SITE_NAME);
    await Promise.all([
      ctx.env.STORE.put(`media/${revision.article.slug}/cover.svg`, images.coverSvg(), { httpMetadata: { contentType: 'image/svg+xml', cacheControl: MEDIA_CACHE } }),
      ctx.env.STORE.put(socialCardKey(revision.article.slug), await images.socialCard(), { httpMetadata: { contentType: 'image/png', cacheControl: MEDIA_CACHE } }),
    ]);
  }
  return purged(ctx, done, revision.article.category);
}

/** What an editor's revision (correction or edit) of an article needs: its sources, current text and a re-check. */
async function revisionOf(ctx: ActionContext, id: string) {
  const db = openDb(ctx.env.DB);
  const config = loadConfig(ctx.env);
  const article = await db.query.articles.findFirst({ where: eq(articles.id, id) });
  if (!article) throw new ApiError(404, 'not-found', `No article with id "${id}".`);
  const { sources, draft } = await versionRecord(ctx.env.STORE, db, article.id, article.currentVersion);
  const schema = draftSchema(sources.map((s) => s.n));
  const now = new Date();
  // A revision does not make the reporting newer or older: freshness was judged at publication.
  const policy = { ...checkPolicy(config, now, []), freshnessHours: Number.MAX_SAFE_INTEGER };
  return {
    article,
    categories: config.CATEGORIES,
    currentDraft: draft,
    parseDraft: (value: unknown) => parseDraft(schema, value),
    deps: { db, now, also: ctx.also },
    input: { articleId: id, actor: ctx.editor, sources, recheck: (d: ArticleDraft, s: SourceDoc[]) => checkArticle(d, s, policy) },
  };
}

function parseDraft(schema: z.ZodType, value: unknown): ArticleDraft {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ApiError(400, 'invalid-request', issueSentences(parsed.error));
  }
  return parsed.data as ArticleDraft;
}

/** A version's draft and its sources with their text, from the version's R2 record. */
export async function versionRecord(store: R2Bucket, db: Db, articleId: string, version: number) {
  const row = await db.query.articleVersions.findFirst({
    where: and(eq(articleVersions.articleId, articleId), eq(articleVersions.version, version)),
  });
  const object = row?.r2Key ? await store.get(row.r2Key) : null;
  if (!row || !object) throw new ApiError(409, 'conflict', 'The sources of the current version are not on record; cannot re-check a revision.');
  const record = (await object.json()) as { sources?: SourceDoc[] };
  return { sources: record.sources ?? [], draft: row.draft as ArticleDraft };
}

/** An article's whole record: versions with their sources and checks, corrections and audit trail. */
export async function articleRecord(db: Db, id: string) {
  const article = await db.query.articles.findFirst({ where: eq(articles.id, id) });
  if (!article) throw new ApiError(404, 'not-found', `No article with id "${id}".`);
  const [versions, sources, report, fixes, audit] = await db.batch([
    db.select().from(articleVersions).where(eq(articleVersions.articleId, id)).orderBy(asc(articleVersions.version)),
    db.select().from(articleSources).where(eq(articleSources.articleId, id)).orderBy(asc(articleSources.version), asc(articleSources.n)),
    db.select().from(checks).where(eq(checks.articleId, id)).orderBy(asc(checks.version)),
    db.select().from(corrections).where(eq(corrections.articleId, id)).orderBy(asc(corrections.createdAt)),
    db.select().from(auditLog).where(and(eq(auditLog.targetType, 'article'), eq(auditLog.targetId, id))).orderBy(asc(auditLog.id)),
  ]);
  return {
    article,
    versions: versions.map((v) => ({
      ...v,
      sources: sources.filter((s) => s.version === v.version),
      checks: report.filter((r) => r.version === v.version),
    })),
    corrections: fixes,
    audit,
  };
}

export type ArticleRecord = Awaited<ReturnType<typeof articleRecord>>;
