/**
 * The Worker as the reader-load benchmark runs it (`wrangler dev test/bench-worker/entry.ts`): the
 * production entry unchanged, plus what only a benchmark needs, kept out of the shipped bundle:
 *
 * - `GET /__bench/constant?bytes=N`: N bytes of HTML built once, the same runtime's ceiling;
 * - request header `x-bench-cache: bypass`: no edge cache (nor its memory layer) for this request;
 * - request header `x-bench-d1: count`: the D1 binding is counted, and the answer carries
 *   `x-bench-d1-round-trips` (calls that reach D1: one per statement run alone, one per batch)
 *   and `x-bench-d1-statements` (SQL statements, a batch's each counted).
 */
import worker from '../../src/index';

export { StoryWorkflow } from '../../src/index';

const realCaches = (globalThis as { caches?: CacheStorage }).caches;
let bypassing = false;
// The app reads globalThis.caches once per request, in the synchronous part of its middleware chain:
// without one (as in Node) it skips the edge cache and its memory layer. A flag set around that part
// (not AsyncLocalStorage, whose context tracking would slow every await of the app) scopes it to one request.
Object.defineProperty(globalThis, 'caches', {
  configurable: true,
  get: () => (bypassing ? undefined : realCaches),
});

/** Starts `run` with no cache visible to its synchronous part; the reader bench checks the answer has no X-Edge-Cache. */
function withoutCache<T>(run: () => T): T {
  bypassing = true;
  try {
    return run();
  } finally {
    bypassing = false;
  }
}

const constants = new Map<number, string>();
/** N bytes of ASCII HTML, made once per size. */
function constantBody(bytes: number): string {
  let body = constants.get(bytes);
  if (!body) {
    const head = '<!doctype html><html lang="en"><title>constant</title><p>';
    body = head + 'x'.repeat(Math.max(0, bytes - head.length));
    constants.set(bytes, body);
  }
  return body;
}

interface D1Count {
  roundTrips: number;
  statements: number;
}

/** The same statement with its run methods counted; bind() hands back a counted statement too. */
function countedStatement(stmt: D1PreparedStatement, count: D1Count): D1PreparedStatement {
  const own = stmt as unknown as Record<string, unknown>;
  for (const method of ['first', 'run', 'all', 'raw'] as const) {
    const real = stmt[method].bind(stmt) as (...args: unknown[]) => unknown;
    own[method] = (...args: unknown[]) => {
      count.roundTrips++;
      count.statements++;
      return real(...args);
    };
  }
  const bind = stmt.bind.bind(stmt);
  own.bind = (...values: unknown[]) => countedStatement(bind(...values), count);
  return stmt;
}

/** The D1 binding with every call that reaches the database counted (statements stay real ones, so batch accepts them). */
function countedD1(db: D1Database, count: D1Count): D1Database {
  return new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') return (sql: string) => countedStatement(target.prepare(sql), count);
      if (key === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          count.roundTrips++;
          count.statements += statements.length;
          return target.batch(statements);
        };
      }
      if (key === 'exec') {
        return (sql: string) => {
          count.roundTrips++;
          count.statements += sql.split(';').filter((s) => s.trim()).length;
          return target.exec(sql);
        };
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export default {
  ...worker,
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === '/__bench/constant') {
      const bytes = Math.min(10_000_000, Math.max(0, Number(url.searchParams.get('bytes') ?? 0) || 0));
      return new Response(constantBody(bytes), { headers: { 'content-type': 'text/html; charset=utf-8' } });
    }
    const bypass = request.headers.get('x-bench-cache') === 'bypass';
    const count: D1Count = { roundTrips: 0, statements: 0 };
    const counting = request.headers.get('x-bench-d1') === 'count';
    const used = counting ? { ...env, DB: countedD1(env.DB, count) } : env;
    const answer = bypass ? withoutCache(() => worker.fetch(request, used, ctx)) : worker.fetch(request, used, ctx);
    if (!counting) return answer;
    const res = await answer;
    const out = new Response(res.body, res);
    out.headers.set('x-bench-d1-round-trips', String(count.roundTrips));
    out.headers.set('x-bench-d1-statements', String(count.statements));
    return out;
  },
} satisfies ExportedHandler<Env>;
