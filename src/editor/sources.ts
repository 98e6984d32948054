/**
 * The trusted-source registry as editors change it, through the API or the desk: add a source
 * (by hand, from a site's home page, or from OPML), change or retire one, export OPML. Every
 * change lands with its audit record in one D1 batch and purges the pages that list the registry.
 */
import { and, asc, eq, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { abortUnlessChanged, isGuardAbort, isUniqueViolation, runBatch } from '../db/batch';
import { openDb, type Db } from '../db/client';
import { auditLog, items, sources, type Source } from '../db/schema';
import { loadConfig, type Bindings } from '../env';
import { purgeRegistry } from '../lib/cache';
import { ApiError } from '../lib/http/api-error';
import { checkFetchUrl } from '../lib/url-safety';
import { discoverFeeds, type DiscoveredFeed } from '../pipeline/ingest/discover';
import { FeedParseError } from '../pipeline/ingest/feed/errors';
import { feedUserAgent } from '../pipeline/ingest/fetch-feed';
import { readOpml, writeOpml } from '../pipeline/ingest/opml';
import { freeSourceId, importSources, sourceIdFrom, sourceInputSchema, type ImportReport, type SourceInput } from '../pipeline/ingest/sources';
import type { ActionContext } from './context';

export const OPML_MAX_BYTES = 1024 * 1024;
/** Feeds one OPML import may add: a registry grows by reviewed batches, and every run fetches every source. */
export const OPML_MAX_FEEDS = 500;

/** The source schema this deployment accepts (loopback feeds only where dev/test allows them). */
export const sourceSchemaFor = (env: Bindings) => sourceInputSchema({ allowLoopback: loadConfig(env).ALLOW_LOOPBACK_SOURCES });

/** A new source as the API takes it. */
export const newSourceInput = (env: Bindings) => sourceSchemaFor(env).strict();
/** Changes to a source (any field but its id). */
export const sourceChanges = (env: Bindings) => sourceSchemaFor(env).omit({ id: true }).partial().strict();

/** The site URL an editor gave, checked before anything is fetched. */
export function siteUrlInput(env: Bindings) {
  const allowLoopback = loadConfig(env).ALLOW_LOOPBACK_SOURCES;
  return z
    .string()
    .trim()
    .max(2048)
    .transform((v, ctx) => {
      const check = checkFetchUrl(v, { allowLoopback });
      if (check.ok) return check.url;
      ctx.addIssue({ code: 'custom', message: check.reason });
      return z.NEVER;
    });
}

/** A source from a home page or feed URL; publisher and name default to what the feed and host say. */
export const fromSiteInput = (env: Bindings) =>
  sourceInputSchema({ allowLoopback: true })
    .omit({ feedUrl: true, homepage: true })
    .partial({ name: true, publisher: true })
    .extend({ url: siteUrlInput(env) })
    .strict();

export async function findSource(db: Db, id: string): Promise<Source> {
  const row = await db.query.sources.findFirst({ where: eq(sources.id, id) });
  if (!row) throw new ApiError(404, 'not-found', `No source with id "${id}".`);
  return row;
}

/** 409 naming the source that already has this feed URL, else this id. */
async function clashWith(db: Db, id: string, feedUrl: string | undefined): Promise<ApiError> {
  const byFeed = feedUrl ? await db.query.sources.findFirst({ where: eq(sources.feedUrl, feedUrl) }) : undefined;
  if (byFeed && byFeed.id !== id) return feedTaken(byFeed);
  const clash = byFeed ?? (await db.query.sources.findFirst({ where: eq(sources.id, id) }));
  return new ApiError(409, 'conflict', `A source with the id "${id}" exists already${clash ? ` ("${clash.name}")` : ''}.`, clash && { source: clash });
}

function feedTaken(source: Source): ApiError {
  return new ApiError(409, 'conflict', `The feed ${source.feedUrl} is in the registry already, as "${source.name}" ("${source.id}").`, { source });
}

/** Ids a derived id must not take: the base and its suffixed forms already in the registry. */
async function takenIds(db: Db, base: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: sources.id })
    .from(sources)
    .where(or(eq(sources.id, base), like(sources.id, `${base.slice(0, 58)}-%`)));
  return new Set(rows.map((r) => r.id));
}

/** The about and status pages list the registry: every change purges them. */
function purgeRegistryPages(ctx: ActionContext) {
  ctx.waitUntil(purgeRegistry(caches.default, loadConfig(ctx.env).SITE_URL));
}

