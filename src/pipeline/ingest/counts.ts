/** An ingest's counts: per source outcome, and on the run record (the in-invocation path). */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { runs, type Source } from '../../db/schema';
import type { IngestCounts, SourceOutcome } from './ingest';

/** Counts before any source was ingested. */
export function emptyCounts(sourcesDue: number): IngestCounts {
  return { sourcesDue, sourcesFetched: 0, notModified: 0, failed: 0, failures: [], itemsNew: 0, itemsUpdated: 0, itemsSkipped: 0 };
}

/** Adds one source's outcome to the counts. */
export function addOutcome(counts: IngestCounts, source: Pick<Source, 'id' | 'name'>, outcome: SourceOutcome): void {
  if (outcome.kind === 'not-modified') counts.notModified++;
  else if (outcome.kind === 'failed') {
    counts.failed++;
    counts.failures.push({ sourceId: source.id, name: source.name, code: outcome.code, message: outcome.message });
  } else {
    counts.sourcesFetched++;
    counts.itemsNew += outcome.itemsNew;
    counts.itemsUpdated += outcome.itemsUpdated;
    counts.itemsSkipped += outcome.itemsSkipped;
  }
}

/** Adds the ingest counts and failures to the run record. */
export async function recordOnRun(db: Db, runId: string, counts: IngestCounts): Promise<void> {
  const [run] = await db.select({ stats: runs.stats, errors: runs.errors }).from(runs).where(eq(runs.id, runId));
  if (!run) throw new Error(`Run ${runId} not found`);
  const { failures, ...numbers } = counts;
  await db
    .update(runs)
    .set({
      stats: { ...run.stats, ingest: { ...numbers, failures } },
      errors: [...run.errors, ...failures.map((f) => `${f.name}: ${f.message}`)],
    })
    .where(eq(runs.id, runId));
}
