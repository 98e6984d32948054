/** /media/*: streams public R2 objects (keys under media/) with their type, ETag and revalidated caching. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app';
import { openDb } from '../db/client';
import { publishedSummary } from '../db/read-model';
import { renderArticleCard } from '../pipeline/article-images';
import { siteView } from './render';
import { MEDIA_CACHE } from '../lib/http/cache-control';
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

const CARD_KEY = /^media\/([^/]+)\/card\.png$/;

/**
 * Articles published before social cards existed have none in R2: the first request for one
 * draws it from the article's row and stores it, so every published article's og:image resolves.
 */
async function backfillCard(c: Context<AppEnv>, key: string): Promise<R2ObjectBody | null> {
  const slug = CARD_KEY.exec(key)?.[1];
  if (!slug) return null;
  const article = await publishedSummary(openDb(c.env.DB), slug);
  if (!article) return null;
  await c.env.STORE.put(key, await renderArticleCard(article, siteView(c.env).name), {
    httpMetadata: { contentType: 'image/png', cacheControl: MEDIA_CACHE },
  });
  return c.env.STORE.get(key);
}

export const media = new Hono<AppEnv>();

media.get('/media/*', async (c) => {
  const key = mediaKey(c.req.path);
  if (!key) return notFoundPage(c);
  // onlyIf with the request headers makes R2 evaluate If-None-Match / If-Modified-Since itself.
  const object: R2Object | R2ObjectBody | null =
    (await c.env.STORE.get(key, { onlyIf: c.req.raw.headers })) ?? (await backfillCard(c, key));
  if (!object) return notFoundPage(c);
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  if (!headers.has('content-type')) headers.set('Content-Type', TYPES[key.slice(key.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream');
  headers.set('ETag', object.httpEtag);
  headers.set('Cache-Control', MEDIA_CACHE);
  headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  if (!('body' in object)) return new Response(null, { status: 304, headers });
  return new Response((object as R2ObjectBody).body, { headers });
});
