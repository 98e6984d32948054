/** Binds the newsroom run to the Worker's environment: D1, R2, fetch and the story workflow. */
import { openDb } from './db/client';
import { loadConfig, type Bindings } from './env';
import { workersAiEmbedder } from './pipeline/cluster/embed';
import { openRun, runNewsroom, type RunSummary, type StoryToWrite } from './pipeline/run';
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

function runDeps(env: Bindings) {
  const config = loadConfig(env);
  return {
    db: openDb(env.DB),
    store: env.STORE,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
    config,
    now: () => new Date(),
    embed: env.AI ? workersAiEmbedder(env.AI) : undefined,
    startStory: (story: StoryToWrite) => startStory(env.STORY_WORKFLOW, story),
  };
}

/** The cron trigger's run: waits for the whole run. */
export async function runScheduled(env: Bindings): Promise<RunSummary> {
  const deps = runDeps(env);
  return runNewsroom(deps, await openRun(deps.db, 'cron', deps.now()));
}

/** An editor's run: recorded now, carried out after the response is sent. */
export async function startRun(env: Bindings, ctx: { waitUntil(promise: Promise<unknown>): void }, trigger: 'manual' | 'cron') {
  const deps = runDeps(env);
  const id = await openRun(deps.db, trigger, deps.now());
  ctx.waitUntil(runNewsroom(deps, id).catch((err) => console.error(`run ${id} failed:`, err)));
  return { id, status: 'running' as const };
}
