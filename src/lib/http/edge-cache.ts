/** Serves public GET pages from the Workers Cache API (with a few seconds of memory in front) and stores fresh 200s there. */
import type { Context, MiddlewareHandler } from 'hono';
import { edgeCacheKey } from '../cache';
import { bodyEtag } from './conditional';
import { hotGet, hotPut } from './hot-cache';

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
 * Looks the request up in this isolate's memory (hot-cache.ts), then in the edge cache, under its
 * canonical key; on a miss runs the route and stores a 200 whose Cache-Control allows shared
 * caching (`s-maxage`) in both, with its ETag, so a hit is never hashed again.
 * @example app.use('/articles/*', edgeCache((c) => loadConfig(c.env).SITE_URL))
 */
export function edgeCache(siteUrl: (c: Context) => string): MiddlewareHandler {
  return async (c, next) => {
    const cache = defaultCache();
    if (!cache || c.req.method !== 'GET') return next();
    const key = edgeCacheKey(siteUrl(c), new URL(c.req.url));
    if (!key) return next();
    const hot = hotGet(key);
    if (hot) return served(hot);
    const hit = await cache.match(key);
    if (hit) {
      const body = await hit.arrayBuffer();
      hotPut(key, hit, body);
      return served(new Response(body, hit));
    }
    await next();
    if (c.res.status !== 200 || !SHARED_CACHEABLE.test(c.res.headers.get('cache-control') ?? '')) return;
    const body = await c.res.arrayBuffer();
    const res = new Response(body, c.res);
    if (!res.headers.has('etag')) res.headers.set('ETag', await bodyEtag(body));
    hotPut(key, res, body);
    waitUntil(c, cache.put(key, res.clone()));
    res.headers.set('X-Edge-Cache', 'MISS');
    c.res = res;
  };
}

/** A cached answer, marked as such (a fresh copy: cached responses are immutable). */
function served(res: Response): Response {
  res.headers.set('X-Edge-Cache', 'HIT');
  return res;
}
