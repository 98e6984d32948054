/**
 * OPML 2.0 for the source registry: read the feeds a feed reader exports (any nesting of folders),
 * and write ours so another reader, or another newsroom, can import them.
 */
import { escapeXml } from '../../lib/xml-escape';
import type { Source } from '../../db/schema';
import { textContent, readXmlTree, type XmlElement } from './feed/xml-tree';
import { FeedParseError } from './feed/errors';
import type { SourceInput } from './sources';

/** Our own attributes on an outline, so an export round-trips what OPML has no word for. */
export const DMN_NS = 'https://digital-mind-news.example/ns/opml';

export interface OpmlFeed {
  /** 1-based position among the feed outlines, for messages. */
  n: number;
  /** The source as the outline describes it (validated later, like any new source). */
  input: SourceInput;
}

/**
 * The feeds of an OPML document. A feed is an outline with an xmlUrl; its folder (the enclosing
 * outline) becomes its category hint unless it has its own. Without our publisher attribute the
 * publisher family is the feed's site host, so two feeds of one site count once toward independence.
 * Throws FeedParseError when the document is not OPML or not well-formed (a file cut short is not half imported).
 */
export function readOpml(text: string): { title?: string; feeds: OpmlFeed[] } {
  const { root, warnings } = readXmlTree(text.replace(/^\uFEFF/, ''), 'https://opml.invalid/');
  // An editor's own file, not a publisher's feed: a cut or broken one is refused whole rather than half read.
  const broken = warnings.find((w) => /not well-formed/i.test(w));
  if (broken) throw new FeedParseError('malformed', `This OPML file is not well-formed XML (${broken.replace(/^The XML is not well-formed: /, '')}); nothing was imported`);
  if (root.local.toLowerCase() !== 'opml') throw new FeedParseError('not-a-feed', `This is not OPML: its root element is <${root.local}>`);
  const head = child(root, 'head');
  const titleEl = head && child(head, 'title');
  const body = child(root, 'body');
  const feeds: OpmlFeed[] = [];
  const walk = (el: XmlElement, folder: string | undefined) => {
    for (const outline of el.children) {
      if (typeof outline === 'string' || outline.local !== 'outline') continue;
      const xmlUrl = attr(outline, 'xmlUrl') ?? attr(outline, 'xmlurl') ?? attr(outline, 'url');
      const name = attr(outline, 'title') || attr(outline, 'text') || '';
      if (!xmlUrl) {
        walk(outline, name || folder);
        continue;
      }
      const htmlUrl = attr(outline, 'htmlUrl') ?? attr(outline, 'htmlurl');
      const category = attr(outline, 'category')?.split(',')[0]?.replace(/^\//, '').trim() || folder;
      const input: SourceInput = {
        name: name || hostOf(htmlUrl ?? xmlUrl) || xmlUrl,
        publisher: attr(outline, 'publisher', DMN_NS) || hostOf(htmlUrl ?? xmlUrl) || name,
        feedUrl: xmlUrl,
      };
      const id = attr(outline, 'id', DMN_NS);
      if (id) input.id = id;
      if (htmlUrl) input.homepage = htmlUrl;
      if (category) input.categoryHint = category.slice(0, 40);
      const tier = Number(attr(outline, 'trustTier', DMN_NS));
      if (Number.isInteger(tier) && tier >= 1 && tier <= 3) input.trustTier = tier;
      if (attr(outline, 'enabled', DMN_NS) === 'false') input.enabled = false;
      feeds.push({ n: feeds.length + 1, input });
    }
  };
  if (body) walk(body, undefined);
  const title = titleEl ? textContent(titleEl).trim() : '';
  return { ...(title ? { title } : {}), feeds };
}

/**
 * The registry as OPML 2.0: one outline per source, with our attributes for what OPML lacks.
 * @example writeOpml(rows, { title: 'Digital Mind News sources', at: new Date() })
 */
export function writeOpml(rows: Source[], opts: { title: string; at: Date }): string {
  const outlines = rows.map((s) => {
    const attrs: [string, string | number | null | undefined][] = [
      ['type', 'rss'],
      ['text', s.name],
      ['title', s.name],
      ['xmlUrl', s.feedUrl],
      ['htmlUrl', s.homepage],
      ['category', s.categoryHint],
      ['dmn:id', s.id],
      ['dmn:publisher', s.publisher],
      ['dmn:trustTier', s.trustTier],
      ['dmn:enabled', s.enabled ? undefined : 'false'],
    ];
    return `    <outline ${attrs.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => `${k}="${escapeXml(v!)}"`).join(' ')}/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0" xmlns:dmn="${DMN_NS}">
  <head>
    <title>${escapeXml(opts.title)}</title>
    <dateCreated>${opts.at.toUTCString()}</dateCreated>
  </head>
  <body>
${outlines.join('\n')}
  </body>
</opml>
`;
}

function child(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c): c is XmlElement => typeof c !== 'string' && c.local === local);
}

function attr(el: XmlElement, local: string, ns = ''): string | undefined {
  const value = el.attrs.find((a) => a.local === local && a.ns === ns)?.value.trim();
  return value || undefined;
}

/** "www.example.org" -> "example.org": the site a feed belongs to, as a publisher family. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^(?:www|feeds?|rss|blogs?)\./, '') || undefined;
  } catch {
    return undefined;
  }
}
