/** Binds the newsroom run to the Worker's environment: D1, R2, fetch, the ingest queue and the story workflow. */
import { eq } from 'drizzle-orm';
import type { Statement } from './db/batch';
import { openDb } from './db/client';
import { runs } from './db/schema';
import { loadConfig, type Bindings } from './env';
import { enqueueDueSources, ingestQueuedSources, recordDeadLetters, type IngestDelivery, type IngestMessage } from './pipeline/ingest/queue';
import { RunInProgressError, finishRun, openRun, runNewsroom, type RunDeps, type RunSummary, type StoryToWrite } from './pipeline/run';
import { purgeRegistry } from './lib/cache';
import { startStoryWorkflow } from './pipeline/story-start';
import { workersAiEmbedder } from './pipeline/cluster/embed';

function runDeps(env: Bindings): RunDeps {
  const config = loadConfig(env);
  const db = openDb(env.DB);
  return {
    db,
    store: env.STORE,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
    config,
    now: () => new Date(),
    embed: env.AI ? workersAiEmbedder(env.AI) : undefined,
    startStory: (story: StoryToWrite) => startStoryWorkflow({ db, workflows: env.STORY_WORKFLOW, now: new Date() }, story),
  };
}

/** A run and then the registry pages: a run may disable failing sources, which /about then no longer lists. */
async function andPurge(deps: RunDeps, run: Promise<RunSummary>): Promise<RunSummary> {
  try {
    return await run;
  } finally {
    await purgeRegistry(caches.default, deps.config.SITE_URL);
  }
}

/**
 * The cron trigger's run: skipped while another run holds the lease. With the ingest queue it puts
 * the due sources on the queue and returns the open run (the consumer that lands the last source
 * finishes it); without, it waits for the whole run here.
 */
export async function runScheduled(env: Bindings): Promise<RunSummary> {
  const deps = runDeps(env);
  let id: string;
  try {
    id = await openRun(deps.db, 'cron', deps.now());
  } catch (err) {
    if (!(err instanceof RunInProgressError)) throw err;
    return { id: err.runId, status: 'skipped', stats: {}, errors: [err.message] };
  }
  return andPurge(deps, runOrEnqueue(env, deps, id));
}

/**
 * An editor's run: recorded now, carried out after the response is sent. `also` lands in the batch
 * that records the run (its audit record).
 * @throws RunInProgressError while another run holds the lease
 */
export async function startRun(
  env: Bindings,
  ctx: { waitUntil(promise: Promise<unknown>): void },
  trigger: 'manual' | 'cron',
  also?: (runId: string) => Statement[],
) {
  const deps = runDeps(env);
  const id = await openRun(deps.db, trigger, deps.now(), also);
  ctx.waitUntil(andPurge(deps, runOrEnqueue(env, deps, id)).catch((err) => console.error(`run ${id} failed:`, err)));
  return { id, status: 'running' as const };
}

async function runOrEnqueue(env: Bindings, deps: RunDeps, runId: string): Promise<RunSummary> {
  if (!env.INGEST_QUEUE) return runNewsroom(deps, runId);
  const queued = await enqueueDueSources({ db: deps.db, queue: env.INGEST_QUEUE, now: deps.now() }, runId);
  if (!queued) return finishQueuedRun(deps, runId);
  return { id: runId, status: 'running', stats: { ingest: { queued } }, errors: [] };
}

/** Finishes a run whose sources all landed through the queue, with the counts they left on it. */
async function finishQueuedRun(deps: RunDeps, runId: string): Promise<RunSummary> {
  const [run] = await deps.db.select({ stats: runs.stats, errors: runs.errors }).from(runs).where(eq(runs.id, runId));
  return finishRun(deps, runId, { stats: run?.stats ?? {}, errors: run?.errors ?? [], failed: false });
}

/**
 * The ingest queue's consumer (and its dead-letter queue's): lands a batch of sources, and
 * finishes every run whose last source this batch landed.
 */
export async function handleIngestBatch(env: Bindings, batch: { queue: string; messages: readonly IngestDelivery[] }): Promise<RunSummary[]> {
  const deps = runDeps(env);
  const ingestDeps = { db: deps.db, store: deps.store, fetch: deps.fetch, config: deps.config, now: deps.now() };
  const landed = batch.queue.endsWith('-dlq') ? await recordDeadLetters(ingestDeps, batch.messages) : await ingestQueuedSources(ingestDeps, batch.messages);
  const finished: RunSummary[] = [];
  for (const run of landed) if (run.complete) finished.push(await andPurge(deps, finishQueuedRun(deps, run.runId)));
  return finished;
}

export type { IngestMessage };
