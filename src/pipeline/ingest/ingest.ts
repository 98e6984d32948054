/**
 * Ingest: fetch every due source, keep the raw bytes in R2, parse them and
 * upsert the items, recording each source's health and the run's counts.
 * Bindings come in as arguments; one failing source never stops the others.
 */
import { eq, inArray } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db/client';
import { items, sources, type NewItem, type Source } from '../../db/schema';
import type { Config } from '../../env';
import { chunks } from '../../lib/chunks';
import { canonicalUrl } from '../../lib/canonical-url';
import { urlBelongsToSource } from '../../lib/url-host';
import { sha256Hex } from '../../lib/hash';
import { normalizeWhitespace } from '../../lib/text';
import { isoDay } from '../../lib/time';
import { eachWithConcurrency } from '../../lib/concurrency';
import { addOutcome, emptyCounts, recordOnRun } from './counts';
import { fetchFeed, feedUserAgent, type FetchFn } from './fetch-feed';
import { followMove } from './moved';
import { parseFeedBytes } from '../parse';
import { dueSources, healthAfterFailure, healthAfterSuccess } from './sources';
import type { FeedItem, ParsedFeed } from '../types';

export type IngestConfig = Pick<
  Config,
  | 'SITE_URL'
  | 'ALLOW_LOOPBACK_SOURCES'
  | 'FETCH_TIMEOUT_MS'
  | 'FETCH_MAX_BYTES'
  | 'FETCH_CONCURRENCY'
  | 'MAX_CONSECUTIVE_FAILURES'
  | 'MAX_ITEMS_PER_FEED'
>;

export interface IngestDeps {
  db: Db;
  store: R2Bucket;
  fetch: FetchFn;
  config: IngestConfig;
  /** The run's clock: fetch times, due times, the snapshot's day. */
  now: Date;
}

export interface IngestOptions {
  /** A `runs` row to write the counts (stats.ingest) and the failures (errors) to. */
  runId?: string;
  /** At most this many due sources this run (default 500). */
  limit?: number;
}

export interface SourceFailure {
  sourceId: string;
  name: string;
  code: string;
  message: string;
}

export interface IngestCounts {
  sourcesDue: number;
  /** Fetched with new bytes and parsed. */
  sourcesFetched: number;
  notModified: number;
  failed: number;
  failures: SourceFailure[];
  itemsNew: number;
  itemsUpdated: number;
  /** Items not stored: no http(s) link, no guid, a copy of a stored item (same publisher, or its URL on that item's source's site), or repeated in the feed. */
  itemsSkipped: number;
}

export type SourceOutcome =
  | { kind: 'fetched'; itemsNew: number; itemsUpdated: number; itemsSkipped: number }
  | { kind: 'not-modified' }
  | { kind: 'failed'; code: string; message: string };

/**
 * Runs one ingest over every enabled source that is due.
 * @example const counts = await ingestSources({ db, store: env.STORE, fetch, config, now: new Date() }, { runId })
 */
export async function ingestSources(deps: IngestDeps, opts: IngestOptions = {}): Promise<IngestCounts> {
  const due = await dueSources(deps.db, deps.now, opts.limit);
  const counts = emptyCounts(due.length);
  await eachWithConcurrency(due, deps.config.FETCH_CONCURRENCY, async (source) => {
    addOutcome(counts, source, await ingestSource(deps, source));
  });

  if (opts.runId) await recordOnRun(deps.db, opts.runId, counts);
  return counts;
}

