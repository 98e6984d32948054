/** The editor API: JSON, behind bearer tokens; each concern is a small sub-app. */
import { Hono } from 'hono';
import { editorArticles } from './articles';
import { editorRecords } from './records';
import { editorSourceRegistry } from './source-registry';
import { editorSources } from './sources';
import { requireEditor, type EditorEnv } from './auth';
import { idempotency } from '../../lib/http/idempotency';

export const editorApi = new Hono<EditorEnv>()
  .use('*', async (c, next) => {
    await next();
    // Editor answers are private and live: never cached by a browser or the edge.
    c.header('Cache-Control', 'no-store');
  })
  .use('*', requireEditor)
  // Every POST, PATCH and DELETE honours Idempotency-Key, per editor; but a new token is shown once, never kept.
  .use('*', idempotency({ db: (c) => c.env.DB, scope: (c) => c.get('editor').id, skip: (c) => c.req.path.endsWith('/tokens') }))
  .route('/articles', editorArticles)
  // Before editorSources, so /sources/opml is not read as a source id.
  .route('/sources', editorSourceRegistry)
  .route('/sources', editorSources)
  .route('/', editorRecords);
