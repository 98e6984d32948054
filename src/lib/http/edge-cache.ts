/** Serves public GET pages from the Workers Cache API and stores fresh 200s there. */
import type { Context, MiddlewareHandler } from 'hono';
import { edgeCacheKey } from '../cache';

const SHARED_CACHEABLE = /\bs-maxage=\d+/;

/** The data-center cache, when the runtime has one (workerd does, Node does not). */
function defaultCache(): Cache | undefined {
  return (globalThis as { caches?: { default?: Cache } }).caches?.default;
}

function waitUntil(c: Context, work: Promise<unknown>): void {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // No execution context (plain app.request in a unit test): let the put finish on its own.
    void work;
  }
}

/**
 * Looks the request up in the edge cache under its canonical key; on a miss runs the route and
 * stores a 200 whose Cache-Control allows shared caching (`s-maxage`).
 * @example app.use('/articles/*', edgeCache((c) => loadConfig(c.env).SITE_URL))
 */
export function edgeCache(siteUrl: (c: Context) => string): MiddlewareHandler {
  return async (c, next) => {
    const cache = defaultCache();
    if (!cache || c.req.method !== 'GET') return next();
    const key = edgeCacheKey(siteUrl(c), new URL(c.req.url));
    if (!key) return next();
    const hit = await cache.match(key);
    if (hit) {
      // Copy so outer middleware may add headers (cached responses are immutable).
      const res = new Response(hit.body, hit);
      res.headers.set('X-Edge-Cache', 'HIT');
      return res;
    }
    await next();
    if (c.res.status !== 200 || !SHARED_CACHEABLE.test(c.res.headers.get('cache-control') ?? '')) return;
    waitUntil(c, cache.put(key, c.res.clone()));
    c.res.headers.set('X-Edge-Cache', 'MISS');
  };
}
