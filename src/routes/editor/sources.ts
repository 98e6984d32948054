/** Editor API over the trusted-source registry: list, add, change, and retire sources. */
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { abortUnlessChanged, isGuardAbort, isUniqueViolation, runBatch } from '../../db/batch';
import { openDb } from '../../db/client';
import { auditLog, items, sources } from '../../db/schema';
import { loadConfig } from '../../env';
import { purgeRegistry } from '../../lib/cache';
import { sourceIdFrom, sourceInputSchema } from '../../pipeline/ingest/sources';
import type { EditorEnv } from './auth';
import { ApiError, readJson } from './request';

/** The source schema this deployment accepts (loopback feeds only where dev/test allows them). */
const schemaFor = (env: EditorEnv['Bindings']) => sourceInputSchema({ allowLoopback: loadConfig(env).ALLOW_LOOPBACK_SOURCES });

type Db = ReturnType<typeof openDb>;

async function findSource(db: Db, id: string) {
  const row = await db.query.sources.findFirst({ where: eq(sources.id, id) });
  if (!row) throw new ApiError(404, 'not-found', `No source with id "${id}".`);
  return row;
}

/** 409 with the source that already has this id or feed URL. */
async function clashWith(db: Db, id: string, feedUrl: string | undefined): Promise<ApiError> {
  const clash = await db.query.sources.findFirst({ where: or(eq(sources.id, id), feedUrl ? eq(sources.feedUrl, feedUrl) : undefined) });
  return new ApiError(409, 'conflict', `A source with this id or feed URL exists already${clash ? ` ("${clash.id}")` : ''}.`, clash && { source: clash });
}

/** The about and status pages list the registry: every change purges them. */
function purgeRegistryPages(c: Context<EditorEnv>) {
  c.executionCtx.waitUntil(purgeRegistry(caches.default, loadConfig(c.env).SITE_URL));
}

export const editorSources = new Hono<EditorEnv>()
  .get('/', async (c) => {
    const rows = await openDb(c.env.DB).select().from(sources).orderBy(asc(sources.name));
    return c.json({ sources: rows });
  })
  .get('/:id', async (c) => c.json({ source: await findSource(openDb(c.env.DB), c.req.param('id')) }))
  .post('/', async (c) => {
    const input = await readJson(c, schemaFor(c.env).strict());
    const db = openDb(c.env.DB);
    const id = input.id ?? sourceIdFrom(input.name);
    const row = { ...input, id, homepage: input.homepage ?? null, categoryHint: input.categoryHint ?? null };
    try {
      // The unique id and feed URL decide a race, not a lookup before the insert.
      await db.batch([
        db.insert(sources).values(row),
        db.insert(auditLog).values({ actor: c.get('editor').id, action: 'add-source', targetType: 'source', targetId: id, details: { feedUrl: input.feedUrl } }),
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw await clashWith(db, id, input.feedUrl);
      throw err;
    }
    purgeRegistryPages(c);
    return c.json({ source: await findSource(db, id) }, 201);
  })
  .patch('/:id', async (c) => {
    const changes = await readJson(c, schemaFor(c.env).omit({ id: true }).partial().strict());
    const db = openDb(c.env.DB);
    const source = await findSource(db, c.req.param('id'));
    if (!Object.keys(changes).length) return c.json({ source });
    // Re-enabling a source clears its failure record, so it is fetched on the next run.
    const revive = changes.enabled === true && !source.enabled ? { consecutiveFailures: 0, disabledReason: null, nextFetchAt: null } : {};
    const feedMoved = changes.feedUrl && changes.feedUrl !== source.feedUrl ? { etag: null, lastModified: null, nextFetchAt: null } : {};
    try {
      await runBatch(db, [
        db
          .update(sources)
          .set({ ...changes, ...revive, ...feedMoved, updatedAt: new Date().toISOString() })
          .where(eq(sources.id, source.id)),
        abortUnlessChanged(),
        db.insert(auditLog).values({ actor: c.get('editor').id, action: 'update-source', targetType: 'source', targetId: source.id, details: changes }),
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw await clashWith(db, source.id, changes.feedUrl);
      if (isGuardAbort(err)) throw new ApiError(404, 'not-found', `No source with id "${source.id}".`);
      throw err;
    }
    purgeRegistryPages(c);
    return c.json({ source: await findSource(db, source.id) });
  })
  .delete('/:id', async (c) => {
    const db = openDb(c.env.DB);
    const source = await findSource(db, c.req.param('id'));
    const used = await db.select({ n: sql<number>`count(*)` }).from(items).where(eq(items.sourceId, source.id));
    const actor = c.get('editor').id;
    const at = new Date().toISOString();
    const retire = (used[0]?.n ?? 0) > 0;
    try {
      await runBatch(
        db,
        retire
          ? [
              // Its items are cited by articles: keep the record for provenance, stop fetching it (once).
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
            ],
      );
    } catch (err) {
      // A concurrent request removed it first: the registry is as asked, nothing more to record.
      if (!isGuardAbort(err)) throw err;
    }
    purgeRegistryPages(c);
    if (retire) return c.json({ source: await findSource(db, source.id), deleted: false });
    return c.json({ deleted: true });
  });
