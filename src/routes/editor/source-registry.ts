/**
 * Editor API that grows the source registry from outside: a site's home page (its feed discovered
 * from <link rel="alternate">) and OPML import and export. Every feed is validated like a source
 * added by hand.
 */
import { asc } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { openDb } from '../../db/client';
import { auditLog, sources } from '../../db/schema';
import { loadConfig } from '../../env';
import { discoverFeeds } from '../../pipeline/ingest/discover';
import { FeedParseError } from '../../pipeline/ingest/feed/errors';
import { feedUserAgent } from '../../pipeline/ingest/fetch-feed';
import { readOpml, writeOpml } from '../../pipeline/ingest/opml';
import { importSources, sourceInputSchema, type SourceInput } from '../../pipeline/ingest/sources';
import { checkFetchUrl } from '../../lib/url-safety';
import type { EditorEnv } from './auth';
import { ApiError, readJson } from './request';

const OPML_MAX_BYTES = 1024 * 1024;

/** Fetch options for discovery: the same limits and URL safety as ingest. */
function fetchOptions(env: EditorEnv['Bindings']) {
  const config = loadConfig(env);
  return {
    fetch: (input: string, init: RequestInit) => fetch(input, init),
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    allowLoopback: config.ALLOW_LOOPBACK_SOURCES,
    userAgent: feedUserAgent(config.SITE_URL),
  };
}

/** The site URL an editor gave, checked before anything is fetched. */
function siteUrl(env: EditorEnv['Bindings']) {
  const allowLoopback = loadConfig(env).ALLOW_LOOPBACK_SOURCES;
  return z
    .string()
    .trim()
    .max(2048)
    .transform((v, ctx) => {
      const check = checkFetchUrl(v, { allowLoopback });
      if (check.ok) return check.url;
      ctx.addIssue({ code: 'custom', message: check.reason });
      return z.NEVER;
    });
}

async function discover(c: Context<EditorEnv>, url: string) {
  const found = await discoverFeeds(url, fetchOptions(c.env));
  if (found.kind === 'error') throw new ApiError(422, found.code === 'no-feed' ? 'no-feed' : 'discovery-failed', found.message);
  return found;
}

export const editorSourceRegistry = new Hono<EditorEnv>()
  // The feeds a URL is or announces, main feed first; nothing is added.
  .post('/discover', async (c) => {
    const { url } = await readJson(c, z.object({ url: siteUrl(c.env) }).strict());
    const found = await discover(c, url);
    return c.json(found.kind === 'feed' ? { pageUrl: null, feeds: [found.feed] } : { pageUrl: found.pageUrl, feeds: found.feeds });
  })
  // A source from a site's home page (or a feed URL): its first announced feed becomes the feed URL.
  .post('/from-site', async (c) => {
    const rest = sourceInputSchema({ allowLoopback: true }).omit({ feedUrl: true, homepage: true }).partial({ name: true, publisher: true });
    const body = await readJson(c, rest.extend({ url: siteUrl(c.env) }).strict());
    const found = await discover(c, body.url);
    const feed = found.kind === 'feed' ? found.feed : found.feeds[0]!;
    const host = new URL(found.kind === 'page' ? found.pageUrl : feed.url).hostname.replace(/^www\./, '');
    const { url, ...fields } = body;
    const input: SourceInput = {
      ...fields,
      name: body.name ?? feed.title ?? host,
      publisher: body.publisher ?? host,
      feedUrl: feed.url,
      homepage: found.kind === 'page' ? found.pageUrl : null,
    };
    const db = openDb(c.env.DB);
    const report = await importSources(db, [{ n: 1, input }], { allowLoopback: loadConfig(c.env).ALLOW_LOOPBACK_SOURCES });
    if (report.invalid[0]) throw new ApiError(400, 'invalid-request', `The discovered feed ${feed.url} is not a valid source: ${report.invalid[0].reason}`);
    if (report.existing[0]) throw new ApiError(409, 'conflict', `The feed ${feed.url} is in the registry already ("${report.existing[0].sourceId}").`);
    const id = report.added[0]!;
    await db.insert(auditLog).values({ actor: c.get('editor').id, action: 'add-source', targetType: 'source', targetId: id, details: { feedUrl: feed.url, discoveredFrom: url } });
    const source = await db.query.sources.findFirst({ where: (s, { eq }) => eq(s.id, id) });
    return c.json({ source, discovered: found.kind === 'feed' ? [found.feed] : found.feeds }, 201);
  })
  .get('/opml', async (c) => {
    const rows = await openDb(c.env.DB).select().from(sources).orderBy(asc(sources.name));
    const opml = writeOpml(rows, { title: `${loadConfig(c.env).SITE_NAME} sources`, at: new Date() });
    return c.body(opml, 200, { 'content-type': 'text/x-opml; charset=utf-8', 'content-disposition': 'attachment; filename="sources.opml"' });
  })
  // Imports an OPML file (the body): every feed outline is validated; the report says what happened to each.
  .post('/opml', async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/xml|opml/i.test(type)) throw new ApiError(415, 'unsupported-media-type', 'Send the OPML file as text/x-opml or application/xml.');
    if (Number(c.req.header('content-length') ?? '0') > OPML_MAX_BYTES) throw new ApiError(413, 'body-too-large', `The OPML file is larger than ${OPML_MAX_BYTES} bytes.`);
    const text = await c.req.text();
    if (text.length > OPML_MAX_BYTES) throw new ApiError(413, 'body-too-large', `The OPML file is larger than ${OPML_MAX_BYTES} bytes.`);
    let opml: ReturnType<typeof readOpml>;
    try {
      opml = readOpml(text);
    } catch (error) {
      if (error instanceof FeedParseError) throw new ApiError(400, 'invalid-opml', error.message);
      throw error;
    }
    if (!opml.feeds.length) throw new ApiError(400, 'invalid-opml', 'The OPML file has no feed outlines (outline elements with an xmlUrl).');
    const db = openDb(c.env.DB);
    const report = await importSources(db, opml.feeds, { allowLoopback: loadConfig(c.env).ALLOW_LOOPBACK_SOURCES });
    await db.insert(auditLog).values({
      actor: c.get('editor').id,
      action: 'import-sources',
      targetType: 'source',
      targetId: 'opml',
      details: { added: report.added, existing: report.existing.length, invalid: report.invalid.length },
    });
    return c.json(report, report.added.length ? 201 : 200);
  });
