import { describe, expect, it } from 'vitest';
import { fetchFeed, feedUserAgent, parseRetryAfter, type FetchFeedOptions, type FetchInit } from '../../../src/pipeline/ingest/fetch-feed';

// A scripted fetch: answers by URL, records every request it was asked to make.
function scripted(routes: Record<string, (init: FetchInit) => Response | Promise<Response>>) {
  const calls: { url: string; init: FetchInit }[] = [];
  const fetch = async (url: string, init: FetchInit) => {
    calls.push({ url, init });
    const route = routes[url];
    if (!route) throw new Error(`test tried to reach ${url}`);
    return route(init);
  };
  return { fetch, calls };
}

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';
const A = 'http://127.0.0.1:9/feed.xml';
const B = 'http://127.0.0.1:9/moved.xml';

function opts(fetch: FetchFeedOptions['fetch'], extra: Partial<FetchFeedOptions> = {}): FetchFeedOptions {
  return { fetch, timeoutMs: 2000, maxBytes: 64 * 1024, allowLoopback: true, userAgent: feedUserAgent('https://news.test'), ...extra };
}

const redirect = (to: string, status = 302) => () => new Response(null, { status, headers: { location: to } });

/** A body that sends `chunk` every `everyMs`, forever, and notes when it is cancelled. */
function endlessBody(chunk: Uint8Array, everyMs: number) {
  const state = { cancelled: false, sent: 0 };
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setInterval(() => {
        state.sent += chunk.byteLength;
        try {
          controller.enqueue(chunk);
        } catch {
          stop();
        }
      }, everyMs);
    },
    cancel() {
      state.cancelled = true;
      stop();
    },
  });
  return { body, state };
}

