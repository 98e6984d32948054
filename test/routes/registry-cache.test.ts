// The about page lists the trusted sources: every registry change purges it from the edge cache.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../src/index';

/** One request through the Worker, waiting for its waitUntil work (the purge) to finish. */
async function send(path: string, init: RequestInit = {}) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://news.test${path}`, init), env, ctx);
  const text = await res.text();
  await waitOnExecutionContext(ctx);
  return { res, text };
}

const editor = (method: string, path: string, json?: unknown) =>
  send(`/api/editor${path}`, {
    method,
    headers: { authorization: `Bearer ${env.ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: json === undefined ? undefined : JSON.stringify(json),
  });

/** The about page once it is served from the edge cache. */
async function cachedAbout() {
  let page = await send('/about');
  for (let i = 0; i < 20 && page.res.headers.get('x-edge-cache') !== 'HIT'; i++) {
    await new Promise((r) => setTimeout(r, 25));
    page = await send('/about');
  }
  expect(page.res.headers.get('x-edge-cache')).toBe('HIT');
  return page.text;
}

describe('registry changes purge /about', () => {
  it('on add, change and removal of a source', async () => {
    expect(await cachedAbout()).not.toContain('Purge Wire');
    const added = await editor('POST', '/sources', { name: 'Purge Wire', publisher: 'Purge Wire', feedUrl: 'https://purge.example.com/feed.xml', enabled: true });
    expect(added.res.status).toBe(201);
    expect((await send('/about')).text).toContain('Purge Wire');

    expect(await cachedAbout()).toContain('Purge Wire');
    expect((await editor('PATCH', '/sources/purge-wire', { name: 'Purge Wire Renamed' })).res.status).toBe(200);
    expect((await send('/about')).text).toContain('Purge Wire Renamed');

    expect(await cachedAbout()).toContain('Purge Wire Renamed');
    expect((await editor('DELETE', '/sources/purge-wire')).res.status).toBe(200);
    expect((await send('/about')).text).not.toContain('Purge Wire');
  });
});
