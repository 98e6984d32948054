/** The editors' desk: server-rendered screens over the editor actions, behind Access or a token sign-in. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AccessVerifierOptions } from '../../lib/access-jwt';
import { OPML_MAX_BYTES } from '../../editor/sources';
import { formBodyIsUtf8 } from '../../lib/http/utf8-body';
import { deskArticles } from './articles';
import { deskAuth, deskSignIn, deskSignOut } from './auth';
import { DESK_CACHE, refuse, type DeskEnv } from './context';
import { deskRecords } from './records';
import { deskSources } from './sources';

/**
 * The desk app, mounted at /desk. `access` options are for tests (a stubbed JWKS).
 * @example app.route('/desk', createDesk())
 */
export function createDesk(access: AccessVerifierOptions = {}) {
  return (
    new Hono<DeskEnv>()
      .use('*', async (c, next) => {
        await next();
        // Private, live, and never in a search engine: on every desk answer, refusals and redirects included.
        c.header('Cache-Control', DESK_CACHE);
        c.header('X-Robots-Tag', 'noindex, nofollow');
      })
      // Forms are small; an OPML upload is the largest (plus its multipart wrapping).
      .use('*', bodyLimit({ maxSize: OPML_MAX_BYTES + 64 * 1024, onError: (c) => refuse(c, 413, 'The form is too large; nothing was done.') }))
      // A form whose fields are not UTF-8 would otherwise be read with U+FFFD in their place, and published so.
      .use('*', async (c, next) => {
        if (c.req.method !== 'POST' || !/^application\/x-www-form-urlencoded/i.test(c.req.header('content-type') ?? '')) return next();
        if (formBodyIsUtf8(await c.req.raw.clone().arrayBuffer())) return next();
        return refuse(c, 400, 'The form was not sent as UTF-8 text, so nothing was done. Reload the page and send it again.');
      })
      .route('/', deskSignIn)
      .use('*', deskAuth(access))
      .route('/', deskSignOut)
      .route('/', deskArticles)
      .route('/', deskSources)
      .route('/', deskRecords)
      // A mounted app's notFound is its parent's: the desk's own 404 is its last route.
      .all('*', (c) => refuse(c, 404, `There is no desk page at ${c.req.path}.`))
  );
}

export const desk = createDesk();
