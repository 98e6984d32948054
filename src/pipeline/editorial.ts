/**
 * What editors do to articles: publish (a held one only with a reason), unpublish,
 * and correct (a new version plus a public notice). Each action is one D1 batch
 * with its audit record, so it lands whole or not at all and is never applied twice:
 * the batch opens with an UPDATE conditional on the state the action was decided on,
 * and aborts itself when that state moved (a concurrent action got there first).
 */
import { and, desc, eq } from 'drizzle-orm';
import { abortUnlessChanged, isGuardAbort, isUniqueViolation, rawStatement, runBatch, type Statement } from '../db/batch';
import type { Db } from '../db/client';
import { articleVersions, articles, auditLog, checks, corrections, type Article } from '../db/schema';
import { draftBodyText } from '../lib/draft-text';
import { wordCount } from '../lib/text';
import { removeSearchEntry, searchEntry } from './publish';
import type { ArticleDraft, CheckReport, SourceDoc } from './types';

export type EditorialErrorCode = 'not-found' | 'reason-required' | 'conflict' | 'invalid-draft';

export class EditorialError extends Error {
  constructor(
    readonly code: EditorialErrorCode,
    message: string,
    /** For a conflict: the article as it is now. */
    readonly current?: Article,
  ) {
    super(message);
    this.name = 'EditorialError';
  }
}

export interface Actor {
  id: string;
  name: string;
}

export interface EditorialDeps {
  db: Db;
  now: Date;
  /** Statements that land in the action's own batch, or not at all (the desk's form nonce). */
  also?: Statement[];
}

export interface ActionResult {
  articleId: string;
  slug: string;
  category: string;
  status: string;
  version: number;
  /** False when the article was already in the requested state (nothing was done twice). */
  changed: boolean;
}

async function loadArticle(db: Db, articleId: string) {
  const article = await db.query.articles.findFirst({ where: eq(articles.id, articleId) });
  if (!article) throw new EditorialError('not-found', `No article with id "${articleId}".`);
  return article;
}

async function loadVersion(db: Db, articleId: string, version?: number) {
  const row = await db.query.articleVersions.findFirst({
    where: version
      ? and(eq(articleVersions.articleId, articleId), eq(articleVersions.version, version))
      : eq(articleVersions.articleId, articleId),
    orderBy: desc(articleVersions.version),
  });
  if (!row) throw new EditorialError('not-found', `Article "${articleId}" has no version ${version ?? ''}`.trim() + '.');
  return row;
}

/**
 * Runs an action's batch, whose first statement is the UPDATE conditional on the state the action
 * read. True when it landed; false when that state had moved (nothing landed).
 */
async function landOnState(db: Db, statements: Statement[], also: Statement[] = []): Promise<boolean> {
  const [guarded, ...rest] = statements;
  try {
    await runBatch(db, [guarded!, abortUnlessChanged(), ...rest, ...also]);
    return true;
  } catch (err) {
    // A version number taken by a concurrent revision is the same race, seen by its unique index.
    if (isGuardAbort(err) || isUniqueViolation(err)) return false;
    throw err;
  }
}

/** The article changed under an action: 409 with its current state. */
async function conflict(db: Db, articleId: string, what: string): Promise<EditorialError> {
  const current = await loadArticle(db, articleId);
  return new EditorialError('conflict', `${what} The article changed meanwhile: it is ${current.status} at version ${current.currentVersion}.`, current);
}

const result = (a: { id: string; slug: string; category: string }, status: string, version: number, changed: boolean): ActionResult => ({
  articleId: a.id,
  slug: a.slug,
  category: a.category,
  status,
  version,
  changed,
});

/**
 * Publishes a version (the latest by default). A version that failed a blocking
 * check needs a reason, which is recorded and shown publicly beside the check.
 */
