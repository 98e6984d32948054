/** Edge cache keys for reader URLs, and purging exactly the URLs one article touches. */
import { categorySlug } from '../env';
import { hotDelete } from './http/hot-cache';

/** The listings that take ?page=N; every other reader URL ignores its query string at the edge. */
const PAGED = /^\/(?:category\/[^/]+)?$/;
const DIGITS = /^\d+$/;

/**
 * The edge cache key of a reader URL: the canonical origin, the path and, for listings, a page
 * number above 1. Other query strings are dropped so random parameters cannot fill the cache.
 * Null when the URL must not be served from the cache (a listing with an invalid page number).
 */
export function edgeCacheKey(siteUrl: string, url: URL): string | null {
  const path = url.pathname;
  const raw = url.searchParams.get('page');
  if (raw !== null && PAGED.test(path)) {
    const page = Number(raw);
    if (!DIGITS.test(raw) || page < 1) return null;
    if (page > 1) return `${siteUrl}${path}?page=${page}`;
  }
  return `${siteUrl}${path}`;
}

/** Every cached reader URL an article appears on (pages beyond the first expire by their s-maxage). */
export function articleUrls(siteUrl: string, article: { slug: string; category: string }): string[] {
  return [
    `/articles/${article.slug}`,
    '/',
    `/category/${categorySlug(article.category)}`,
    '/corrections',
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    '/sitemap.xml',
    '/news-sitemap.xml',
  ].map((path) => `${siteUrl}${path}`);
}

/**
 * Removes an article's URLs from the edge cache after it is published, corrected or unpublished.
 * The Workers Cache API has no purge-by-tag, so we delete exactly the URLs the article touched.
 * Call it with `caches.default`; if the category changed, call it for the old category too.
 * @example await purgeArticle(caches.default, config.SITE_URL, { slug, category })
 * @returns how many cached entries were deleted
 */
export async function purgeArticle(
  cache: Cache,
  siteUrl: string,
  article: { slug: string; category: string },
): Promise<number> {
  return purgeUrls(cache, articleUrls(siteUrl, article));
}

/** The cached reader URLs that show the source registry. */
export function registryUrls(siteUrl: string): string[] {
  return ['/about', '/status'].map((path) => `${siteUrl}${path}`);
}

/**
 * Removes the pages that list the trusted sources after any change to the registry.
 * @example c.executionCtx.waitUntil(purgeRegistry(caches.default, config.SITE_URL))
 */
export async function purgeRegistry(cache: Cache, siteUrl: string): Promise<number> {
  return purgeUrls(cache, registryUrls(siteUrl));
}

/** Deletes URLs from the edge cache and from this isolate's memory in front of it; how many the cache held. */
async function purgeUrls(cache: Cache, urls: string[]): Promise<number> {
  for (const url of urls) hotDelete(url);
  const deleted = await Promise.all(urls.map((url) => cache.delete(url)));
  return deleted.filter(Boolean).length;
}