/**
 * Adds a validated source; the unique id and feed URL decide a race, not a lookup before the insert.
 * An id the editor gave is theirs (409 when taken); an id derived from the name that another feed
 * has gets a suffix ("wire-2"), as an OPML import gives it.
 */
export async function addSource(ctx: ActionContext, input: z.infer<ReturnType<typeof newSourceInput>>, details: Record<string, unknown> = {}): Promise<Source> {
  const db = openDb(ctx.env.DB);
  const base = input.id ?? sourceIdFrom(input.name);
  for (let attempt = 1; ; attempt++) {
    const id = input.id ?? freeSourceId(base, await takenIds(db, base));
    const row = { ...input, id, homepage: input.homepage ?? null, categoryHint: input.categoryHint ?? null };
    try {
      await runBatch(db, [
        db.insert(sources).values(row),
        db.insert(auditLog).values({ actor: ctx.editor.id, action: 'add-source', targetType: 'source', targetId: id, details: { feedUrl: input.feedUrl, ...details } }),
        ...(ctx.also ?? []),
      ]);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const sameFeed = await db.query.sources.findFirst({ where: eq(sources.feedUrl, input.feedUrl) });
      if (sameFeed) throw feedTaken(sameFeed);
      // A derived id taken in the moment since the lookup: look again.
      if (input.id || attempt >= 3) throw await clashWith(db, id, input.feedUrl);
      continue;
    }
    purgeRegistryPages(ctx);
    return findSource(db, id);
  }
}

