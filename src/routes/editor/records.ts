/** Editor API over the newsroom's records: runs, the audit log and editor tokens. */
import { desc } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { openDb } from '../../db/client';
import { auditLog, runs } from '../../db/schema';
import { parseWith, readJson } from './request';
import { actionContext, requireAdmin, type EditorEnv } from './auth';
import { storyProblems } from '../../db/queries/stories';
import { startRunNow } from '../../editor/runs';
import { createToken, newTokenInput, revokeToken } from '../../editor/tokens';

const pageQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
const storiesQuery = z.object({ problem: z.enum(['stuck', 'failed']).optional(), limit: z.coerce.number().int().min(1).max(200).default(100) });

export const editorRecords = new Hono<EditorEnv>()
  .get('/runs', async (c) => {
    const { limit } = parseWith(pageQuery, c.req.query());
    const rows = await openDb(c.env.DB).select().from(runs).orderBy(desc(runs.startedAt)).limit(limit);
    return c.json({ runs: rows });
  })
  .post('/runs', async (c) => c.json({ run: await startRunNow(actionContext(c)) }, 202))
  .get('/stories', async (c) => {
    // Stories that need attention: stuck in ready/writing for over an hour, or failed, each with why.
    const q = parseWith(storiesQuery, c.req.query());
    const found = await storyProblems(openDb(c.env.DB), new Date(), q.limit);
    const list = q.problem ? found[q.problem] : [...found.stuck, ...found.failed];
    return c.json({ stories: list, counts: { stuck: found.stuck.length, failed: found.failed.length } });
  })
  .get('/audit', async (c) => {
    const { limit } = parseWith(pageQuery, c.req.query());
    const rows = await openDb(c.env.DB).select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit);
    return c.json({ audit: rows });
  })
  .post('/tokens', requireAdmin, async (c) => {
    const body = await readJson(c, newTokenInput);
    return c.json(await createToken(actionContext(c), body), 201);
  })
  .delete('/tokens/:id', requireAdmin, async (c) => c.json(await revokeToken(actionContext(c), c.req.param('id'))));
