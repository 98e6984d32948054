// The newswire's hostile switches: feeds and responses built to hurt a fetcher or parser, each ending within its cap.
import type { ServerResponse } from 'node:http';
import { escapeXml, rfc822 } from '../fixtures/newswire/render';

export interface HostileContext {
  /** The newswire's origin, e.g. "http://127.0.0.1:8788". */
  baseUrl: string;
  /** Aborted when the client goes away or the server closes. */
  signal: AbortSignal;
}

const RSS = 'application/rss+xml; charset=utf-8';
const HUGE_BYTES = 50 * 1024 * 1024;
const TRICKLE_INTERVAL_MS = 250;
const TRICKLE_CAP_MS = 60_000;
const SLOW_HEADERS_MS = 30_000;
const MAX_CHAIN = 20;

/** Names served under /hostile/, listed on the newswire's index page. */
export const HOSTILE_ROUTES = [
  'billion-laughs.xml', 'external-entity.xml', 'huge.xml', 'trickle.xml', 'slow-headers.xml',
  'redirect-loop', 'redirect-chain/3', 'redirect-private', 'html.xml', 'invalid.xml',
  'javascript-links.xml', 'ten-thousand.xml', 'retry-after.xml', 'unavailable.xml',
  'server-error.xml', 'not-found.xml',
];

/** Answers GET /hostile/<name>; returns false when the name is not a hostile switch. */
export async function handleHostile(name: string, res: ServerResponse, ctx: HostileContext): Promise<boolean> {
  const chain = /^redirect-chain\/(\d{1,3})$/.exec(name);
  if (chain) {
    const hops = Number(chain[1]);
    if (hops > MAX_CHAIN) return text(res, 400, `redirect-chain allows at most ${MAX_CHAIN} hops\n`), true;
    // Relative Location headers, so the fetcher must resolve each hop against the last URL.
    if (hops > 0) res.writeHead(302, { location: `./${hops - 1}` }).end();
    else res.writeHead(200, { 'content-type': RSS }).end(smallFeed(ctx.baseUrl, 'Redirect chain end', ['redirect-chain-end']));
    return true;
  }
  switch (name) {
    case 'billion-laughs.xml':
      return res.writeHead(200, { 'content-type': RSS }).end(billionLaughs()), true;
    case 'external-entity.xml':
      return res.writeHead(200, { 'content-type': RSS }).end(externalEntity()), true;
    case 'huge.xml':
      return await huge(res, ctx), true;
    case 'trickle.xml':
      return await trickle(res, ctx), true;
    case 'slow-headers.xml':
      if (await sleep(SLOW_HEADERS_MS, ctx.signal)) res.writeHead(200, { 'content-type': RSS }).end(smallFeed(ctx.baseUrl, 'Slow headers', ['slow-headers-item']));
      return true;
    case 'redirect-loop':
      return res.writeHead(302, { location: `${ctx.baseUrl}/hostile/redirect-loop/b` }).end(), true;
    case 'redirect-loop/b':
      return res.writeHead(302, { location: `${ctx.baseUrl}/hostile/redirect-loop` }).end(), true;
    case 'redirect-private':
      // Never followed by us: the fetcher must refuse the private address before connecting.
      return res.writeHead(302, { location: 'http://10.0.0.1/feed.xml' }).end(), true;
    case 'html.xml':
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HTML_PAGE), true;
    case 'invalid.xml':
      return res.writeHead(200, { 'content-type': RSS }).end(INVALID_XML), true;
    case 'javascript-links.xml':
      return res.writeHead(200, { 'content-type': RSS }).end(javascriptLinks(ctx.baseUrl)), true;
    case 'ten-thousand.xml':
      return res.writeHead(200, { 'content-type': RSS }).end(tenThousand(ctx.baseUrl)), true;
    case 'retry-after.xml':
      return text(res, 429, 'Too many requests: retry in two minutes.\n', { 'retry-after': '120' }), true;
    case 'unavailable.xml':
      return text(res, 503, 'Down for maintenance.\n', { 'retry-after': new Date(Date.now() + 10 * 60_000).toUTCString() }), true;
    case 'server-error.xml':
      return text(res, 500, 'Internal server error.\n'), true;
    case 'not-found.xml':
      return text(res, 404, 'No feed here.\n'), true;
    default:
      return false;
  }
}

function text(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(body);
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(true); }, ms);
    const onAbort = () => { clearTimeout(timer); resolve(false); };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function rssDocument(baseUrl: string, title: string, itemsXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escapeXml(title)}</title><link>${escapeXml(baseUrl)}/hostile/</link>
