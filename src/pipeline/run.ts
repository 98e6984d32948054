/**
 * One newsroom run, as the cron trigger (or an editor) starts it: ingest the due
 * sources, group items into stories, and start a story workflow for every story
 * that became ready or grew. Each stage's counts and failures go to the run record;
 * a failing stage is recorded and the run goes on where it can.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { runs, stories as storiesTable } from '../db/schema';
import type { Config } from '../env';
import { embedNewItems, type Embedder } from './cluster/embed';
import { ingestSources } from './ingest';
import { updateStories } from './stories';

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
  /** Starts the story workflow; 'exists' when that story version was already started. */
  startStory: (story: StoryToWrite) => Promise<'started' | 'exists'>;
}

export interface RunSummary {
  id: string;
  status: 'succeeded' | 'failed';
  stats: Record<string, unknown>;
  errors: string[];
}

/** A run still 'running' after this long was cut off (deploy, eviction, limits) and is closed as failed. */
const STALE_RUN_MS = 60 * 60_000;

/** Creates the run record (the run itself is `runNewsroom`) and closes runs that were cut off. */
export async function openRun(db: Db, trigger: 'cron' | 'manual', now: Date): Promise<string> {
  const id = `run_${now.toISOString().replace(/[-:.TZ]/g, '')}_${crypto.randomUUID().slice(0, 8)}`;
  const staleBefore = new Date(now.getTime() - STALE_RUN_MS).toISOString();
  await db.batch([
    db
      .update(runs)
      .set({ status: 'failed', finishedAt: now.toISOString(), errors: ['The run was interrupted before it finished.'] })
      .where(and(eq(runs.status, 'running'), lt(runs.startedAt, staleBefore))),
    db.insert(runs).values({ id, trigger, status: 'running', startedAt: now.toISOString() }),
  ]);
  return id;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function runNewsroom(deps: RunDeps, runId: string): Promise<RunSummary> {
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
    // Ready stories a previous run deferred (ARTICLES_PER_RUN) are started too; instance ids dedupe the rest.
    const waiting = await deps.db
      .select({ storyId: storiesTable.id, sourceSetHash: storiesTable.sourceSetHash })
      .from(storiesTable)
      .where(eq(storiesTable.status, 'ready'));
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

  const started = { started: 0, alreadyStarted: 0, deferred: 0, failed: 0 };
  for (const story of toWrite) {
    if (started.started >= deps.config.ARTICLES_PER_RUN) {
      started.deferred++;
      continue;
    }
    try {
      const outcome = await deps.startStory(story);
      started[outcome === 'started' ? 'started' : 'alreadyStarted']++;
    } catch (err) {
      started.failed++;
      errors.push(`story ${story.storyId}: could not start its workflow: ${message(err)}`);
    }
  }
  stats.workflows = started;

  const status = failed ? 'failed' : 'succeeded';
  await deps.db
    .update(runs)
    .set({ status, finishedAt: deps.now().toISOString(), stats, errors })
    .where(eq(runs.id, runId));
  return { id: runId, status, stats, errors };
}
