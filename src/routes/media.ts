/** /media/*: streams public R2 objects (keys under media/) with their type, ETag and immutable caching. */
import { Hono } from 'hono';
import type { AppEnv } from '../app';
import { IMMUTABLE_CACHE } from '../lib/http/cache-control';
import { notFoundPage } from './errors';

// Fallback types by extension, for objects stored without httpMetadata.
const TYPES: Readonly<Record<string, string>> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

const PREFIX = '/media/';

/** The R2 key for a /media path, or null for anything that could step outside media/. */
export function mediaKey(path: string): string | null {
  let rest: string;
  try {
    rest = decodeURIComponent(path.slice(PREFIX.length));
  } catch {
    return null;
  }
  const segments = rest.split('/');
  if (!rest || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\'))) return null;
  return `media/${rest}`;
}

export const media = new Hono<AppEnv>();

media.get('/media/*', async (c) => {
  const key = mediaKey(c.req.path);
  if (!key) return notFoundPage(c);
  // onlyIf with the request headers makes R2 evaluate If-None-Match / If-Modified-Since itself.
  const object = await c.env.STORE.get(key, { onlyIf: c.req.raw.headers });
  if (!object) return notFoundPage(c);
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  if (!headers.has('content-type')) headers.set('Content-Type', TYPES[key.slice(key.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream');
  headers.set('ETag', object.httpEtag);
  headers.set('Cache-Control', IMMUTABLE_CACHE);
  headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  if (!('body' in object)) return new Response(null, { status: 304, headers });
  return new Response(object.body, { headers });
});
