/** Editor API over the trusted-source registry: list, add, change, and retire sources. */
import { asc } from 'drizzle-orm';
import { Hono } from 'hono';
import { openDb } from '../../db/client';
import { sources } from '../../db/schema';
import { addSource, findSource, newSourceInput, removeSource, sourceChanges, updateSource } from '../../editor/sources';
import { actionContext, type EditorEnv } from './auth';
import { readJson } from './request';

export const editorSources = new Hono<EditorEnv>()
  .get('/', async (c) => {
    const rows = await openDb(c.env.DB).select().from(sources).orderBy(asc(sources.name));
    return c.json({ sources: rows });
  })
  .get('/:id', async (c) => c.json({ source: await findSource(openDb(c.env.DB), c.req.param('id')) }))
  .post('/', async (c) => {
    const input = await readJson(c, newSourceInput(c.env));
    return c.json({ source: await addSource(actionContext(c), input) }, 201);
  })
  .patch('/:id', async (c) => {
    const changes = await readJson(c, sourceChanges(c.env));
    return c.json({ source: await updateSource(actionContext(c), c.req.param('id'), changes) });
  })
  .delete('/:id', async (c) => c.json(await removeSource(actionContext(c), c.req.param('id'))));