/** Changes a source; re-enabling one clears its failure record, so it is fetched on the next run. */
export async function updateSource(ctx: ActionContext, id: string, changes: z.infer<ReturnType<typeof sourceChanges>>): Promise<Source> {
  const db = openDb(ctx.env.DB);
  const source = await findSource(db, id);
  if (!Object.keys(changes).length) return source;
  const revive = changes.enabled === true && !source.enabled ? { consecutiveFailures: 0, disabledReason: null, nextFetchAt: null } : {};
  const feedMoved = changes.feedUrl && changes.feedUrl !== source.feedUrl ? { etag: null, lastModified: null, nextFetchAt: null } : {};
  try {
    await runBatch(db, [
      db
        .update(sources)
        .set({ ...changes, ...revive, ...feedMoved, updatedAt: new Date().toISOString() })
        .where(eq(sources.id, source.id)),
      abortUnlessChanged(),
      db.insert(auditLog).values({ actor: ctx.editor.id, action: 'update-source', targetType: 'source', targetId: source.id, details: changes }),
      ...(ctx.also ?? []),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) throw await clashWith(db, source.id, changes.feedUrl);
    if (isGuardAbort(err)) throw new ApiError(404, 'not-found', `No source with id "${source.id}".`);
    throw err;
  }
  purgeRegistryPages(ctx);
  return findSource(db, source.id);
}

/** Removes a source; one whose items articles cite is retired instead (kept for provenance, never fetched). */
export async function removeSource(ctx: ActionContext, id: string): Promise<{ source?: Source; deleted: boolean }> {
  const db = openDb(ctx.env.DB);
  const source = await findSource(db, id);
  const used = await db.select({ n: sql<number>`count(*)` }).from(items).where(eq(items.sourceId, source.id));
  const actor = ctx.editor.id;
  const at = new Date().toISOString();
  const retire = (used[0]?.n ?? 0) > 0;
  try {
    await runBatch(db, [
      ...(retire
        ? [
            db
              .update(sources)
              .set({ enabled: false, disabledReason: 'Removed by an editor', updatedAt: at })
              .where(and(eq(sources.id, source.id), or(eq(sources.enabled, true), sql`${sources.disabledReason} IS NOT 'Removed by an editor'`))),
            abortUnlessChanged(),
            db.insert(auditLog).values({ actor, action: 'retire-source', targetType: 'source', targetId: source.id, details: { items: used[0]?.n } }),
          ]
        : [
            db.delete(sources).where(eq(sources.id, source.id)),
            abortUnlessChanged(),
            db.insert(auditLog).values({ actor, action: 'delete-source', targetType: 'source', targetId: source.id, details: { feedUrl: source.feedUrl } }),
          ]),
      ...(ctx.also ?? []),
    ]);
  } catch (err) {
    // A concurrent request removed it first: the registry is as asked, nothing more to record.
    if (!isGuardAbort(err)) throw err;
  }
  purgeRegistryPages(ctx);
  return retire ? { source: await findSource(db, source.id), deleted: false } : { deleted: true };
}

/** Fetch options for discovery: the same limits and URL safety as ingest. */
function fetchOptions(env: Bindings) {
  const config = loadConfig(env);
  return {
    fetch: (input: string, init: RequestInit) => fetch(input, init),
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    allowLoopback: config.ALLOW_LOOPBACK_SOURCES,
    userAgent: feedUserAgent(config.SITE_URL),
  };
}

/** The feeds a URL is or announces, main feed first; nothing is added. */
export async function discoverSite(env: Bindings, url: string): Promise<{ pageUrl: string | null; feeds: DiscoveredFeed[] }> {
  const found = await discoverFeeds(url, fetchOptions(env));
  if (found.kind === 'error') throw new ApiError(422, found.code === 'no-feed' ? 'no-feed' : 'discovery-failed', found.message);
  return found.kind === 'feed' ? { pageUrl: null, feeds: [found.feed] } : { pageUrl: found.pageUrl, feeds: found.feeds };
}

/** A source from a site's home page (or a feed URL): its first announced feed becomes the feed URL. */
export async function addSourceFromSite(ctx: ActionContext, body: z.infer<ReturnType<typeof fromSiteInput>>) {
  const found = await discoverSite(ctx.env, body.url);
  const feed = found.feeds[0]!;
  const host = new URL(found.pageUrl ?? feed.url).hostname.replace(/^www\./, '');
  const { url, ...fields } = body;
  const input: SourceInput = { ...fields, name: body.name ?? feed.title ?? host, publisher: body.publisher ?? host, feedUrl: feed.url, homepage: found.pageUrl };
  // The discovered feed is validated like a source added by hand.
  const parsed = sourceSchemaFor(ctx.env).safeParse(input);
  if (!parsed.success) {
    throw new ApiError(400, 'invalid-request', `The discovered feed ${feed.url} is not a valid source: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const db = openDb(ctx.env.DB);
  const known = await db.query.sources.findFirst({ where: eq(sources.feedUrl, parsed.data.feedUrl) });
  if (known) throw feedTaken(known);
  const source = await addSource(ctx, parsed.data, { discoveredFrom: url });
  return { source, discovered: found.feeds };
}

/** Imports an OPML document: every feed outline validated; the report says what happened to each. */
export async function importOpml(ctx: ActionContext, text: string): Promise<ImportReport> {
  if (text.length > OPML_MAX_BYTES) throw new ApiError(413, 'body-too-large', `The OPML file is larger than ${OPML_MAX_BYTES} bytes.`);
  let opml: ReturnType<typeof readOpml>;
  try {
    opml = readOpml(text);
  } catch (error) {
    if (error instanceof FeedParseError) throw new ApiError(400, 'invalid-opml', error.message);
    throw error;
  }
  if (!opml.feeds.length) throw new ApiError(400, 'invalid-opml', 'The OPML file has no feed outlines (outline elements with an xmlUrl).');
  if (opml.feeds.length > OPML_MAX_FEEDS) {
    throw new ApiError(413, 'too-many-feeds', `The OPML file lists ${opml.feeds.length} feeds; import at most ${OPML_MAX_FEEDS} at a time.`);
  }
  const db = openDb(ctx.env.DB);
  let audited = { added: [] as string[] };
  const report = await importSources(db, opml.feeds, {
    allowLoopback: loadConfig(ctx.env).ALLOW_LOOPBACK_SOURCES,
    also: (planned) => {
      audited = { added: planned.map((p) => p.id) };
      return [
        db.insert(auditLog).values({
          actor: ctx.editor.id,
          action: 'import-sources',
          targetType: 'source',
          targetId: 'opml',
          details: { added: audited.added, feeds: opml.feeds.length },
        }),
        ...(ctx.also ?? []),
      ];
    },
  });
  if (report.added.length) purgeRegistryPages(ctx);
  return report;
}

/** The registry as an OPML 2.0 document. */
export async function exportOpml(env: Bindings): Promise<string> {
  const rows = await openDb(env.DB).select().from(sources).orderBy(asc(sources.name));
  return writeOpml(rows, { title: `${loadConfig(env).SITE_NAME} sources`, at: new Date() });
}
