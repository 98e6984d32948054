/**
 * The newsroom's whole data model: the only place tables are declared.
 *
 * Uniqueness lives here, not in code, so that a repeated cron run or a retried
 * workflow step lands on the same rows instead of making new ones.
 * Times are ISO 8601 UTC strings; JSON columns hold plain data.
 */
import { sql } from 'drizzle-orm';
import type { Evidence } from '../pipeline/types';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** The registry of trusted feeds, with each feed's fetch health. */
export const sources = sqliteTable(
  'sources',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Publisher family: two feeds of one outlet share it and count once toward independence. */
    publisher: text('publisher').notNull(),
    feedUrl: text('feed_url').notNull(),
    homepage: text('homepage'),
    /** 1 = wire/agency or outlet of record, 2 = established outlet, 3 = specialist or blog. */
    trustTier: integer('trust_tier').notNull().default(2),
    categoryHint: text('category_hint'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    // Health of the last fetches, visible to editors.
    etag: text('etag'),
    lastModified: text('last_modified'),
    lastFetchedAt: text('last_fetched_at'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    nextFetchAt: text('next_fetch_at'),
    disabledReason: text('disabled_reason'),
    /** What the last good fetch recovered from (broken items left out, bytes read as Windows-1252). */
    lastWarnings: text('last_warnings', { mode: 'json' }).$type<string[]>(),
    /** A permanent redirect seen on the last fetch; seen again on the next, it becomes feedUrl. */
    movedTo: text('moved_to'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('sources_feed_url_unique').on(t.feedUrl)],
);

/** One feed entry as we read it; the unit that stories are made of. */
export const items = sqliteTable(
  'items',
  {
    id: text('id').primaryKey(),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
    publisher: text('publisher').notNull(),
    guid: text('guid').notNull(),
    url: text('url'),
    canonicalUrl: text('canonical_url'),
    title: text('title').notNull(),
    summary: text('summary'),
    contentText: text('content_text'),
    author: text('author'),
    /** The publisher's date; UNDATED (the epoch) when the feed gave none we could read or believe. */
    publishedAt: text('published_at').notNull(),
    fetchedAt: text('fetched_at').notNull(),
    updatedAt: text('updated_at').notNull().default(now),
    /** R2 key of the raw feed bytes this item was read from. */
    snapshotKey: text('snapshot_key').notNull(),
    contentHash: text('content_hash').notNull(),
    /** How many times the content changed after first sight (0 = never). */
    revision: integer('revision').notNull().default(0),
    /** Why this item's text is kept out of model prompts (instruction-like content), if it is. */
    injectionFlag: text('injection_flag'),
    storyId: text('story_id').references(() => stories.id),
    /** Headline + lede embedding for clustering (base64 int8 unit vector), when the AI binding made one. */
    embedding: text('embedding'),
  },
  (t) => [
    uniqueIndex('items_source_guid_unique').on(t.sourceId, t.guid),
    // One publisher never stores a URL twice; two publishers may (copy detection decides).
    uniqueIndex('items_publisher_canonical_url_unique').on(t.publisher, t.canonicalUrl),
    index('items_canonical_url_idx').on(t.canonicalUrl),
    index('items_published_at_idx').on(t.publishedAt),
    index('items_story_idx').on(t.storyId),
  ],
);

/** A group of items that report one event. */
export const stories = sqliteTable(
  'stories',
  {
    id: text('id').primaryKey(),
    /** Stable key derived from the story's first items; a re-run finds the same story. */
    key: text('key').notNull(),
    title: text('title').notNull(),
    category: text('category'),
    /** Independent publisher families among the story's items. */
    publisherCount: integer('publisher_count').notNull().default(0),
    itemCount: integer('item_count').notNull().default(0),
    /** Hash of the sorted item ids: a new hash means the story grew. */
    sourceSetHash: text('source_set_hash'),
    /** collecting | ready | writing | written | failed */
    status: text('status').notNull().default('collecting'),
    failureReason: text('failure_reason'),
    /** When a run first named this failure in its errors; null until then (and again after a new failure). */
    failureReportedAt: text('failure_reported_at'),
    /** The workflow instance last started for this story, when, and how many were started for its version. */
    workflowId: text('workflow_id'),
    workflowStartedAt: text('workflow_started_at'),
    workflowAttempts: integer('workflow_attempts').notNull().default(0),
    firstSeenAt: text('first_seen_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('stories_key_unique').on(t.key), index('stories_status_idx').on(t.status)],
);

/** The article of a story: one per story, a stable slug, and its current state. */
export const articles = sqliteTable(
  'articles',
  {
    id: text('id').primaryKey(),
    storyId: text('story_id')
      .notNull()
      .references(() => stories.id),
    slug: text('slug').notNull(),
    /** draft | ready | held | published | unpublished | failed */
    status: text('status').notNull().default('draft'),
    // Denormalised from the current version for listings and feeds.
    title: text('title').notNull(),
    dek: text('dek').notNull(),
    category: text('category').notNull(),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    wordCount: integer('word_count').notNull().default(0),
    currentVersion: integer('current_version').notNull().default(1),
    /** Reasons a blocking check failed, for the editor. */
    heldReasons: text('held_reasons', { mode: 'json' }).$type<string[]>(),
    /** Why an editor published despite a failed check (shown publicly). */
    overrideReason: text('override_reason'),
    coverKey: text('cover_key'),
    firstPublishedAt: text('first_published_at'),
    publishedAt: text('published_at'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('articles_slug_unique').on(t.slug),
    uniqueIndex('articles_story_unique').on(t.storyId),
    index('articles_status_published_idx').on(t.status, t.publishedAt),
    index('articles_category_idx').on(t.category, t.status),
  ],
);

/** Every version an article has had: what was written, by what, from which sources. */
export const articleVersions = sqliteTable(
  'article_versions',
  {
    id: text('id').primaryKey(),
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id),
    version: integer('version').notNull(),
    /** The ArticleDraft as JSON. */
    draft: text('draft', { mode: 'json' }).notNull(),
    sourceSetHash: text('source_set_hash').notNull(),
    /** extractive | workers-ai | openai-compatible */
    writer: text('writer').notNull(),
    model: text('model'),
    checksPassed: integer('checks_passed', { mode: 'boolean' }).notNull(),
    /** The check report's evidence: each supported claim with its source's sentence (Evidence[] as JSON). */
    evidence: text('evidence', { mode: 'json' }).$type<Evidence[]>().notNull().default([]),
    /** initial | resynthesis | correction | edit */
    reason: text('reason').notNull().default('initial'),
    /** R2 key of the published version JSON (sources + check report). */
    r2Key: text('r2_key'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('article_versions_unique').on(t.articleId, t.version)],
);

/** The numbered sources of one article version; numbers are the draft's citation numbers. */
export const articleSources = sqliteTable(
  'article_sources',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id),
    version: integer('version').notNull(),
    n: integer('n').notNull(),
    itemId: text('item_id').references(() => items.id),
    publisher: text('publisher').notNull(),
    url: text('url').notNull(),
    title: text('title').notNull(),
    publishedAt: text('published_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.version, t.n] })],
);

/** One row per check per article version: the report that let it through or held it. */
export const checks = sqliteTable(
  'checks',
  {
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    passed: integer('passed', { mode: 'boolean' }).notNull(),
    severity: text('severity').notNull(),
    details: text('details', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.version, t.name] })],
);

/** Public corrections, each tied to the version it produced. */
export const corrections = sqliteTable(
  'corrections',
  {
    id: text('id').primaryKey(),
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    editorId: text('editor_id').references(() => editors.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('corrections_created_idx').on(t.createdAt)],
);

/** One record per newsroom run (cron or editor-triggered), with its counts. */
export const runs = sqliteTable(
  'runs',
  {
    id: text('id').primaryKey(),
    /** cron | manual */
    trigger: text('trigger').notNull(),
    /** running | succeeded | failed */
    status: text('status').notNull().default('running'),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    /** Counts per stage: sources fetched/not modified/failed, items new/updated/skipped, stories... */
    stats: text('stats', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    /** Last sign of life; a running run without one for a lease period was cut off. */
    heartbeatAt: text('heartbeat_at'),
    /** Failures in words, e.g. per source. */
    errors: text('errors', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Sources this run put on the ingest queue, and how many of them have landed. */
    ingestQueued: integer('ingest_queued').notNull().default(0),
    ingestLanded: integer('ingest_landed').notNull().default(0),
  },
  (t) => [index('runs_started_idx').on(t.startedAt)],
);

/** People who may use the editor API; tokens are stored only as SHA-256 hashes. */
export const editors = sqliteTable(
  'editors',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The e-mail Cloudflare Access vouches for, when the editor signs in through Access. */
    email: text('email'),
    /** admin | editor */
    role: text('role').notNull().default('editor'),
    createdAt: text('created_at').notNull().default(now),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('editors_token_hash_unique').on(t.tokenHash), uniqueIndex('editors_email_unique').on(t.email)],
);

/** Every editor action and automatic publication decision, append-only. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(now),
    /** Editor id, or 'system' for the newsroom itself. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_target_idx').on(t.targetType, t.targetId), index('audit_at_idx').on(t.at)],
);

/**
 * Editor API `Idempotency-Key`s: the request's hash and the first response, kept a day.
 * `status` is null while the first request is still being handled.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    editorId: text('editor_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    body: text('body'),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.editorId, t.key] }), index('idempotency_expires_idx').on(t.expiresAt)],
);

/**
 * Editors' desk sessions: `id` is the SHA-256 (hex) of the secret in the session cookie, never the
 * secret itself. A session expires at `expires_at` and is revoked by sign-out (or by revoking the
 * editor). `flash` is the next page's one-time message, encrypted with a key only the cookie holds.
 */
export const deskSessions = sqliteTable(
  'desk_sessions',
  {
    id: text('id').primaryKey(),
    /** Editor row id, or 'admin' for the bootstrap ADMIN_TOKEN. */
    editorId: text('editor_id').notNull(),
    editorName: text('editor_name').notNull(),
    /** admin | editor */
    role: text('role').notNull(),
    /** token | access: how the editor signed in. */
    via: text('via').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    flash: text('flash'),
    /** For the bootstrap admin: a digest of the ADMIN_TOKEN that opened it; a changed token ends the session. */
    credential: text('credential'),
  },
  (t) => [index('desk_sessions_editor_idx').on(t.editorId), index('desk_sessions_expires_idx').on(t.expiresAt)],
);

/** One row per desk form that acted: its nonce lands in the action's own batch, so a resubmission finds it. */
export const deskNonces = sqliteTable(
  'desk_nonces',
  {
    nonce: text('nonce').primaryKey(),
    editorId: text('editor_id').notNull(),
    action: text('action').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('desk_nonces_created_idx').on(t.createdAt)],
);

/** Named leases: at most one holder until `expires_at` (e.g. the one running newsroom run). */
export const leases = sqliteTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: text('expires_at').notNull(),
});

/** Fixed-window counters (the local fallback for the Workers Rate Limiting binding) and blocks. */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    /** Window start, epoch milliseconds. */
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [index('rate_limits_window_idx').on(t.windowStart)],
);

/**
 * Never holds a row: a batch inserts NULL here to abort itself when the conditional update
 * before it changed nothing (D1 has no interactive transactions). See `abortUnlessChanged`.
 */
export const batchGuards = sqliteTable('batch_guards', { reason: text('reason').notNull() });

/**
 * FTS5 over published articles. drizzle-kit cannot declare virtual tables, so the
 * table itself is created by a custom migration; this name is what code refers to.
 * Columns: article_id UNINDEXED, title, dek, body.
 */
export const ARTICLES_FTS = 'articles_fts';

export type Source = typeof sources.$inferSelect;
export type NewSource = typeof sources.$inferInsert;
export type Item = typeof items.$inferSelect;
export type NewItem = typeof items.$inferInsert;
export type Story = typeof stories.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type ArticleVersion = typeof articleVersions.$inferSelect;
export type ArticleSource = typeof articleSources.$inferSelect;
export type CheckRow = typeof checks.$inferSelect;
export type Correction = typeof corrections.$inferSelect;
export type Run = typeof runs.$inferSelect;
export type Editor = typeof editors.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
export type DeskSession = typeof deskSessions.$inferSelect;
