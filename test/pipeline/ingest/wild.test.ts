// ingestSources on feeds as they come in the wild: undated backlogs, a broken item, charsets that lie,
// and feeds that move. The publishers are scripted responses on loopback addresses (no sockets).
import { env } from 'cloudflare:workers';
import { eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src/db/client';
import { items as itemsTable, sources } from '../../../src/db/schema';
import { loadConfig } from '../../../src/env';
import type { FetchFn } from '../../../src/pipeline/ingest/fetch-feed';
import { ingestSources, UNDATED, type IngestConfig } from '../../../src/pipeline/ingest/ingest';
import { addSources } from '../../../src/pipeline/ingest/sources';
import { updateStories } from '../../../src/pipeline/stories';

const db = openDb(env.DB);
// The scripted host is on loopback port 8799: allowed here as the demo newswire's port is in the Worker's config.
const config: IngestConfig = { ...loadConfig(env), ALLOW_LOOPBACK_SOURCES: [8799], FETCH_TIMEOUT_MS: 2000 };
const HOST = 'http://127.0.0.1:8799';

/** What each URL answers, changeable between runs. */
const routes = new Map<string, () => Response>();
const scripted: FetchFn = async (url) => {
  const route = routes.get(url);
  if (!route) return new Response('not here', { status: 404 });
  return route();
};
const feedResponse = (body: string | Uint8Array, type = 'application/rss+xml; charset=utf-8') => () =>
  new Response(body, { headers: { 'content-type': type } });
const redirect = (status: number, to: string) => () => new Response(null, { status, headers: { location: to } });

const ingest = (now: Date) => ingestSources({ db, store: env.STORE, fetch: scripted, config, now });
const itemsOf = (sourceId: string) => db.select().from(itemsTable).where(eq(itemsTable.sourceId, sourceId));
async function source(id: string) {
  const [row] = await db.select().from(sources).where(eq(sources.id, id));
  return row!;
}

function rss(items: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>${HOST}/</link>${items}</channel></rss>`;
}
const item = (path: string, title: string, extra = '') =>
  `<item><title>${title}</title><link>${HOST}/${path}</link><description>${title}, the council said on Monday.</description>${extra}</item>`;

async function addSource(id: string, publisher = id) {
  await addSources(db, [{ id, name: id, publisher, feedUrl: `${HOST}/${id}.xml` }], { allowLoopback: [8799] });
}

describe('undated items', () => {
  it('never look fresh because of when they were fetched: a first fetch of an undated backlog joins no story (handed case)', async () => {
    const now = new Date('2026-03-02T12:00:00Z');
    // Two publishers' own reports of one event (worded apart, so neither is a syndicated copy).
    const reports = [
      ['Harbour bridge reopens to traffic after three weeks of repairs', 'The Harbour bridge in Portvale reopened to traffic on Monday after three weeks of repairs, the city council said.'],
      ['Portvale council ends Harbour bridge repairs, cars return', 'Cars were back on the Harbour bridge on Monday as Portvale council finished three weeks of repair work on the crossing.'],
    ];
    const report = (id: string, n: number, extra = '') =>
      `<item><title>${reports[n]![0]}</title><link>${HOST}/${id}/bridge</link><description>${reports[n]![1]}</description>${extra}</item>`;
    for (const [n, id] of ['undated-a', 'undated-b'].entries()) {
      await addSource(id);
      routes.set(`${HOST}/${id}.xml`, feedResponse(rss(report(id, n) + item(`${id}/garbled`, `Ferry timetable changes ${n}`, '<pubDate>sometime last week</pubDate>'))));
    }
    await ingest(now);
    for (const id of ['undated-a', 'undated-b']) {
      const rows = await itemsOf(id);
      expect(rows).toHaveLength(2);
      // Neither the missing nor the unreadable date became the fetch time.
      for (const row of rows) {
        expect(row.publishedAt).toBe(UNDATED);
        expect(row.fetchedAt).toBe(now.toISOString());
      }
    }
    // Two publishers report the same event, but undated: outside every clustering window.
    const config = { CLUSTER_WINDOW_HOURS: 24 * 14, MIN_PUBLISHERS: 2 };
    expect((await updateStories(db, { config, now })).toWrite).toEqual([]);
    const rows = [...(await itemsOf('undated-a')), ...(await itemsOf('undated-b'))];
    expect(rows.every((r) => r.storyId === null)).toBe(true);

    // The control: the same two reports, dated, make a story.
    await db.update(sources).set({ enabled: false }).where(like(sources.id, 'undated-%'));
    const dated = `<pubDate>${new Date(now.getTime() - 60 * 60_000).toUTCString()}</pubDate>`;
    for (const [n, id] of ['dated-a', 'dated-b'].entries()) {
      await addSource(id);
      routes.set(`${HOST}/${id}.xml`, feedResponse(rss(report(id, n, dated))));
    }
    await ingest(now);
    expect((await updateStories(db, { config, now })).toWrite).toHaveLength(1);
    await db.update(sources).set({ enabled: false }).where(like(sources.id, 'dated-%'));
  });

  it('keeps a dated item its own time, and a date far in the future is not believed', async () => {
    const now = new Date('2026-03-02T12:00:00Z');
    await addSource('dated');
    routes.set(
      `${HOST}/dated.xml`,
      feedResponse(
        rss(
          item('dated/1', 'Library extends opening hours', '<pubDate>Mo, 02 Mär 2026 09:00:00 +0100</pubDate>') +
            item('dated/2', 'Museum announces new wing', '<pubDate>Sat, 01 Jan 2028 09:00:00 GMT</pubDate>'),
        ),
      ),
    );
    await ingest(now);
    const byUrl = new Map((await itemsOf('dated')).map((r) => [r.url, r.publishedAt]));
    expect(byUrl.get(`${HOST}/dated/1`)).toBe('2026-03-02T08:00:00.000Z');
    expect(byUrl.get(`${HOST}/dated/2`)).toBe(UNDATED);
  });

  it('keeps the date an item had when an update of the feed stops giving one', async () => {
    await addSource('loses-date');
    const dated = '<pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate>';
    routes.set(`${HOST}/loses-date.xml`, feedResponse(rss(item('loses/1', 'Tram depot opens', dated))));
    await ingest(new Date('2026-03-02T12:00:00Z'));
    routes.set(`${HOST}/loses-date.xml`, feedResponse(rss(item('loses/1', 'Tram depot opens, with a new timetable'))));
    await ingest(new Date('2026-03-02T12:30:00Z'));
    const [row] = await itemsOf('loses-date');
    expect(row).toMatchObject({ title: 'Tram depot opens, with a new timetable', revision: 1, publishedAt: '2026-03-02T09:00:00.000Z' });
  });
});

describe('a broken item', () => {
  it('costs only itself: the other items are stored and the broken one is named on the source health (handed case)', async () => {
    const now = new Date('2026-03-03T12:00:00Z');
    await addSource('nested-cdata');
    routes.set(
      `${HOST}/nested-cdata.xml`,
      feedResponse(
        rss(
          item('nested/1', 'Tram line extended') +
            `<item><title>Fare vote</title><link>${HOST}/nested/2</link><description><![CDATA[<p>Votes <![CDATA[on Tuesday]]> to cut fares.</p>]]></description></item>` +
            item('nested/3', 'New cycle lanes open'),
        ),
      ),
    );
    const counts = await ingest(now);
    expect(counts.failures.filter((f) => f.sourceId === 'nested-cdata')).toEqual([]);
    expect((await itemsOf('nested-cdata')).map((r) => r.title).sort()).toEqual(['New cycle lanes open', 'Tram line extended']);
    const health = await source('nested-cdata');
    expect(health.lastError).toBeNull();
    expect(health.consecutiveFailures).toBe(0);
    expect(health.lastWarnings?.join('\n')).toMatch(/Item 2 \("Fare vote"\) is not well-formed XML/);

    // Once the publisher fixes the post, the warning goes and the item arrives.
    routes.set(`${HOST}/nested-cdata.xml`, feedResponse(rss(item('nested/1', 'Tram line extended') + item('nested/2', 'Fare vote') + item('nested/3', 'New cycle lanes open'))));
    await ingest(new Date(now.getTime() + 15 * 60_000));
    expect(await itemsOf('nested-cdata')).toHaveLength(3);
    expect((await source('nested-cdata')).lastWarnings).toBeNull();
  });

  it('records escaped CDATA as the summary it holds (handed case)', async () => {
    await addSource('escaped-cdata');
    routes.set(
      `${HOST}/escaped-cdata.xml`,
      feedResponse(rss(`<item><title>Bridge</title><link>${HOST}/escaped/1</link><description>&lt;![CDATA[The bridge reopened to traffic on Monday.]]&gt;</description></item>`)),
    );
    await ingest(new Date('2026-03-03T12:00:00Z'));
    expect((await itemsOf('escaped-cdata'))[0]?.summary).toBe('The bridge reopened to traffic on Monday.');
  });

  it('stores Windows-1252 bytes in a UTF-8 feed as the characters they are, with a warning (handed case)', async () => {
    await addSource('cp1252');
    const body = Uint8Array.from(rss(`<item><title>Citt\xE0 di Como: l\x92assessore</title><link>${HOST}/como/1</link></item>`), (c) => c.charCodeAt(0));
    routes.set(`${HOST}/cp1252.xml`, feedResponse(body));
    await ingest(new Date('2026-03-03T12:00:00Z'));
    expect((await itemsOf('cp1252'))[0]?.title).toBe('Città di Como: l\u2019assessore');
    expect((await source('cp1252')).lastWarnings).toEqual(['Some bytes were not valid UTF-8 as declared; they were read as Windows-1252']);
  });
});

describe('feeds that move', () => {
  const feed = () => feedResponse(rss(item('moved/1', 'Port authority names new chief')));

  it('a permanent redirect seen on two fetches in a row becomes the stored URL', async () => {
    await addSource('moves');
    routes.set(`${HOST}/moves.xml`, redirect(301, `${HOST}/new/moves.xml`));
    routes.set(`${HOST}/new/moves.xml`, feed());
    await ingest(new Date('2026-03-04T12:00:00Z'));
    let row = await source('moves');
    expect(row.feedUrl).toBe(`${HOST}/moves.xml`);
    expect(row.movedTo).toBe(`${HOST}/new/moves.xml`);
    await ingest(new Date('2026-03-04T12:15:00Z'));
    row = await source('moves');
    expect(row.feedUrl).toBe(`${HOST}/new/moves.xml`);
    expect(row.movedTo).toBeNull();
    expect(await itemsOf('moves')).toHaveLength(1);
  });

  it('a move to an address with a #fragment stores the address without it, the form every feed URL is stored in', async () => {
    await addSource('moves-frag');
    routes.set(`${HOST}/moves-frag.xml`, redirect(301, `${HOST}/new/moves-frag.xml#latest`));
    routes.set(`${HOST}/new/moves-frag.xml#latest`, feed());
    await ingest(new Date('2026-03-04T13:00:00Z'));
    expect((await source('moves-frag')).movedTo).toBe(`${HOST}/new/moves-frag.xml`);
    await ingest(new Date('2026-03-04T13:15:00Z'));
    expect((await source('moves-frag')).feedUrl).toBe(`${HOST}/new/moves-frag.xml`);
  });

  it('a 308 counts as permanent; a permanent hop after a temporary one does not', async () => {
    await addSource('moves-308');
    routes.set(`${HOST}/moves-308.xml`, redirect(308, `${HOST}/new/moves-308.xml`));
    routes.set(`${HOST}/new/moves-308.xml`, feed());
    await addSource('temp-then-perm');
    routes.set(`${HOST}/temp-then-perm.xml`, redirect(302, `${HOST}/hop/temp-then-perm.xml`));
    routes.set(`${HOST}/hop/temp-then-perm.xml`, redirect(301, `${HOST}/new/temp-then-perm.xml`));
    routes.set(`${HOST}/new/temp-then-perm.xml`, feed());
    await ingest(new Date('2026-03-05T12:00:00Z'));
    await ingest(new Date('2026-03-05T12:15:00Z'));
    expect((await source('moves-308')).feedUrl).toBe(`${HOST}/new/moves-308.xml`);
    expect((await source('temp-then-perm')).feedUrl).toBe(`${HOST}/temp-then-perm.xml`);
  });

  it('temporary redirects never change the stored URL, and a permanent one seen only once is forgotten', async () => {
    await addSource('temporary');
    routes.set(`${HOST}/temporary.xml`, redirect(302, `${HOST}/new/temporary.xml`));
    routes.set(`${HOST}/new/temporary.xml`, feed());
    await addSource('flaky-move');
    routes.set(`${HOST}/flaky-move.xml`, redirect(301, `${HOST}/new/flaky-move.xml`));
    routes.set(`${HOST}/new/flaky-move.xml`, feed());
    await ingest(new Date('2026-03-06T12:00:00Z'));
    routes.set(`${HOST}/temporary.xml`, redirect(307, `${HOST}/new/temporary.xml`));
    routes.set(`${HOST}/flaky-move.xml`, feed());
    await ingest(new Date('2026-03-06T12:15:00Z'));
    routes.set(`${HOST}/flaky-move.xml`, redirect(301, `${HOST}/new/flaky-move.xml`));
    await ingest(new Date('2026-03-06T12:30:00Z'));
    expect((await source('temporary')).feedUrl).toBe(`${HOST}/temporary.xml`);
    const flaky = await source('flaky-move');
    expect(flaky.feedUrl).toBe(`${HOST}/flaky-move.xml`);
    expect(flaky.movedTo).toBe(`${HOST}/new/flaky-move.xml`);
  });
});

