/** Starting a newsroom run now, as the API and the desk both do: one run at a time, audited with its record. */
import { eq } from 'drizzle-orm';
import { openDb } from '../db/client';
import { auditLog, runs } from '../db/schema';
import { ApiError } from '../lib/http/api-error';
import { startRun } from '../newsroom';
import { RunInProgressError } from '../pipeline/run';
import type { ActionContext } from './context';

/**
 * Opens a manual run (carried out after the answer) with its audit record in the same batch.
 * @throws ApiError 409 run-in-progress, with the run that holds the lease, while one runs
 */
export async function startRunNow(ctx: ActionContext): Promise<{ id: string; status: 'running' }> {
  const db = openDb(ctx.env.DB);
  try {
    return await startRun(ctx.env, { waitUntil: ctx.waitUntil }, 'manual', (runId) => [
      db.insert(auditLog).values({ actor: ctx.editor.id, action: 'run', targetType: 'run', targetId: runId, details: { editor: ctx.editor.name } }),
      ...(ctx.also ?? []),
    ]);
  } catch (err) {
    if (!(err instanceof RunInProgressError)) throw err;
    // One run at a time: a second would fetch every feed again at the same moment.
    const current = await db.query.runs.findFirst({ where: eq(runs.id, err.runId) });
    throw new ApiError(409, 'run-in-progress', err.message, { run: current ?? { id: err.runId, status: 'running' } });
  }
}
