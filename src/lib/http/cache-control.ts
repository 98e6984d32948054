/** Cache-Control policies of the reader side, by kind of response. */

/** Listings and articles: browsers revalidate soon, the edge keeps them a few minutes and serves stale while refreshing. */
export const PAGE_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=86400';
/** Feeds and sitemaps: read by crawlers and feed readers on their own schedule. */
export const FEED_CACHE = 'public, max-age=300, s-maxage=600, stale-while-revalidate=86400';
/** Search results depend on free-form input: short-lived, and never stored at the edge (see edge-cache.ts). */
export const SEARCH_CACHE = 'public, max-age=60, s-maxage=60, stale-while-revalidate=600';
/** Article media (cover, social card): rewritten with each new version at the same key, so revalidated like pages (ETag). */
export const MEDIA_CACHE = 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400';
/** Errors and the live status page. */
export const NO_STORE = 'no-store';
