/**
 * Named leases in D1: at most one holder at a time, until the lease expires. A holder that
 * stops renewing (killed, evicted, deployed over) loses the lease after its time-to-live, so
 * nothing stays locked for longer than that. Uniqueness of the lease name does the locking.
 */
import type { Db } from './client';

export interface Lease {
  name: string;
  holder: string;
  expiresAt: string;
}

/**
 * Takes the lease for `holder` if it is free or expired.
 * @example if (!(await acquireLease(db, 'newsroom-run', runId, 15 * 60_000, new Date()))) return 'busy'
 * @returns true when `holder` now holds it
 */
export async function acquireLease(db: Db, name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
  const result = await db.$client
    .prepare(
      `INSERT INTO leases (name, holder, expires_at) VALUES (?1, ?2, ?3)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.expires_at <= ?4`,
    )
    .bind(name, holder, new Date(now.getTime() + ttlMs).toISOString(), now.toISOString())
    .run();
  return result.meta.changes === 1;
}

/** Extends the lease while `holder` still has it; false when it was lost (expired and taken). */
export async function renewLease(db: Db, name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
  const result = await db.$client
    .prepare('UPDATE leases SET expires_at = ?3 WHERE name = ?1 AND holder = ?2')
    .bind(name, holder, new Date(now.getTime() + ttlMs).toISOString())
    .run();
  return result.meta.changes === 1;
}

/** Gives the lease up, if `holder` still has it. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.$client.prepare('DELETE FROM leases WHERE name = ?1 AND holder = ?2').bind(name, holder).run();
}

/** The lease's current holder, if it has one that has not expired. */
export async function currentLease(db: Db, name: string, now: Date): Promise<Lease | null> {
  const row = await db.$client
    .prepare('SELECT name, holder, expires_at AS expiresAt FROM leases WHERE name = ?1 AND expires_at > ?2')
    .bind(name, now.toISOString())
    .first<Lease>();
  return row ?? null;
}