/** Fetch, snapshot, parse and store one source; every problem becomes a recorded failure. */
export async function ingestSource(deps: IngestDeps, source: Source): Promise<SourceOutcome> {
  const { db, config, now } = deps;
  const fail = async (code: string, message: string, extra: { status?: number; retryAfterMs?: number } = {}) => {
    const health = healthAfterFailure(source, now, { message, ...extra }, config.MAX_CONSECUTIVE_FAILURES);
    await db.update(sources).set(health).where(eq(sources.id, source.id));
    return { kind: 'failed', code, message } as const;
  };

  try {
    const fetched = await fetchFeed(
      { url: source.feedUrl, etag: source.etag, lastModified: source.lastModified },
      {
        fetch: deps.fetch,
        timeoutMs: config.FETCH_TIMEOUT_MS,
        maxBytes: config.FETCH_MAX_BYTES,
        allowLoopback: config.ALLOW_LOOPBACK_SOURCES,
        userAgent: feedUserAgent(config.SITE_URL),
      },
    );
    if (fetched.kind === 'not-modified') {
      const move = await followMove(db, source, fetched.movedTo);
      await db.update(sources).set({ ...healthAfterSuccess(now, { status: 304 }), ...move.set }).where(eq(sources.id, source.id));
      return { kind: 'not-modified' };
    }
    if (fetched.kind === 'error') {
      return await fail(fetched.code, fetched.message, { status: fetched.status, retryAfterMs: fetched.retryAfterMs });
    }

    const snapshotKey = await storeSnapshot(deps, source, fetched.bytes, fetched.contentType, fetched.finalUrl);
    let feed: ParsedFeed;
    try {
      feed = parseFeedBytes(fetched.bytes, {
        url: fetched.finalUrl,
        contentType: fetched.contentType ?? undefined,
        maxItems: config.MAX_ITEMS_PER_FEED,
      });
    } catch (err) {
      return await fail('parse', errorMessage(err), { status: fetched.status });
    }

    const plan = await planItems(db, source, feed.items.slice(0, config.MAX_ITEMS_PER_FEED), now, snapshotKey);
    const move = await followMove(db, source, fetched.movedTo);
    const warnings = [...(feed.warnings ?? []), ...plan.warnings, ...(move.warning ? [move.warning] : [])];
    const health = healthAfterSuccess(now, { status: fetched.status, etag: fetched.etag, lastModified: fetched.lastModified, warnings });
    // One batch per source: its items and its health land together or not at all.
    const results = await db.batch([
      db.update(sources).set({ ...health, ...move.set }).where(eq(sources.id, source.id)),
      ...plan.updates,
      ...plan.inserts,
    ]);
    const inserted = results.slice(1 + plan.updates.length).reduce((n, r) => n + (Array.isArray(r) ? r.length : 0), 0);
    return {
      kind: 'fetched',
      itemsNew: inserted,
      itemsUpdated: plan.updates.length,
      // Inserts that lost a race on a unique key (a concurrent run, or the same URL within the publisher) are skips too.
      itemsSkipped: plan.skipped + (plan.inserts.length - inserted),
    };
  } catch (err) {
    try {
      return await fail('internal', `Ingest failed: ${errorMessage(err)}`);
    } catch {
      return { kind: 'failed', code: 'internal', message: `Ingest failed: ${errorMessage(err)}` };
    }
  }
}

/** Keeps the fetched bytes, content-addressed: the same bytes on the same day are one object. */
async function storeSnapshot(
  deps: IngestDeps,
  source: Source,
  bytes: Uint8Array,
  contentType: string | null,
  finalUrl: string,
): Promise<string> {
  const key = `raw/${source.id}/${isoDay(deps.now)}/${await sha256Hex(bytes)}.xml`;
  if (!(await deps.store.head(key))) {
    await deps.store.put(key, bytes, {
      httpMetadata: { contentType: contentType ?? 'application/octet-stream' },
      customMetadata: { sourceId: source.id, url: finalUrl, fetchedAt: deps.now.toISOString() },
    });
  }
  return key;
}

interface ItemPlan {
  inserts: BatchItem<'sqlite'>[];
  updates: BatchItem<'sqlite'>[];
  skipped: number;
  /** Items of the feed left out or re-keyed, counted by reason, for the source's warnings. */
  warnings: string[];
}

