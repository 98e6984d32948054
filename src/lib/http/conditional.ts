/** ETag and If-None-Match: every successful GET carries a strong ETag, a matching request gets 304. */
import type { MiddlewareHandler } from 'hono';

// Headers a 304 must repeat (RFC 9110 §15.4.5) so caches can refresh what they hold.
const KEEP_ON_304 = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary', 'cross-origin-resource-policy'];

/** SHA-256 of the body, quoted, as a strong ETag. */
export async function bodyEtag(body: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  let hex = '';
  for (let i = 0; i < 16; i++) hex += digest[i]!.toString(16).padStart(2, '0');
  return `"${hex}"`;
}

/** True when an If-None-Match header names this ETag (weak comparison, lists and * included). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

/** A 304 that keeps the validators and caching headers of the full response. */
export function notModified(full: Response): Response {
  const headers = new Headers();
  for (const name of KEEP_ON_304) {
    const v = full.headers.get(name);
    if (v !== null) headers.set(name, v);
  }
  return new Response(null, { status: 304, headers });
}

/**
 * Adds an ETag to 200 responses to GET/HEAD and answers matching If-None-Match with 304.
 * @example app.use('*', conditional())
 */
export function conditional(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const method = c.req.method;
    if ((method !== 'GET' && method !== 'HEAD') || c.res.status !== 200) return;
    let etag = c.res.headers.get('etag');
    if (!etag) {
      if (!c.res.body) return;
      const body = await c.res.arrayBuffer();
      etag = await bodyEtag(body);
      const res = new Response(body, c.res);
      res.headers.set('ETag', etag);
      c.res = res;
    }
    if (etagMatches(c.req.header('if-none-match'), etag)) {
      c.res = notModified(c.res);
      // Hono's setter merges the old response's headers in; a 304 keeps only the ones above.
      for (const name of [...c.res.headers.keys()]) if (!KEEP_ON_304.includes(name)) c.res.headers.delete(name);
    }
  };
}
