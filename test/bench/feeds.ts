/**
 * Multi-megabyte feeds for the parse benchmark: the demo newswire's own feeds in each shape,
 * their items repeated (with fresh links and ids) until the document reaches a size,
 * and the hostile newswire's 10,000-item shape.
 */
import { publishers, type FeedShape } from '../fixtures/newswire/index';
import { escapeXml, renderFeed, rfc822 } from '../fixtures/newswire/render';

export interface BenchFeed {
  name: string;
  /** A string for parseFeed, or bytes for parseFeedBytes (legacy charsets). */
  body: string | Uint8Array;
  contentType: string;
  url: string;
  /** Size of the document as fetched, in bytes. */
  bytes: number;
  items: number;
}

const BASE_URL = 'http://127.0.0.1:8788';
// A fixed clock, so every run parses the same bytes.
const NOW = new Date('2026-03-06T12:00:00Z');

/** Each demo feed shape grown to about `targetBytes` by repeating its items. */
export function grownFeeds(targetBytes: number): BenchFeed[] {
  const shapes: [string, FeedShape, string][] = [
    ['RSS 2.0 + content:encoded', 'rss2', 'item'],
    ['Atom 1.0', 'atom1', 'entry'],
    ['RDF / RSS 1.0', 'rdf', 'item'],
    ['JSON Feed 1.1', 'jsonfeed', ''],
    ['RSS 2.0 ISO-8859-1 (bytes)', 'rss2-latin1', 'item'],
  ];
  return shapes.map(([name, shape, tag]) => {
    const publisher = publishers.find((p) => p.feedShape === shape);
    if (!publisher) throw new Error(`the demo newswire has no ${shape} feed`);
    const rendered = renderFeed(publisher, { now: NOW, phase: 2, baseUrl: BASE_URL });
    const url = new URL(publisher.feedPath, BASE_URL).href;
    if (typeof rendered.body !== 'string') {
      const grown = growXml(latin1Decode(rendered.body), tag, targetBytes);
      const body = latin1Encode(grown.text);
      return { name, body, contentType: rendered.contentType, url, bytes: body.length, items: grown.items };
    }
    const grown = shape === 'jsonfeed' ? growJson(rendered.body, targetBytes) : growXml(rendered.body, tag, targetBytes);
    return { name, body: grown.text, contentType: rendered.contentType, url, bytes: utf8Length(grown.text), items: grown.items };
  });
}

/** The hostile newswire's "ten thousand items" feed: short RSS items, no content. */
export function tenThousandFeed(): BenchFeed {
  const pubDate = rfc822(NOW);
  const itemXml = (i: number) =>
    `<item><title>${escapeXml(`Item ${i} of ten thousand`)}</title><link>${BASE_URL}/hostile/articles/many-${i}</link><guid isPermaLink="false">urn:demo:hostile:many-${i}</guid><pubDate>${pubDate}</pubDate><description>A fictional item in a hostile test feed.</description></item>`;
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Ten thousand items</title><link>${BASE_URL}/hostile/</link>
<description>Demo newswire — fictional; a hostile test feed.</description>
${Array.from({ length: 10_000 }, (_, i) => itemXml(i)).join('\n')}
</channel></rss>
`;
  return { name: 'RSS 2.0, 10,000 short items', body, contentType: 'application/rss+xml', url: `${BASE_URL}/hostile/ten-thousand.xml`, bytes: utf8Length(body), items: 10_000 };
}

/** Repeats an XML feed's <item>/<entry> elements, each copy with its own links and ids. */
function growXml(xml: string, tag: string, targetBytes: number): { text: string; items: number } {
  const blocks = xml.match(new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'g'));
  if (!blocks?.length) throw new Error(`no <${tag}> elements in the rendered feed`);
  const start = xml.indexOf(blocks[0]!);
  const end = xml.lastIndexOf(blocks.at(-1)!) + blocks.at(-1)!.length;
  const head = xml.slice(0, start);
  const tail = xml.slice(end);
  const out: string[] = [];
  let size = head.length + tail.length;
  for (let copy = 0; size < targetBytes; copy++) {
    for (const block of blocks) {
      const fresh = copy === 0 ? block : block.replaceAll('/articles/', `/articles/c${copy}-`).replace(/(<guid[^>]*>|<id>)([^<]*)</g, `$1$2-c${copy}<`);
      out.push(fresh);
      size += fresh.length + 1;
    }
  }
  return { text: `${head}${out.join('\n')}${tail}`, items: out.length };
}

function growJson(json: string, targetBytes: number): { text: string; items: number } {
  const feed = JSON.parse(json) as { items: { id: string; url: string }[] };
  const originals = feed.items;
  const one = JSON.stringify(originals, null, 2).length;
  const copies = Math.max(1, Math.ceil((targetBytes - (json.length - one)) / one));
  feed.items = Array.from({ length: copies }, (_, copy) =>
    originals.map((item) => (copy === 0 ? item : { ...item, id: `${item.id}-c${copy}`, url: item.url.replace('/articles/', `/articles/c${copy}-`) })),
  ).flat();
  return { text: `${JSON.stringify(feed, null, 2)}\n`, items: feed.items.length };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

// By hand: TextDecoder('latin1') is really windows-1252 and would remap bytes 0x80–0x9f.
function latin1Decode(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

/** Latin-1 bytes of text that the renderer already reduced to Latin-1 (character references beyond it). */
function latin1Encode(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
