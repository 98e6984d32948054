import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../../../src/db/client';
import { items as itemsTable, runs, sources } from '../../../src/db/schema';
import { loadConfig } from '../../../src/env';
import { canonicalUrl } from '../../../src/lib/canonical-url';
import type { FetchFn } from '../../../src/pipeline/ingest/fetch-feed';
import { ingestSources, type IngestConfig, type IngestCounts } from '../../../src/pipeline/ingest/ingest';
import { addSources } from '../../../src/pipeline/ingest/sources';
import { items as demoItems, itemsFor, publishers } from '../../fixtures/newswire';
import { sourceRows } from '../../fixtures/newswire/render';

declare module 'vitest' {
  // Provided by test/node/global-setup.ts (outside this tsconfig), restated for the worker side.
  export interface ProvidedContext {
    newswireUrl: string;
  }
}

const db = openDb(env.DB);
const base = inject('newswireUrl');

// SAFETY: every request goes through this guard; nothing may leave loopback even if validation broke.
const reached: string[] = [];
const guardedFetch: FetchFn = async (url, init) => {
  const host = new URL(url).hostname;
  reached.push(url);
  if (host !== '127.0.0.1') throw new Error('test tried to reach ' + host);
  return fetch(url, init);
};

const config: IngestConfig = {
  ...loadConfig(env),
  FETCH_TIMEOUT_MS: 1500,
  FETCH_MAX_BYTES: 4 * 1024 * 1024, // the 10,000-item feed is ~2.9 MB
  MAX_ITEMS_PER_FEED: 100,
  MAX_CONSECUTIVE_FAILURES: 3,
};

const T0 = new Date();
const ingest = (now: Date, over: Partial<IngestConfig> = {}) =>
  ingestSources({ db, store: env.STORE, fetch: guardedFetch, config: { ...config, ...over }, now });

const HOSTILE = [
  'billion-laughs.xml',
  'external-entity.xml',
  'huge.xml',
  'trickle.xml',
  'slow-headers.xml',
  'redirect-loop',
  'redirect-chain/5',
  'redirect-chain/6',
  'redirect-private',
  'html.xml',
  'invalid.xml',
  'javascript-links.xml',
  'ten-thousand.xml',
  'retry-after.xml',
  'unavailable.xml',
  'server-error.xml',
  'not-found.xml',
] as const;
type Hostile = (typeof HOSTILE)[number];
const hostileId = (name: string) => `hostile-${name.replace(/\.xml$/, '').replace(/\//g, '-')}`;
// Hostile switches that are still feeds: they must succeed.
const SUCCEEDING: Hostile[] = ['javascript-links.xml', 'redirect-chain/5'];
// Parsing 10,000 items takes about a second of CPU, which would eat the other sources' short test
// deadlines in the same isolate; it starts disabled and gets a run of its own.
const HEAVY: Hostile = 'ten-thousand.xml';
// Items of javascript-links.xml whose only link is javascript:, data: or vbscript: — skipped on every fetch.
const SCRIPT_LINK_ITEMS = 4;

async function source(id: string) {
  const [row] = await db.select().from(sources).where(eq(sources.id, id));
  if (!row) throw new Error(`no source ${id}`);
  return row;
}
const itemsOf = (sourceId: string) => db.select().from(itemsTable).where(eq(itemsTable.sourceId, sourceId));
const secondsAfter = (iso: string | null, at: Date) => (Date.parse(iso ?? '') - at.getTime()) / 1000;

let first: IngestCounts;
let firstRunMs = 0;

beforeAll(async () => {
  await addSources(
    db,
    [
      ...sourceRows(base),
      ...HOSTILE.map((h) => ({
        id: hostileId(h),
        name: `Hostile ${h}`,
        publisher: `Hostile ${h}`,
        feedUrl: `${base}/hostile/${h}`,
        enabled: h !== HEAVY,
      })),
    ],
    { allowLoopback: true },
  );
  const started = Date.now();
  first = await ingest(T0);
  firstRunMs = Date.now() - started;
}, 30_000);