/** D1 binds at most 100 parameters per statement. */
const LOOKUP_CHUNK = 90;
/** A feed date this far ahead of the fetch is not believed (it would game freshness). */
const FUTURE_SLACK_MS = 60 * 60_000;

/** Decides, per parsed item, whether it is new, changed, unchanged or a duplicate. */
async function planItems(db: Db, source: Source, feedItems: FeedItem[], now: Date, snapshotKey: string): Promise<ItemPlan> {
  const rows: NewItem[] = [];
  const seenGuids = new Set<string>();
  const seenUrls = new Set<string>();
  const candidates = (await Promise.all(feedItems.map((item) => toRow(source, item, now, snapshotKey)))).filter((r) => r !== undefined);
  const warnings: string[] = [];
  const noGuid = feedItems.length - candidates.length;
  if (noGuid) warnings.push(`${plural(noGuid, 'item')} without a guid or link ${noGuid === 1 ? 'was' : 'were'} left out`);
  // No http(s) link (none given, or javascript:/data: dropped): an article could never cite it.
  const linked = candidates.filter((r) => r.canonicalUrl);
  const noLink = candidates.length - linked.length;
  if (noLink) warnings.push(`${plural(noLink, 'item')} without an http(s) link ${noLink === 1 ? 'was' : 'were'} left out (an article could not cite ${noLink === 1 ? 'it' : 'them'})`);
  // Some CMSs give every item one constant guid: where a guid stands for different links, the link keys the item.
  const linksOfGuid = new Map<string, Set<string>>();
  for (const r of linked) linksOfGuid.set(r.guid, (linksOfGuid.get(r.guid) ?? new Set()).add(r.canonicalUrl!));
  const shared = [...linksOfGuid].filter(([, links]) => links.size > 1);
  for (const [guid, links] of shared) {
    warnings.push(`${links.size} items with different links share the guid ${JSON.stringify(guid.slice(0, 80))}; each was kept under its link`);
  }
  const sharedGuids = new Set(shared.map(([guid]) => guid));
  let repeated = 0;
  for (const candidate of linked) {
    const row = sharedGuids.has(candidate.guid) ? { ...candidate, guid: candidate.url!, id: await itemId(source, candidate.url!) } : candidate;
    if (seenGuids.has(row.guid) || seenUrls.has(row.canonicalUrl!)) {
      repeated++;
      continue;
    }
    seenGuids.add(row.guid);
    seenUrls.add(row.canonicalUrl!);
    rows.push(row);
  }
  if (repeated) warnings.push(`${plural(repeated, 'item')} repeated an earlier item of the feed (the same guid or link) and ${repeated === 1 ? 'was' : 'were'} left out`);
  const skipped = feedItems.length - rows.length;

  const existing = new Map<string, { contentHash: string; revision: number; canonicalUrl: string | null }>();
  const urlHolders = new Map<string, { id: string; publisher: string; homepage: string | null; feedUrl: string }[]>();
  for (const ids of chunks(rows.map((r) => r.id), LOOKUP_CHUNK)) {
    const found = await db
      .select({ id: items.id, contentHash: items.contentHash, revision: items.revision, canonicalUrl: items.canonicalUrl })
      .from(items)
      .where(inArray(items.id, ids));
    for (const f of found) existing.set(f.id, f);
  }
  const urls = rows.flatMap((r) => (r.canonicalUrl ? [r.canonicalUrl] : []));
  for (const part of chunks(urls, LOOKUP_CHUNK)) {
    const found = await db
      .select({ id: items.id, canonicalUrl: items.canonicalUrl, publisher: items.publisher, homepage: sources.homepage, feedUrl: sources.feedUrl })
      .from(items)
      .innerJoin(sources, eq(sources.id, items.sourceId))
      .where(inArray(items.canonicalUrl, part));
    for (const f of found) if (f.canonicalUrl) urlHolders.set(f.canonicalUrl, [...(urlHolders.get(f.canonicalUrl) ?? []), f]);
  }
  /**
   * The item this row's URL makes it a copy of: one of the same publisher, or one from the source
   * whose site the URL is on. Another publisher merely linking there does not take the URL from
   * its owner; both are kept and copy detection (clustering) decides.
   */
  const copyOf = (row: NewItem) =>
    (row.canonicalUrl ? urlHolders.get(row.canonicalUrl) ?? [] : []).find(
      (h) => h.id !== row.id && (h.publisher === row.publisher || urlBelongsToSource(row.canonicalUrl!, h)),
    );

  const plan: ItemPlan = { inserts: [], updates: [], skipped, warnings };
  for (const row of rows) {
    const old = existing.get(row.id);
    if (!old) {
      if (copyOf(row)) plan.skipped++;
      else plan.inserts.push(db.insert(items).values(row).onConflictDoNothing().returning({ id: items.id }));
      continue;
    }
    if (old.contentHash === row.contentHash) continue;
    // Keep the old link if the new one already belongs to another item of this publisher.
    const linkFree = !(row.canonicalUrl ? urlHolders.get(row.canonicalUrl) ?? [] : []).some((h) => h.id !== row.id && h.publisher === row.publisher);
    plan.updates.push(
      db
        .update(items)
        .set({
          title: row.title,
          summary: row.summary,
          contentText: row.contentText,
          author: row.author,
          // A date the feed stops giving is not news: keep the one the item had.
          ...(row.publishedAt === UNDATED ? {} : { publishedAt: row.publishedAt }),
          fetchedAt: row.fetchedAt,
          snapshotKey: row.snapshotKey,
          contentHash: row.contentHash,
          revision: old.revision + 1,
          // The flag judged text that is gone: the next write of its story judges the new text.
          injectionFlag: null,
          updatedAt: now.toISOString(),
          ...(linkFree ? { url: row.url, canonicalUrl: row.canonicalUrl } : {}),
        })
        .where(eq(items.id, row.id)),
    );
  }
  return plan;
}

