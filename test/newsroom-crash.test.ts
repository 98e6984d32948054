// A Worker killed while starting story workflows: the stories it left `writing` and `ready`, with
// instances that errored or never ran, are all written after the next cron run.
import { introspectWorkflow } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openDb } from './../src/db/client';
import { articles, items, sources, stories } from '../src/db/schema';
import { loadConfig } from '../src/env';
import { runScheduled } from '../src/newsroom';
import { updateStories } from '../src/pipeline/stories';
import { storyInstanceId } from '../src/pipeline/story-start';
import { eq } from 'drizzle-orm';

const db = openDb(env.DB);
const now = new Date();
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

/** Two stories, each reported by two publishers, straight into D1 (no feeds to fetch). */
async function seedTwoStories() {
  await db.insert(sources).values([
    { id: 'wire-a', name: 'Wire A', publisher: 'Wire A', feedUrl: 'https://a.example/feed', enabled: false },
    { id: 'wire-b', name: 'Wire B', publisher: 'Wire B', feedUrl: 'https://b.example/feed', enabled: false },
  ]);
  const item = (id: string, sourceId: string, title: string, text: string, m: number) => ({
    id,
    sourceId,
    publisher: sourceId === 'wire-a' ? 'Wire A' : 'Wire B',
    guid: id,
    url: `https://${sourceId}.example/${id}`,
    canonicalUrl: `https://${sourceId}.example/${id}`,
    title,
    contentText: text,
    publishedAt: minutesAgo(m),
    fetchedAt: now.toISOString(),
    snapshotKey: `raw/${sourceId}/x.xml`,
    contentHash: id,
  });
  await db.insert(items).values([
    item('a1', 'wire-a', 'Orrery Labs recalls its Sextant home robot after battery fires', 'Orrery Labs recalled 40,000 Sextant home robots on Monday after reports of battery fires in Kestria. The company said owners would get a full refund.', 60),
    item('b1', 'wire-b', 'Sextant robot recall: Orrery Labs pulls 40,000 units over fires', 'Orrery Labs is recalling 40,000 Sextant home robots because of battery fires, the company said on Monday. Owners in Kestria will get a refund.', 50),
    item('a2', 'wire-a', 'Tamsin Bank fined for automated loan refusals in Valdoria', 'The Valdoria banking authority fined Tamsin Bank 1.2 million euros over automated loan refusals. The bank said it would appeal the decision.', 40),
    item('b2', 'wire-b', 'Valdoria regulator fines Tamsin Bank over loan algorithm', 'Tamsin Bank must pay a 1.2 million euro fine after its loan algorithm refused applicants unfairly in Valdoria, the banking authority said.', 30),
  ]);
}

async function waitFor(id: string, status: InstanceStatus['status']) {
  const instance = await env.STORY_WORKFLOW.get(id);
  for (let i = 0; i < 200 && (await instance.status()).status !== status; i++) await new Promise((r) => setTimeout(r, 25));
  expect((await instance.status()).status).toBe(status);
}

describe('a crash while starting workflows', () => {
  it('strands no story: every ready or writing story is written after the next run', async () => {
    await seedTwoStories();
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
