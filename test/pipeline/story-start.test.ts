// Story workflows are started once per version, and a lost or failed instance never strands a story.
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client';
import { stories } from '../../src/db/schema';
import { MAX_WORKFLOW_ATTEMPTS, STUCK_AFTER_MS, startStoryWorkflow, storyInstanceId, type StoryWorkflows } from '../../src/pipeline/story-start';

const db = openDb(env.DB);

/** An in-memory Workflow binding: ids are unique, statuses are set by the test. */
function fakeWorkflows(initial: Record<string, InstanceStatus> = {}) {
  const instances = new Map(Object.entries(initial));
  const terminated: string[] = [];
  const workflows: StoryWorkflows = {
    async create({ id }) {
      if (instances.has(id)) throw new Error(`instance ${id} already exists`);
      instances.set(id, { status: 'queued' });
    },
    async get(id) {
      const state = instances.get(id);
      if (!state) throw new Error(`instance ${id} not found`);
      return {
        status: async () => instances.get(id)!,
        terminate: async () => {
          terminated.push(id);
          instances.set(id, { status: 'terminated' });
        },
      };
    },
  };
  return { workflows, instances, terminated };
}

async function story(id: string, over: Partial<typeof stories.$inferInsert> = {}) {
  const at = new Date().toISOString();
  await db.insert(stories).values({ id, key: id, title: id, status: 'ready', sourceSetHash: 'h1', firstSeenAt: at, lastSeenAt: at, ...over });
  return { storyId: id, sourceSetHash: 'h1' };
}
const row = async (id: string) => (await db.query.stories.findFirst({ where: eq(stories.id, id) }))!;

describe('startStoryWorkflow', () => {
  it('starts a version once, records the instance, and leaves a running one alone', async () => {
    const s = await story('st-once');
    const fake = fakeWorkflows();
    const now = new Date();
    expect(await startStoryWorkflow({ db, workflows: fake.workflows, now }, s)).toBe('started');
    expect(await row('st-once')).toMatchObject({ workflowId: storyInstanceId(s), workflowAttempts: 1 });
    fake.instances.set(storyInstanceId(s), { status: 'running' });
    expect(await startStoryWorkflow({ db, workflows: fake.workflows, now }, s)).toBe('exists');
  });

  it('restarts under a new id an instance that errored before the story kept a record (a crash mid-start)', async () => {
    const s = await story('st-crashed', { status: 'writing' });
    const fake = fakeWorkflows({ [storyInstanceId(s)]: { status: 'errored', error: { name: 'Error', message: 'worker killed' } } });
    expect(await startStoryWorkflow({ db, workflows: fake.workflows, now: new Date() }, s)).toBe('restarted');
    const after = await row('st-crashed');
    expect(after.workflowId).toBe(`${storyInstanceId(s)}-r2`);
    expect(after.failureReason).toContain('worker killed');
    expect(fake.instances.get(`${storyInstanceId(s)}-r2`)).toEqual({ status: 'queued' });
  });

  it('restarts an instance that has waited too long, stopping the old one first', async () => {
    const s = await story('st-waiting');
    const fake = fakeWorkflows();
    const then = new Date(Date.now() - STUCK_AFTER_MS - 60_000);
    expect(await startStoryWorkflow({ db, workflows: fake.workflows, now: then }, s)).toBe('started');
    expect(await startStoryWorkflow({ db, workflows: fake.workflows, now: new Date(then.getTime() + 60_000) }, s)).toBe('exists');
    expect(await startStoryWorkflow({ db, workflows: fake.workflows, now: new Date() }, s)).toBe('restarted');
    expect(fake.terminated).toEqual([storyInstanceId(s)]);
    expect((await row('st-waiting')).failureReason).toMatch(/still queued since/);
  });

  it(`marks the story failed, with the reason, after ${MAX_WORKFLOW_ATTEMPTS} failed instances`, async () => {
    const s = await story('st-hopeless');
    const fake = fakeWorkflows();
    const fail = () => {
      for (const id of fake.instances.keys()) fake.instances.set(id, { status: 'errored', error: { name: 'Error', message: 'model unavailable' } });
    };
    expect(await startStoryWorkflow({ db, workflows: fake.workflows, now: new Date() }, s)).toBe('started');
    for (let i = 1; i < MAX_WORKFLOW_ATTEMPTS; i++) {
      fail();
      expect(await startStoryWorkflow({ db, workflows: fake.workflows, now: new Date() }, s)).toBe('restarted');
    }
    fail();
    expect(await startStoryWorkflow({ db, workflows: fake.workflows, now: new Date() }, s)).toBe('gave-up');
    expect(await row('st-hopeless')).toMatchObject({ status: 'failed' });
    expect((await row('st-hopeless')).failureReason).toContain('model unavailable');
  });

  it('starts a grown story (new source set) under its new version id', async () => {
    const s = await story('st-grown');
    const fake = fakeWorkflows();
    await startStoryWorkflow({ db, workflows: fake.workflows, now: new Date() }, s);
    const grown = { storyId: 'st-grown', sourceSetHash: 'h2' };
    expect(await startStoryWorkflow({ db, workflows: fake.workflows, now: new Date() }, grown)).toBe('started');
    expect((await row('st-grown')).workflowId).toBe(storyInstanceId(grown));
  });
});