/** A parsed feed item as an `items` row; undefined when it has no usable guid. */
async function toRow(source: Source, item: FeedItem, now: Date, snapshotKey: string): Promise<NewItem | undefined> {
  const guid = item.guid?.trim();
  if (!guid) return undefined;
  const title = normalizeWhitespace(item.title ?? '') || '(untitled)';
  const summary = item.summary ? normalizeWhitespace(item.summary) : null;
  const contentText = item.contentText?.trim() || null;
  // Only http(s) links survive; javascript:, data: and the like are dropped here whatever the parser did.
  const canonical = item.url ? canonicalUrl(item.url) : undefined;
  const url = canonical ? new URL(item.url as string).href : null;
  const contentHash = await sha256Hex([title, summary ?? '', normalizeWhitespace(contentText ?? '')].join('\n'));
  return {
    id: await itemId(source, guid),
    sourceId: source.id,
    publisher: source.publisher,
    guid,
    url,
    canonicalUrl: canonical ?? null,
    title,
    summary,
    contentText,
    author: item.author?.trim() || null,
    publishedAt: publishedTime(item.publishedAt, now),
    fetchedAt: now.toISOString(),
    snapshotKey,
    contentHash,
  };
}

/** An item's id: its source and guid, hashed. */
async function itemId(source: Source, guid: string): Promise<string> {
  return (await sha256Hex(`${source.id}\n${guid}`)).slice(0, 32);
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The time of an item whose feed gives no date we can read or believe. Never the fetch time: on a
 * source's first fetch that would make a backlog of old items look new. The epoch is older than
 * any clustering window or freshness limit, so an undated item never joins a story or counts as fresh.
 */
export const UNDATED = '1970-01-01T00:00:00.000Z';

/** The item's own time when it is believable, else UNDATED. */
function publishedTime(value: string | undefined, now: Date): string {
  const at = value ? Date.parse(value) : NaN;
  if (Number.isNaN(at) || at > now.getTime() + FUTURE_SLACK_MS) return UNDATED;
  return new Date(at).toISOString();
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
