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

/** Runs every statement in one D1 batch: all of them land, or none does. */
export async function runBatch(db: Db, statements: readonly Statement[]): Promise<void> {
  if (!statements.length) return;
  const d1 = db.$client;
  await d1.batch(
    statements.map((s) => {
      const { sql, params } = s.toSQL();
      return d1.prepare(sql).bind(...params);
    }),
  );
}
