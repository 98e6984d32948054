/**
 * One newsroom run, as the cron trigger (or an editor) starts it: ingest the due
 * sources, group items into stories, and start a story workflow for every story
 * that became ready or grew. Each stage's counts and failures go to the run record;
 * a failing stage is recorded and the run goes on where it can.
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { runBatch, type Statement } from '../db/batch';
import type { Db } from '../db/client';
import { acquireLease, currentLease, releaseLease, renewLease } from '../db/lease';
import { runs, stories as storiesTable } from '../db/schema';
import type { Config } from '../env';
import { chunks } from '../lib/chunks';
import { embedNewItems, type Embedder } from './cluster/embed';
import { ingestSources } from './ingest/ingest';
import { updateStories } from './stories';
import type { StartOutcome } from './story-start';

export interface StoryToWrite {
  storyId: string;
  sourceSetHash: string;
}

export interface RunDeps {
  db: Db;
  store: R2Bucket;
  fetch: typeof fetch;
  config: Config;
  now: () => Date;
  /** Embeds items for clustering (the AI binding); absent = lexical clustering alone. */
  embed?: Embedder;
  /**
   * Starts the story workflow: 'exists' when that story version is under way, 'restarted' when a
   * lost or failed instance was replaced, 'gave-up' when the story was marked failed instead.
   */
  startStory: (story: StoryToWrite) => Promise<StartOutcome>;
}

export interface RunSummary {
  id: string;
  /** skipped: another run held the lease (`id` is that run); running: its sources are still on the ingest queue. */
  status: 'succeeded' | 'failed' | 'skipped' | 'running';
  stats: Record<string, unknown>;
  errors: string[];
}

/** The lease that lets one run at a time fetch feeds and start workflows. */
export const RUN_LEASE = 'newsroom-run';
/**
 * How long a run holds the lease without a heartbeat: the cron interval (and the longest a cron
 * invocation may run). A run killed mid-way frees the lease, and is closed, by the next cron.
 */
export const RUN_LEASE_MS = 15 * 60_000;

/** Another run holds the lease; `runId` is that run. */
export class RunInProgressError extends Error {
  constructor(readonly runId: string) {
    super(`A newsroom run is in progress (${runId}); wait for it to finish.`);
    this.name = 'RunInProgressError';
  }
}

/**
 * Takes the run lease, creates the run record (the run itself is `runNewsroom`) and closes runs
 * that stopped beating for a lease period (killed by a deploy, an eviction or a limit).
 * @throws RunInProgressError when a live run holds the lease
 */
export async function openRun(db: Db, trigger: 'cron' | 'manual', now: Date, also: (runId: string) => Statement[] = () => []): Promise<string> {
  const id = `run_${now.toISOString().replace(/[-:.TZ]/g, '')}_${crypto.randomUUID().slice(0, 8)}`;
  if (!(await acquireLease(db, RUN_LEASE, id, RUN_LEASE_MS, now))) {
    throw new RunInProgressError((await currentLease(db, RUN_LEASE, now))?.holder ?? 'unknown');
  }
  const staleBefore = new Date(now.getTime() - RUN_LEASE_MS).toISOString();
  // `also` lands with the run record: an editor's run is audited in the same batch that records it.
  await runBatch(db, [
    db
      .update(runs)
      .set({ status: 'failed', finishedAt: now.toISOString(), errors: ['The run was interrupted before it finished.'] })
      .where(and(eq(runs.status, 'running'), lt(sql`coalesce(${runs.heartbeatAt}, ${runs.startedAt})`, staleBefore))),
    db.insert(runs).values({ id, trigger, status: 'running', startedAt: now.toISOString(), heartbeatAt: now.toISOString() }),
    ...also(id),
  ]);
  return id;
}

/** Keeps the run's lease and shows it is alive. */
async function heartbeat(deps: RunDeps, runId: string): Promise<void> {
  const now = deps.now();
  await renewLease(deps.db, RUN_LEASE, runId, RUN_LEASE_MS, now);
  await deps.db.update(runs).set({ heartbeatAt: now.toISOString() }).where(eq(runs.id, runId));
}

/** Failed stories named one by one in a run's errors; the rest are counted. */
const MAX_FAILED_LISTED = 20;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The whole run in this invocation: ingest every due source here, then `finishRun`; the lease is given back however it ends. */
export async function runNewsroom(deps: RunDeps, runId: string): Promise<RunSummary> {
  try {
    return await carryOut(deps, runId);
  } finally {
    await releaseLease(deps.db, RUN_LEASE, runId);
  }
}

async function carryOut(deps: RunDeps, runId: string): Promise<RunSummary> {
  const stats: Record<string, unknown> = {};
  const errors: string[] = [];
  let failed = false;

  try {
    const ingest = await ingestSources({ db: deps.db, store: deps.store, fetch: deps.fetch, config: deps.config, now: deps.now() });
    stats.ingest = ingest;
    for (const f of ingest.failures) errors.push(`source ${f.name} (${f.sourceId}): ${f.message}`);
  } catch (err) {
    // Ingest isolates each source; reaching here means the stage itself broke. Stories can still be written.
    failed = true;
    errors.push(`ingest: ${message(err)}`);
  }
  await heartbeat(deps, runId);
  return finishRun(deps, runId, { stats, errors, failed });
}

