import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src/db/client';
import {
  addSources,
  backoffMs,
  dueSources,
  healthAfterFailure,
  healthAfterSuccess,
  newSourceSchema,
  sourceIdFrom,
  sourceInputSchema,
  validateFeedUrl,
} from '../../../src/pipeline/ingest/sources';

const db = openDb(env.DB);
const good = { name: 'Northwind Ledger', publisher: 'Northwind Ledger', feedUrl: 'https://northwind.example.com/feed.xml' };

describe('validateFeedUrl', () => {
  it('accepts a public https feed and returns it normalised', () => {
    expect(validateFeedUrl('HTTPS://Northwind.Example.com:443/feed.xml', { allowLoopback: false })).toEqual({
      ok: true,
      url: 'https://northwind.example.com/feed.xml',
    });
  });

  it('refuses loopback unless allowed, with a reason', () => {
    const refused = validateFeedUrl('http://127.0.0.1:8787/feeds/a.xml', { allowLoopback: false });
    expect(refused).toMatchObject({ ok: false, reason: expect.stringContaining('loopback') });
    expect(validateFeedUrl('http://127.0.0.1:8787/feeds/a.xml', { allowLoopback: true })).toMatchObject({ ok: true });
  });
});

describe('newSourceSchema', () => {
  it('fills defaults for a minimal source', () => {
    expect(newSourceSchema.parse(good)).toEqual({ ...good, trustTier: 2, enabled: true });
  });

  it('names each bad field', () => {
    const r = newSourceSchema.safeParse({
      name: '',
      publisher: 'P',
      feedUrl: 'http://10.0.0.1/feed.xml',
      homepage: 'javascript:alert(1)',
      trustTier: 4,
    });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['feedUrl', 'homepage', 'name', 'trustTier']);
    expect(r.error?.issues.find((i) => i.path[0] === 'feedUrl')?.message).toContain('private network');
  });

  it('is strict about loopback in production and lenient only when told', () => {
    const loop = { ...good, feedUrl: 'http://127.0.0.1:9000/feed.xml' };
    expect(newSourceSchema.safeParse(loop).success).toBe(false);
    expect(sourceInputSchema({ allowLoopback: true }).safeParse(loop).success).toBe(true);
  });
});

describe('sourceIdFrom', () => {
  it('makes a lower-case slug', () => {
    expect(sourceIdFrom('The Quillon Review — Briefs')).toBe('the-quillon-review-briefs');
    expect(sourceIdFrom('Gazette Alpine (Zürich)')).toBe('gazette-alpine-zurich');
    expect(sourceIdFrom('!!!')).toBe('source');
  });
});

describe('backoff and health', () => {
  const at = new Date('2026-12-01T10:00:00Z');
  const minutes = (iso: string | null | undefined) => (Date.parse(iso ?? '') - at.getTime()) / 60_000;

  it('doubles the wait from 15 minutes and caps it at 24 hours', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n) / 60_000)).toEqual([15, 30, 60, 120]);
    expect(backoffMs(7)).toBe(16 * 3_600_000);
    expect(backoffMs(8)).toBe(24 * 3_600_000);
    expect(backoffMs(500)).toBe(24 * 3_600_000);
  });

  it('resets failures after a success and keeps validators on a 304', () => {
    const ok = healthAfterSuccess(at, { status: 200, etag: '"a"', lastModified: null });
    expect(ok).toMatchObject({ consecutiveFailures: 0, lastError: null, lastStatus: 200, etag: '"a"', lastModified: null, nextFetchAt: at.toISOString() });
    const notModified = healthAfterSuccess(at, { status: 304 });
    expect(notModified).not.toHaveProperty('etag');
    expect(notModified).not.toHaveProperty('lastModified');
  });

  it('backs off after a failure and honours Retry-After exactly', () => {
    const first = healthAfterFailure({ consecutiveFailures: 0 }, at, { message: 'HTTP 500' }, 10);
    expect(first).toMatchObject({ consecutiveFailures: 1, lastError: 'HTTP 500' });
    expect(minutes(first.nextFetchAt)).toBe(15);
    expect(minutes(healthAfterFailure({ consecutiveFailures: 2 }, at, { message: 'x' }, 10).nextFetchAt)).toBe(60);
    const limited = healthAfterFailure({ consecutiveFailures: 0 }, at, { message: '429', status: 429, retryAfterMs: 120_000 }, 10);
    expect(minutes(limited.nextFetchAt)).toBe(2);
    expect(limited.lastStatus).toBe(429);
  });

  it('disables a source at the configured run of failures, saying why', () => {
    expect(healthAfterFailure({ consecutiveFailures: 1 }, at, { message: 'HTTP 500' }, 3)).not.toHaveProperty('enabled');
    const off = healthAfterFailure({ consecutiveFailures: 2 }, at, { message: 'HTTP 500' }, 3);
    expect(off).toMatchObject({ enabled: false, consecutiveFailures: 3 });
    expect(off.disabledReason).toBe('Disabled after 3 failed fetches in a row; last error: HTTP 500');
  });
});

describe('addSources and dueSources', () => {
  it('inserts validated sources once and lists the due, enabled ones', async () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const rows = [
      { ...good, id: 'northwind' },
      { name: 'Harbor Signal', publisher: 'Harbor Signal', feedUrl: 'https://harbor.example.org/rss' },
      { name: 'Later', publisher: 'Later', feedUrl: 'https://later.example.org/rss' },
      { name: 'Off', publisher: 'Off', feedUrl: 'https://off.example.org/rss', enabled: false },
    ];
    expect(await addSources(db, rows, { allowLoopback: false })).toEqual(['northwind', 'harbor-signal', 'later', 'off']);
    expect(await addSources(db, rows, { allowLoopback: false })).toEqual([]);

    await env.DB.prepare("UPDATE sources SET next_fetch_at = ? WHERE id = 'later'").bind('2026-12-01T11:00:00.000Z').run();
    await env.DB.prepare("UPDATE sources SET next_fetch_at = ? WHERE id = 'harbor-signal'").bind('2026-12-01T09:00:00.000Z').run();
    expect((await dueSources(db, now)).map((s) => s.id)).toEqual(['northwind', 'harbor-signal']);
    expect((await dueSources(db, new Date('2026-12-01T12:00:00Z'))).map((s) => s.id)).toEqual(['northwind', 'harbor-signal', 'later']);
  });

  it('refuses the whole set when one row is invalid, naming it', async () => {
    await expect(
      addSources(db, [{ name: 'Bad', publisher: 'Bad', feedUrl: 'http://localhost/feed' }], { allowLoopback: false }),
    ).rejects.toThrow('Invalid source "Bad": feedUrl:');
  });
});
