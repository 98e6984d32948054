// Editor API that grows the registry from outside: feed discovery from a home page, OPML import and export.
import { env, exports } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { openDb } from '../../src/db/client';
import { auditLog, sources } from '../../src/db/schema';
import { discoverFeeds, feedLinks } from '../../src/pipeline/ingest/discover';
import { readOpml } from '../../src/pipeline/ingest/opml';

declare module 'vitest' {
  export interface ProvidedContext {
    newswireUrl: string;
  }
}

const db = openDb(env.DB);
const base = inject('newswireUrl');

function api(path: string, init: RequestInit & { json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${env.ADMIN_TOKEN}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  return exports.default.fetch(`https://news.test/api/editor${path}`, { ...init, headers, body });
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('feed discovery', () => {
  it('finds the feeds a page announces, main feed before comments, resolved against <base> and the page', () => {
    const html = `<html><head><base href="https://site.example/news/">
      <!-- <link rel="alternate" type="application/rss+xml" href="/commented-out.xml"> -->
      <link rel="alternate" type="application/rss+xml" title="Comments" href="comments/feed">
      <LINK REL="Alternate" TYPE="application/atom+xml" HREF="atom.xml" title="Site &amp; News">
      <link rel="alternate" type="application/feed+json" href="https://site.example/feed.json">
      <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      </head><body><link rel="alternate" type="application/rss+xml" href="/in-body.xml"></body></html>`;
    expect(feedLinks(html, 'https://site.example/')).toEqual([
      { url: 'https://site.example/news/atom.xml', format: 'atom', title: 'Site & News' },
      { url: 'https://site.example/feed.json', format: 'json' },
      { url: 'https://site.example/news/comments/feed', format: 'rss', title: 'Comments' },
    ]);
  });

  it('drops announced feeds that no fetch may reach (private addresses, credentials, odd ports)', async () => {
    const page = `<html><head>
      <link rel="alternate" type="application/rss+xml" href="http://10.0.0.1/feed.xml">
      <link rel="alternate" type="application/rss+xml" href="http://user:pw@news.example.com/feed.xml">
      <link rel="alternate" type="application/atom+xml" href="https://news.example.com:8443/atom.xml">
      <link rel="alternate" type="application/atom+xml" href="https://news.example.com/atom.xml">
      </head></html>`;
    const fetch = async () => new Response(page, { headers: { 'content-type': 'text/html' } });
    const found = await discoverFeeds('https://news.example.com/', { fetch, timeoutMs: 1000, maxBytes: 1 << 20, allowLoopback: false, userAgent: 'test' });
    expect(found).toEqual({ kind: 'page', pageUrl: 'https://news.example.com/', feeds: [{ url: 'https://news.example.com/atom.xml', format: 'atom' }] });
  });

  it('discovers a home page’s feed through the editor API without adding anything', async () => {
    const res = await api('/sources/discover', { method: 'POST', json: { url: `${base}/sites/quillon-review/` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { pageUrl: string; feeds: { url: string; format: string }[] };
    expect(body.pageUrl).toBe(`${base}/sites/quillon-review/`);
    expect(body.feeds[0]).toMatchObject({ url: `${base}/feeds/quillon-review.atom`, format: 'atom' });
  });

  it('adds a source from a site’s home page, with the discovered feed, the page as homepage, and an audit record', async () => {
    const res = await api('/sources/from-site', { method: 'POST', json: { url: `${base}/sites/harbor-signal/`, publisher: 'Harbor Signal', trustTier: 1 } });
    expect(res.status).toBe(201);
    const { source } = (await res.json()) as { source: { id: string; feedUrl: string; homepage: string; name: string; trustTier: number } };
    expect(source).toMatchObject({ feedUrl: `${base}/feeds/harbor-signal.rdf`, homepage: `${base}/sites/harbor-signal/`, trustTier: 1 });
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, source.id));
    expect(audits.map((a) => a.action)).toEqual(['add-source']);
    // The same site again is a conflict, not a second source.
    const again = await api('/sources/from-site', { method: 'POST', json: { url: `${base}/sites/harbor-signal/`, publisher: 'Harbor Signal' } });
    expect(again.status).toBe(409);
  });

  it('accepts a feed URL as the site and says clearly when a page announces no feed', async () => {
    const feed = await api('/sources/discover', { method: 'POST', json: { url: `${base}/feeds/lattice-dispatch.json` } });
    expect(((await feed.json()) as { feeds: { url: string; format: string }[] }).feeds).toEqual([
      expect.objectContaining({ url: `${base}/feeds/lattice-dispatch.json`, format: 'json' }),
    ]);
    const page = await api('/sources/discover', { method: 'POST', json: { url: `${base}/` } });
    expect(page.status).toBe(422);
    expect(await errorOf(page)).toMatchObject({ code: 'no-feed' });
  });

  it('refuses unsafe site URLs before fetching anything', async () => {
    for (const url of ['http://10.0.0.1/', 'http://user:pw@example.com/', 'file:///etc/passwd', 'http://example.com:8443/']) {
      const res = await api('/sources/discover', { method: 'POST', json: { url } });
      expect(res.status, url).toBe(400);
    }
  });
});

describe('OPML', () => {
  const opml = (outlines: string) => `<?xml version="1.0"?><opml version="2.0"><head><title>My reader</title></head><body>${outlines}</body></opml>`;

  it('imports the feeds of nested folders, validating each, skipping known feeds and reporting bad ones', async () => {
    await db.insert(sources).values({ id: 'known', name: 'Known', publisher: 'Known', feedUrl: 'https://known.example.net/feed.xml' });
    const body = opml(`
      <outline text="Research">
        <outline type="rss" text="Lab Notes" xmlUrl="https://lab.example.com/feed.xml" htmlUrl="https://www.lab.example.com/"/>
        <outline text="Deeper"><outline type="rss" title="Lab Notes" xmlUrl="https://lab.example.com/other.xml"/></outline>
      </outline>
      <outline type="rss" text="Known again" xmlUrl="https://known.example.net/feed.xml"/>
      <outline type="rss" text="Private" xmlUrl="http://192.168.1.1/feed.xml"/>
      <outline type="rss" text="Dup in file" xmlUrl="https://lab.example.com/feed.xml"/>`);
    const res = await api('/sources/opml', { method: 'POST', body, headers: { 'content-type': 'text/x-opml' } });
    expect(res.status).toBe(201);
    const report = (await res.json()) as { added: string[]; existing: { n: number; sourceId: string }[]; invalid: { n: number; reason: string }[] };
    expect(report.added).toEqual(['lab-notes', 'lab-notes-2']);
    expect(report.existing).toEqual([
      { n: 3, feedUrl: 'https://known.example.net/feed.xml', sourceId: 'known' },
      { n: 5, feedUrl: 'https://lab.example.com/feed.xml', sourceId: 'lab-notes' },
    ]);
    expect(report.invalid).toHaveLength(1);
    expect(report.invalid[0]).toMatchObject({ n: 4, name: 'Private' });
    const [lab] = await db.select().from(sources).where(eq(sources.id, 'lab-notes'));
    // The folder is the category hint; the site host is the publisher family.
    expect(lab).toMatchObject({ categoryHint: 'Research', publisher: 'lab.example.com', homepage: 'https://www.lab.example.com/' });
  });

  it('exports the registry as OPML that imports back to the same sources', async () => {
    const res = await api('/sources/opml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/x-opml');
    const text = await res.text();
    const rows = await db.select().from(sources);
    const back = readOpml(text).feeds.map((f) => f.input);
    expect(back).toHaveLength(rows.length);
    for (const row of rows) {
      expect(back).toContainEqual(
        expect.objectContaining({ id: row.id, name: row.name, publisher: row.publisher, feedUrl: row.feedUrl, trustTier: row.trustTier }),
      );
    }
  });

  it('refuses what is not OPML, and entity tricks, with a clear error', async () => {
    const notOpml = await api('/sources/opml', { method: 'POST', body: '<rss><channel/></rss>', headers: { 'content-type': 'application/xml' } });
    expect(notOpml.status).toBe(400);
    expect((await errorOf(notOpml)).message).toMatch(/not OPML/);
    const laughs = '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body><outline xmlUrl="https://x.example/&a;"/></body></opml>';
    expect((await api('/sources/opml', { method: 'POST', body: laughs, headers: { 'content-type': 'text/x-opml' } })).status).toBe(400);
    expect((await api('/sources/opml', { method: 'POST', body: opml(''), headers: { 'content-type': 'application/json' } })).status).toBe(415);
  });

  it('refuses a file cut short and one with too many feeds, and imports nothing from either', async () => {
    const outline = (i: number) => `<outline text="Cut ${i}" xmlUrl="https://cut${i}.example/feed.xml"/>`;
    const cut = opml([1, 2, 3].map(outline).join('')).slice(0, -30);
    const truncated = await api('/sources/opml', { method: 'POST', body: cut, headers: { 'content-type': 'text/x-opml' } });
    expect(truncated.status).toBe(400);
    expect((await errorOf(truncated)).message).toMatch(/not well-formed.*nothing was imported/);
    const many = opml(Array.from({ length: 501 }, (_, i) => outline(100 + i)).join(''));
    const tooMany = await api('/sources/opml', { method: 'POST', body: many, headers: { 'content-type': 'text/x-opml' } });
    expect(tooMany.status).toBe(413);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM sources WHERE feed_url LIKE 'https://cut%'").first<{ n: number }>();
    expect(count?.n).toBe(0);
  });
});

describe('one feed, one source', () => {
  it('answers 409 naming the existing source for the same feed URL spelled trivially differently, and keeps real differences apart', async () => {
    const created = await api('/sources', { method: 'POST', json: { name: 'Spelling Wire', publisher: 'Spelling', feedUrl: 'https://spelling.example.com/feeds/news.xml' } });
    expect(created.status).toBe(201);
    for (const feedUrl of [
      'HTTPS://Spelling.Example.COM/feeds/news.xml',
      'https://spelling.example.com:443/feeds/news.xml',
      'https://spelling.example.com/feeds/news.xml#top',
      'https://spelling.example.com/feeds/news.xml?',
    ]) {
      const dup = await api('/sources', { method: 'POST', json: { name: `Copy ${feedUrl.length}`, publisher: 'Other', feedUrl } });
      expect(dup.status, feedUrl).toBe(409);
      const body = (await dup.json()) as { error: { message: string }; source: { id: string } };
      expect(body.source.id, feedUrl).toBe('spelling-wire');
      expect(body.error.message).toBe('The feed https://spelling.example.com/feeds/news.xml is in the registry already, as "Spelling Wire" ("spelling-wire").');
    }
    // Another query or path is another resource.
    for (const feedUrl of ['https://spelling.example.com/feeds/news.xml?dup=1', 'https://spelling.example.com/feeds/news.xml/']) {
      const other = await api('/sources', { method: 'POST', json: { name: `Other ${feedUrl.length}`, publisher: 'Other', feedUrl } });
      expect(other.status, feedUrl).toBe(201);
    }
  });

  it('gives a new feed whose name derives a taken id a suffixed id instead of refusing it; an id the editor chose stays theirs', async () => {
    const first = await api('/sources', { method: 'POST', json: { name: 'T', publisher: 'Tee One', feedUrl: 'https://tee-one.example.com/feed.xml' } });
    const second = await api('/sources', { method: 'POST', json: { name: 'T', publisher: 'Tee Two', feedUrl: 'https://tee-two.example.com/feed.xml' } });
    const third = await api('/sources', { method: 'POST', json: { name: 't!', publisher: 'Tee Three', feedUrl: 'https://tee-three.example.com/feed.xml' } });
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    const ids = await Promise.all([first, second, third].map(async (r) => ((await r.json()) as { source: { id: string } }).source.id));
    expect(ids).toEqual(['t', 't-2', 't-3']);
    const chosen = await api('/sources', { method: 'POST', json: { id: 't', name: 'Tee Four', publisher: 'Tee Four', feedUrl: 'https://tee-four.example.com/feed.xml' } });
    expect(chosen.status).toBe(409);
    expect((await errorOf(chosen)).message).toBe('A source with the id "t" exists already ("T").');
  });
});