/**
 * What follows ingest, once every source of the run has landed (here, or through the ingest
 * queue): group items into stories, start the story workflows, and close the run record. The
 * run's lease is given back when it closes.
 */
export async function finishRun(
  deps: RunDeps,
  runId: string,
  carried: { stats: Record<string, unknown>; errors: string[]; failed: boolean },
): Promise<RunSummary> {
  try {
    return await closeRun(deps, runId, carried);
  } finally {
    await releaseLease(deps.db, RUN_LEASE, runId);
  }
}

async function closeRun(
  deps: RunDeps,
  runId: string,
  carried: { stats: Record<string, unknown>; errors: string[]; failed: boolean },
): Promise<RunSummary> {
  const { stats, errors } = carried;
  let failed = carried.failed;

  if (deps.embed) {
    try {
      const since = new Date(deps.now().getTime() - deps.config.CLUSTER_WINDOW_HOURS * 3_600_000).toISOString();
      stats.embedded = await embedNewItems(deps.db, deps.embed, since);
    } catch (err) {
      // Clustering works without vectors; the failure is recorded and the items are embedded next run.
      errors.push(`embeddings: ${message(err)}`);
    }
  }

  let toWrite: StoryToWrite[] = [];
  try {
    const stories = await updateStories(deps.db, { config: deps.config, now: deps.now() });
    // Ready stories a previous run deferred (ARTICLES_PER_RUN), and stories left `writing` by a crash,
    // are started too; instance ids dedupe the ones under way, and lost instances are replaced.
    const waiting = await deps.db
      .select({ storyId: storiesTable.id, sourceSetHash: storiesTable.sourceSetHash })
      .from(storiesTable)
      .where(inArray(storiesTable.status, ['ready', 'writing']));
    const seen = new Set(stories.toWrite.map((s) => s.storyId));
    toWrite = [
      ...stories.toWrite,
      ...waiting.filter((w) => w.sourceSetHash && !seen.has(w.storyId)).map((w) => ({ storyId: w.storyId, sourceSetHash: w.sourceSetHash! })),
    ];
    stats.stories = { created: stories.created, updated: stories.updated, assigned: stories.assigned, toWrite: toWrite.length };
  } catch (err) {
    failed = true;
    errors.push(`stories: ${message(err)}`);
  }
  await heartbeat(deps, runId);

  const started = { started: 0, alreadyStarted: 0, restarted: 0, gaveUp: 0, deferred: 0, failed: 0 };
  const counter = { started: 'started', exists: 'alreadyStarted', restarted: 'restarted', 'gave-up': 'gaveUp' } as const;
  for (const story of toWrite) {
    if (started.started + started.restarted >= deps.config.ARTICLES_PER_RUN) {
      started.deferred++;
      continue;
    }
    try {
      const outcome = await deps.startStory(story);
      // A story given up on is marked failed: the failed stories below name it once, with the reason.
      started[counter[outcome]]++;
    } catch (err) {
      started.failed++;
      errors.push(`story ${story.storyId}: could not start its workflow: ${message(err)}`);
    }
  }
  stats.workflows = started;

  // Stories that could not be written (a hostile source, too little to write) are counted on every run,
  // but named only in the run that first sees the failure; they stay listed on the desk's review queue.
  try {
    const failedStories = await deps.db
      .select({ id: storiesTable.id, title: storiesTable.title, reason: storiesTable.failureReason, reportedAt: storiesTable.failureReportedAt })
      .from(storiesTable)
      .where(eq(storiesTable.status, 'failed'));
    stats.failedStories = failedStories.length;
    const fresh = failedStories.filter((f) => !f.reportedAt);
    for (const f of fresh.slice(0, MAX_FAILED_LISTED)) errors.push(`story ${f.id} ("${f.title.slice(0, 80)}") was not written: ${f.reason ?? 'no reason recorded'}`);
    if (fresh.length > MAX_FAILED_LISTED) errors.push(`… and ${fresh.length - MAX_FAILED_LISTED} more stories that were not written`);
    const reportedAt = deps.now().toISOString();
    await runBatch(
      deps.db,
      chunks(fresh.map((f) => f.id), 90).map((ids) =>
        deps.db.update(storiesTable).set({ failureReportedAt: reportedAt }).where(and(inArray(storiesTable.id, ids), eq(storiesTable.status, 'failed'))),
      ),
    );
  } catch (err) {
    errors.push(`failed stories: ${message(err)}`);
  }

  const status = failed ? 'failed' : 'succeeded';
  await deps.db
    .update(runs)
    .set({ status, finishedAt: deps.now().toISOString(), stats, errors })
    .where(eq(runs.id, runId));
  return { id: runId, status, stats, errors };
}
