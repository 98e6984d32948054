/** Reads RSS 0.9x/2.0, RDF/RSS 1.0 and Atom 0.3/1.0 element trees into raw feed entries. */
import { htmlToText, tidyText } from '../../../lib/html-text';
import { htmlText } from './text';
import { parseFeedDate } from './dates';
import type { FieldLimits, RawEntry } from './entry';
import { FeedParseError } from './errors';
import { resolveUrl, textContent, type XmlElement } from './xml-tree';

export const NS = {
  atom10: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

/** Namespaces whose elements count as the feed format's own (RSS has several, or none). */
const RSS_CORE = new Set(['', NS.rss10, NS.rss090, 'http://backend.userland.com/rss2', 'http://blogs.law.harvard.edu/tech/rss']);
const ATOM_CORE = new Set([NS.atom10, NS.atom03, '']);

export interface RawFeed {
  title: string;
  link?: string;
  entries: RawEntry[];
  /** What the reader left out or ignored, for the parse warnings. */
  warnings?: string[];
}

/** Maps a feed document's root element to a raw feed; throws when the root is no feed. */
export function readXmlFeed(root: XmlElement, maxItems: number, limits: FieldLimits): RawFeed {
  const name = root.local.toLowerCase();
  if (name === 'rss' || (name === 'rdf' && root.ns === NS.rdf)) {
    const channel = root.children.find((c): c is XmlElement => typeof c !== 'string' && c.local === 'channel');
    const holder = channel ?? root;
    let items = elements(holder, RSS_CORE, 'item');
    if (!items.length && channel) items = elements(root, RSS_CORE, 'item');
    return {
      title: textField(child(holder, RSS_CORE, 'title') ?? child(holder, NS.dc, 'title'), limits.title) ?? '',
      link: channel ? rssLink(channel) : undefined,
      entries: items.slice(0, maxItems).map((item) => rssEntry(item, limits)),
    };
  }
  if (name === 'feed') {
    // Early Atom drafts used other namespace URIs: a <feed> root is Atom whatever its namespace.
    const core = ATOM_CORE.has(root.ns) ? ATOM_CORE : new Set([...ATOM_CORE, root.ns]);
    return {
      title: atomText(child(root, core, 'title'), limits.title) ?? '',
      link: atomLink(root),
      entries: elements(root, core, 'entry').slice(0, maxItems).map((entry) => atomEntry(entry, limits, core)),
    };
  }
  if (name === 'html') throw new FeedParseError('html', 'This is an HTML page, not a feed');
  throw new FeedParseError('not-a-feed', `This XML is not a feed: its root element is <${root.local}>, not <rss>, <rdf:RDF> or <feed>`);
}

function rssEntry(item: XmlElement, limits: FieldLimits): RawEntry {
  const guidEl = child(item, RSS_CORE, 'guid');
  const guid = guidEl ? textContent(guidEl).trim() : attr(item, NS.rdf, 'about')?.trim();
  let url = rssLink(item);
  if (!url && guidEl && guid && attr(guidEl, '', 'isPermaLink')?.toLowerCase() !== 'false') url = resolveUrl(guid, guidEl.base);
  const published = firstDate(item, [[RSS_CORE, 'pubDate'], [NS.dc, 'date'], [NS.dcterms, 'issued'], [NS.dcterms, 'created']]);
  const updated = firstDate(item, [[NS.dcterms, 'modified'], [ATOM_CORE, 'updated']]);
  const content = child(item, NS.content, 'encoded') ?? child(item, NS.xhtml, 'body') ?? child(item, RSS_CORE, 'body') ?? child(item, NS.xhtml, 'div') ?? child(item, RSS_CORE, 'fullitem');
  return {
    guid,
    url,
    title: textField(child(item, RSS_CORE, 'title') ?? mediaChild(item, 'title') ?? child(item, NS.dc, 'title'), limits.title),
    summary: textField(
      child(item, RSS_CORE, 'description') ?? child(item, NS.dc, 'description') ?? mediaChild(item, 'description') ?? child(item, NS.itunes, 'summary'),
      limits.summary,
    ),
    contentText: textField(content, limits.content),
    author: rssAuthor(item),
    publishedAt: published ?? updated,
    updatedAt: updated,
  };
}

function atomEntry(entry: XmlElement, limits: FieldLimits, core: Set<string>): RawEntry {
  const published = firstDate(entry, [[core, 'published'], [core, 'issued'], [core, 'created'], [NS.dc, 'date']]);
  const updated = firstDate(entry, [[core, 'updated'], [core, 'modified']]);
  const idEl = child(entry, core, 'id');
  return {
    guid: idEl ? atomId(textContent(idEl).trim(), idEl.base) : undefined,
    url: atomLink(entry),
    title: atomText(child(entry, core, 'title'), limits.title),
    summary: atomText(child(entry, core, 'summary') ?? mediaChild(entry, 'description'), limits.summary),
    contentText: atomText(child(entry, core, 'content'), limits.content),
    author: atomAuthor(entry) ?? rssAuthor(entry),
    publishedAt: published ?? updated,
    updatedAt: updated,
  };
}

/** An Atom id; one written as a relative path resolves against xml:base, as feedparser does. */
function atomId(id: string, base: string): string {
  return /^\.{0,2}\//.test(id) ? (resolveUrl(id, base) ?? id) : id;
}

/** Atom text construct (text, html or xhtml; Atom 0.3's MIME types and modes too) as plain text. */
function atomText(el: XmlElement | undefined, max: number): string | undefined {
  if (!el) return undefined;
  const type = (attr(el, '', 'type') ?? 'text').toLowerCase();
  const mode = attr(el, '', 'mode')?.toLowerCase();
  if (mode === 'base64') {
    const decoded = base64Text(textContent(el));
    return decoded === undefined ? undefined : type.includes('html') ? htmlText(decoded, max) : tidyText(decoded, max);
  }
  if (type === 'xhtml' || type.includes('xhtml') || mode === 'xml') return htmlToText(innerHtml(el, true), { maxChars: max });
  if (type === 'html' || type.includes('html')) return textField(el, max);
  if (type === 'text' || type === '' || type.startsWith('text/')) {
    // Plain text may still hold child elements in broken feeds: read them as HTML.
    return el.children.some((c) => typeof c !== 'string') ? htmlToText(innerHtml(el), { maxChars: max }) : tidyText(textContent(el), max);
  }
  if (type.endsWith('/xml') || type.endsWith('+xml')) return htmlToText(innerHtml(el, true), { maxChars: max });
  // Any other media type is base64 (RFC 4287 §4.1.3.3); keep it only if it decodes to text.
  const decoded = base64Text(textContent(el));
  return decoded === undefined ? undefined : tidyText(decoded, max);
}

/** An RSS-style field: its text is HTML source (escaped or CDATA), possibly with unescaped child tags. */
function textField(el: XmlElement | undefined, max: number): string | undefined {
  if (!el) return undefined;
  const text = htmlText(innerHtml(el), max);
  return text || undefined;
}

/**
 * The element's content as HTML source, child elements re-serialised as tags. Text is HTML source
 * in RSS-style fields (it was escaped markup); in XHTML content it is literal text, so it is escaped.
 */
function innerHtml(el: XmlElement, escapeText = false): string {
  let out = '';
  for (const c of el.children) {
    if (typeof c === 'string') out += escapeText ? c.replace(/&/g, '&amp;').replace(/</g, '&lt;') : c;
    else out += `<${c.local}>${innerHtml(c, escapeText)}</${c.local}>`;
  }
  return out;
}

function rssLink(el: XmlElement): string | undefined {
  for (const c of el.children) {
    if (typeof c === 'string' || c.local !== 'link') continue;
    if (RSS_CORE.has(c.ns)) {
      const href = textContent(c).trim();
      if (href) return resolveUrl(href, c.base);
    }
  }
  return atomLink(el);
}

/** The alternate link of an Atom element (preferring an HTML page), resolved against xml:base. */
function atomLink(el: XmlElement): string | undefined {
  let fallback: string | undefined;
  for (const c of el.children) {
    if (typeof c === 'string' || c.local !== 'link' || !(c.ns === NS.atom10 || c.ns === NS.atom03)) continue;
    const rel = (attr(c, '', 'rel') ?? 'alternate').trim().toLowerCase();
    const href = attr(c, '', 'href')?.trim();
    if (rel !== 'alternate' || !href) continue;
    const resolved = resolveUrl(href, c.base);
    const type = attr(c, '', 'type')?.toLowerCase();
    if (!type || type.includes('html')) return resolved;
    fallback ??= resolved;
  }
  return fallback;
}

function rssAuthor(el: XmlElement): string | undefined {
  const author =
    child(el, RSS_CORE, 'author') ?? child(el, NS.dc, 'creator') ?? child(el, NS.dc, 'author') ?? child(el, NS.itunes, 'author') ?? child(el, NS.dc, 'contributor');
  return author ? (tidyText(textContent(author)) || undefined) : undefined;
}

/** Atom's author: "name (email)" as feedparser writes it, or whichever of the two is there. */
function atomAuthor(el: XmlElement): string | undefined {
  const author = child(el, ATOM_CORE, 'author');
  if (!author) return undefined;
  const name = tidyText(textContent(child(author, ATOM_CORE, 'name') ?? author));
  const emailEl = child(author, ATOM_CORE, 'email');
  const email = emailEl ? tidyText(textContent(emailEl)) : '';
  if (!child(author, ATOM_CORE, 'name')) return email || undefined;
  return name && email ? `${name} (${email})` : name || email || undefined;
}

function firstDate(el: XmlElement, candidates: [Set<string> | string, string][]): string | undefined {
  for (const [ns, local] of candidates) {
    const found = child(el, ns, local);
    const date = found ? parseFeedDate(textContent(found)) : undefined;
    if (date) return date;
  }
  return undefined;
}

/** media:title / media:description, directly or inside media:group or media:content. */
function mediaChild(el: XmlElement, local: string): XmlElement | undefined {
  const direct = child(el, NS.media, local);
  if (direct) return direct;
  for (const c of el.children) {
    if (typeof c !== 'string' && c.ns === NS.media && (c.local === 'group' || c.local === 'content')) {
      const inner = child(c, NS.media, local);
      if (inner) return inner;
    }
  }
  return undefined;
}

function child(el: XmlElement, ns: Set<string> | string, local: string): XmlElement | undefined {
  for (const c of el.children) {
    if (typeof c !== 'string' && c.local === local && (typeof ns === 'string' ? c.ns === ns : ns.has(c.ns))) return c;
  }
  return undefined;
}

function elements(el: XmlElement, ns: Set<string>, local: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.local === local && ns.has(c.ns));
}

function attr(el: XmlElement, ns: string, local: string): string | undefined {
  return el.attrs.find((a) => a.local === local && a.ns === ns)?.value;
}

function base64Text(value: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(value.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
}
