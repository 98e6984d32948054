/** Binds the newsroom run to the Worker's environment: D1, R2, fetch and the story workflow. */
import { openDb } from './db/client';
import { loadConfig, type Bindings } from './env';
import { RunInProgressError, openRun, runNewsroom, type RunSummary, type StoryToWrite } from './pipeline/run';
import { purgeRegistry } from './lib/cache';
import { startStoryWorkflow } from './pipeline/story-start';

function runDeps(env: Bindings) {
  const config = loadConfig(env);
  const db = openDb(env.DB);
  return {
    db,
    store: env.STORE,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
    config,
    now: () => new Date(),
    startStory: (story: StoryToWrite) => startStoryWorkflow({ db, workflows: env.STORY_WORKFLOW, now: new Date() }, story),
  };
}

/** A run and then the registry pages: a run may disable failing sources, which /about then no longer lists. */
async function runAndPurge(deps: ReturnType<typeof runDeps>, id: string): Promise<RunSummary> {
  try {
    return await runNewsroom(deps, id);
  } finally {
    await purgeRegistry(caches.default, deps.config.SITE_URL);
  }
}

/** The cron trigger's run: waits for the whole run; skipped while another run holds the lease. */
export async function runScheduled(env: Bindings): Promise<RunSummary> {
  const deps = runDeps(env);
  let id: string;
  try {
    id = await openRun(deps.db, 'cron', deps.now());
  } catch (err) {
    if (!(err instanceof RunInProgressError)) throw err;
    return { id: err.runId, status: 'skipped', stats: {}, errors: [err.message] };
  }
  return runAndPurge(deps, id);
}

/**
 * An editor's run: recorded now, carried out after the response is sent.
 * @throws RunInProgressError while another run holds the lease
 */
export async function startRun(env: Bindings, ctx: { waitUntil(promise: Promise<unknown>): void }, trigger: 'manual' | 'cron') {
  const deps = runDeps(env);
  const id = await openRun(deps.db, trigger, deps.now());
  ctx.waitUntil(runAndPurge(deps, id).catch((err) => console.error(`run ${id} failed:`, err)));
  return { id, status: 'running' as const };
}
