/** The review queue: held and ready articles, newest first, each failed check with its findings explained. */
import { and, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { articleVersions, articles, checks, type Article } from '../db/schema';
import type { ArticleDraft, SourceDoc } from '../pipeline/types';
import { explainFinding, type Finding } from './findings';

export interface FailedCheck {
  name: string;
  severity: string;
  findings: Finding[];
}

export interface QueueEntry {
  article: Pick<Article, 'id' | 'slug' | 'title' | 'status' | 'category' | 'currentVersion' | 'updatedAt' | 'heldReasons'>;
  failed: FailedCheck[];
}

/** Findings explained per failed check; each check shows at most this many (the article page has them all). */
const FINDINGS_SHOWN = 5;

/** Sources with their text, from a version's R2 record (none when it is not on record). */
export async function versionSources(store: R2Bucket, r2Key: string | null): Promise<SourceDoc[]> {
  return (await versionRecord(store, r2Key)).sources;
}

/** A version's R2 record: its sources with their text and the notes on how it was written (what was left out, repairs). */
export async function versionRecord(store: R2Bucket, r2Key: string | null): Promise<{ sources: SourceDoc[]; notes: string[] }> {
  const object = r2Key ? await store.get(r2Key) : null;
  if (!object) return { sources: [], notes: [] };
  const record = (await object.json()) as { sources?: SourceDoc[]; notes?: string[] };
  return { sources: record.sources ?? [], notes: record.notes ?? [] };
}

/** Each failed check of a version with its findings explained against the version's draft and sources. */
export function explainChecks(
  rows: { name: string; passed: boolean; severity: string; details: string[] }[],
  draft: ArticleDraft | null,
  sources: readonly SourceDoc[],
  limit = Number.POSITIVE_INFINITY,
): FailedCheck[] {
  return rows
    .filter((r) => !r.passed)
    .map((r) => ({ name: r.name, severity: r.severity, findings: r.details.slice(0, limit).map((d) => explainFinding(d, draft, sources)) }));
}

/** Held and ready articles, and published ones with a newer version waiting, most recently changed first. */
export async function reviewQueue(db: Db, store: R2Bucket, limit = 50): Promise<QueueEntry[]> {
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      category: articles.category,
      currentVersion: articles.currentVersion,
      updatedAt: articles.updatedAt,
      heldReasons: articles.heldReasons,
    })
    .from(articles)
    // A published article whose newer version waits (held by a check, or a rewrite after an editor's change) is in the queue too.
    .where(or(inArray(articles.status, ['held', 'ready']), and(eq(articles.status, 'published'), isNotNull(articles.heldReasons))))
    .orderBy(desc(articles.updatedAt), desc(articles.createdAt))
    .limit(limit);
  return Promise.all(
    rows.map(async (article) => {
      const [version, report] = await db.batch([
        db.query.articleVersions.findFirst({ where: and(eq(articleVersions.articleId, article.id), eq(articleVersions.version, article.currentVersion)) }),
        db.select().from(checks).where(and(eq(checks.articleId, article.id), eq(checks.version, article.currentVersion))),
      ]);
      const failing = report.filter((r) => !r.passed);
      const sources = failing.length ? await versionSources(store, version?.r2Key ?? null) : [];
      return { article, failed: explainChecks(failing, (version?.draft as ArticleDraft | undefined) ?? null, sources, FINDINGS_SHOWN) };
    }),
  );
}
