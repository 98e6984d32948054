/**
 * The safe feed fetcher: one conditional GET with a deadline, a byte cap,
 * hand-followed and validated redirects, and no credentials. Pure logic over an
 * injected `fetch`, so it runs in workerd and in Node; problems come back as
 * values, never as exceptions.
 */
import { checkFetchUrl, type LoopbackPolicy } from '../../lib/url-safety';

/** Workers' RequestInit type lacks `credentials`, which workerd and Node both accept. */
export type FetchInit = RequestInit & { credentials?: 'omit' };
export type FetchFn = (input: string, init: FetchInit) => Promise<Response>;

export interface FetchFeedRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchFeedOptions {
  fetch: FetchFn;
  /** Covers the whole fetch: every redirect hop, headers and body. */
  timeoutMs: number;
  maxBytes: number;
  allowLoopback: LoopbackPolicy;
  userAgent: string;
  /** Default 5. */
  maxRedirects?: number;
  /** Clock for Retry-After dates (ms since epoch). */
  now?: () => number;
}

export type FetchErrorCode =
  | 'invalid-url'
  | 'redirect-refused'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'bad-redirect'
  | 'timeout'
  | 'too-large'
  | 'empty'
  | 'rate-limited'
  | 'unavailable'
  | 'http-error'
  | 'network';

export type FetchFeedResult =
  | {
      kind: 'ok';
      bytes: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
      status: number;
      /** Where permanent redirects (301/308), followed from the start, led: the feed's new address. */
      movedTo?: string;
    }
  | { kind: 'not-modified'; status: 304; finalUrl: string; movedTo?: string }
  | { kind: 'error'; code: FetchErrorCode; message: string; status?: number; retryAfterMs?: number };

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);

/** The User-Agent that names the newsroom and where to read about it. */
export function feedUserAgent(siteUrl: string): string {
  return `DigitalMindNews/0.1 (+${siteUrl.replace(/\/+$/, '')}/about)`;
}

/** "5 MB", "64 KB", "1500 bytes": sizes as an editor reads them. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}

/** "20 s", "1.5 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

class Deadline extends Error {}

/**
 * Fetches a feed URL safely. Never throws for network or HTTP problems.
 * @example await fetchFeed({ url, etag }, { fetch, timeoutMs: 20_000, maxBytes: 5 << 20, allowLoopback: false, userAgent })
 */
