/** Editor API over the trusted-source registry: list, add, change, and retire sources. */
import { asc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { openDb } from '../../db/client';
import { auditLog, items, sources } from '../../db/schema';
import { loadConfig } from '../../env';
import { sourceIdFrom, sourceInputSchema } from '../../pipeline/ingest/sources';
import type { EditorEnv } from './auth';
import { ApiError, readJson } from './request';

/** The source schema this deployment accepts (loopback feeds only where dev/test allows them). */
const schemaFor = (env: EditorEnv['Bindings']) => sourceInputSchema({ allowLoopback: loadConfig(env).ALLOW_LOOPBACK_SOURCES });

async function findSource(db: ReturnType<typeof openDb>, id: string) {
  const row = await db.query.sources.findFirst({ where: eq(sources.id, id) });
  if (!row) throw new ApiError(404, 'not-found', `No source with id "${id}".`);
  return row;
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
    const clash = await db.query.sources.findFirst({
      where: sql`${sources.id} = ${id} OR ${sources.feedUrl} = ${input.feedUrl}`,
    });
    if (clash) throw new ApiError(409, 'conflict', `A source with this id or feed URL exists already ("${clash.id}").`);
    const row = { ...input, id, homepage: input.homepage ?? null, categoryHint: input.categoryHint ?? null };
    await db.batch([
      db.insert(sources).values(row),
      db.insert(auditLog).values({ actor: c.get('editor').id, action: 'add-source', targetType: 'source', targetId: id, details: { feedUrl: input.feedUrl } }),
    ]);
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
    await db.batch([
      db
        .update(sources)
        .set({ ...changes, ...revive, ...feedMoved, updatedAt: new Date().toISOString() })
        .where(eq(sources.id, source.id)),
      db.insert(auditLog).values({ actor: c.get('editor').id, action: 'update-source', targetType: 'source', targetId: source.id, details: changes }),
    ]);
    return c.json({ source: await findSource(db, source.id) });
  })
  .delete('/:id', async (c) => {
    const db = openDb(c.env.DB);
    const source = await findSource(db, c.req.param('id'));
    const used = await db.select({ n: sql<number>`count(*)` }).from(items).where(eq(items.sourceId, source.id));
    const actor = c.get('editor').id;
    if ((used[0]?.n ?? 0) > 0) {
      // Its items are cited by articles: keep the record for provenance, stop fetching it.
      await db.batch([
        db.update(sources).set({ enabled: false, disabledReason: 'Removed by an editor', updatedAt: new Date().toISOString() }).where(eq(sources.id, source.id)),
        db.insert(auditLog).values({ actor, action: 'retire-source', targetType: 'source', targetId: source.id, details: { items: used[0]?.n } }),
      ]);
      return c.json({ source: await findSource(db, source.id), deleted: false });
    }
    await db.batch([
      db.delete(sources).where(eq(sources.id, source.id)),
      db.insert(auditLog).values({ actor, action: 'delete-source', targetType: 'source', targetId: source.id, details: { feedUrl: source.feedUrl } }),
    ]);
    return c.json({ deleted: true });
  });
