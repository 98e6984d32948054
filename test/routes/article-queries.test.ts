// An uncached article page reads D1 once: the article row with its version, sources, checks,
// history, corrections and editor actions as JSON columns of the same statement (issue 13: ≤ 2).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app';
import { openDb } from '../../src/db/client';
import { publishSampleArticle } from '../helpers/stories';

/** The D1 binding, counting the statements it runs (a batch counts each of its statements). */
function countingDb(db: D1Database): { db: D1Database; statements: () => number } {
  let n = 0;
  const wrap = (stmt: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(stmt, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (key === 'bind') return (...args: unknown[]) => wrap((value as (...a: unknown[]) => D1PreparedStatement).apply(target, args));
        if (key === 'first' || key === 'all' || key === 'raw' || key === 'run') return (...args: unknown[]) => (n++, (value as (...a: unknown[]) => unknown).apply(target, args));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const proxy = new Proxy(db, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key === 'prepare') return (query: string) => wrap(target.prepare(query));
      if (key === 'batch') return (stmts: D1PreparedStatement[]) => ((n += stmts.length), target.batch(stmts));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, statements: () => n };
}

describe('the article page reads D1', () => {
  it('in at most two statements, with its sources, checks and versions on the page', async () => {
    const published = await publishSampleArticle(openDb(env.DB), 'story-queries');
    const counted = countingDb(env.DB);
    const res = await app.fetch(new Request(`https://news.test/articles/${published.slug}`), { ...env, DB: counted.db }, { waitUntil: () => {}, passThroughOnException: () => {}, props: {} } as unknown as ExecutionContext);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Northwind Ledger');
    expect(html).toContain('How this article was made');
    expect(counted.statements()).toBeGreaterThan(0);
    expect(counted.statements()).toBeLessThanOrEqual(2);
  });
});
