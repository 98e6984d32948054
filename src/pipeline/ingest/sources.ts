/**
 * The trusted-source registry: what a valid new source is, which sources are
 * due for a fetch, and how a fetch's outcome changes a source's health
 * (backoff, auto-disable).
 */
import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { runBatch, type Statement } from '../../db/batch';
import type { Db } from '../../db/client';
import { sources, type NewSource, type Source } from '../../db/schema';
import { noHiddenControls } from '../../lib/hidden-controls';
import { slugify } from '../../lib/slug';
import { checkFetchUrl, type LoopbackPolicy } from '../../lib/url-safety';

/** Whether a URL may become a source's feed URL. */
export function validateFeedUrl(
  url: string,
  opts: { allowLoopback: LoopbackPolicy },
): { ok: true; url: string } | { ok: false; reason: string } {
  const check = checkFetchUrl(url, opts);
  return check.ok ? { ok: true, url: normalFeedUrl(check.url) } : { ok: false, reason: check.reason };
}

/**
 * A feed URL in the one form the registry stores, so trivially different spellings of one feed
 * are one source: scheme and host in lower case and the default port dropped (the URL parser's
 * form; an empty path is "/"), no #fragment (never sent to the server) and no empty "?". The path's
 * own trailing slash and the query are kept: /feed and /feed/ may be different resources.
 * @example normalFeedUrl('HTTPS://Example.org:443/feed.xml#top') // 'https://example.org/feed.xml'
 */
export function normalFeedUrl(href: string): string {
  const url = new URL(href);
  url.hash = '';
  if (!url.search) url.search = '';
  return url.href;
}

/** `base`, else `base-2`, `base-3`, …: the first id not taken. */
export function freeSourceId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base.slice(0, 58)}-${k}`;
  return id;
}

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => /^https?:$/.test(safeProtocol(v)), 'must be an http or https URL');

function safeProtocol(v: string): string {
  try {
    return new URL(v).protocol;
  } catch {
    return '';
  }
}

/** A source's name and publisher, in characters. */
export const SOURCE_NAME_LIMITS = { min: 1, max: 120 } as const;

/**
 * The shape of a new source (editor API and seeding). The feed URL must pass
 * `validateFeedUrl`; it is stored in its normalised form.
 * @example sourceInputSchema({ allowLoopback: false }).parse({ name, publisher, feedUrl })
 */
export function sourceInputSchema(opts: { allowLoopback: LoopbackPolicy }) {
  return z.object({
    /** Optional stable id (lower-case slug); derived from the name when absent. */
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a lower-case slug (a-z, 0-9, -)')
      .optional(),
    name: z.string().trim().min(SOURCE_NAME_LIMITS.min).max(SOURCE_NAME_LIMITS.max).superRefine(noHiddenControls),
    /** Publisher family: feeds of one outlet share it and count once toward independence. */
    publisher: z.string().trim().min(SOURCE_NAME_LIMITS.min).max(SOURCE_NAME_LIMITS.max).superRefine(noHiddenControls),
    feedUrl: z
      .string()
      .trim()
      .transform((v, ctx) => {
        const check = validateFeedUrl(v, opts);
        if (check.ok) return check.url;
        ctx.addIssue({ code: 'custom', message: check.reason });
        return z.NEVER;
      }),
    homepage: httpUrl.nullish(),
    trustTier: z.number().int().min(1).max(3).default(2),
    categoryHint: z.string().trim().min(1).max(40).superRefine(noHiddenControls).nullish(),
    enabled: z.boolean().default(true),
  });
}

/** The production schema: loopback feeds are never allowed. */
export const newSourceSchema = sourceInputSchema({ allowLoopback: false });

export type SourceInput = z.input<ReturnType<typeof sourceInputSchema>>;

/** "The Quillon Review — Briefs" -> "the-quillon-review-briefs". */
export function sourceIdFrom(name: string): string {
  return slugify(name, 20).slice(0, 63).replace(/-+$/, '') || 'source';
}

/** Validates and inserts sources; rows whose id or feed URL already exists are left alone. Returns the ids inserted. */
export async function addSources(db: Db, rows: SourceInput[], opts: { allowLoopback: LoopbackPolicy }): Promise<string[]> {
  const schema = sourceInputSchema(opts);
  const values: NewSource[] = rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid source "${row.name}": ${problems}`);
    }
    const s = parsed.data;
    return { ...s, id: s.id ?? sourceIdFrom(s.name), homepage: s.homepage ?? null, categoryHint: s.categoryHint ?? null };
  });
  const [first, ...rest] = values.map((v) => db.insert(sources).values(v).onConflictDoNothing().returning({ id: sources.id }));
  if (!first) return [];
  // One statement per row: D1 binds at most 100 parameters per statement.
  const inserted = await db.batch([first, ...rest]);
  return inserted.flat().map((r) => r.id);
}

export interface ImportReport {
  /** Ids of the sources added. */
  added: string[];
  /** Feeds the registry (or an earlier row of the same import) already has. */
  existing: { n: number; feedUrl: string; sourceId: string }[];
  /** Rows refused, with the reason in words. */
  invalid: { n: number; name: string; reason: string }[];
}

/**
 * Validates and adds many sources at once (an OPML import): each row is checked like a source added
 * by hand; a feed already in the registry is reported, not duplicated; a taken id gets a suffix.
 * @example const report = await importSources(db, readOpml(text).feeds, { allowLoopback: false })
 */
