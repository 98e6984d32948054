/**
 * Ingest fanned out over a queue: the cron run puts its due sources on the ingest queue, consumer
 * invocations fetch, parse and store them a batch at a time, and the batch that lands the run's
 * last source says so, so that clustering runs once, after everything has landed.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { runs, sources, type Source } from '../../db/schema';
import { chunks } from '../../lib/chunks';
import { eachWithConcurrency } from '../../lib/concurrency';
import { addOutcome, emptyCounts } from './counts';
import { ingestSource, type IngestCounts, type IngestDeps } from './ingest';
import { dueSources, healthAfterFailure } from './sources';

/** One message per source per run. */
export interface IngestMessage {
  runId: string;
  sourceId: string;
}

/** The part of a Queue binding the producer uses (a real binding, or a test double). */
export interface IngestProducer {
  sendBatch(messages: Iterable<{ body: IngestMessage }>): Promise<unknown>;
}

/** A message as a consumer receives it (Cloudflare's Message, reduced to what is used here). */
export interface IngestDelivery {
  body: IngestMessage;
  attempts: number;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

/** Queues take at most 100 messages (and 256 KB) per sendBatch. */
const SEND_BATCH = 100;
/** D1 binds at most 100 parameters per statement. */
const ID_CHUNK = 90;
/**
 * A queued source is not due again for this long, so the next cron run does not queue it twice
 * while it waits; landing sets its real next fetch time.
 */
export const QUEUE_LEASE_MS = 60 * 60_000;

/**
 * Puts every due source on the ingest queue for this run and records how many there are.
 * Returns the number queued (0: nothing is due, the run can finish now).
 * @example const queued = await enqueueDueSources({ db, queue: env.INGEST_QUEUE, now }, runId)
 */
export async function enqueueDueSources(deps: { db: Db; queue: IngestProducer; now: Date; limit?: number }, runId: string): Promise<number> {
  const { db, now } = deps;
  const due = await dueSources(db, now, deps.limit ?? 10_000);
  const ingest = { ...emptyCounts(due.length), queued: due.length };
  await db.update(runs).set({ ingestQueued: due.length, ingestLanded: 0, stats: { ingest } }).where(eq(runs.id, runId));
  if (!due.length) return 0;
  const leaseUntil = new Date(now.getTime() + QUEUE_LEASE_MS).toISOString();
  for (const part of chunks(due, ID_CHUNK)) {
    await db.update(sources).set({ nextFetchAt: leaseUntil }).where(inArray(sources.id, part.map((s) => s.id)));
  }
  for (const part of chunks(due, SEND_BATCH)) await deps.queue.sendBatch(part.map((s) => ({ body: { runId, sourceId: s.id } })));
  return due.length;
}

export interface LandedRun {
  runId: string;
  /** True for exactly one batch per run: the one that landed its last source. */
  complete: boolean;
}

/**
 * Ingests a batch of queued sources (FETCH_CONCURRENCY at a time), acks each one that landed
 * (stored, or failed with the failure recorded on the source) and retries the ones our side failed.
 * Returns the runs this batch advanced.
 */
export async function ingestQueuedSources(deps: IngestDeps, messages: readonly IngestDelivery[]): Promise<LandedRun[]> {
  const ids = [...new Set(messages.map((m) => m.body.sourceId))];
  const rows = new Map<string, Source>();
  for (const part of chunks(ids, ID_CHUNK)) for (const row of await deps.db.select().from(sources).where(inArray(sources.id, part))) rows.set(row.id, row);

  const perRun = new Map<string, { counts: IngestCounts; landed: number }>();
  const tally = (runId: string) => {
    let entry = perRun.get(runId);
    if (!entry) perRun.set(runId, (entry = { counts: emptyCounts(0), landed: 0 }));
    return entry;
  };
  const seen = new Set<string>();
  const landedMessages: IngestDelivery[] = [];
  await eachWithConcurrency([...messages], deps.config.FETCH_CONCURRENCY, async (message) => {
    const { runId, sourceId } = message.body;
    const source = rows.get(sourceId);
    const entry = tally(runId);
    const key = `${runId}\n${sourceId}`;
    if (seen.has(key)) {
      // The same message twice in one batch (at-least-once delivery): landed once, acked twice.
      landedMessages.push(message);
      return;
    }
    seen.add(key);
    if (!source || !source.enabled) {
      // Removed or disabled while queued: nothing to fetch, but it has landed.
      entry.landed++;
      landedMessages.push(message);
      return;
    }
    const outcome = await ingestSource(deps, source);
    if (outcome.kind === 'failed' && outcome.code === 'internal') {
      // Our side broke (storage, database), not the publisher: retry with a pause; after the
      // last retry the dead-letter queue records it.
      message.retry({ delaySeconds: Math.min(300, 30 * 2 ** Math.max(0, message.attempts - 1)) });
      return;
    }
    addOutcome(entry.counts, source, outcome);
    entry.landed++;
    landedMessages.push(message);
  });

  // Acked only once the run has counted them: a batch that cannot record is retried whole (re-ingesting is harmless).
  const advanced: LandedRun[] = [];
  for (const [runId, { counts, landed }] of perRun) {
    if (landed) advanced.push({ runId, complete: await recordLanded(deps.db, runId, landed, counts) });
  }
  for (const message of landedMessages) message.ack();
  return advanced;
}

/**
 * Messages that used up their retries (the dead-letter queue): the failure goes on each source's
 * health, with backoff, and the sources count as landed so their run can finish.
 */
export async function recordDeadLetters(deps: IngestDeps, messages: readonly IngestDelivery[]): Promise<LandedRun[]> {
  const perRun = new Map<string, { counts: IngestCounts; landed: number }>();
  for (const message of messages) {
    const { runId, sourceId } = message.body;
    const [source] = await deps.db.select().from(sources).where(eq(sources.id, sourceId));
    let entry = perRun.get(runId);
    if (!entry) perRun.set(runId, (entry = { counts: emptyCounts(0), landed: 0 }));
    entry.landed++;
    if (source) {
      const failure = `Ingest did not complete after ${message.attempts} attempts (dead-lettered)`;
      await deps.db.update(sources).set(healthAfterFailure(source, deps.now, { message: failure }, deps.config.MAX_CONSECUTIVE_FAILURES)).where(eq(sources.id, source.id));
      addOutcome(entry.counts, source, { kind: 'failed', code: 'dead-letter', message: failure });
    }
  }
  const advanced: LandedRun[] = [];
  for (const [runId, { counts, landed }] of perRun) advanced.push({ runId, complete: await recordLanded(deps.db, runId, landed, counts) });
  for (const message of messages) message.ack();
  return advanced;
}

/**
 * Adds landed sources and their counts to the run, in one statement (concurrent consumers never
 * lose an update). True when this call landed the run's last source while the run was still open.
 */
export async function recordLanded(db: Db, runId: string, landed: number, counts: IngestCounts): Promise<boolean> {
  const failures = JSON.stringify(counts.failures);
  const errors = JSON.stringify(counts.failures.map((f) => `source ${f.name} (${f.sourceId}): ${f.message}`));
  const add = (field: keyof Omit<IngestCounts, 'failures' | 'sourcesDue'>) =>
    sql`, ${`$.ingest.${field}`}, coalesce(json_extract(${runs.stats}, ${`$.ingest.${field}`}), 0) + ${counts[field]}`;
  const [row] = await db
    .update(runs)
    .set({
      ingestLanded: sql`${runs.ingestLanded} + ${landed}`,
      stats: sql`json_set(${runs.stats}${add('sourcesFetched')}${add('notModified')}${add('failed')}${add('itemsNew')}${add('itemsUpdated')}${add('itemsSkipped')},
        '$.ingest.failures', json((SELECT json_group_array(json(value)) FROM (
          SELECT value FROM json_each(${runs.stats}, '$.ingest.failures') UNION ALL SELECT value FROM json_each(${failures})))))`,
      errors: sql`(SELECT json_group_array(value) FROM (SELECT value FROM json_each(${runs.errors}) UNION ALL SELECT value FROM json_each(${errors})))`,
    })
    .where(eq(runs.id, runId))
    .returning({ landed: runs.ingestLanded, queued: runs.ingestQueued, status: runs.status });
  if (!row) return false;
  // Exactly one batch crosses the line; a redelivered message that lands twice cannot cross it again.
  return row.status === 'running' && row.landed >= row.queued && row.landed - landed < row.queued;
}
