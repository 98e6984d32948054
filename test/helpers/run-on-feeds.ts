/** One newsroom run on stubbed feeds, in workerd, waiting for every story workflow it started. */
import { introspectWorkflow } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { openDb } from '../../src/db/client';
import { loadConfig } from '../../src/env';
import type { FetchFn } from '../../src/pipeline/ingest/fetch-feed';
import { openRun, runNewsroom } from '../../src/pipeline/run';
import { startStoryWorkflow } from '../../src/pipeline/story-start';

/** @example const run = await runOnFeeds(async (url) => new Response(FEEDS[url])) */
export async function runOnFeeds(fetchFeed: FetchFn) {
  const db = openDb(env.DB);
  const introspector = await introspectWorkflow(env.STORY_WORKFLOW);
  try {
    const deps = {
      db,
      store: env.STORE,
      fetch: fetchFeed as typeof fetch,
      config: loadConfig(env),
      now: () => new Date(),
      startStory: (s: { storyId: string; sourceSetHash: string }) => startStoryWorkflow({ db, workflows: env.STORY_WORKFLOW, now: new Date() }, s),
    };
    const run = await runNewsroom(deps, await openRun(db, 'cron', new Date()));
    for (const instance of await introspector.get()) await instance.waitForStatus('complete');
    return run;
  } finally {
    await introspector.dispose();
  }
}
