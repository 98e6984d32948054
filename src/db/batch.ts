/**
 * One atomic D1 batch from drizzle queries and raw statements. drizzle's own
 * `db.batch()` cannot carry raw SQL with parameters on D1 (its raw query has no
 * prepared statement to bind), and the FTS table is only reachable by raw SQL.
 */
import type { Db } from './client';

export interface Statement {
  toSQL(): { sql: string; params: unknown[] };
}

/** A raw SQL statement with positional `?` parameters. */
export function rawStatement(sql: string, ...params: unknown[]): Statement {
  return { toSQL: () => ({ sql, params }) };
}

/** Runs every statement in one D1 batch: all of them land, or none does. Returns each statement's result. */
export async function runBatch(db: Db, statements: readonly Statement[]): Promise<D1Result[]> {
  if (!statements.length) return [];
  const d1 = db.$client;
  return d1.batch(
    statements.map((s) => {
      const { sql, params } = s.toSQL();
      return d1.prepare(sql).bind(...params);
    }),
  );
}

const GUARD_FAILED = 'NOT NULL constraint failed: batch_guards.reason';

/**
 * Put right after a conditional UPDATE (`... WHERE status = ?`): aborts the whole batch when that
 * update changed no row, so nothing after it lands on a state that moved under us.
 * @example await runBatch(db, [db.update(articles).set(x).where(and(eq(articles.id, id), eq(articles.status, 'published'))), abortUnlessChanged(), audit])
 */
export function abortUnlessChanged(): Statement {
  return rawStatement('INSERT INTO batch_guards (reason) SELECT NULL WHERE changes() = 0');
}

function messages(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e instanceof Error && parts.length < 5; e = e.cause) parts.push(e.message);
  return parts.join(' | ');
}

/** True when a batch was aborted by `abortUnlessChanged` (the state it expected had changed). */
export function isGuardAbort(err: unknown): boolean {
  return messages(err).includes(GUARD_FAILED);
}

/** True when D1 refused a write because a unique index or primary key already had the value. */
export function isUniqueViolation(err: unknown): boolean {
  return /UNIQUE constraint failed|PRIMARY KEY constraint failed|SQLITE_CONSTRAINT_(?:UNIQUE|PRIMARYKEY)/.test(messages(err));
}