<description>Demo newswire — fictional; a hostile test feed.</description>
${itemsXml}
</channel></rss>
`;
}

function itemXml(baseUrl: string, slug: string, title: string, link = `${baseUrl}/hostile/articles/${slug}`, date = new Date()): string {
  return `<item><title>${escapeXml(title)}</title><link>${escapeXml(link)}</link><guid isPermaLink="false">urn:demo:hostile:${slug}</guid><pubDate>${rfc822(date)}</pubDate><description>A fictional item in a hostile test feed.</description></item>`;
}

function smallFeed(baseUrl: string, title: string, slugs: string[]): string {
  return rssDocument(baseUrl, title, slugs.map((s) => itemXml(baseUrl, s, `${title}: ${s}`)).join('\n'));
}

function billionLaughs(): string {
  const levels = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>
<!DOCTYPE rss [
${levels.join('\n')}
]>
<rss version="2.0"><channel><title>Billion laughs</title><link>https://hostile.demo.invalid/</link><description>&lol9;</description>
<item><title>&lol9;</title><link>https://hostile.demo.invalid/laughs</link></item></channel></rss>
`;
}

function externalEntity(): string {
  return `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>External entity</title><link>https://hostile.demo.invalid/</link><description>Demo newswire — fictional</description>
<item><title>Leak: &xxe;</title><link>https://hostile.demo.invalid/xxe</link><description>&xxe;</description></item></channel></rss>
`;
}

/** 50 MB of valid-looking RSS, made as it is sent and stopped when the client goes away. */
async function huge(res: ServerResponse, { baseUrl, signal }: HostileContext) {
  res.writeHead(200, { 'content-type': RSS });
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Huge</title><link>${baseUrl}/hostile/</link><description>Demo newswire — fictional; 50 MB.</description>\n`;
  let sent = 0;
  const send = async (chunk: string) => {
    sent += Buffer.byteLength(chunk);
    if (!res.write(chunk)) await new Promise<void>((resolve) => { res.once('drain', resolve); signal.addEventListener('abort', () => resolve(), { once: true }); });
  };
  await send(head);
  const filler = 'Padding sentence about a fictional newsroom that goes on and on. '.repeat(12);
  for (let n = 0; sent < HUGE_BYTES && !signal.aborted; n++) {
    const batch: string[] = [];
    for (let k = 0; k < 64; k++) batch.push(`<item><title>Huge item ${n * 64 + k}</title><link>${baseUrl}/hostile/articles/huge-${n * 64 + k}</link><description>${filler}</description></item>\n`);
    await send(batch.join(''));
  }
  if (!signal.aborted) res.end('</channel></rss>\n');
}

/** Valid headers at once, then one byte every 250 ms, ending after 60 s whatever was sent. */
async function trickle(res: ServerResponse, { baseUrl, signal }: HostileContext) {
  res.writeHead(200, { 'content-type': RSS });
  const doc = smallFeed(baseUrl, 'Trickle', ['trickle-item']);
  const started = Date.now();
  for (let i = 0; i < doc.length && Date.now() - started < TRICKLE_CAP_MS; i++) {
    if (!(await sleep(TRICKLE_INTERVAL_MS, signal))) return;
    res.write(doc[i]);
  }
  res.end();
}

const HTML_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Welcome to a fictional publisher</title></head>
<body><h1>This is a web page, not a feed</h1><p>Demo newswire — fictional. The feed moved somewhere else.</p>
<script>document.title = 'still not a feed';</script></body></html>
`;

const INVALID_XML = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Broken feed</title>
<item><title>Unclosed title<link>https://hostile.demo.invalid/broken</link></item>
<item><title>Mismatched</titel></item>
</channel>
`;

function javascriptLinks(baseUrl: string): string {
  const bad = [
    ['js-plain', 'Script link', 'javascript:alert(1)'],
    ['js-mixed-case', 'Mixed-case script link', ' JavaScript:alert(document.cookie)'],
    ['data-html', 'Data URL link', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript', 'VBScript link', 'vbscript:msgbox(1)'],
  ];
  const items = bad.map(([slug, title, link]) => itemXml(baseUrl, slug!, title!, link));
  items.push(itemXml(baseUrl, 'good-link', 'The one good item with an ordinary link'));
  return rssDocument(baseUrl, 'Script links', items.join('\n'));
}

let tenThousandCache: { baseUrl: string; body: string } | undefined;
function tenThousand(baseUrl: string): string {
  if (tenThousandCache?.baseUrl !== baseUrl) {
    const items: string[] = [];
    // One date for the whole document: building 10,000 items can cross a second, and the later items would then be the
    // newest, which the ingester keeps first (the cap test expects the document's first items).
    const date = new Date();
    for (let i = 0; i < 10_000; i++) items.push(itemXml(baseUrl, `many-${i}`, `Item ${i} of ten thousand`, undefined, date));
    tenThousandCache = { baseUrl, body: rssDocument(baseUrl, 'Ten thousand items', items.join('\n')) };
  }
  return tenThousandCache.body;
}
