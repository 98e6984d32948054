import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client';
import { items, runs, sources, stories } from '../../src/db/schema';
import { loadConfig } from '../../src/env';
import { openRun, runNewsroom, type RunDeps, type StoryToWrite } from '../../src/pipeline/run';

const db = openDb(env.DB);
const now = new Date();
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

/** Two stories, each reported by two publishers, written straight into D1 (no feeds to fetch). */
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
    item('a1', 'wire-a', 'Orrery Labs recalls its Sextant home robot after battery fires', 'Orrery Labs recalled 40,000 Sextant home robots on Monday after reports of battery fires in Kestria.', 60),
    item('b1', 'wire-b', 'Sextant robot recall: Orrery Labs pulls 40,000 units over fires', 'Orrery Labs is recalling its Sextant home robot because of battery fires, the company said on Monday.', 50),
    item('a2', 'wire-a', 'Tamsin Bank fined for automated loan refusals in Valdoria', 'The Valdoria banking authority fined Tamsin Bank 1.2 million euros over automated loan refusals.', 40),
    item('b2', 'wire-b', 'Valdoria regulator fines Tamsin Bank over loan algorithm', 'Tamsin Bank must pay a 1.2 million euro fine after its loan algorithm refused applicants unfairly in Valdoria.', 30),
  ]);
}

function deps(started: StoryToWrite[], over: Partial<RunDeps> = {}): RunDeps {
  return {
    db,
    store: env.STORE,
    fetch: () => Promise.reject(new Error('no network in this test')),
    config: loadConfig(env),
    now: () => new Date(),
    startStory: async (story) => {
      if (started.some((s) => s.storyId === story.storyId)) return 'exists';
      started.push(story);
      return 'started';
    },
    ...over,
  };
}

describe('runNewsroom', () => {
  it('starts at most ARTICLES_PER_RUN stories and picks up the deferred ones on the next run', async () => {
    await seedTwoStories();
    const started: StoryToWrite[] = [];
    const config = { ...loadConfig(env), ARTICLES_PER_RUN: 1 };
    const first = await runNewsroom(deps(started, { config }), await openRun(db, 'cron', new Date()));
    expect(first.status).toBe('succeeded');
    expect(first.stats.workflows).toMatchObject({ started: 1, deferred: 1 });
    const second = await runNewsroom(deps(started, { config }), await openRun(db, 'cron', new Date()));
    expect(second.stats.workflows).toMatchObject({ started: 1, deferred: 0 });
    expect(new Set(started.map((s) => s.storyId)).size).toBe(2);
    const row = await db.query.runs.findFirst({ where: eq(runs.id, second.id) });
    expect(row).toMatchObject({ status: 'succeeded' });
    expect(row?.finishedAt).toBeTruthy();
  });

  it('records a story whose workflow cannot start, and finishes the run', async () => {
    const failing = deps([], { startStory: () => Promise.reject(new Error('workflow service unavailable')) });
    const run = await runNewsroom(failing, await openRun(db, 'manual', new Date()));
    expect(run.status).toBe('succeeded');
    expect(run.errors.some((e) => e.includes('workflow service unavailable'))).toBe(true);
    const row = await db.query.runs.findFirst({ where: eq(runs.id, run.id) });
    expect(row?.errors).toEqual(run.errors);
  });

  it('counts and names the stories that could not be written, so a suppressed story shows in the run record', async () => {
    const at = now.toISOString();
    await db.insert(stories).values({
      id: 'st-hostile', key: 'hostile', title: 'Orrery Labs recalls Sextant robots', status: 'failed',
      failureReason: 'invalid-output: extractive gave no valid article after one repair attempt', firstSeenAt: at, lastSeenAt: at,
    });
    const run = await runNewsroom(deps([]), await openRun(db, 'manual', new Date()));
    expect(run.stats.failedStories).toBe(1);
    expect(run.errors).toContain('story st-hostile ("Orrery Labs recalls Sextant robots") was not written: invalid-output: extractive gave no valid article after one repair attempt');
  });

  it('closes runs that were cut off long ago when a new run opens', async () => {
    await db.insert(runs).values({ id: 'run_cut_off', trigger: 'cron', status: 'running', startedAt: minutesAgo(120) });
    await db.insert(runs).values({ id: 'run_in_flight', trigger: 'cron', status: 'running', startedAt: minutesAgo(5) });
    await openRun(db, 'cron', new Date());
    const cut = await db.query.runs.findFirst({ where: eq(runs.id, 'run_cut_off') });
    expect(cut).toMatchObject({ status: 'failed', errors: ['The run was interrupted before it finished.'] });
    const live = await db.query.runs.findFirst({ where: eq(runs.id, 'run_in_flight') });
    expect(live?.status).toBe('running');
  });
});
