// The demo newswire on loopback: serves the fictional feeds (with conditional GET), article pages,
// the source registry rows, and the hostile switches under /hostile/. Used by the tests and `npm start`.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DEMO_NOTE, items, itemsFor, publishers, publisherById, publishedAt } from '../fixtures/newswire/index';
import { feedUrl, renderArticlePage, renderFeed, sourceRows } from '../fixtures/newswire/render';

export { sourceRows, type SourceRow } from '../fixtures/newswire/render';
import { HOSTILE_ROUTES, handleHostile } from './newswire-hostile';

export interface NewswireOptions {
  port: number;
  host?: string;
  /** After this long the feeds switch to phase 2 on their own (the growing story appears). */
  growAfterMs?: number;
  /** The moment item times are relative to; fixed for the server's life so ETags stay stable. */
  now?: Date;
}

export interface Newswire {
  url: string;
  close(): Promise<void>;
}

export async function startNewswire(opts: NewswireOptions): Promise<Newswire> {
  const host = opts.host ?? '127.0.0.1';
  // Whole seconds, so Last-Modified round-trips exactly through If-Modified-Since.
  const now = new Date(Math.floor((opts.now ?? new Date()).getTime() / 1000) * 1000);
  const startedAt = Date.now();
  const closing = new AbortController();
  const sockets = new Set<Socket>();
  let baseUrl = '';

  const phaseOf = (url: URL): 1 | 2 => {
    const asked = url.searchParams.get('phase');
    if (asked === '1' || asked === '2') return Number(asked) as 1 | 2;
    return opts.growAfterMs !== undefined && Date.now() - startedAt >= opts.growAfterMs ? 2 : 1;
  };

  const server = createServer((req, res) => {
    const requestGone = new AbortController();
    res.on('close', () => requestGone.abort());
    const signal = AbortSignal.any([requestGone.signal, closing.signal]);
    route(req, res, signal).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end(`newswire error: ${String(error)}\n`);
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse, signal: AbortSignal) {
    const url = new URL(req.url ?? '/', baseUrl);
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Only GET and HEAD.\n', { allow: 'GET, HEAD' });
    const path = url.pathname;
    if (path === '/' || path === '/index.html') return plain(res, 200, indexPage(baseUrl));
    if (path === '/sources.json') return send(req, res, 200, 'application/json; charset=utf-8', `${JSON.stringify(sourceRows(baseUrl), null, 2)}\n`);
    if (path.startsWith('/feeds/')) return serveFeed(req, res, path, phaseOf(url));
    if (path.startsWith('/articles/')) {
      const item = items.find((i) => i.link === path);
      if (!item) return plain(res, 404, 'No such article.\n');
      return send(req, res, 200, 'text/html; charset=utf-8', renderArticlePage(item, publisherById(item.publisherId), now));
    }
    if (path.startsWith('/sites/')) {
      // A publisher's home page: no feed in its URL, only announced by <link rel="alternate">.
      const publisher = publishers.find((p) => path === `/sites/${p.id}/`);
      if (!publisher) return plain(res, 404, 'No such site.\n');
      return send(req, res, 200, 'text/html; charset=utf-8', sitePage(publisher));
    }
    if (path.startsWith('/hostile/') && (await handleHostile(path.slice('/hostile/'.length), res, { baseUrl, signal }))) return;
    return plain(res, 404, 'Not found on the demo newswire.\n');
  }

  function sitePage(publisher: (typeof publishers)[number]): string {
    const type = { atom1: 'application/atom+xml', rdf: 'application/rdf+xml', jsonfeed: 'application/feed+json' }[publisher.feedShape as string] ?? 'application/rss+xml';
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${publisher.name}</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Comments on ${publisher.name}" href="/feeds/${publisher.id}-comments.xml">
<link rel="alternate" type="${type}" title="${publisher.name}" href="../..${publisher.feedPath}">
</head><body><p>${DEMO_NOTE}</p><h1>${publisher.name}</h1></body></html>`;
  }

  function serveFeed(req: IncomingMessage, res: ServerResponse, path: string, phase: 1 | 2) {
    const publisher = publishers.find((p) => p.feedPath === path);
    if (!publisher) return plain(res, 404, 'No such feed.\n');
    const { body, contentType } = renderFeed(publisher, { now, phase, baseUrl });
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
    const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
    const lastModified = new Date(Math.max(...itemsFor(publisher.id, phase).map((i) => publishedAt(i, now).getTime()))).toUTCString();
    const validators = { etag, 'last-modified': lastModified, 'cache-control': 'no-cache' };
    if (notModified(req, etag, lastModified)) return void res.writeHead(304, validators).end();
    send(req, res, 200, contentType, bytes, validators);
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: baseUrl,
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** RFC 9110: If-None-Match wins; If-Modified-Since only counts without it. */
function notModified(req: IncomingMessage, etag: string, lastModified: string): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    return inm.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t.replace(/^W\//, '') === etag;
    });
  }
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Date.parse(lastModified) <= since;
}

function send(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(bytes.length), ...headers });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

function plain(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(body);
}

function indexPage(baseUrl: string): string {
  return [
    DEMO_NOTE,
    '',
    'Feeds (add ?phase=2 for the later fetch, where one story grows):',
    ...publishers.map((p) => `  ${feedUrl(p, baseUrl)}  ${p.name} (${p.feedShape})`),
    '',
    `Source registry rows: ${baseUrl}/sources.json`,
    '',
    'Hostile switches:',
    ...HOSTILE_ROUTES.map((r) => `  ${baseUrl}/hostile/${r}`),
    '',
  ].join('\n');
}
