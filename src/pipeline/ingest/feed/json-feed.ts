/** Reads JSON Feed 1.0 and 1.1 documents into raw feed entries. */
import { htmlToText, tidyText } from '../../../lib/html-text';
import { htmlText } from './text';
import { parseFeedDate } from './dates';
import type { FieldLimits, RawEntry } from './entry';
import { FeedParseError } from './errors';
import type { RawFeed } from './xml-feed';
import { resolveUrl } from './xml-tree';

type Json = Record<string, unknown>;

/** Maps a JSON Feed document to a raw feed; throws when the JSON is not a JSON Feed. */
export function readJsonFeed(text: string, feedUrl: string, maxItems: number, limits: FieldLimits): RawFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError('json', `The JSON is not valid: ${(error as Error).message}`);
  }
  if (!isObject(doc)) throw new FeedParseError('not-a-feed', 'This JSON is not a JSON Feed: it is not an object');
  const version = str(doc.version);
  if (!version?.startsWith('https://jsonfeed.org/version/') && !Array.isArray(doc.items)) {
    throw new FeedParseError('not-a-feed', 'This JSON is not a JSON Feed: it has no "version" of jsonfeed.org and no "items"');
  }
  const base = resolveUrl(str(doc.feed_url) ?? '', feedUrl) ?? feedUrl;
  const feedAuthor = authorName(doc);
  const listed: unknown[] = Array.isArray(doc.items) ? doc.items : [];
  const items = listed.filter(isObject).slice(0, maxItems);
  const warnings: string[] = [];
  const notObjects = listed.length - listed.filter(isObject).length;
  if (notObjects) warnings.push(`${plural(notObjects, 'item')} of the JSON Feed ${notObjects === 1 ? 'is' : 'are'} not an object (null, a string, a number or a list); left out`);
  const wrongFields = new Set<string>();
  const wrongItems = items.filter((item) => {
    const bad = Object.entries(TEXT_FIELDS).filter(([field, allowed]) => item[field] !== undefined && item[field] !== null && !allowed.includes(typeof item[field]));
    for (const [field] of bad) wrongFields.add(field);
    return bad.length > 0;
  }).length;
  if (wrongItems) warnings.push(`${plural(wrongItems, 'item')} of the JSON Feed had fields of the wrong type (${[...wrongFields].join(', ')}); those fields were ignored`);
  return {
    title: tidyText(str(doc.title) ?? '', limits.title),
    link: link(doc.home_page_url, base),
    entries: items.map((item) => jsonEntry(item, base, feedAuthor, limits)),
    ...(warnings.length ? { warnings } : {}),
  };
}

/** An item's fields that are read, and the JSON types the spec gives them. */
const TEXT_FIELDS: Record<string, string[]> = {
  id: ['string', 'number'],
  url: ['string'],
  external_url: ['string'],
  title: ['string'],
  summary: ['string'],
  content_html: ['string'],
  content_text: ['string'],
  date_published: ['string'],
  date_modified: ['string'],
};

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function jsonEntry(item: Json, base: string, feedAuthor: string | undefined, limits: FieldLimits): RawEntry {
  const id = typeof item.id === 'number' ? String(item.id) : str(item.id);
  const html = str(item.content_html);
  const plain = str(item.content_text);
  return {
    guid: id,
    url: link(item.url, base) ?? link(item.external_url, base),
    title: htmlToText(str(item.title) ?? '', { maxChars: limits.title }),
    summary: item.summary !== undefined ? htmlText(str(item.summary) ?? '', limits.summary) : undefined,
    // content_text is plain by the spec; content_html is HTML and must lose its markup.
    contentText: html !== undefined ? htmlText(html, limits.content) : plain !== undefined ? tidyText(plain, limits.content) : undefined,
    author: authorName(item) ?? feedAuthor,
    publishedAt: parseFeedDate(str(item.date_published)) ?? parseFeedDate(str(item.date_modified)),
    updatedAt: parseFeedDate(str(item.date_modified)),
  };
}

/** JSON Feed 1.1 `authors` (array) or 1.0 `author` (object): the names joined. */
function authorName(obj: Json): string | undefined {
  const list = Array.isArray(obj.authors) ? obj.authors : isObject(obj.author) ? [obj.author] : [];
  const names = list.filter(isObject).map((a) => str(a.name)?.trim()).filter((n): n is string => !!n);
  return names.length ? names.join(', ') : undefined;
}

function link(value: unknown, base: string): string | undefined {
  const href = str(value)?.trim();
  return href ? resolveUrl(href, base) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
