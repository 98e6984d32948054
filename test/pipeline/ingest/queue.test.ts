// Ingest fanned out over Cloudflare Queues: enqueueing, consumer batches, retries, the dead-letter
// queue, and a run that clusters once, after its last source landed — with workerd's local queues.
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { openDb } from '../../../src/db/client';
import { items, runs, sources } from '../../../src/db/schema';
import { loadConfig } from '../../../src/env';
import { runScheduled } from '../../../src/newsroom';
import type { FetchFn } from '../../../src/pipeline/ingest/fetch-feed';
import type { IngestConfig } from '../../../src/pipeline/ingest/ingest';
import {
  enqueueDueSources,
  ingestQueuedSources,
  QUEUE_LEASE_MS,
  recordDeadLetters,
  type IngestDelivery,
  type IngestMessage,
} from '../../../src/pipeline/ingest/queue';
import { addSources } from '../../../src/pipeline/ingest/sources';
import { openRun } from '../../../src/pipeline/run';
import { sourceRows } from '../../fixtures/newswire/render';

declare module 'vitest' {
  export interface ProvidedContext {
    newswireUrl: string;
  }
}

const db = openDb(env.DB);
const base = inject('newswireUrl');
const config: IngestConfig = { ...loadConfig(env), FETCH_TIMEOUT_MS: 3000 };
const HOST = 'http://127.0.0.1:8798';

const feed = (n: number) =>
  `<rss version="2.0"><channel><title>Feed ${n}</title>${Array.from({ length: 3 }, (_, i) => `<item><title>Feed ${n} item ${i}</title><link>${HOST}/f${n}/${i}</link><pubDate>${new Date().toUTCString()}</pubDate></item>`).join('')}</channel></rss>`;
const scripted: FetchFn = async (url) => {
  const n = /\/f(\d+)\.xml$/.exec(url)?.[1];
  return n ? new Response(feed(Number(n)), { headers: { 'content-type': 'application/rss+xml' } }) : new Response('gone', { status: 404 });
};

/** A delivery double that records what the consumer decided. */
function delivery(body: IngestMessage, attempts = 1) {
  const outcome = { acked: false, retried: false };
  const message: IngestDelivery = { body, attempts, ack: () => void (outcome.acked = true), retry: () => void (outcome.retried = true) };
  return { message, outcome };
}

async function addScriptedSources(prefix: string, n: number) {
  await addSources(
    db,
    Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, name: `${prefix} ${i}`, publisher: `${prefix} ${i}`, feedUrl: `${HOST}/${prefix}/f${i}.xml` })),
    { allowLoopback: true },
  );
}

