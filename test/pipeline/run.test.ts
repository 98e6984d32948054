import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client';
import { runs, stories } from '../../src/db/schema';
import { loadConfig } from '../../src/env';
import { RUN_LEASE, RunInProgressError, openRun, runNewsroom, type RunDeps, type StoryToWrite } from '../../src/pipeline/run';
import { currentLease } from '../../src/db/lease';
import { seedTwoStories } from '../helpers/stories';

const db = openDb(env.DB);
const now = new Date();
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

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
    await seedTwoStories(db);
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

  it('names a failed story in one run only, counts it in every run, and names it again when it fails anew', async () => {
    const at = now.toISOString();
    await db.insert(stories).values({
      id: 'st-thin', key: 'thin', title: 'Kestrel arm recall', status: 'failed',
      failureReason: 'no-usable-sources: every source was flagged as instruction-like text', firstSeenAt: at, lastSeenAt: at,
    });
    const named = (errors: string[]) => errors.filter((e) => e.startsWith('story st-thin '));
    const first = await runNewsroom(deps([]), await openRun(db, 'manual', new Date()));
    expect(named(first.errors)).toEqual(['story st-thin ("Kestrel arm recall") was not written: no-usable-sources: every source was flagged as instruction-like text']);

    const second = await runNewsroom(deps([]), await openRun(db, 'manual', new Date()));
    expect(second.stats.failedStories).toBe(first.stats.failedStories);
    expect(named(second.errors)).toEqual([]);

    // The story grew and its new workflow failed too: that is a new failure, named once more.
    await db.update(stories).set({ failureReason: 'no-usable-sources: the sources give too little to write a brief', failureReportedAt: null }).where(eq(stories.id, 'st-thin'));
    const third = await runNewsroom(deps([]), await openRun(db, 'manual', new Date()));
    expect(named(third.errors)).toEqual(['story st-thin ("Kestrel arm recall") was not written: no-usable-sources: the sources give too little to write a brief']);
  });

  it('names a story it gives up on once, with the reason, not once for the giving up and again as failed', async () => {
    const at = now.toISOString();
    await db.insert(stories).values({ id: 'st-given-up', key: 'given-up', title: 'Tern Labs layoffs', status: 'ready', sourceSetHash: 'h1', firstSeenAt: at, lastSeenAt: at });
    const givingUp = deps([], {
      startStory: async (story) => {
        if (story.storyId !== 'st-given-up') return 'exists';
        await db.update(stories).set({ status: 'failed', failureReason: 'Gave up after 3 workflow attempts; the last errored.', failureReportedAt: null }).where(eq(stories.id, story.storyId));
        return 'gave-up';
      },
    });
    const run = await runNewsroom(givingUp, await openRun(db, 'manual', new Date()));
    expect(run.stats.workflows).toMatchObject({ gaveUp: 1 });
    expect(run.errors.filter((e) => e.includes('st-given-up'))).toEqual(['story st-given-up ("Tern Labs layoffs") was not written: Gave up after 3 workflow attempts; the last errored.']);
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

  it('closes a run killed mid-way at the next cron, a lease period after its last heartbeat', async () => {
    // Killed 20 minutes ago: its lease (one cron interval) ran out and it never finished.
    await db.insert(runs).values({ id: 'run_killed', trigger: 'cron', status: 'running', startedAt: minutesAgo(25), heartbeatAt: minutesAgo(20) });
    await env.DB.prepare("INSERT OR REPLACE INTO leases (name, holder, expires_at) VALUES (?, 'run_killed', ?)").bind(RUN_LEASE, minutesAgo(5)).run();
    const id = await openRun(db, 'cron', new Date());
    expect(await db.query.runs.findFirst({ where: eq(runs.id, 'run_killed') })).toMatchObject({ status: 'failed' });
    await runNewsroom(deps([]), id);
  });

  it('lets one run at a time hold the lease, and frees it when the run ends', async () => {
    const first = await openRun(db, 'cron', new Date());
    await expect(openRun(db, 'manual', new Date())).rejects.toThrow(RunInProgressError);
    expect((await currentLease(db, RUN_LEASE, new Date()))?.holder).toBe(first);
    await runNewsroom(deps([]), first);
    expect(await currentLease(db, RUN_LEASE, new Date())).toBeNull();
    await runNewsroom(deps([]), await openRun(db, 'manual', new Date()));
  });
});
