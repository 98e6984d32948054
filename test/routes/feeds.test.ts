import { exports } from 'cloudflare:workers';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { hoursAgo, seedArticle } from '../helpers/seed';

const get = (path: string) => exports.default.fetch(`https://news.test${path}`);
const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

beforeAll(async () => {
  // 55 published articles: feeds carry the latest 50; two are older than the news sitemap's 48 hours.
  for (let i = 0; i < 55; i++) {
    await seedArticle({ slug: `story-${i}`, title: `Fictional report number ${i} on the Tidewater data centre`, publishedAt: hoursAgo(i < 53 ? 1 + i / 2 : 72 + i) });
  }
  await seedArticle({ slug: 'held-in-feed', title: 'A held story must never reach a feed', status: 'held' });
});

describe('RSS 2.0', () => {
  it('is well-formed RSS with the latest 50 items, newest first, as an independent parser reads it', async () => {
    const res = await get('/feed.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const body = await res.text();
    expect(XMLValidator.validate(body)).toBe(true);
    const feed = parseRssFeed(body);
    expect(feed.title).toBe('Digital Mind News');
    expect(feed.items).toHaveLength(50);
    expect(feed.items?.[0]?.title).toBe('Fictional report number 0 on the Tidewater data centre');
    expect(feed.items?.[0]?.link).toBe('https://news.test/articles/story-0');
    expect(Date.parse(feed.items![0]!.pubDate!)).toBeGreaterThan(Date.parse(feed.items![1]!.pubDate!));
    expect(body).not.toContain('held-in-feed');
  });
});

describe('Atom 1.0', () => {
  it('has ids, links, dates and summaries for each entry', async () => {
    const res = await get('/atom.xml');
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const body = await res.text();
    const feed = parseAtomFeed(body);
    expect(feed.entries).toHaveLength(50);
    const first = feed.entries![0]!;
    expect(first.id).toBe('https://news.test/articles/story-0');
    expect(first.links?.[0]?.href).toBe('https://news.test/articles/story-0');
    expect(Number.isNaN(Date.parse(first.updated!))).toBe(false);
    expect(feed.links?.some((l) => l.rel === 'self' && l.href === 'https://news.test/atom.xml')).toBe(true);
  });
});

describe('JSON Feed 1.1', () => {
  it('parses as JSON and as a JSON Feed with 50 items', async () => {
    const res = await get('/feed.json');
    expect(res.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const text = await res.text();
    const raw = JSON.parse(text);
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    const feed = parseJsonFeed(text);
    expect(feed.items).toHaveLength(50);
    expect(feed.items?.[0]?.url).toBe('https://news.test/articles/story-0');
    expect(raw.items[0].content_text).toContain('Written by AI');
  });
});

describe('sitemaps and robots.txt', () => {
  it('lists every published article and the fixed pages in sitemap.xml', async () => {
    const res = await get('/sitemap.xml');
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const doc = xmlParser.parse(await res.text());
    const locs: string[] = doc.urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs).toContain('https://news.test/about');
    expect(locs).toContain('https://news.test/category/open-source');
    expect(locs.filter((l) => l.includes('/articles/'))).toHaveLength(55);
    expect(locs).not.toContain('https://news.test/articles/held-in-feed');
  });

  it('lists only the last 48 hours in the Google News sitemap', async () => {
    const doc = xmlParser.parse(await (await get('/news-sitemap.xml')).text());
    expect(doc.urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const urls = doc.urlset.url as { loc: string; 'news:news': Record<string, unknown> }[];
    expect(urls).toHaveLength(53);
    expect(urls[0]!['news:news']['news:title']).toBe('Fictional report number 0 on the Tidewater data centre');
    expect(urls.map((u) => u.loc)).not.toContain('https://news.test/articles/story-54');
  });

  it('names both sitemaps in robots.txt', async () => {
    const res = await get('/robots.txt');
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('Sitemap: https://news.test/sitemap.xml');
    expect(text).toContain('Sitemap: https://news.test/news-sitemap.xml');
  });
});
