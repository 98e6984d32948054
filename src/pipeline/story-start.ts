/**
 * Starting a story version's workflow so that no story is stranded. The instance id
 * `{storyId}-v{sourceSetHash}` makes a repeated start a no-op; but an instance that errored,
 * was terminated, finished without writing, or has waited too long (a Worker killed while
 * starting it) would block the story for ever. Those are read by their status and started
 * again under a new id (`…-r{n}`), a few times, after which the story is marked failed with
 * the reason, where editors see it.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { stories } from '../db/schema';
import type { StoryToWrite } from './run';

/** The part of the Workflow binding this module uses (a fake in tests). */
export interface StoryWorkflows {
  create(options: { id: string; params: StoryToWrite }): Promise<unknown>;
  get(id: string): Promise<{ status(): Promise<InstanceStatus>; terminate(): Promise<void> }>;
}

export type StartOutcome = 'started' | 'exists' | 'restarted' | 'gave-up';

/** An instance not finished after this long is presumed lost (model steps time out long before). */
export const STUCK_AFTER_MS = 60 * 60_000;
/** Instances started for one story version before the story is marked failed. */
export const MAX_WORKFLOW_ATTEMPTS = 3;

const FINISHED = new Set<InstanceStatus['status']>(['errored', 'terminated', 'complete']);

/** The workflow instance id for a story version: repeated cron runs start nothing new. */
export function storyInstanceId(p: StoryToWrite, attempt = 1): string {
  const suffix = attempt > 1 ? `-r${attempt}` : '';
  return `${p.storyId}-v${p.sourceSetHash}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100 - suffix.length) + suffix;
}

/** Why an instance has to be replaced, or undefined while it may still finish on its own. */
function replaceReason(id: string, state: InstanceStatus, startedAt: string | null, now: Date): string | undefined {
  if (FINISHED.has(state.status)) {
    const error = state.error ? `: ${state.error.name}: ${state.error.message}` : '';
    return state.status === 'complete' ? `workflow ${id} completed without writing the story` : `workflow ${id} ${state.status}${error}`;
  }
  const since = startedAt ? Date.parse(startedAt) : NaN;
  if (Number.isNaN(since) || now.getTime() - since > STUCK_AFTER_MS) {
    return `workflow ${id} still ${state.status} ${Number.isNaN(since) ? 'since before it was recorded' : `since ${startedAt}`}`;
  }
  return undefined;
}

/**
 * Starts the story version's workflow, or confirms it is under way, or replaces a lost one.
 * @example const outcome = await startStoryWorkflow({ db, workflows: env.STORY_WORKFLOW, now: new Date() }, story)
 */
export async function startStoryWorkflow(deps: { db: Db; workflows: StoryWorkflows; now: Date }, story: StoryToWrite): Promise<StartOutcome> {
  const { db, workflows, now } = deps;
  const row = await db.query.stories.findFirst({ where: eq(stories.id, story.storyId) });
  const base = storyInstanceId(story);
  const sameVersion = row?.workflowId?.startsWith(base) ?? false;
  const attempts = sameVersion ? Math.max(1, row?.workflowAttempts ?? 1) : 0;
  const record = (id: string, attempt: number, note: string | null) =>
    db
      .update(stories)
      .set({ workflowId: id, workflowStartedAt: now.toISOString(), workflowAttempts: attempt, failureReason: note, updatedAt: now.toISOString() })
      .where(eq(stories.id, story.storyId));

  let current = sameVersion ? row!.workflowId! : base;
  if (!sameVersion) {
    try {
      await workflows.create({ id: base, params: story });
      await record(base, 1, null);
      return 'started';
    } catch (err) {
      // The id exists (started before this story kept a record, or by a run that died before recording it).
      try {
        await workflows.get(base);
      } catch {
        throw err;
      }
      current = base;
    }
  }

  const instance = await workflows.get(current);
  const state = await instance.status();
  const startedAt = sameVersion ? row!.workflowStartedAt : null;
  const reason = replaceReason(current, state, startedAt, now);
  if (!reason) return 'exists';
  const tried = Math.max(1, attempts);
  if (tried >= MAX_WORKFLOW_ATTEMPTS) {
    await db
      .update(stories)
      .set({ status: 'failed', failureReason: `Gave up after ${tried} workflow attempts; the last ${reason}.`, failureReportedAt: null, updatedAt: now.toISOString() })
      .where(eq(stories.id, story.storyId));
    return 'gave-up';
  }
  // A lost instance that might still wake up is stopped first, so one version is written once.
  if (!FINISHED.has(state.status)) await instance.terminate().catch(() => undefined);
  const next = storyInstanceId(story, tried + 1);
  await workflows.create({ id: next, params: story });
  await record(next, tried + 1, `Restarted: ${reason}.`);
  return 'restarted';
}
