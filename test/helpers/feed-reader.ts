// Reads feeds the way a feed reader does: XML-decode once, then hand title and description
// to an HTML renderer. Whatever would open a tag at that point is live markup.
import { XMLParser } from 'fast-xml-parser';
import { decodeHTML } from 'entities';

const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false, parseTagValue: false, trimValues: false });

/** A tag opening as an HTML tokenizer sees it: `<` then a letter, `/`, `!` or `?`. */
const TAG_OPEN = /<[a-z/!?][^<]{0,60}/gi;

/** What would open a tag if the text were rendered as HTML. */
export function liveMarkup(html: string): string[] {
  return [...html.matchAll(TAG_OPEN)].map((m) => m[0]);
}

export interface ReaderItem {
  /** The element text after the XML layer: what the reader renders as HTML. */
  titleHtml: string;
  descriptionHtml: string;
  /** What the reader shows once the HTML is rendered (entities decoded, no tags). */
  title: string;
  description: string;
}

/** The RSS items as a reader renders them. */
export function rssItems(xml: string): ReaderItem[] {
  const doc = parser.parse(xml) as { rss: { channel: { item?: unknown } } };
  const raw = doc.rss.channel.item;
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as { title?: string; description?: string }[];
  return list.map((i) => ({
    titleHtml: String(i.title ?? ''),
    descriptionHtml: String(i.description ?? ''),
    title: decodeHTML(String(i.title ?? '')),
    description: decodeHTML(String(i.description ?? '')),
  }));
}
