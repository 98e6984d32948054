// A Worker killed while starting story workflows: the stories it left `writing` and `ready`, with
// instances that errored or never ran, are all written after the next cron run.
import { introspectWorkflow } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openDb } from '../src/db/client';
import { articles, stories } from '../src/db/schema';
import { loadConfig } from '../src/env';
import { runScheduled } from '../src/newsroom';
import { updateStories } from '../src/pipeline/stories';
import { storyInstanceId } from '../src/pipeline/story-start';
import { eq } from 'drizzle-orm';
import { seedTwoStories } from './helpers/stories';

const db = openDb(env.DB);
const now = new Date();

async function waitFor(id: string, status: InstanceStatus['status']) {
  const instance = await env.STORY_WORKFLOW.get(id);
  for (let i = 0; i < 200 && (await instance.status()).status !== status; i++) await new Promise((r) => setTimeout(r, 25));
  expect((await instance.status()).status).toBe(status);
}

describe('a crash while starting workflows', () => {
  it('strands no story: every ready or writing story is written after the next run', async () => {
    await seedTwoStories(db, now);
    await updateStories(db, { config: loadConfig(env), now });
    const ready = await db.select().from(stories).where(eq(stories.status, 'ready'));
    expect(ready).toHaveLength(2);

    // The killed run: each story's instance id exists, but its instance errored (the Worker died under it).
    for (const s of ready) {
      const id = storyInstanceId({ storyId: s.id, sourceSetHash: s.sourceSetHash! });
      await env.STORY_WORKFLOW.create({ id, params: { storyId: 'st_lost_in_the_crash', sourceSetHash: 'gone' } });
      await waitFor(id, 'errored');
    }
    await db.update(stories).set({ status: 'writing' }).where(eq(stories.id, ready[0]!.id));

    const introspector = await introspectWorkflow(env.STORY_WORKFLOW);
    try {
      const run = await runScheduled(env);
      expect(run.status).toBe('succeeded');
      expect(run.stats.workflows).toMatchObject({ restarted: 2, alreadyStarted: 0 });
      const instances = await introspector.get();
      expect(instances).toHaveLength(2);
      for (const instance of instances) await instance.waitForStatus('complete');
    } finally {
      await introspector.dispose();
    }

    const after = await db.select().from(stories);
    expect(after.map((s) => s.status)).toEqual(['written', 'written']);
    const written = await db.select().from(articles);
    expect(written.map((a) => a.storyId).sort()).toEqual(ready.map((s) => s.id).sort());
  });
});
