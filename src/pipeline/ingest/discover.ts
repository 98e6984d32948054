/**
 * Feed discovery: from a site's home page to its feed, by the page's <link rel="alternate"> tags
 * (RSS, Atom, JSON Feed), with the same URL safety as every fetch.
 */
// The <link> scan is by hand: HTMLRewriter is async and workerd-only, and this must run in Node too.
import { decodeHTML } from 'entities/decode';
import { checkFetchUrl } from '../../lib/url-safety';
import { parseFeedBytes } from '../parse';
import { decodeFeedBytes } from './feed/charset';
import { fetchFeed, type FetchFeedOptions } from './fetch-feed';

export interface DiscoveredFeed {
  url: string;
  /** The link's title attribute, or the feed's own title when the URL was a feed. */
  title?: string;
  /** rss | atom | json | rdf */
  format: string;
}

export type DiscoverResult =
  | { kind: 'feed'; feed: DiscoveredFeed }
  | { kind: 'page'; pageUrl: string; feeds: DiscoveredFeed[] }
  | { kind: 'error'; code: 'fetch' | 'no-feed'; message: string };

const FEED_TYPES: Record<string, string> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  'application/json': 'json',
  'application/rdf+xml': 'rdf',
  'text/xml': 'rss',
  'application/xml': 'rss',
};

/**
 * Finds the feed of a URL: the URL itself when it is a feed, else the feeds its HTML page announces,
 * the site's main feed first (comment feeds last). Every candidate passes the fetch URL check.
 * @example const found = await discoverFeeds('https://example.org/', fetchOptions)
 */
export async function discoverFeeds(url: string, opts: FetchFeedOptions): Promise<DiscoverResult> {
  const fetched = await fetchFeed({ url }, opts);
  if (fetched.kind === 'not-modified') return { kind: 'error', code: 'fetch', message: 'The site answered 304 to a request without validators' };
  if (fetched.kind === 'error') return { kind: 'error', code: 'fetch', message: `Could not fetch ${url}: ${fetched.message}` };
  const type = fetched.contentType?.toLowerCase() ?? '';
  if (!type.includes('html')) {
    try {
      const feed = parseFeedBytes(fetched.bytes, { url: fetched.finalUrl, contentType: fetched.contentType ?? undefined, maxItems: 1 });
      return { kind: 'feed', feed: { url: fetched.finalUrl, title: feed.title || undefined, format: formatOf(type, fetched.bytes) } };
    } catch {
      // Not a feed: read it as a page below.
    }
  }
  const html = decodeFeedBytes(fetched.bytes.subarray(0, 512 * 1024), fetched.contentType ?? undefined);
  const feeds = feedLinks(html, fetched.finalUrl).filter((f) => checkFetchUrl(f.url, { allowLoopback: opts.allowLoopback }).ok);
  if (!feeds.length) {
    // A feed served as text/html is still a feed.
    try {
      const feed = parseFeedBytes(fetched.bytes, { url: fetched.finalUrl, maxItems: 1 });
      return { kind: 'feed', feed: { url: fetched.finalUrl, title: feed.title || undefined, format: formatOf('', fetched.bytes) } };
    } catch {
      // A page after all, with no feed announced.
    }
    return { kind: 'error', code: 'no-feed', message: `${fetched.finalUrl} is neither a feed nor a page that links one (no <link rel="alternate"> of an RSS, Atom or JSON Feed type)` };
  }
  return { kind: 'page', pageUrl: fetched.finalUrl, feeds };
}

/** The feeds a page's <link rel="alternate"> tags announce, resolved against <base href> and the page URL. */
export function feedLinks(html: string, pageUrl: string): DiscoveredFeed[] {
  // Only the head matters; a body may quote link tags in its text.
  const headEnd = html.search(/<\/head\s*>|<body[\s>]/i);
  const head = headEnd === -1 ? html : html.slice(0, headEnd);
  const withoutComments = head.replace(/<!--[\s\S]*?-->/g, '');
  const baseHref = /<base\b[^>]*>/i.exec(withoutComments)?.[0];
  const base = resolve(attributes(baseHref ?? '').href ?? '', pageUrl) ?? pageUrl;
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  for (const [tag] of withoutComments.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(tag);
    const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    const format = FEED_TYPES[(attrs.type ?? '').toLowerCase().split(';')[0]!.trim()];
    if (!rels.includes('alternate') || !format || !attrs.href) continue;
    const url = resolve(attrs.href, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    found.push({ url, format, ...(attrs.title ? { title: attrs.title } : {}) });
  }
  // A site's comment feed is rarely what an editor means.
  const comments = (f: DiscoveredFeed) => /comment/i.test(`${f.title ?? ''} ${f.url}`);
  return [...found.filter((f) => !comments(f)), ...found.filter(comments)];
}

/** Attributes of one start tag, names lower-cased, values entity-decoded. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const attr = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const body = tag.replace(/^<[a-z]+/i, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(attr)) {
    const name = m[1]!.toLowerCase();
    if (!(name in out)) out[name] = decodeHTML(m[2] ?? m[3] ?? m[4] ?? '').trim();
  }
  return out;
}

function resolve(href: string, base: string): string | undefined {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function formatOf(contentType: string, bytes: Uint8Array): string {
  for (const [type, format] of Object.entries(FEED_TYPES)) if (contentType.includes(type)) return format;
  const head = new TextDecoder().decode(bytes.subarray(0, 512));
  return head.trimStart().startsWith('{') ? 'json' : /<feed[\s>]/.test(head) ? 'atom' : /<rdf:RDF/.test(head) ? 'rdf' : 'rss';
}