describe('ingestSources on the demo newswire', () => {
  it('ingests every feed format with its items, publisher family and snapshot', async () => {
    for (const p of publishers) {
      const expected = itemsFor(p.id, 1);
      const stored = await itemsOf(p.id);
      expect(stored.length, p.id).toBe(expected.length);
      for (const demo of expected) {
        const row = stored.find((r) => r.canonicalUrl === canonicalUrl(`${base}${demo.link}`));
        expect(row, `${p.id}: ${demo.id}`).toBeDefined();
        expect(row!.title).toBe(demo.title.replace(/\s+/g, ' ').trim());
        expect(row!.publisher).toBe(p.publisher);
        expect(row!.revision).toBe(0);
        expect(row!.snapshotKey).toMatch(new RegExp(`^raw/${p.id}/\\d{4}-\\d{2}-\\d{2}/[0-9a-f]{64}\\.xml$`));
        // Items keep their own time, not the fetch time.
        expect(Math.abs(Date.parse(row!.publishedAt) - (T0.getTime() - demo.minutesAgo * 60_000))).toBeLessThan(5 * 60_000);
      }
      const health = await source(p.id);
      expect(health).toMatchObject({ lastStatus: 200, consecutiveFailures: 0, lastError: null, enabled: true });
    }
  });

  it('keeps the raw bytes in R2 under their own SHA-256', async () => {
    const [row] = await itemsOf('gazette-alpine');
    const object = await env.STORE.get(row!.snapshotKey);
    expect(object).not.toBeNull();
    const bytes = new Uint8Array(await object!.arrayBuffer());
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(row!.snapshotKey.endsWith(`/${digest}.xml`)).toBe(true);
  });

  it('decodes the Latin-1 feed, resolves its relative links and derives missing guids', async () => {
    const stored = await itemsOf('gazette-alpine');
    for (const row of stored) {
      expect(row.url).toMatch(new RegExp(`^${base}/articles/`));
      expect(row.guid.length).toBeGreaterThan(0);
      expect(`${row.title} ${row.summary ?? ''}`).not.toContain('\uFFFD');
    }
    const accented = itemsFor('gazette-alpine', 1).find((i) => /[^\x00-\x7f]/.test(i.title + i.summary));
    if (accented) expect(stored.some((r) => r.title === accented.title.trim())).toBe(true);
  });

  it('finishes within the fetch deadline although some servers trickle or never answer', () => {
    // trickle.xml would take a minute and slow-headers.xml 30 s; the 1.5 s deadline cuts both.
    expect(firstRunMs).toBeLessThan(config.FETCH_TIMEOUT_MS * 4);
  });

  it('reports the counts of the first run', () => {
    const phase1 = publishers.reduce((n, p) => n + itemsFor(p.id, 1).length, 0);
    expect(first.sourcesDue).toBe(publishers.length + HOSTILE.length - 1);
    expect(first.sourcesFetched).toBe(publishers.length + SUCCEEDING.length);
    expect(first.failed).toBe(HOSTILE.length - SUCCEEDING.length - 1);
    expect(first.itemsNew).toBeGreaterThan(phase1);
    expect(first.failures.map((f) => f.sourceId).sort()).toEqual(
      HOSTILE.filter((h) => !SUCCEEDING.includes(h) && h !== HEAVY).map(hostileId).sort(),
    );
  });
});

