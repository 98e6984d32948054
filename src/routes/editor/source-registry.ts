/**
 * Editor API that grows the source registry from outside: a site's home page (its feed discovered
 * from <link rel="alternate">) and OPML import and export. Every feed is validated like a source
 * added by hand.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { OPML_MAX_BYTES, addSourceFromSite, discoverSite, exportOpml, fromSiteInput, importOpml, siteUrlInput } from '../../editor/sources';
import { actionContext, type EditorEnv } from './auth';
import { ApiError, readJson } from './request';

export const editorSourceRegistry = new Hono<EditorEnv>()
  // The feeds a URL is or announces, main feed first; nothing is added.
  .post('/discover', async (c) => {
    const { url } = await readJson(c, z.object({ url: siteUrlInput(c.env) }).strict());
    return c.json(await discoverSite(c.env, url));
  })
  // A source from a site's home page (or a feed URL): its first announced feed becomes the feed URL.
  .post('/from-site', async (c) => {
    const body = await readJson(c, fromSiteInput(c.env));
    return c.json(await addSourceFromSite(actionContext(c), body), 201);
  })
  .get('/opml', async (c) =>
    c.body(await exportOpml(c.env), 200, { 'content-type': 'text/x-opml; charset=utf-8', 'content-disposition': 'attachment; filename="sources.opml"' }),
  )
  // Imports an OPML file (the body): every feed outline is validated; the report says what happened to each.
  .post('/opml', async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/xml|opml/i.test(type)) throw new ApiError(415, 'unsupported-media-type', 'Send the OPML file as text/x-opml or application/xml.');
    if (Number(c.req.header('content-length') ?? '0') > OPML_MAX_BYTES) throw new ApiError(413, 'body-too-large', `The OPML file is larger than ${OPML_MAX_BYTES} bytes.`);
    const report = await importOpml(actionContext(c), await c.req.text());
    return c.json(report, report.added.length ? 201 : 200);
  });