export async function importSources(
  db: Db,
  rows: { n: number; input: SourceInput }[],
  opts: { allowLoopback: LoopbackPolicy; also?: (planned: NewSource[]) => Statement[] },
): Promise<ImportReport> {
  const schema = sourceInputSchema(opts);
  const report: ImportReport = { added: [], existing: [], invalid: [] };
  const registry = await db.select({ id: sources.id, feedUrl: sources.feedUrl }).from(sources);
  const takenIds = new Set(registry.map((r) => r.id));
  const byFeed = new Map(registry.map((r) => [r.feedUrl, r.id]));
  const values: NewSource[] = [];
  for (const { n, input } of rows) {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      report.invalid.push({ n, name: String(input.name ?? ''), reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      continue;
    }
    const s = parsed.data;
    const owner = byFeed.get(s.feedUrl);
    if (owner) {
      report.existing.push({ n, feedUrl: s.feedUrl, sourceId: owner });
      continue;
    }
    const id = freeSourceId(s.id ?? sourceIdFrom(s.name), takenIds);
    takenIds.add(id);
    byFeed.set(s.feedUrl, id);
    values.push({ ...s, id, homepage: s.homepage ?? null, categoryHint: s.categoryHint ?? null });
  }
  // One statement per row (D1 binds at most 100 parameters), a hundred rows per batch; `also`
  // (the audit record) lands with the last batch.
  const also = opts.also?.(values) ?? [];
  for (let i = 0; i < values.length || (i === 0 && also.length); i += 100) {
    const chunk = values.slice(i, i + 100).map((v) => db.insert(sources).values(v).onConflictDoNothing().returning({ id: sources.id }));
    const last = i + 100 >= values.length;
    const results = await runBatch(db, [...chunk, ...(last ? also : [])]);
    report.added.push(...results.slice(0, chunk.length).flatMap((r) => (r.results as { id: string }[]).map((row) => row.id)));
  }
  return report;
}

/** Enabled sources whose next fetch time has come, the longest-waiting first. */
export async function dueSources(db: Db, now: Date, limit = 500): Promise<Source[]> {
  return db
    .select()
    .from(sources)
    .where(and(eq(sources.enabled, true), or(isNull(sources.nextFetchAt), lte(sources.nextFetchAt, now.toISOString()))))
    .orderBy(asc(sources.nextFetchAt))
    .limit(limit);
}

const MINUTE = 60_000;
const BACKOFF_BASE_MS = 15 * MINUTE;
const BACKOFF_CAP_MS = 24 * 60 * MINUTE;

/** Wait after the n-th failure in a row: 15 min, 30 min, 1 h, ... capped at 24 h. */
export function backoffMs(consecutiveFailures: number): number {
  const n = Math.max(1, consecutiveFailures);
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(n - 1, 20));
}

export type SourceHealth = Pick<
  Source,
  | 'etag'
  | 'lastModified'
  | 'lastFetchedAt'
  | 'lastStatus'
  | 'lastError'
  | 'consecutiveFailures'
  | 'nextFetchAt'
  | 'enabled'
  | 'disabledReason'
  | 'lastWarnings'
  | 'updatedAt'
>;

/** Health after a fetch that worked (new bytes or 304). Due again on the next run unless the publisher asked for a pause. */
export function healthAfterSuccess(
  at: Date,
  outcome: { status: number; etag?: string | null; lastModified?: string | null; retryAfterMs?: number; warnings?: string[] },
): Partial<SourceHealth> {
  const iso = at.toISOString();
  const next = outcome.retryAfterMs ? new Date(at.getTime() + Math.min(outcome.retryAfterMs, BACKOFF_CAP_MS)) : at;
  return {
    lastFetchedAt: iso,
    lastStatus: outcome.status,
    lastError: null,
    consecutiveFailures: 0,
    nextFetchAt: next.toISOString(),
    updatedAt: iso,
    // A 304 carries no new validators; keep the ones we have.
    ...(outcome.etag !== undefined ? { etag: outcome.etag } : {}),
    ...(outcome.lastModified !== undefined ? { lastModified: outcome.lastModified } : {}),
    // A 304 parsed nothing: the last parse's warnings still describe the feed.
    ...(outcome.warnings !== undefined ? { lastWarnings: outcome.warnings.length ? outcome.warnings.slice(0, 20) : null } : {}),
  };
}

/**
 * Health after a failed fetch or parse: exponential backoff, or exactly the
 * publisher's Retry-After when it gave one, and disabled after `maxFailures` in a row.
 */
export function healthAfterFailure(
  source: Pick<Source, 'consecutiveFailures'>,
  at: Date,
  failure: { message: string; status?: number; retryAfterMs?: number },
  maxFailures: number,
): Partial<SourceHealth> {
  const failures = source.consecutiveFailures + 1;
  const wait = failure.retryAfterMs !== undefined ? Math.min(failure.retryAfterMs, BACKOFF_CAP_MS) : backoffMs(failures);
  const disable = failures >= maxFailures;
  return {
    lastFetchedAt: at.toISOString(),
    lastStatus: failure.status ?? null,
    lastError: failure.message,
    consecutiveFailures: failures,
    nextFetchAt: new Date(at.getTime() + wait).toISOString(),
    updatedAt: at.toISOString(),
    ...(disable
      ? { enabled: false, disabledReason: `Disabled after ${failures} failed fetches in a row; last error: ${failure.message}` }
      : {}),
  };
}
