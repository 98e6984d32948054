/**
 * The publish step: turns a checked draft into an article version. Everything an
 * article is — its row, version, numbered sources, check report, search entry and
 * audit record — lands in one D1 batch, after the R2 objects it points to, so a
 * reader never sees half an article and a retried step finds the version it wrote.
 */
import { and, desc, eq } from 'drizzle-orm';
import { rawStatement, runBatch, type Statement } from '../db/batch';
import type { Db } from '../db/client';
import { ARTICLES_FTS, articleSources, articleVersions, articles, auditLog, checks, stories } from '../db/schema';
import { draftBodyText, draftSearchText } from '../lib/draft-text';
import { fnv1a64 } from '../lib/hash';
import { articleSlug } from '../lib/slug';
import { MEDIA_CACHE } from '../lib/http/cache-control';
import { wordCount } from '../lib/text';
import type { ArticleDraft, CheckReport, SourceDoc } from './types';

/** Where an article's social card lives in R2 (served at /media/{slug}/card.png). */
export function socialCardKey(slug: string): string {
  return `media/${slug}/card.png`;
}

export type GateStatus = 'published' | 'ready' | 'held';

/** The gate: every blocking check passed -> published (or ready without auto-publish); else held. */
export function decideStatus(report: Pick<CheckReport, 'passed'>, autoPublish: boolean): GateStatus {
  if (!report.passed) return 'held';
  return autoPublish ? 'published' : 'ready';
}

/** The reasons an article was held, one line per failed blocking check finding. */
export function heldReasons(report: CheckReport): string[] {
  return report.results
    .filter((r) => !r.passed && r.severity === 'block')
    .flatMap((r) => (r.details.length ? r.details.map((d) => `${r.name}: ${d}`) : [`${r.name}: failed`]));
}

export interface PublishInput {
  storyId: string;
  sourceSetHash: string;
  /** The numbered sources the draft cites, with the item each came from. */
  sources: (SourceDoc & { itemId?: string })[];
  draft: ArticleDraft;
  report: CheckReport;
  writer: { name: string; model?: string };
  /** The cover image as SVG text, stored at media/{slug}/cover.svg. */
  coverSvg: (slug: string) => string;
  /** The 1200×630 social card as PNG bytes, stored at media/{slug}/card.png (og:image). */
  socialCard?: (slug: string) => Uint8Array | Promise<Uint8Array>;
  /** Notes for the provenance panel, e.g. items left out for instruction-like text. */
  notes?: string[];
}

export interface PublishDeps {
  db: Db;
  store: R2Bucket;
  autoPublish: boolean;
  now: Date;
}

export interface PublishOutcome {
  articleId: string;
  slug: string;
  category: string;
  version: number;
  /** The article's status after this step. */
  status: 'published' | 'ready' | 'held' | 'unpublished';
  /** What the gate decided for this version. */
  gate: GateStatus;
  /** False when this source set had already been written (a retried step). */
  created: boolean;
}

