// The Worker's cron entry point runs the newsroom and records the run.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openDb } from '../src/db/client';
import { runs } from '../src/db/schema';
import worker from '../src/index';
import { runScheduled } from '../src/newsroom';

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

  it('five cron ticks at once make one run; the others are skipped while it holds the lease', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => runScheduled(env)));
    expect(results.filter((r) => r.status === 'skipped')).toHaveLength(4);
    const ran = results.find((r) => r.status !== 'skipped')!;
    for (const r of results.filter((r) => r.status === 'skipped')) expect(r.id).toBe(ran.id);
    const recorded = await openDb(env.DB).select().from(runs);
    expect(recorded.filter((r) => r.id === ran.id)).toHaveLength(1);
    expect(recorded.filter((r) => r.status === 'running')).toHaveLength(0);
  });
});
