/** Read queries for the site-wide pages: corrections log, trusted sources and the newsroom's status. */
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, corrections, runs, sources } from '../schema';
import { countStoryProblems } from './stories';
import type { CorrectionLogEntry, NewsroomStatus, TrustedSourceView } from './views';

/** Public corrections on published articles, newest first. */
export async function listCorrections(db: Db, limit = 200): Promise<CorrectionLogEntry[]> {
  return db
    .select({ slug: articles.slug, title: articles.title, version: corrections.version, text: corrections.text, createdAt: corrections.createdAt })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(eq(articles.status, 'published'))
    .orderBy(desc(corrections.createdAt))
    .limit(limit);
}

/** The enabled sources the newsroom reads, by trust tier then name. */
export async function trustedSources(db: Db): Promise<TrustedSourceView[]> {
  return db
    .select({ name: sources.name, publisher: sources.publisher, homepage: sources.homepage, trustTier: sources.trustTier })
    .from(sources)
    .where(eq(sources.enabled, true))
    .orderBy(asc(sources.trustTier), asc(sources.name));
}

/** Last runs, every source's fetch health and article counts, in one batch. */
export async function newsroomStatus(db: Db, now = new Date()): Promise<NewsroomStatus> {
  const storyCounts = await countStoryProblems(db, now);
  const [runRows, sourceRows, countRows] = await db.batch([
    db.select().from(runs).orderBy(desc(runs.startedAt)).limit(10),
    db
      .select({
        name: sources.name,
        publisher: sources.publisher,
        enabled: sources.enabled,
        lastFetchedAt: sources.lastFetchedAt,
        lastStatus: sources.lastStatus,
        consecutiveFailures: sources.consecutiveFailures,
      })
      .from(sources)
      .orderBy(asc(sources.name)),
    db
      .select({ status: articles.status, n: sql<number>`count(*)` })
      .from(articles)
      .where(inArray(articles.status, ['published', 'held', 'ready', 'unpublished']))
      .groupBy(articles.status),
  ]);
  const count = (status: string) => Number(countRows.find((r) => r.status === status)?.n ?? 0);
  return {
    runs: runRows.map((r) => ({
      trigger: r.trigger,
      status: r.status,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      stats: r.stats ?? {},
      errorCount: r.errors?.length ?? 0,
    })),
    sources: sourceRows.map((s) => ({
      ...s,
      // Healthy = enabled and its last fetch did not fail (a 304 Not Modified is a success).
      healthy: s.enabled && s.consecutiveFailures === 0 && (s.lastStatus === null || s.lastStatus < 400),
    })),
    counts: { published: count('published'), held: count('held'), ready: count('ready'), unpublished: count('unpublished') },
    stories: storyCounts,
  };
}