describe('fetchFeed', () => {
  it('returns the bytes, validators and final URL of a 200', async () => {
    const s = scripted({ [A]: () => new Response(FEED, { headers: { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' } }) });
    const r = await fetchFeed({ url: A }, opts(s.fetch));
    expect(r).toMatchObject({ kind: 'ok', status: 200, contentType: 'application/rss+xml', etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT', finalUrl: A });
    if (r.kind === 'ok') expect(new TextDecoder().decode(r.bytes)).toBe(FEED);
  });

  it('sends the newsroom User-Agent, a feed Accept header, conditional headers and no credentials', async () => {
    const s = scripted({ [A]: () => new Response(null, { status: 304 }) });
    const r = await fetchFeed({ url: A, etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' }, opts(s.fetch));
    expect(r).toMatchObject({ kind: 'not-modified' });
    const init = s.calls[0]!.init;
    const headers = new Headers(init.headers);
    expect(headers.get('user-agent')).toBe('DigitalMindNews/0.1 (+https://news.test/about)');
    expect(headers.get('accept')).toContain('application/rss+xml');
    expect(headers.get('if-none-match')).toBe('"v1"');
    expect(headers.get('if-modified-since')).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
    expect(headers.has('cookie')).toBe(false);
    expect(headers.has('authorization')).toBe(false);
    expect(init).toMatchObject({ redirect: 'manual', credentials: 'omit' });
  });

  it('follows redirects by hand, resolving relative locations', async () => {
    const s = scripted({ [A]: redirect('/moved.xml', 301), [B]: () => new Response(FEED) });
    const r = await fetchFeed({ url: A }, opts(s.fetch));
    expect(r).toMatchObject({ kind: 'ok', finalUrl: B });
    expect(s.calls.map((c) => c.url)).toEqual([A, B]);
  });

  it('says where an unbroken run of permanent redirects (301, 308) leads, and nothing for a temporary one', async () => {
    const C = 'http://127.0.0.1:9/final.xml';
    const permanent = scripted({ [A]: redirect(B, 301), [B]: redirect(C, 308), [C]: () => new Response(FEED) });
    expect(await fetchFeed({ url: A }, opts(permanent.fetch))).toMatchObject({ kind: 'ok', finalUrl: C, movedTo: C });
    const thenTemporary = scripted({ [A]: redirect(B, 301), [B]: redirect(C, 302), [C]: () => new Response(null, { status: 304 }) });
    expect(await fetchFeed({ url: A, etag: '"v1"' }, opts(thenTemporary.fetch))).toMatchObject({ kind: 'not-modified', finalUrl: C, movedTo: B });
    const temporary = scripted({ [A]: redirect(B, 307), [B]: redirect(C, 301), [C]: () => new Response(FEED) });
    const r = await fetchFeed({ url: A }, opts(temporary.fetch));
    expect(r).toMatchObject({ kind: 'ok', finalUrl: C });
    expect('movedTo' in r).toBe(false);
  });

  it('refuses a redirect to a private address before making any request to it', async () => {
    const s = scripted({ [A]: redirect('http://10.0.0.1/feed.xml') });
    const r = await fetchFeed({ url: A }, opts(s.fetch));
    expect(r).toMatchObject({ kind: 'error', code: 'redirect-refused' });
    if (r.kind === 'error') expect(r.message).toBe('Redirect to a private address refused: http://10.0.0.1/feed.xml (10.0.0.1 is a private network address)');
    expect(s.calls.map((c) => c.url)).toEqual([A]);
  });

  it('refuses redirects to other schemes and to credentials', async () => {
    for (const to of ['file:///etc/passwd', 'http://user:pw@127.0.0.1:9/x', 'http://[::1]:9/x']) {
      const s = scripted({ [A]: redirect(to) });
      const r = await fetchFeed({ url: A }, opts(s.fetch));
      expect(r).toMatchObject({ kind: 'error', code: 'redirect-refused' });
      expect(s.calls).toHaveLength(1);
    }
  });

  it('detects a redirect loop', async () => {
    const s = scripted({ [A]: redirect(B), [B]: redirect(A) });
    const r = await fetchFeed({ url: A }, opts(s.fetch));
    expect(r).toMatchObject({ kind: 'error', code: 'redirect-loop' });
    expect(s.calls).toHaveLength(2);
  });

  it('follows at most 5 redirects', async () => {
    const hop = (n: number) => `http://127.0.0.1:9/hop/${n}`;
    const routes: Record<string, () => Response> = { [A]: redirect(hop(1)) };
    for (let n = 1; n <= 10; n++) routes[hop(n)] = n === 5 ? () => new Response(FEED) : redirect(hop(n + 1));
    const five = scripted(routes);
    expect(await fetchFeed({ url: A }, opts(five.fetch))).toMatchObject({ kind: 'ok', finalUrl: hop(5) });

    routes[hop(5)] = redirect(hop(6));
    const six = scripted(routes);
    expect(await fetchFeed({ url: A }, opts(six.fetch))).toMatchObject({ kind: 'error', code: 'too-many-redirects' });
    expect(six.calls).toHaveLength(6);
  });

  it('reports a redirect without a Location', async () => {
    const s = scripted({ [A]: () => new Response(null, { status: 302 }) });
    expect(await fetchFeed({ url: A }, opts(s.fetch))).toMatchObject({ kind: 'error', code: 'bad-redirect', status: 302 });
  });

  it('refuses a body whose declared length is over the cap without reading it', async () => {
    const s = scripted({ [A]: () => new Response('x'.repeat(70 * 1024), { headers: { 'content-length': String(70 * 1024) } }) });
    const r = await fetchFeed({ url: A }, opts(s.fetch));
    expect(r).toEqual({ kind: 'error', code: 'too-large', status: 200, message: 'Body larger than 64 KB' });
  });

  it('cuts a streamed body at the cap and cancels the stream', async () => {
    const { body, state } = endlessBody(new Uint8Array(16 * 1024).fill(60), 1);
    const s = scripted({ [A]: () => new Response(body) });
    const r = await fetchFeed({ url: A }, opts(s.fetch));
    expect(r).toMatchObject({ kind: 'error', code: 'too-large' });
    expect(state.cancelled).toBe(true);
    expect(state.sent).toBeLessThan(200 * 1024);
  });

  it('cuts off a trickling body at the deadline', async () => {
    const { body, state } = endlessBody(new Uint8Array([60]), 50);
    const s = scripted({ [A]: () => new Response(body) });
    const started = Date.now();
    const r = await fetchFeed({ url: A }, opts(s.fetch, { timeoutMs: 400 }));
    const took = Date.now() - started;
    expect(r).toEqual({ kind: 'error', code: 'timeout', message: 'Timed out after 0.4 s' });
    expect(took).toBeGreaterThanOrEqual(350);
    expect(took).toBeLessThan(1500);
    expect(state.cancelled).toBe(true);
  });

  it('times out when headers never come, even if fetch ignores the abort signal', async () => {
    const s = scripted({ [A]: () => new Promise<Response>(() => {}) });
    const r = await fetchFeed({ url: A }, opts(s.fetch, { timeoutMs: 300 }));
    expect(r).toMatchObject({ kind: 'error', code: 'timeout' });
    expect(s.calls[0]!.init.signal?.aborted).toBe(true);
  });

  it('reads Retry-After from a 429 (seconds) and a 503 (HTTP date)', async () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    const s = scripted({
      [A]: () => new Response('slow down', { status: 429, headers: { 'retry-after': '120' } }),
      [B]: () => new Response('', { status: 503, headers: { 'retry-after': 'Tue, 01 Dec 2026 10:05:00 GMT' } }),
    });
    expect(await fetchFeed({ url: A }, opts(s.fetch, { now: () => now }))).toEqual({
      kind: 'error',
      code: 'rate-limited',
      status: 429,
      retryAfterMs: 120_000,
      message: 'Rate limited by the publisher (HTTP 429); retry after 120 s',
    });
    expect(await fetchFeed({ url: B }, opts(s.fetch, { now: () => now }))).toMatchObject({ kind: 'error', code: 'unavailable', status: 503, retryAfterMs: 300_000 });
  });

  it('records other statuses with their code', async () => {
    const s = scripted({ [A]: () => new Response('gone', { status: 404, statusText: 'Not Found' }), [B]: () => new Response('', { status: 500 }) });
    expect(await fetchFeed({ url: A }, opts(s.fetch))).toMatchObject({ kind: 'error', code: 'http-error', status: 404, message: 'HTTP 404 Not Found' });
    expect(await fetchFeed({ url: B }, opts(s.fetch))).toMatchObject({ kind: 'error', code: 'http-error', status: 500 });
  });

  it('turns a network failure into a value', async () => {
    const fetch = async () => {
      throw new TypeError('connection refused');
    };
    expect(await fetchFeed({ url: A }, opts(fetch))).toEqual({ kind: 'error', code: 'network', message: 'Could not connect: connection refused' });
  });

  it('makes no request at all for a refused feed URL', async () => {
    const s = scripted({});
    for (const url of ['http://169.254.169.254/latest', 'http://news.example.com:8080/feed', 'ftp://a.example.com/']) {
      expect(await fetchFeed({ url }, opts(s.fetch))).toMatchObject({ kind: 'error', code: 'invalid-url' });
    }
    expect(await fetchFeed({ url: A }, opts(s.fetch, { allowLoopback: false }))).toMatchObject({ kind: 'error', code: 'invalid-url' });
    expect(s.calls).toHaveLength(0);
  });

  it('reports an empty 200 body', async () => {
    const s = scripted({ [A]: () => new Response('') });
    expect(await fetchFeed({ url: A }, opts(s.fetch))).toMatchObject({ kind: 'error', code: 'empty' });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');
  it('reads seconds and dates, and ignores junk', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 90 ', now)).toBe(90_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