export async function publishByEditor(
  { db, now, also }: EditorialDeps,
  input: { articleId: string; actor: Actor; reason?: string; version?: number },
): Promise<ActionResult> {
  const article = await loadArticle(db, input.articleId);
  const version = await loadVersion(db, article.id, input.version);
  if (article.status === 'published' && article.currentVersion === version.version) {
    return result(article, article.status, version.version, false);
  }
  const reason = input.reason?.trim();
  if (!version.checksPassed && !reason) {
    const failed = await db
      .select({ name: checks.name })
      .from(checks)
      .where(and(eq(checks.articleId, article.id), eq(checks.version, version.version), eq(checks.passed, false), eq(checks.severity, 'block')));
    throw new EditorialError(
      'reason-required',
      `Version ${version.version} failed blocking checks (${failed.map((f) => f.name).join(', ') || 'see report'}); publishing it needs a reason.`,
    );
  }
  const at = now.toISOString();
  const draft = version.draft as ArticleDraft;
  const body = draftBodyText(draft);
  const override = !version.checksPassed;
  const landed = await landOnState(db, [
    db
      .update(articles)
      .set({
        status: 'published',
        currentVersion: version.version,
        title: draft.title,
        dek: draft.dek,
        category: draft.category,
        tags: draft.tags,
        wordCount: wordCount(body),
        overrideReason: override ? reason : null,
        heldReasons: null,
        publishedAt: at,
        firstPublishedAt: article.firstPublishedAt ?? at,
        updatedAt: at,
      })
      .where(and(eq(articles.id, article.id), eq(articles.status, article.status), eq(articles.currentVersion, article.currentVersion))),
    ...searchEntry(article.id, draft),
    db.insert(auditLog).values({
      at,
      actor: input.actor.id,
      action: override ? 'publish-override' : 'publish',
      targetType: 'article',
      targetId: article.id,
      details: { version: version.version, reason: reason ?? null, editor: input.actor.name },
    }),
  ], also);
  if (!landed) {
    // A concurrent request published this very version: done, but not by us.
    const now = await loadArticle(db, article.id);
    if (now.status === 'published' && now.currentVersion === version.version) return result(now, now.status, now.currentVersion, false);
    throw await conflict(db, article.id, `Version ${version.version} was not published.`);
  }
  return result({ ...article, category: draft.category }, 'published', version.version, true);
}

/** Takes a published article off the site (its URL then answers 404); the reason is recorded. */
export async function unpublishByEditor(
  { db, now, also }: EditorialDeps,
  input: { articleId: string; actor: Actor; reason: string },
): Promise<ActionResult> {
  const article = await loadArticle(db, input.articleId);
  if (article.status === 'unpublished') return result(article, article.status, article.currentVersion, false);
  if (article.status !== 'published') {
    throw new EditorialError('conflict', `Only a published article can be unpublished; this one is ${article.status}.`);
  }
  const at = now.toISOString();
  const landed = await landOnState(db, [
    db
      .update(articles)
      .set({ status: 'unpublished', updatedAt: at })
      .where(and(eq(articles.id, article.id), eq(articles.status, 'published'), eq(articles.currentVersion, article.currentVersion))),
    removeSearchEntry(article.id),
    db.insert(auditLog).values({
      at,
      actor: input.actor.id,
      action: 'unpublish',
      targetType: 'article',
      targetId: article.id,
      details: { version: article.currentVersion, reason: input.reason, editor: input.actor.name },
    }),
  ], also);
  if (!landed) {
    const now = await loadArticle(db, article.id);
    if (now.status === 'unpublished') return result(now, now.status, now.currentVersion, false);
    throw await conflict(db, article.id, 'The article was not unpublished.');
  }
  return result(article, 'unpublished', article.currentVersion, true);
}

export interface RevisionInput {
  articleId: string;
  actor: Actor;
  /** The revised article; a correction defaults to the current text (a notice-only correction). */
  draft?: ArticleDraft;
  /** Re-runs the checks on the revised draft against the version's sources. */
  recheck: (draft: ArticleDraft, sources: SourceDoc[]) => CheckReport;
  /** The sources of the version being revised, with their text (from the version's R2 record). */
  sources: SourceDoc[];
}

export interface CorrectionInput extends RevisionInput {
  /** The public notice: what was wrong and what is right now. */
  text: string;
}

/**
 * A correction makes a new version of a published article (its sources carried
 * over, its checks run again) and a public notice; the URL stays the same.
 */
