/** Editor API over the newsroom's records: runs, the audit log and editor tokens. */
import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { openDb } from '../../db/client';
import { auditLog, editors, runs } from '../../db/schema';
import { ApiError, parseWith, readJson } from './request';
import { sha256Hex } from '../../lib/hash';
import { requireAdmin, type EditorEnv } from './auth';
import { startRun } from '../../newsroom';
import { storyProblems } from '../../db/queries/stories';
import { RunInProgressError } from '../../pipeline/run';
import { isUniqueViolation } from '../../db/batch';

const pageQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
const storiesQuery = z.object({ problem: z.enum(['stuck', 'failed']).optional(), limit: z.coerce.number().int().min(1).max(200).default(100) });

const tokenBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    role: z.enum(['admin', 'editor']).default('editor'),
    /** The e-mail Cloudflare Access signs this editor in with (when Access is configured). */
    email: z.email().transform((e) => e.toLowerCase()).optional(),
  })
  .strict();

/** A fresh token: 32 random bytes, base64url. Shown once; only its hash is stored. */
function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const editorRecords = new Hono<EditorEnv>()
  .get('/runs', async (c) => {
    const { limit } = parseWith(pageQuery, c.req.query());
    const rows = await openDb(c.env.DB).select().from(runs).orderBy(desc(runs.startedAt)).limit(limit);
    return c.json({ runs: rows });
  })
  .post('/runs', async (c) => {
    const db = openDb(c.env.DB);
    let run: Awaited<ReturnType<typeof startRun>>;
    try {
      run = await startRun(c.env, c.executionCtx, 'manual');
    } catch (err) {
      if (!(err instanceof RunInProgressError)) throw err;
      // One run at a time: a second would fetch every feed again at the same moment.
      const current = await db.query.runs.findFirst({ where: eq(runs.id, err.runId) });
      throw new ApiError(409, 'run-in-progress', err.message, { run: current ?? { id: err.runId, status: 'running' } });
    }
    await db.insert(auditLog).values({
      actor: c.get('editor').id,
      action: 'run',
      targetType: 'run',
      targetId: run.id,
      details: { editor: c.get('editor').name },
    });
    return c.json({ run }, 202);
  })
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
    const body = await readJson(c, tokenBody);
    const token = newToken();
    const id = `ed_${crypto.randomUUID()}`;
    const db = openDb(c.env.DB);
    try {
      await db.batch([
        db.insert(editors).values({ id, name: body.name, role: body.role, email: body.email ?? null, tokenHash: await sha256Hex(token) }),
        db.insert(auditLog).values({
          actor: c.get('editor').id,
          action: 'create-token',
          targetType: 'editor',
          targetId: id,
          details: { name: body.name, role: body.role, email: body.email ?? null },
        }),
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ApiError(409, 'conflict', 'An editor with this e-mail exists already.');
      throw err;
    }
    const editor = await db.query.editors.findFirst({ where: eq(editors.id, id), columns: { tokenHash: false } });
    return c.json({ editor, token }, 201);
  });