export async function fetchFeed(req: FetchFeedRequest, opts: FetchFeedOptions): Promise<FetchFeedResult> {
  const first = checkFetchUrl(req.url, { allowLoopback: opts.allowLoopback });
  if (!first.ok) return { kind: 'error', code: 'invalid-url', message: `Feed URL refused: ${first.reason}` };

  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Deadline());
    }, opts.timeoutMs);
  });
  expired.catch(() => {});
  // Races a step against the deadline; the loser's late rejection is swallowed on purpose.
  const beforeDeadline = <T>(p: Promise<T>): Promise<T> => {
    p.catch(() => {});
    return Promise.race([p, expired]);
  };

  try {
    return await fetchWithRedirects(req, first.url, opts, controller.signal, beforeDeadline);
  } catch (err) {
    if (err instanceof Deadline || controller.signal.aborted) {
      return { kind: 'error', code: 'timeout', message: `Timed out after ${formatSeconds(opts.timeoutMs)}` };
    }
    return { kind: 'error', code: 'network', message: `Could not connect: ${describe(err)}` };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

type Race = <T>(p: Promise<T>) => Promise<T>;

async function fetchWithRedirects(
  req: FetchFeedRequest,
  startUrl: string,
  opts: FetchFeedOptions,
  signal: AbortSignal,
  race: Race,
): Promise<FetchFeedResult> {
  const maxRedirects = opts.maxRedirects ?? 5;
  const seen = new Set<string>([startUrl]);
  let url = startUrl;
  // The new address is where the unbroken run of permanent redirects from the start ends.
  let movedTo: string | undefined;
  let permanentSoFar = true;
  for (let hop = 0; ; hop++) {
    const res = await race(request(url, req, opts, signal));
    if (!REDIRECTS.has(res.status)) {
      const result = await readResponse(res, url, opts, race);
      return movedTo && result.kind !== 'error' ? { ...result, movedTo } : result;
    }

    discard(res);
    const location = res.headers.get('location');
    let next: string;
    try {
      next = new URL(location ?? '', url).href;
      if (!location) throw new Error('missing');
    } catch {
      return { kind: 'error', code: 'bad-redirect', status: res.status, message: `HTTP ${res.status} redirect without a usable Location header` };
    }
    // Each hop is checked like a new source before any request is made to it.
    const check = checkFetchUrl(next, { allowLoopback: opts.allowLoopback });
    if (!check.ok) {
      const what = check.code === 'private-address' ? 'Redirect to a private address refused' : 'Redirect refused';
      return { kind: 'error', code: 'redirect-refused', status: res.status, message: `${what}: ${next} (${check.reason})` };
    }
    if (seen.has(check.url)) {
      return { kind: 'error', code: 'redirect-loop', status: res.status, message: `Redirect loop: ${check.url} was already visited` };
    }
    if (hop + 1 > maxRedirects) {
      return { kind: 'error', code: 'too-many-redirects', status: res.status, message: `More than ${maxRedirects} redirects` };
    }
    seen.add(check.url);
    permanentSoFar &&= PERMANENT.has(res.status);
    if (permanentSoFar) movedTo = check.url;
    url = check.url;
  }
}

function request(url: string, req: FetchFeedRequest, opts: FetchFeedOptions, signal: AbortSignal): Promise<Response> {
  const headers = new Headers({ 'User-Agent': opts.userAgent, Accept: ACCEPT });
  if (req.etag) headers.set('If-None-Match', req.etag);
  if (req.lastModified) headers.set('If-Modified-Since', req.lastModified);
  // No Cookie or Authorization header is ever set, and no ambient credentials either.
  return opts.fetch(url, { method: 'GET', headers, redirect: 'manual', credentials: 'omit', signal });
}

async function readResponse(res: Response, url: string, opts: FetchFeedOptions, race: Race): Promise<FetchFeedResult> {
  const now = opts.now?.() ?? Date.now();
  if (res.status === 304) {
    discard(res);
    return { kind: 'not-modified', status: 304, finalUrl: url };
  }
  if (res.status === 429 || res.status === 503) {
    discard(res);
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now);
    const who = res.status === 429 ? 'Rate limited by the publisher (HTTP 429)' : 'Publisher unavailable (HTTP 503)';
    return {
      kind: 'error',
      code: res.status === 429 ? 'rate-limited' : 'unavailable',
      status: res.status,
      message: retryAfterMs === undefined ? who : `${who}; retry after ${formatSeconds(retryAfterMs)}`,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  if (res.status < 200 || res.status > 299) {
    discard(res);
    return { kind: 'error', code: 'http-error', status: res.status, message: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
  }

  const tooLarge = { kind: 'error', code: 'too-large', status: res.status, message: `Body larger than ${formatBytes(opts.maxBytes)}` } as const;
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > opts.maxBytes) {
    discard(res);
    return tooLarge;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (res.body) {
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await race(reader.read());
        if (done) break;
        total += value.byteLength;
        if (total > opts.maxBytes) {
          reader.cancel().catch(() => {});
          return tooLarge;
        }
        chunks.push(value);
      }
    } catch (err) {
      reader.cancel().catch(() => {});
      throw err;
    }
  }
  if (total === 0) return { kind: 'error', code: 'empty', status: res.status, message: `HTTP ${res.status} with an empty body` };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return {
    kind: 'ok',
    bytes,
    contentType: res.headers.get('content-type'),
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
    finalUrl: url,
    status: res.status,
  };
}

function discard(res: Response): void {
  res.body?.cancel().catch(() => {});
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
