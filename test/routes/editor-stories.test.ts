// Stories that a crash or a failing workflow left behind are visible: listed with reasons for
// editors, counted on the public /status page.
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client';
import { stories } from '../../src/db/schema';

const db = openDb(env.DB);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe('stuck and failed stories', () => {
  it('are listed for editors with reasons and counted on /status', async () => {
    const base = { firstSeenAt: hoursAgo(5), lastSeenAt: hoursAgo(5), sourceSetHash: 'h1' };
    await db.insert(stories).values([
      { ...base, id: 'st-stuck-writing', key: 'k1', title: 'Stuck while writing', status: 'writing', workflowId: 'st-stuck-writing-vh1', workflowStartedAt: hoursAgo(3), updatedAt: hoursAgo(3) },
      { ...base, id: 'st-stuck-ready', key: 'k2', title: 'Never started', status: 'ready', updatedAt: hoursAgo(2) },
      { ...base, id: 'st-fresh', key: 'k3', title: 'Just started', status: 'writing', workflowId: 'st-fresh-vh1', workflowStartedAt: new Date().toISOString() },
      { ...base, id: 'st-failed', key: 'k4', title: 'Failed', status: 'failed', failureReason: 'Gave up after 3 workflow attempts; the last workflow st-failed-vh1-r3 errored: Error: model unavailable.' },
    ]);
    const res = await exports.default.fetch('https://news.test/api/editor/stories', { headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { stories: { id: string; problem: string; reason: string }[]; counts: { stuck: number; failed: number } };
    expect(body.counts).toEqual({ stuck: 2, failed: 1 });
    const byId = new Map(body.stories.map((s) => [s.id, s]));
    expect(byId.get('st-stuck-writing')).toMatchObject({ problem: 'stuck' });
    expect(byId.get('st-stuck-writing')?.reason).toContain('workflow st-stuck-writing-vh1 has not finished');
    expect(byId.get('st-stuck-ready')?.reason).toContain('no workflow has been started');
    expect(byId.get('st-failed')?.reason).toContain('model unavailable');
    expect(byId.has('st-fresh')).toBe(false);

    const failedOnly = (await (await exports.default.fetch('https://news.test/api/editor/stories?problem=failed', { headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } })).json()) as { stories: { id: string }[] };
    expect(failedOnly.stories.map((s) => s.id)).toEqual(['st-failed']);

    const status = await (await exports.default.fetch('https://news.test/status')).text();
    expect(status).toContain('Stories: 2 stuck');
    expect(status).toContain('1 failed');
  });
});