describe('hostile sources', () => {
  const expectations: [Hostile, RegExp][] = [
    ['billion-laughs.xml', /entit|DOCTYPE/i],
    ['external-entity.xml', /entit|DOCTYPE/i],
    ['huge.xml', /^Body larger than 4 MB$/],
    ['trickle.xml', /^Timed out after 1.5 s$/],
    ['slow-headers.xml', /^Timed out after 1.5 s$/],
    ['redirect-loop', /^Redirect loop: /],
    ['redirect-chain/6', /^More than 5 redirects$/],
    ['redirect-private', /^Redirect to a private address refused: http:\/\/10\.0\.0\.1\/feed\.xml/],
    ['html.xml', /HTML page/i],
    ['invalid.xml', /.{10,}/],
    ['server-error.xml', /^HTTP 500/],
    ['not-found.xml', /^HTTP 404/],
  ];

  it.each(expectations)('%s fails with a clear error recorded on its source', async (name, message) => {
    const row = await source(hostileId(name));
    expect(row.lastError).toMatch(message);
    expect(row.consecutiveFailures).toBe(1);
    expect(row.enabled).toBe(true);
    expect(secondsAfter(row.nextFetchAt, T0)).toBe(15 * 60);
    expect(await itemsOf(row.id)).toHaveLength(0);
  });

  it('never makes a request to the private redirect target', () => {
    expect(reached.some((u) => u.includes('10.0.0.1'))).toBe(false);
    expect(reached.some((u) => u.includes('/hostile/redirect-private'))).toBe(true);
  });

  it('drops javascript: links and keeps the good item', async () => {
    const stored = await itemsOf(hostileId('javascript-links.xml'));
    expect(stored.map((r) => [r.guid, r.url])).toEqual([['urn:demo:hostile:good-link', `${base}/hostile/articles/good-link`]]);
  });

  it('follows a chain of 5 relative redirects to the feed, and not a 6th', async () => {
    const stored = await itemsOf(hostileId('redirect-chain/5'));
    expect(stored.map((r) => r.guid)).toEqual(['urn:demo:hostile:redirect-chain-end']);
    // Both chains pass through /0's predecessors; only the 5-hop one may reach the end.
    expect(reached.filter((u) => u.endsWith('/hostile/redirect-chain/0'))).toHaveLength(1);
  });

  it('caps a feed of 10,000 items at MAX_ITEMS_PER_FEED', async () => {
    await db.update(sources).set({ enabled: true }).where(eq(sources.id, hostileId(HEAVY)));
    const run = await ingest(T0, { FETCH_TIMEOUT_MS: 10_000 });
    expect(run.failures).toEqual([]);
    expect(run.itemsNew).toBe(config.MAX_ITEMS_PER_FEED);
    const stored = await itemsOf(hostileId(HEAVY));
    expect(stored).toHaveLength(config.MAX_ITEMS_PER_FEED);
    // The first items of the document are the ones kept.
    expect(stored.map((r) => r.guid)).toContain('urn:demo:hostile:many-0');
    expect(stored.map((r) => r.guid)).not.toContain(`urn:demo:hostile:many-${config.MAX_ITEMS_PER_FEED}`);

    const again = await ingest(T0, { FETCH_TIMEOUT_MS: 10_000 });
    expect(again).toMatchObject({ itemsNew: 0, itemsUpdated: 0, failed: 0 });
    // Done with it: later runs keep their short deadlines free of its parse time.
    await db.update(sources).set({ enabled: false }).where(eq(sources.id, hostileId(HEAVY)));
  });

  it('pushes the next fetch by Retry-After on 429 and 503', async () => {
    const limited = await source(hostileId('retry-after.xml'));
    expect(limited.lastStatus).toBe(429);
    expect(secondsAfter(limited.nextFetchAt, T0)).toBe(120);
    const unavailable = await source(hostileId('unavailable.xml'));
    expect(unavailable.lastStatus).toBe(503);
    // An HTTP date is read against the real clock; it is well short of the 15-minute backoff.
    expect(secondsAfter(unavailable.nextFetchAt, T0)).toBeGreaterThan(0);
    expect(secondsAfter(unavailable.nextFetchAt, T0)).toBeLessThan(15 * 60);
  });
});

