/** Stories that need an editor's eye: stuck (ready or writing for too long) and failed, with reasons. */
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { STUCK_AFTER_MS } from '../../pipeline/story-start';
import type { Db } from '../client';
import { stories } from '../schema';

export interface StoryProblem {
  id: string;
  title: string;
  status: string;
  /** stuck | failed */
  problem: 'stuck' | 'failed';
  reason: string;
  workflowId: string | null;
  workflowAttempts: number;
  since: string;
}

/** When a story last moved: its workflow's start, else its last update. */
const lastMove = sql<string>`coalesce(${stories.workflowStartedAt}, ${stories.updatedAt})`;
const stuckWhere = (now: Date) =>
  and(inArray(stories.status, ['ready', 'writing']), lt(lastMove, new Date(now.getTime() - STUCK_AFTER_MS).toISOString()));

/**
 * Stuck and failed stories, newest first, each with why.
 * @example const { stuck, failed } = await storyProblems(db, new Date())
 */
export async function storyProblems(db: Db, now: Date, limit = 100): Promise<{ stuck: StoryProblem[]; failed: StoryProblem[] }> {
  const columns = {
    id: stories.id,
    title: stories.title,
    status: stories.status,
    failureReason: stories.failureReason,
    workflowId: stories.workflowId,
    workflowAttempts: stories.workflowAttempts,
    since: lastMove,
  };
  const [stuckRows, failedRows] = await db.batch([
    db.select(columns).from(stories).where(stuckWhere(now)).orderBy(desc(lastMove)).limit(limit),
    db.select(columns).from(stories).where(eq(stories.status, 'failed')).orderBy(desc(stories.updatedAt)).limit(limit),
  ]);
  const view = (problem: StoryProblem['problem']) => (r: (typeof stuckRows)[number]): StoryProblem => ({
    id: r.id,
    title: r.title,
    status: r.status,
    problem,
    reason:
      r.failureReason ??
      (problem === 'failed'
        ? 'The workflow failed without a recorded reason.'
        : r.workflowId
          ? `${r.status} since ${r.since}; workflow ${r.workflowId} has not finished.`
          : `${r.status} since ${r.since}; no workflow has been started for it yet (the next run starts it).`),
    workflowId: r.workflowId,
    workflowAttempts: r.workflowAttempts,
    since: r.since,
  });
  return { stuck: stuckRows.map(view('stuck')), failed: failedRows.map(view('failed')) };
}

/** How many stories are stuck and failed, for /status. */
export async function countStoryProblems(db: Db, now: Date): Promise<{ stuck: number; failed: number }> {
  const [stuck, failed] = await db.batch([
    db.select({ n: sql<number>`count(*)` }).from(stories).where(stuckWhere(now)),
    db.select({ n: sql<number>`count(*)` }).from(stories).where(eq(stories.status, 'failed')),
  ]);
  return { stuck: Number(stuck[0]?.n ?? 0), failed: Number(failed[0]?.n ?? 0) };
}