async function waitForRun(id: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [run] = await db.select().from(runs).where(eq(runs.id, id));
    if (run && run.status !== 'running') return run;
    if (Date.now() > until) throw new Error(`run ${id} still running after ${timeoutMs} ms: ${JSON.stringify(run)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the ingest queue, piece by piece', () => {
  it('enqueues each due source once, in sends of at most 100, and leases them so the next cron does not queue them again', async () => {
    await addScriptedSources('lease', 230);
    const sent: IngestMessage[][] = [];
    const now = new Date();
    const runId = await openRun(db, 'cron', now);
    const queued = await enqueueDueSources({ db, queue: { sendBatch: async (m) => void sent.push([...m].map((x) => x.body)) }, now }, runId);
    expect(queued).toBe(230);
    expect(sent.map((b) => b.length)).toEqual([100, 100, 30]);
    expect(new Set(sent.flat().map((m) => m.sourceId)).size).toBe(230);
    expect(sent.flat().every((m) => m.runId === runId)).toBe(true);
    const [run] = await db.select().from(runs).where(eq(runs.id, runId));
    expect(run).toMatchObject({ ingestQueued: 230, ingestLanded: 0 });
    const [leased] = await db.select().from(sources).where(eq(sources.id, 'lease-7'));
    expect(Date.parse(leased!.nextFetchAt!) - now.getTime()).toBe(QUEUE_LEASE_MS);
    // Fifteen minutes later the leased sources are not due again.
    const later = await enqueueDueSources({ db, queue: { sendBatch: async () => {} }, now: new Date(now.getTime() + 15 * 60_000) }, await openRun(db, 'cron', now));
    expect(later).toBe(0);
  });

  it('lands a batch: acks every source, stores its items, and says the run is complete exactly once, duplicates included', async () => {
    await db.update(sources).set({ enabled: false });
    await addScriptedSources('batch', 4);
    const now = new Date();
    const runId = await openRun(db, 'cron', now);
    const queued = await enqueueDueSources({ db, queue: { sendBatch: async () => {} }, now }, runId);
    expect(queued).toBe(4);
    const deps = { db, store: env.STORE, fetch: scripted, config, now };
    const first = [0, 1].map((i) => delivery({ runId, sourceId: `batch-${i}` }));
    expect(await ingestQueuedSources(deps, first.map((d) => d.message))).toEqual([{ runId, complete: false }]);
    expect(first.every((d) => d.outcome.acked)).toBe(true);
    // The last two, one of them delivered twice in the same batch.
    const second = [2, 3, 3].map((i) => delivery({ runId, sourceId: `batch-${i}` }));
    expect(await ingestQueuedSources(deps, second.map((d) => d.message))).toEqual([{ runId, complete: true }]);
    // A redelivery after the run completed does not complete it again, nor duplicate items.
    expect(await ingestQueuedSources(deps, [delivery({ runId, sourceId: 'batch-1' }).message])).toEqual([{ runId, complete: false }]);
    const stored = await db.select().from(items);
    expect(stored.filter((r) => r.sourceId.startsWith('batch-'))).toHaveLength(12);
    const [run] = await db.select().from(runs).where(eq(runs.id, runId));
    expect((run!.stats as { ingest: Record<string, number> }).ingest).toMatchObject({ sourcesDue: 4, sourcesFetched: 5, itemsNew: 12, failed: 0 });
  });

  it('retries a source whose ingest throws, and the dead-letter queue records it on the source and lands it', async () => {
    await db.update(sources).set({ enabled: false });
    await addScriptedSources('flaky', 1);
    const now = new Date();
    const runId = await openRun(db, 'cron', now);
    await enqueueDueSources({ db, queue: { sendBatch: async () => {} }, now }, runId);
    const broken = { db, store: { head: () => Promise.reject(new Error('R2 unavailable')) } as unknown as R2Bucket, fetch: scripted, config, now };
    const attempt = delivery({ runId, sourceId: 'flaky-0' });
    // A publisher's failure lands (it is recorded on the source); a failure on our side is retried.
    expect(await ingestQueuedSources(broken, [attempt.message])).toEqual([]);
    expect(attempt.outcome).toEqual({ acked: false, retried: true });
    const dead = delivery({ runId, sourceId: 'flaky-0' }, 4);
    expect(await recordDeadLetters({ db, store: env.STORE, fetch: scripted, config, now }, [dead.message])).toEqual([{ runId, complete: true }]);
    expect(dead.outcome.acked).toBe(true);
    const [source] = await db.select().from(sources).where(eq(sources.id, 'flaky-0'));
    expect(source?.lastError).toBe('Ingest did not complete after 4 attempts (dead-lettered)');
  });
});

describe('a cron run through the local queue', () => {
  it('ingests every demo source through the consumer, then clusters once and closes the run', async () => {
    await db.update(sources).set({ enabled: false });
    await addSources(db, sourceRows(base), { allowLoopback: true });
    const opened = await runScheduled(env);
    expect(opened.status).toBe('running');
    const run = await waitForRun(opened.id);
    expect(run.status).toBe('succeeded');
    expect(run).toMatchObject({ ingestQueued: sourceRows(base).length, ingestLanded: sourceRows(base).length });
    const stats = run.stats as { ingest: { failed: number; itemsNew: number; sourcesFetched: number }; stories: { created: number }; workflows: { started: number } };
    expect(stats.ingest).toMatchObject({ failed: 0, sourcesFetched: sourceRows(base).length });
    expect(stats.ingest.itemsNew).toBeGreaterThanOrEqual(40);
    // Clustering ran once, after the last source landed.
    expect(stats.stories.created).toBeGreaterThan(0);
    expect(stats.workflows.started).toBeGreaterThan(0);
  }, 90_000);

  it('without the queue binding, the cron run ingests in its own invocation, as before', async () => {
    await db.update(sources).set({ enabled: false });
    await db.update(sources).set({ enabled: true, nextFetchAt: null }).where(eq(sources.id, 'northwind-ledger'));
    const run = await runScheduled({ ...env, INGEST_QUEUE: undefined });
    expect(run.status).toBe('succeeded');
    expect(run.stats).toMatchObject({ ingest: { sourcesDue: 1, failed: 0 } });
  });
});