describe('items a feed gives that cannot be stored as they are', () => {
  const now = new Date('2026-03-04T12:00:00Z');

  it('are counted with their reason on the source’s warnings: Atom entries without a link or with a javascript: link', async () => {
    await addSource('atom-links');
    const entry = (id: string, link: string) => `<entry><id>urn:${id}</id><title>Entry ${id}</title>${link}<updated>2026-03-04T09:00:00Z</updated></entry>`;
    routes.set(
      `${HOST}/atom-links.xml`,
      feedResponse(
        `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${entry('1', '')}${entry('2', '<link href="javascript:alert(1)"/>')}${entry('3', `<link href="${HOST}/atom/3"/>`)}</feed>`,
        'application/atom+xml',
      ),
    );
    await ingest(now);
    expect((await itemsOf('atom-links')).map((r) => r.title)).toEqual(['Entry 3']);
    expect((await source('atom-links')).lastWarnings).toEqual([
      '1 item has a link that is not an http(s) URL (javascript:); the link was dropped',
      '2 items without an http(s) link were left out (an article could not cite them)',
    ]);
  });

  it('are counted with their reason on the source’s warnings: JSON Feed items that are null, strings or have fields of the wrong type', async () => {
    await addSource('json-odd');
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      items: [null, 'just a string', { id: 'j1', url: `${HOST}/json/1`, title: { text: 'an object' }, content_text: 'Body one.' }, { id: 'j2', url: `${HOST}/json/2`, title: 'Fine', content_text: 'Body two.' }],
    };
    routes.set(`${HOST}/json-odd.xml`, feedResponse(JSON.stringify(feed), 'application/feed+json'));
    await ingest(now);
    expect(await itemsOf('json-odd')).toHaveLength(2);
    expect((await source('json-odd')).lastWarnings).toEqual([
      '2 items of the JSON Feed are not an object (null, a string, a number or a list); left out',
      '1 item of the JSON Feed had fields of the wrong type (title); those fields were ignored',
    ]);
  });

  it('keeps RSS items that share one constant guid across different links, each under its link, and says so', async () => {
    await addSource('constant-guid');
    const items = Array.from({ length: 50 }, (_, n) => item(`constant/${n}`, `Council note number ${n}`, '<guid isPermaLink="false">same-guid</guid>')).join('');
    // A true repeat (same guid and link) is still one item.
    routes.set(`${HOST}/constant-guid.xml`, feedResponse(rss(items + item('constant/0', 'Council note number 0', '<guid isPermaLink="false">same-guid</guid>'))));
    const counts = await ingest(now);
    expect(counts.itemsSkipped).toBeGreaterThanOrEqual(1);
    const stored = await itemsOf('constant-guid');
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((r) => r.guid))).toEqual(new Set(Array.from({ length: 50 }, (_, n) => `${HOST}/constant/${n}`)));
    expect((await source('constant-guid')).lastWarnings).toEqual([
      '50 items with different links share the guid "same-guid"; each was kept under its link',
      '1 item repeated an earlier item of the feed (the same guid or link) and was left out',
    ]);

    // The next fetch finds the same items under the same keys: nothing new, nothing updated.
    const again = await ingest(new Date(now.getTime() + 15 * 60_000));
    expect(again).toMatchObject({ itemsNew: 0, itemsUpdated: 0 });
  });
});