export async function publishArticle(deps: PublishDeps, input: PublishInput): Promise<PublishOutcome> {
  const { db, store, now } = deps;
  const at = now.toISOString();
  const existing = await db.query.articles.findFirst({ where: eq(articles.storyId, input.storyId) });
  const gate = decideStatus(input.report, deps.autoPublish);

  if (existing) {
    const done = await db.query.articleVersions.findFirst({
      where: and(eq(articleVersions.articleId, existing.id), eq(articleVersions.sourceSetHash, input.sourceSetHash)),
    });
    if (done) {
      return {
        articleId: existing.id,
        slug: existing.slug,
        category: existing.category,
        version: done.version,
        status: existing.status as PublishOutcome['status'],
        gate: decideStatus({ passed: done.checksPassed }, deps.autoPublish),
        created: false,
      };
    }
  }

  const articleId = existing?.id ?? `a_${fnv1a64(input.storyId)}`;
  const slug = existing?.slug ?? articleSlug(input.draft.title, fnv1a64(input.storyId));
  // The newest version: its number, and why it was made (an editor's edit or correction is the text readers were
  // promised, so a rewrite from new sources must not silently undo it; it waits for an editor like a held one).
  const latest = existing
    ? await db.query.articleVersions.findFirst({
        where: eq(articleVersions.articleId, existing.id),
        columns: { version: true, reason: true },
        orderBy: desc(articleVersions.version),
      })
    : undefined;
  const lastVersion = latest?.version ?? 0;
  const version = lastVersion + 1;
  const afterEditor = latest?.reason === 'edit' || latest?.reason === 'correction';
  const versionKey = `articles/${slug}/v${version}.json`;
  const coverKey = `media/${slug}/cover.svg`;

  // What readers see: a version that passed becomes current; a held re-write leaves a
  // published article on its last good version, and an editor's unpublish stands.
  const wasPublic = existing?.status === 'published';
  const waits = gate === 'held' || afterEditor;
  const status: PublishOutcome['status'] =
    existing?.status === 'unpublished' ? 'unpublished' : waits && wasPublic ? 'published' : waits ? 'held' : gate;
  const becomesCurrent = !(waits && wasPublic) && existing?.status !== 'unpublished';
  const goesLive = status === 'published' && becomesCurrent;
  const body = draftBodyText(input.draft);
  const reasons = waits
    ? [
        ...(afterEditor ? [`the story's sources changed (a new or revised report) after an editor's ${latest!.reason} (version ${lastVersion}); this rewrite (version ${version}) waits for an editor so it does not undo it`] : []),
        ...(gate === 'held' ? heldReasons(input.report) : []),
      ]
    : null;

  // R2 first: the rows below point at these objects, and re-putting them on a retry is harmless.
  await Promise.all([
    store.put(
      versionKey,
      JSON.stringify({
        article: { id: articleId, slug, storyId: input.storyId },
        version,
        createdAt: at,
        sourceSetHash: input.sourceSetHash,
        writer: input.writer,
        draft: input.draft,
        sources: input.sources,
        report: input.report,
        notes: input.notes ?? [],
      }),
      { httpMetadata: { contentType: 'application/json' } },
    ),
    // A rewrite that waits for an editor must not change what readers see: its images wait with it.
    becomesCurrent &&
      store.put(coverKey, input.coverSvg(slug), {
      httpMetadata: { contentType: 'image/svg+xml', cacheControl: MEDIA_CACHE },
    }),
    becomesCurrent &&
      input.socialCard &&
      (async () =>
        store.put(socialCardKey(slug), await input.socialCard!(slug), {
          httpMetadata: { contentType: 'image/png', cacheControl: MEDIA_CACHE },
        }))(),
  ]);

  const shown = {
    title: input.draft.title,
    dek: input.draft.dek,
    category: input.draft.category,
    tags: input.draft.tags,
    wordCount: wordCount(body),
    currentVersion: version,
  };
  const statements: Statement[] = [
    existing
      ? db
          .update(articles)
          .set({
            ...(becomesCurrent ? shown : {}),
            status,
            heldReasons: reasons,
            ...(goesLive ? { publishedAt: at, firstPublishedAt: existing.firstPublishedAt ?? at } : {}),
            updatedAt: at,
          })
          .where(eq(articles.id, articleId))
      : db.insert(articles).values({
          id: articleId,
          storyId: input.storyId,
          slug,
          status,
          ...shown,
          heldReasons: reasons,
          coverKey,
          ...(goesLive ? { publishedAt: at, firstPublishedAt: at } : {}),
          createdAt: at,
          updatedAt: at,
        }),
    db.insert(articleVersions).values({
      id: `${articleId}_v${version}`,
      articleId,
      version,
      draft: input.draft,
      sourceSetHash: input.sourceSetHash,
      writer: input.writer.name,
      model: input.writer.model ?? null,
      checksPassed: input.report.passed,
      evidence: input.report.evidence ?? [],
      reason: existing ? 'resynthesis' : 'initial',
      r2Key: versionKey,
      createdAt: at,
    }),
    ...input.sources.map((s) =>
      db.insert(articleSources).values({
        articleId,
        version,
        n: s.n,
        itemId: s.itemId ?? null,
        publisher: s.publisher,
        url: s.url,
        title: s.title,
        publishedAt: s.publishedAt,
      }),
    ),
    ...input.report.results.map((r) =>
      db.insert(checks).values({
        articleId,
        version,
        name: r.name,
        passed: r.passed,
        severity: r.severity,
        details: r.details,
        createdAt: at,
      }),
    ),
    ...(goesLive ? searchEntry(articleId, input.draft) : []),
    db.update(stories).set({ status: 'written', failureReason: null, updatedAt: at }).where(eq(stories.id, input.storyId)),
    db.insert(auditLog).values({
      at,
      actor: 'system',
      action: waits ? 'hold' : gate === 'published' ? 'auto-publish' : 'ready',
      targetType: 'article',
      targetId: articleId,
      details: { version, writer: input.writer.name, model: input.writer.model ?? null, reasons: reasons ?? [] },
    }),
  ];
  await runBatch(db, statements);

  return { articleId, slug, category: shown.category, version, status, gate: waits ? 'held' : gate, created: true };
}

/**
 * Replaces the article's FTS row (delete + insert), as statements for a batch. The body column
 * holds the paragraphs without section headings (draftSearchText), so no snippet opens on one.
 */
export function searchEntry(articleId: string, draft: ArticleDraft): Statement[] {
  return [
    removeSearchEntry(articleId),
    rawStatement(
      `INSERT INTO ${ARTICLES_FTS} (article_id, title, dek, body) VALUES (?, ?, ?, ?)`,
      articleId,
      draft.title,
      draft.dek,
      draftSearchText(draft),
    ),
  ];
}

/** Removes the article's FTS row, as a statement for a batch. */
export function removeSearchEntry(articleId: string): Statement {
  return rawStatement(`DELETE FROM ${ARTICLES_FTS} WHERE article_id = ?`, articleId);
}
