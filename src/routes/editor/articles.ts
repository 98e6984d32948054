/** Editor API over articles: the review queue, one article's full record, and editorial actions. */
import { desc, eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { openDb } from '../../db/client';
import { articles } from '../../db/schema';
import {
  articleRecord,
  correctArticleNow,
  correctionInput,
  editArticleNow,
  editInput,
  publishArticleNow,
  publishInput,
  unpublishArticleNow,
  unpublishInput,
} from '../../editor/articles';
import type { ActionResult } from '../../pipeline/editorial';
import { actionContext, type EditorEnv } from './auth';
import { parseWith, readJson } from './request';

const STATUSES = ['draft', 'ready', 'held', 'published', 'unpublished', 'failed'] as const;

const listQuery = z.object({
  status: z.enum(STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The action's result as JSON: its status when it changed something, 200 when it was already done. */
function answer(c: Context<EditorEnv>, done: ActionResult, status: 200 | 201 = 200) {
  return c.json({ article: done }, done.changed ? status : 200);
}

export const editorArticles = new Hono<EditorEnv>()
  .get('/', async (c) => {
    const q = parseWith(listQuery, c.req.query());
    const db = openDb(c.env.DB);
    const rows = await db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        category: articles.category,
        status: articles.status,
        currentVersion: articles.currentVersion,
        heldReasons: articles.heldReasons,
        overrideReason: articles.overrideReason,
        publishedAt: articles.publishedAt,
        updatedAt: articles.updatedAt,
      })
      .from(articles)
      .where(q.status ? eq(articles.status, q.status) : undefined)
      .orderBy(desc(articles.updatedAt))
      .limit(q.limit);
    return c.json({ articles: rows });
  })
  .get('/:id', async (c) => c.json(await articleRecord(openDb(c.env.DB), c.req.param('id'))))
  .post('/:id/publish', async (c) => {
    const body = await readJson(c, publishInput);
    return answer(c, await publishArticleNow(actionContext(c), c.req.param('id'), body));
  })
  .post('/:id/unpublish', async (c) => {
    const body = await readJson(c, unpublishInput);
    return answer(c, await unpublishArticleNow(actionContext(c), c.req.param('id'), body));
  })
  .post('/:id/corrections', async (c) => {
    const body = await readJson(c, correctionInput, 256 * 1024);
    return answer(c, await correctArticleNow(actionContext(c), c.req.param('id'), body), 201);
  })
  .patch('/:id', async (c) => {
    const body = await readJson(c, editInput, 256 * 1024);
    return answer(c, await editArticleNow(actionContext(c), c.req.param('id'), body));
  });
