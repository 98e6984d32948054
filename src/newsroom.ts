/** Binds the newsroom run to the Worker's environment: D1, R2, fetch, the ingest queue and the story workflow. */
import { eq } from 'drizzle-orm';
import { openDb } from './db/client';
import { runs } from './db/schema';
import { loadConfig, type Bindings } from './env';
import { enqueueDueSources, ingestQueuedSources, recordDeadLetters, type IngestDelivery, type IngestMessage } from './pipeline/ingest/queue';
import { finishRun, openRun, runNewsroom, type RunDeps, type RunSummary, type StoryToWrite } from './pipeline/run';
import { storyInstanceId } from './workflow';

/** Starts a story version's workflow once: the instance id makes a second start a no-op. */
async function startStory(workflow: Workflow, story: StoryToWrite): Promise<'started' | 'exists'> {
  const id = storyInstanceId(story);
  try {
    await workflow.create({ id, params: story });
    return 'started';
  } catch (err) {
    // Creating an id that exists is refused; confirm it exists rather than trusting the message.
    try {
      await workflow.get(id);
      return 'exists';
    } catch {
      throw err;
    }
  }
}

function runDeps(env: Bindings): RunDeps {
  const config = loadConfig(env);
  return {
    db: openDb(env.DB),
    store: env.STORE,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
    config,
    now: () => new Date(),
    startStory: (story: StoryToWrite) => startStory(env.STORY_WORKFLOW, story),
  };
}

/**
 * The cron trigger's run. With the ingest queue it puts the due sources on the queue and returns
 * the open run (the consumer that lands the last source finishes it); without, it runs it all here.
 */
export async function runScheduled(env: Bindings): Promise<RunSummary> {
  const deps = runDeps(env);
  return runOrEnqueue(env, deps, await openRun(deps.db, 'cron', deps.now()));
}

/** An editor's run: recorded now, carried out after the response is sent. */
export async function startRun(env: Bindings, ctx: { waitUntil(promise: Promise<unknown>): void }, trigger: 'manual' | 'cron') {
  const deps = runDeps(env);
  const id = await openRun(deps.db, trigger, deps.now());
  ctx.waitUntil(runOrEnqueue(env, deps, id).catch((err) => console.error(`run ${id} failed:`, err)));
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
  for (const run of landed) if (run.complete) finished.push(await finishQueuedRun(deps, run.runId));
  return finished;
}

export type { IngestMessage };
