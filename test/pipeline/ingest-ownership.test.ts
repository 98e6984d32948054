// Items are one per URL within a publisher, not across publishers: a feed linking to another
// outlet's article cannot make that outlet's own item a duplicate, nor take its credit.
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client';
import { items, sources } from '../../src/db/schema';
import { loadConfig } from '../../src/env';
import type { FetchFn } from '../../src/pipeline/ingest/fetch-feed';
import { ingestSources } from '../../src/pipeline/ingest/ingest';

const db = openDb(env.DB);

function rss(title: string, entries: { guid: string; link: string; title: string }[]) {
  const body = entries
    .map((e) => `<item><guid isPermaLink="false">${e.guid}</guid><link>${e.link.replace(/&/g, '&amp;')}</link><title>${e.title}</title><description>${e.title}, in full.</description><pubDate>${new Date().toUTCString()}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://x.invalid/</link>${body}</channel></rss>`;
}

const ARTICLE = 'https://www.outlet-a.com/news/reactor-restart';
const FEEDS: Record<string, string> = {
  'https://copycat.net/feed.xml': rss('Copycat', [{ guid: 'cc-1', link: `${ARTICLE}?utm_source=copycat&utm_medium=rss`, title: 'Reactor restarts after a year' }]),
  'https://outlet-a.com/rss.xml': rss('Outlet A', [{ guid: 'oa-1', link: ARTICLE, title: 'Reactor restarts after a year, operator says' }]),
  'https://outlet-a.com/tech.xml': rss('Outlet A Tech', [{ guid: 'oa-tech-1', link: `${ARTICLE}?utm_campaign=tech`, title: 'Reactor restarts after a year, operator says' }]),
};
const stubFetch: FetchFn = async (url) => {
  const body = FEEDS[url];
  return body ? new Response(body, { headers: { 'content-type': 'application/rss+xml' } }) : new Response('not found', { status: 404 });
};

const ingest = () => ingestSources({ db, store: env.STORE, fetch: stubFetch, config: loadConfig(env), now: new Date() });

async function register(id: string, publisher: string, feedUrl: string, homepage: string) {
  await db.insert(sources).values({ id, name: id, publisher, feedUrl, homepage });
}
const only = async (ids: string[]) => {
  for (const s of await db.select().from(sources)) {
    await db.update(sources).set({ enabled: ids.includes(s.id), nextFetchAt: null, etag: null, lastModified: null }).where(eq(sources.id, s.id));
  }
};
const itemsOf = (sourceId: string) => db.select().from(items).where(eq(items.sourceId, sourceId));

describe('item URLs across publishers', () => {
  it("keeps the outlet's own item when another feed linked to its article first, each credited to its own publisher", async () => {
    await register('copycat', 'Copycat Wire', 'https://copycat.net/feed.xml', 'https://copycat.net');
    await register('outlet-a', 'Outlet A', 'https://outlet-a.com/rss.xml', 'https://www.outlet-a.com');
    await only(['copycat']);
    expect((await ingest()).itemsNew).toBe(1);
    await only(['outlet-a']);
    const second = await ingest();
    expect(second).toMatchObject({ itemsNew: 1, itemsSkipped: 0 });
    const [own] = await itemsOf('outlet-a');
    expect(own).toMatchObject({ publisher: 'Outlet A', guid: 'oa-1', canonicalUrl: ARTICLE });
    const [copy] = await itemsOf('copycat');
    expect(copy).toMatchObject({ publisher: 'Copycat Wire', canonicalUrl: ARTICLE });
  });

  it("merges by URL within one publisher (a second feed of the outlet) and into the item of the site's owner", async () => {
    await register('outlet-a-tech', 'Outlet A', 'https://outlet-a.com/tech.xml', 'https://www.outlet-a.com');
    await register('copycat-2', 'Copycat Two', 'https://copycat.net/feed.xml?2', 'https://copycat.net');
    FEEDS['https://copycat.net/feed.xml?2'] = FEEDS['https://copycat.net/feed.xml']!.replace('cc-1', 'cc2-1');
    await only(['outlet-a-tech', 'copycat-2']);
    const run = await ingest();
    // The outlet's second feed repeats its own article; the new copycat links to an article already stored by its owner.
    expect(run).toMatchObject({ itemsNew: 0, itemsSkipped: 2 });
    expect(await itemsOf('outlet-a-tech')).toEqual([]);
    expect(await itemsOf('copycat-2')).toEqual([]);
  });
});
