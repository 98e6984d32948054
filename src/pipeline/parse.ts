/** parseFeed: any RSS, RDF, Atom or JSON Feed document into plain-text items (pure; workerd and Node). */
import { decodeFeed } from './ingest/feed/charset';
import { DEFAULT_LIMITS, finishEntry, safeLink, type FieldLimits } from './ingest/feed/entry';
import { FeedParseError } from './ingest/feed/errors';
import { readJsonFeed } from './ingest/feed/json-feed';
import { repairMojibake } from './ingest/feed/mojibake';
import { readXmlFeed, type RawFeed } from './ingest/feed/xml-feed';
import { readXmlTree } from './ingest/feed/xml-tree';
import type { ParsedFeed } from './types';

export { FeedParseError, type FeedParseErrorCode } from './ingest/feed/errors';
export { decodeFeedBytes, sniffFeedCharset, type CharsetGuess } from './ingest/feed/charset';
export { parseFeedDate } from './ingest/feed/dates';
export { DEFAULT_LIMITS, type FieldLimits } from './ingest/feed/entry';

export interface ParseFeedOptions {
  /** The URL the feed was fetched from: relative links resolve against it. */
  url: string;
  /** The HTTP Content-Type, if known (helps tell JSON and HTML apart). */
  contentType?: string;
  /** Keep at most this many items: the newest by date, in document order (default 200). */
  maxItems?: number;
  /** Per-field character caps (defaults in DEFAULT_LIMITS). */
  limits?: Partial<FieldLimits>;
}

export const DEFAULT_MAX_ITEMS = 200;

/**
 * Parses a feed document into plain-text items with absolute http(s) links and ISO UTC dates.
 * Throws FeedParseError, with a message an editor can act on, when the body is not a feed.
 * @example parseFeed(xml, { url: 'https://example.org/feed.xml' }).items[0]?.title
 */
export function parseFeed(body: string, opts: ParseFeedOptions): ParsedFeed {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const maxItems = Math.max(0, opts.maxItems ?? DEFAULT_MAX_ITEMS);
  const { text, skipped } = skipLeadingJunk(body);
  const start = text.search(/\S/);
  if (start === -1) throw new FeedParseError('empty', 'Empty body: the server sent nothing to parse');
  const first = text.charAt(start);
  const type = opts.contentType?.toLowerCase() ?? '';

  let raw: RawFeed;
  const warnings: string[] = skipped ? [`${skipped} characters before the feed (a server's error message or stray output) were ignored`] : [];
  if (first === '{' || first === '[' || (type.includes('json') && first !== '<')) {
    raw = readJsonFeed(text, opts.url, READ_CAP, limits);
  } else if (first === '<') {
    try {
      const tree = readXmlTree(text, opts.url);
      warnings.push(...tree.warnings);
      raw = readXmlFeed(tree.root, READ_CAP, limits);
    } catch (error) {
      if (error instanceof FeedParseError && error.code !== 'entities' && looksLikeHtml(text, type)) {
        throw new FeedParseError('html', 'This is an HTML page, not a feed');
      }
      throw error;
    }
  } else {
    throw new FeedParseError('not-xml', `This is not a feed: it is neither XML nor JSON (it starts with "${text.slice(start, start + 20)}")`);
  }

  if (raw.warnings) warnings.push(...raw.warnings);
  const unsafe = raw.entries.filter((e) => e.url && !safeLink(e.url, limits));
  if (unsafe.length) {
    const schemes = [...new Set(unsafe.map((e) => /^[a-z][a-z0-9+.-]{0,20}:/i.exec(e.url!)?.[0].toLowerCase() ?? 'not a URL'))].slice(0, 3);
    warnings.push(`${unsafe.length} ${unsafe.length === 1 ? 'item has a link that is' : 'items have links that are'} not an http(s) URL (${schemes.join(', ')}); the link was dropped`);
  }

  // Feeds list newest first, oldest first or in no order: a cut keeps the newest, not the first in the document.
  if (raw.entries.length > maxItems) {
    warnings.push(`The feed has ${raw.entries.length >= READ_CAP ? `at least ${READ_CAP}` : raw.entries.length} items; the ${maxItems} newest were kept`);
    raw = { ...raw, entries: newest(raw.entries, maxItems) };
  }

  // Mojibake is mended silently: the feed is well-formed, only its text was mis-encoded upstream.
  const repair = <T extends string | undefined>(value: T): T => (value ? (repairMojibake(value) as T) : value);
  const feed: ParsedFeed = {
    title: repair(raw.title),
    items: raw.entries.map((entry) =>
      finishEntry({ ...entry, title: repair(entry.title), summary: repair(entry.summary), contentText: repair(entry.contentText), author: repair(entry.author) }, limits),
    ),
  };
  const link = safeLink(raw.link, limits);
  if (link) feed.link = link;
  if (warnings.length) feed.warnings = warnings;
  return feed;
}

// Items read from one document at most (the 5 MB body cap already bounds it); the newest `maxItems` of them are kept.
const READ_CAP = 10_000;

/** The `count` newest entries (by published, else updated date; undated last), in document order. */
function newest(entries: RawFeed['entries'], count: number): RawFeed['entries'] {
  const when = (e: RawFeed['entries'][number]) => Date.parse(e.publishedAt ?? e.updatedAt ?? '') || -Infinity;
  const keep = new Set(entries.map((e, i) => ({ i, t: when(e) })).sort((a, b) => b.t - a.t || a.i - b.i).slice(0, count).map((x) => x.i));
  return entries.filter((_, i) => keep.has(i));
}

/** Decodes a fetched body (BOM, HTTP charset, XML declaration) and parses it. */
export function parseFeedBytes(bytes: Uint8Array, opts: ParseFeedOptions): ParsedFeed {
  const decoded = decodeFeed(bytes, opts.contentType);
  const feed = parseFeed(decoded.text, opts);
  if (decoded.warning) feed.warnings = [decoded.warning, ...(feed.warnings ?? [])];
  return feed;
}

const ROOT_OR_DECLARATION = /<\?xml\s|<(?:rss|feed|rdf:RDF)[\s>]/;
/** What may rightly stand before a root element: comments, a DOCTYPE, processing instructions. */
const PROLOG = /^(?:\s+|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|<\?[\s\S]*?\?>)*$/i;

/**
 * Drops BOMs and whatever a server printed before the XML (a PHP warning, blank lines before the
 * declaration): the feed starts at its XML declaration or its root element.
 */
function skipLeadingJunk(body: string): { text: string; skipped: number } {
  const text = body.replace(/^[\uFEFF\s]+/, '');
  if (text.startsWith('<?xml') || text.startsWith('{') || text.startsWith('[')) return { text, skipped: 0 };
  const at = text.slice(0, 65_536).search(ROOT_OR_DECLARATION);
  if (at <= 0 || PROLOG.test(text.slice(0, at))) return { text, skipped: 0 };
  return { text: text.slice(at), skipped: at };
}

/** An HTML page rather than XML: said so by the server, or by an <html> element near the top. */
function looksLikeHtml(text: string, contentType: string): boolean {
  if (contentType.includes('text/html')) return true;
  return /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]/i.test(text.slice(0, 4096));
}
