/** Feeds (RSS, Atom, JSON Feed), sitemaps and robots.txt. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app';
import { openDb } from '../db/client';
import { allPublished, latestPublished, publishedSince } from '../db/read-model';
import { FEED_CACHE } from '../lib/http/cache-control';
import { HOUR_MS } from '../lib/time';
import { atomFeed, jsonFeed, rssFeed } from '../../templates/feeds';
import { newsSitemap, robotsTxt, sitemap } from '../../templates/sitemaps';
import { siteView } from './render';

const FEED_SIZE = 50;
const NEWS_WINDOW_MS = 48 * HOUR_MS;

/** A feed or sitemap response: its type, feed caching, and readable by other origins' readers. */
function feedResponse(c: Context<AppEnv>, body: string, contentType: string): Response {
  return c.body(body, 200, {
    'Content-Type': `${contentType}; charset=utf-8`,
    'Cache-Control': FEED_CACHE,
    'Cross-Origin-Resource-Policy': 'cross-origin',
  });
}

export const feeds = new Hono<AppEnv>();

feeds.get('/feed.xml', async (c) => {
  const articles = await latestPublished(openDb(c.env.DB), FEED_SIZE);
  return feedResponse(c, rssFeed({ site: siteView(c.env), articles }), 'application/rss+xml');
});

feeds.get('/atom.xml', async (c) => {
  const articles = await latestPublished(openDb(c.env.DB), FEED_SIZE);
  return feedResponse(c, atomFeed({ site: siteView(c.env), articles }), 'application/atom+xml');
});

feeds.get('/feed.json', async (c) => {
  const articles = await latestPublished(openDb(c.env.DB), FEED_SIZE);
  return feedResponse(c, jsonFeed({ site: siteView(c.env), articles }), 'application/feed+json');
});

feeds.get('/sitemap.xml', async (c) => {
  const articles = await allPublished(openDb(c.env.DB));
  return feedResponse(c, sitemap(siteView(c.env), articles), 'application/xml');
});

feeds.get('/news-sitemap.xml', async (c) => {
  const since = new Date(Date.now() - NEWS_WINDOW_MS).toISOString();
  const articles = await publishedSince(openDb(c.env.DB), since);
  return feedResponse(c, newsSitemap(siteView(c.env), articles), 'application/xml');
});

feeds.get('/robots.txt', (c) => feedResponse(c, robotsTxt(siteView(c.env)), 'text/plain'));