describe('repeated runs', () => {
  it('a second run adds and changes nothing, and unchanged feeds cost a 304', async () => {
    const before = await db.select({ id: itemsTable.id }).from(itemsTable);
    const again = await ingest(T0);
    expect(again).toMatchObject({ itemsNew: 0, itemsUpdated: 0, failed: 0 });
    // The hostile feeds are served without validators, so they are fetched again in full.
    expect(again.notModified).toBe(publishers.length);
    expect(again.sourcesFetched).toBe(SUCCEEDING.length);
    expect((await db.select({ id: itemsTable.id }).from(itemsTable)).length).toBe(before.length);
    expect((await source('northwind-ledger')).lastStatus).toBe(304);
  });

  it('a second run without validators still changes nothing', async () => {
    await env.DB.prepare('UPDATE sources SET etag = NULL, last_modified = NULL').run();
    const again = await ingest(T0);
    expect(again).toMatchObject({ itemsNew: 0, itemsUpdated: 0, itemsSkipped: SCRIPT_LINK_ITEMS, notModified: 0 });
    expect(again.sourcesFetched).toBe(publishers.length + SUCCEEDING.length);
  });

  it('phase 2 adds exactly the late item', async () => {
    const late = demoItems.filter((i) => i.phase === 2);
    expect(late.length).toBeGreaterThan(0);
    for (const id of new Set(late.map((i) => i.publisherId))) {
      const p = publishers.find((x) => x.id === id)!;
      await db.update(sources).set({ feedUrl: `${base}${p.feedPath}?phase=2`, etag: null, lastModified: null }).where(eq(sources.id, id));
    }
    const grown = await ingest(T0);
    expect(grown.itemsNew).toBe(late.length);
    expect(grown.itemsUpdated).toBe(0);
    for (const item of late) {
      const [row] = await db.select().from(itemsTable).where(eq(itemsTable.canonicalUrl, canonicalUrl(`${base}${item.link}`)!));
      expect(row?.title).toBe(item.title.replace(/\s+/g, ' ').trim());
    }
  });

  it('an item whose content changed is updated, its revision bumped and its old injection flag cleared', async () => {
    const [row] = await itemsOf('harbor-signal');
    await db.update(itemsTable).set({ title: 'An older headline', contentHash: 'stale', injectionFlag: 'instruction-like text' }).where(eq(itemsTable.id, row!.id));
    await env.DB.prepare("UPDATE sources SET etag = NULL, last_modified = NULL WHERE id = 'harbor-signal'").run();
    const run = await ingest(T0);
    expect(run.itemsUpdated).toBe(1);
    expect(run.itemsNew).toBe(0);
    const [after] = await db.select().from(itemsTable).where(eq(itemsTable.id, row!.id));
    expect(after).toMatchObject({ title: row!.title, contentHash: row!.contentHash, revision: 1, injectionFlag: null });
  });

  it('an item already known under another source (same canonical URL) is skipped and counted', async () => {
    const p = publishers.find((x) => x.id === 'lattice-dispatch')!;
    await addSources(db, [{ id: 'lattice-mirror', name: 'Lattice mirror', publisher: 'Mirror', feedUrl: `${base}${p.feedPath}?mirror=1` }], { allowLoopback: true });
    const run = await ingest(T0);
    expect(run.itemsNew).toBe(0);
    expect(run.itemsSkipped).toBe(itemsFor(p.id, 1).length + SCRIPT_LINK_ITEMS);
    expect(await itemsOf('lattice-mirror')).toHaveLength(0);
  });
});

describe('failing sources', () => {
  it('back off exponentially and are disabled after MAX_CONSECUTIVE_FAILURES, with the reason', async () => {
    const id = hostileId('server-error.xml');
    // Failure 1 happened in the first run (15 min); two more runs, each when it is due again.
    const t1 = new Date(T0.getTime() + 15 * 60_000);
    const second = await ingest(t1);
    expect(second.failures.map((f) => f.sourceId)).toContain(id);
    let row = await source(id);
    expect(row.consecutiveFailures).toBe(2);
    expect(secondsAfter(row.nextFetchAt, t1)).toBe(30 * 60);

    const t2 = new Date(t1.getTime() + 30 * 60_000);
    await ingest(t2);
    row = await source(id);
    expect(row).toMatchObject({ consecutiveFailures: 3, enabled: false });
    expect(row.disabledReason).toMatch(/^Disabled after 3 failed fetches in a row; last error: HTTP 500/);

    const t3 = new Date(t2.getTime() + 24 * 3_600_000);
    const later = await ingest(t3);
    expect(later.failures.map((f) => f.sourceId)).not.toContain(id);
    expect((await source(id)).consecutiveFailures).toBe(3);
  });

  it('a recovered source resets its failure count', async () => {
    const id = 'northwind-ledger';
    await db.update(sources).set({ consecutiveFailures: 2, lastError: 'HTTP 500', etag: null }).where(eq(sources.id, id));
    await ingest(new Date(T0.getTime() + 30 * 3_600_000));
    expect(await source(id)).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });

  it('writes its counts and failures to the run record when given one', async () => {
    await db.insert(runs).values({ id: 'run-1', trigger: 'manual', startedAt: T0.toISOString() });
    await db.update(sources).set({ nextFetchAt: null, enabled: true }).where(eq(sources.id, hostileId('not-found.xml')));
    const counts = await ingestSources(
      { db, store: env.STORE, fetch: guardedFetch, config, now: new Date(T0.getTime() + 48 * 3_600_000) },
      { runId: 'run-1' },
    );
    const [run] = await db.select().from(runs).where(eq(runs.id, 'run-1'));
    expect(run!.stats).toMatchObject({ ingest: { sourcesFetched: counts.sourcesFetched, notModified: counts.notModified, failed: counts.failed } });
    expect(run!.errors.some((e) => e.startsWith('Hostile not-found.xml: HTTP 404'))).toBe(true);
  });
});