export async function correctArticle(deps: EditorialDeps, input: CorrectionInput): Promise<ActionResult & { report: CheckReport }> {
  return reviseArticle(deps, input, { kind: 'correction', notice: input.text });
}

/**
 * An editor's edit (headline, dek, category, tags or text) makes a new version after
 * the checks run again. A held or ready article whose edit passes waits, ready, for
 * an editor to publish it; a published one shows the edit at once.
 */
export async function editArticle(deps: EditorialDeps, input: RevisionInput & { draft: ArticleDraft }): Promise<ActionResult & { report: CheckReport }> {
  return reviseArticle(deps, input, { kind: 'edit' });
}

async function reviseArticle(
  { db, now, also }: EditorialDeps,
  input: RevisionInput,
  how: { kind: 'correction'; notice: string } | { kind: 'edit' },
): Promise<ActionResult & { report: CheckReport }> {
  const article = await loadArticle(db, input.articleId);
  const published = article.status === 'published';
  if (how.kind === 'correction' && !published) {
    throw new EditorialError('conflict', `Corrections apply to published articles; this one is ${article.status}.`);
  }
  if (how.kind === 'edit' && article.status === 'unpublished') {
    throw new EditorialError('conflict', 'An unpublished article cannot be edited; publish it again first.');
  }
  const current = await loadVersion(db, article.id, article.currentVersion);
  const draft = input.draft ?? (current.draft as ArticleDraft);
  const report = input.recheck(draft, input.sources);
  if (!report.passed) {
    const failed = report.results.filter((r) => !r.passed && r.severity === 'block');
    throw new EditorialError(
      'invalid-draft',
      `The revised text fails blocking checks: ${failed.map((r) => `${r.name} (${r.details.slice(0, 2).join('; ')})`).join('; ')}.`,
    );
  }
  const last = await loadVersion(db, article.id);
  const version = last.version + 1;
  const at = now.toISOString();
  const body = draftBodyText(draft);
  const status = published ? 'published' : 'ready';
  const landed = await landOnState(db, [
    db
      .update(articles)
      .set({
        status,
        heldReasons: null,
        currentVersion: version,
        title: draft.title,
        dek: draft.dek,
        category: draft.category,
        tags: draft.tags,
        wordCount: wordCount(body),
        updatedAt: at,
      })
      .where(and(eq(articles.id, article.id), eq(articles.status, article.status), eq(articles.currentVersion, article.currentVersion))),
    db.insert(articleVersions).values({
      id: `${article.id}_v${version}`,
      articleId: article.id,
      version,
      draft,
      sourceSetHash: current.sourceSetHash,
      writer: current.writer,
      model: current.model,
      checksPassed: true,
      evidence: report.evidence ?? [],
      reason: how.kind,
      r2Key: current.r2Key,
      createdAt: at,
    }),
    rawStatement(
      `INSERT INTO article_sources (article_id, version, n, item_id, publisher, url, title, published_at)
       SELECT article_id, ?, n, item_id, publisher, url, title, published_at FROM article_sources WHERE article_id = ? AND version = ?`,
      version,
      article.id,
      current.version,
    ),
    ...report.results.map((r) =>
      db.insert(checks).values({ articleId: article.id, version, name: r.name, passed: r.passed, severity: r.severity, details: r.details, createdAt: at }),
    ),
    ...(how.kind === 'correction'
      ? [
          db.insert(corrections).values({
            id: `${article.id}_c${version}`,
            articleId: article.id,
            version,
            text: how.notice,
            editorId: input.actor.id === 'admin' ? null : input.actor.id,
            createdAt: at,
          }),
        ]
      : []),
    ...(published ? searchEntry(article.id, draft) : []),
    db.insert(auditLog).values({
      at,
      actor: input.actor.id,
      action: how.kind,
      targetType: 'article',
      targetId: article.id,
      details: { version, ...(how.kind === 'correction' ? { text: how.notice } : {}), editor: input.actor.name },
    }),
  ], also);
  if (!landed) throw await conflict(db, article.id, `Version ${version} was not made.`);
  return { ...result({ ...article, category: draft.category }, status, version, true), report };
}
