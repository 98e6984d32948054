// The Worker's cron entry point runs the newsroom and records the run.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openDb } from '../src/db/client';
import { runs } from '../src/db/schema';
import worker from '../src/index';

describe('scheduled', () => {
  it('runs the newsroom once per cron tick and records it as finished', async () => {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '*/15 * * * *', scheduledTime: Date.now() }), env, ctx);
    await waitOnExecutionContext(ctx);
    const recorded = await openDb(env.DB).select().from(runs);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ trigger: 'cron', status: 'succeeded' });
    expect(recorded[0]?.finishedAt).toBeTruthy();
  });
});
