import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { purgeArticle } from '../../src/lib/cache';
import { db, seedArticle } from '../helpers/seed';
import { articles } from '../../src/db/schema';
import { eq } from 'drizzle-orm';

const get = (path: string, init?: RequestInit) => exports.default.fetch(`https://news.test${path}`, init);

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><circle r="4" cx="4" cy="4"/></svg>';

beforeAll(async () => {
  await seedArticle({ slug: 'tidewater-grid', title: 'Tidewater utility signs a storage deal with Brightwell Cells', category: 'Enterprise', coverSvg: SVG });
});

function expectSecurityHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  // Lighthouse's robots-txt audit reads a CSP without connect-src as blocking /robots.txt.
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toContain('unsafe');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  expect(res.headers.get('referrer-policy')).toBeTruthy();
}

describe('security headers', () => {
  it('are on pages, feeds, media, 404s, API errors and 500s', async () => {
    for (const path of ['/', '/articles/tidewater-grid', '/feed.xml', '/feed.json', '/media/tidewater-grid/cover.svg', '/no-such-page', '/api/no-such-endpoint', '/healthz']) {
      expectSecurityHeaders(await get(path));
    }
    const broken = await createApp().request('/status', {}, { ...env, DB: undefined });
    expect(broken.status).toBe(500);
    expectSecurityHeaders(broken);
  });

  it('allow the page’s own inline stylesheet by its hash', async () => {
    const res = await get('/about');
    const html = await res.text();
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css));
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
    expect(res.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`);
  });

  it('let feeds and media be read cross-origin, pages only same-origin', async () => {
    expect((await get('/atom.xml')).headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await get('/media/tidewater-grid/cover.svg')).headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await get('/about')).headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });
});

describe('errors', () => {
  it('renders a real HTML 500 page without internals', async () => {
    const res = await createApp().request('/status', {}, { ...env, DB: undefined });
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('Something went wrong');
    expect(html).not.toMatch(/TypeError|undefined/);
  });

  it('answers a reader address asked with POST, PUT, PATCH or DELETE with 405 and the methods it allows', async () => {
    for (const [method, path] of [['POST', '/'], ['PUT', '/feed.xml'], ['DELETE', '/articles/any-slug'], ['PATCH', '/category/open-source'], ['POST', '/search'], ['POST', '/healthz'], ['PUT', '/media/x/cover.svg']] as const) {
      const res = await get(path, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow'), `${method} ${path}`).toBe('GET, HEAD');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    // An address no method answers is still 404, and the editor API keeps its own methods.
    expect((await get('/nothing-here', { method: 'POST' })).status).toBe(404);
    expect((await get('/api/editor/articles', { method: 'POST' })).status).not.toBe(405);
  });

  it('spells the API’s 404 code one way: not-found, for an unknown route as for an unknown id', async () => {
    const route = (await (await get('/api/nothing-here')).json()) as { error: { code: string } };
    const id = (await (await get('/api/editor/articles/no-such-id', { headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } })).json()) as { error: { code: string } };
    expect([route.error.code, id.error.code]).toEqual(['not-found', 'not-found']);
  });

  it('answers unknown /api paths with a JSON 404 and reader paths with an HTML 404', async () => {
    const api = await get('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
    expect(await api.json()).toMatchObject({ error: { code: 'not-found', message: expect.any(String) } });
    const page = await get('/nothing-here');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('keeps /healthz working', async () => {
    expect(await (await get('/healthz')).json()).toMatchObject({ ok: true });
  });
});

describe('ETag and 304', () => {
  it('answers If-None-Match with 304 on pages and feeds, and 200 when the tag differs', async () => {
    for (const path of ['/', '/articles/tidewater-grid', '/feed.xml', '/sitemap.xml', '/about']) {
      const first = await get(path);
      const etag = first.headers.get('etag');
      expect(etag, path).toMatch(/^"[0-9a-f]{32}"$/);
      await first.arrayBuffer();
      const again = await get(path, { headers: { 'If-None-Match': etag! } });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
      expect(await again.text()).toBe('');
      expect((await get(path, { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
    }
  });
});

describe('media', () => {
  it('streams R2 objects with their type, ETag and revalidated caching (rewritten with each version), and 304s on a match', async () => {
    const res = await get('/media/tidewater-grid/cover.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300, s-maxage=3600, stale-while-revalidate=86400');
    expect(await res.text()).toBe(SVG);
    const etag = res.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await get('/media/tidewater-grid/cover.svg', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it('serves nothing outside media/ and 404s for missing objects', async () => {
    await env.STORE.put('articles/tidewater-grid/v1.json', '{"secret":true}');
    for (const path of ['/media/../articles/tidewater-grid/v1.json', '/media/%2e%2e/articles/tidewater-grid/v1.json', '/media/tidewater-grid/missing.svg', '/media/']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
  });
});

describe('edge cache', () => {
  it('serves a cached article until purgeArticle removes exactly its URLs', async () => {
    const path = '/articles/tidewater-grid';
    let res = await get(path);
    for (let i = 0; i < 20 && res.headers.get('x-edge-cache') !== 'HIT'; i++) {
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 25));
      res = await get(path);
    }
    expect(res.headers.get('x-edge-cache')).toBe('HIT');
    await res.arrayBuffer();
    await db.update(articles).set({ title: 'Tidewater utility and Brightwell Cells finalise the storage deal' }).where(eq(articles.slug, 'tidewater-grid'));
    expect(await (await get(path)).text()).toContain('Tidewater utility signs a storage deal');

    const purged = await purgeArticle(caches.default, 'https://news.test', { slug: 'tidewater-grid', category: 'Enterprise' });
    expect(purged).toBeGreaterThanOrEqual(1);
    const fresh = await get(path);
    expect(fresh.headers.get('x-edge-cache')).not.toBe('HIT');
    expect(await fresh.text()).toContain('Tidewater utility and Brightwell Cells finalise the storage deal');
  });

  it('answers repeated hits in full, with the first answer\'s ETag and a 304 for it', async () => {
    const path = '/articles/tidewater-grid';
    const first = await get(path);
    const body = await first.text();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    for (let i = 0; i < 3; i++) {
      const again = await get(path);
      expect(await again.text()).toBe(body);
      expect(again.headers.get('etag')).toBe(etag);
    }
    expect((await get(path, { headers: { 'if-none-match': etag! } })).status).toBe(304);
  });

  it('never serves search or status from the cache', async () => {
    for (const path of ['/search?q=tidewater', '/status']) {
      await (await get(path)).arrayBuffer();
      await new Promise((r) => setTimeout(r, 50));
      expect((await get(path)).headers.get('x-edge-cache'), path).toBeNull();
    }
  });
});
