/** Turns what a format reader found into the FeedItem contract: safe links, capped fields, a stable guid. */
import { fnv1a64 } from '../../../lib/hash';
import { truncate } from '../../../lib/html-text';
import type { FeedItem } from '../../types';

/** Per-field character caps; text past a cap is cut. */
export interface FieldLimits {
  title: number;
  summary: number;
  content: number;
  author: number;
  guid: number;
  url: number;
}

export const DEFAULT_LIMITS: FieldLimits = {
  title: 500,
  summary: 5_000,
  content: 100_000,
  author: 200,
  guid: 1_000,
  url: 2_048,
};

/** An entry as a format reader found it: plain text already, links already absolute. */
export interface RawEntry {
  guid?: string;
  url?: string;
  title?: string;
  summary?: string;
  contentText?: string;
  author?: string;
  publishedAt?: string;
  updatedAt?: string;
}

/** Keeps a link only when it is an absolute http(s) URL of sane length. */
export function safeLink(url: string | undefined, limits: FieldLimits): string | undefined {
  if (!url || url.length > limits.url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The FeedItem for a raw entry. A missing guid is the link, else a hash of the entry's content. */
export function finishEntry(raw: RawEntry, limits: FieldLimits): FeedItem {
  const url = safeLink(raw.url, limits);
  const title = truncate(raw.title ?? '', limits.title);
  const contentText = nonEmpty(truncate(raw.contentText ?? '', limits.content));
  // An entry with only full content gets its opening as the summary (feedparser does the same).
  const summary = nonEmpty(truncate(raw.summary || contentText || '', limits.summary));
  let guid = raw.guid?.trim();
  if (!guid || guid.length > limits.guid) {
    guid = url ?? `urn:fnv1a64:${fnv1a64([title, summary ?? '', (contentText ?? '').slice(0, 1_000), raw.publishedAt ?? ''].join('\u0000'))}`;
  }
  const item: FeedItem = { guid, title };
  if (url) item.url = url;
  if (summary) item.summary = summary;
  if (contentText) item.contentText = contentText;
  const author = nonEmpty(truncate(raw.author?.trim() ?? '', limits.author));
  if (author) item.author = author;
  if (raw.publishedAt) item.publishedAt = raw.publishedAt;
  if (raw.updatedAt) item.updatedAt = raw.updatedAt;
  return item;
}

function nonEmpty(text: string): string | undefined {
  return text ? text : undefined;
}
