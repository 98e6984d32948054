/** The desk's source registry screen and its actions (the API's own functions). */
import { asc, gte, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { openDb } from '../../db/client';
import { items, sources } from '../../db/schema';
import { addSourceFromSite, exportOpml, fromSiteInput, importOpml, updateSource, OPML_MAX_BYTES } from '../../editor/sources';
import { SourcesPage } from '../../../templates/desk/SourcesPage';
import { actOnce, deskView, formFields, parseForm, redirectWith, renderDesk, DESK_CACHE, type DeskEnv } from './context';

const BACK = '/desk/sources';
const DAY_MS = 24 * 3_600_000;

export const deskSources = new Hono<DeskEnv>()
  .get('/sources', async (c) => {
    const db = openDb(c.env.DB);
    const since = new Date(Date.now() - DAY_MS).toISOString();
    const [rows, counts] = await db.batch([
      db.select().from(sources).orderBy(asc(sources.name)),
      db
        .select({ sourceId: items.sourceId, n: sql<number>`count(*)` })
        .from(items)
        .where(gte(items.fetchedAt, since))
        .groupBy(items.sourceId),
    ]);
    const lastDay = new Map(counts.map((r) => [r.sourceId, r.n]));
    return renderDesk(c, <SourcesPage view={deskView(c)} rows={rows.map((source) => ({ source, itemsLastDay: lastDay.get(source.id) ?? 0 }))} />);
  })
  .get('/sources/opml', async (c) =>
    c.body(await exportOpml(c.env), 200, {
      'content-type': 'text/x-opml; charset=utf-8',
      'content-disposition': 'attachment; filename="sources.opml"',
      'cache-control': DESK_CACHE,
    }),
  )
  .post('/sources', async (c) => {
    const fields = await formFields(c);
    const input = Object.fromEntries(Object.entries({ url: fields.url, publisher: fields.publisher, name: fields.name }).filter(([, v]) => v?.trim()));
    const form = parseForm(fromSiteInput(c.env), input);
    if (!form.ok) return redirectWith(c, BACK, { kind: 'error', message: form.message });
    return actOnce(c, 'add-source', BACK, async (ctx) => {
      const { source } = await addSourceFromSite(ctx, form.data);
      return `Added ${source.name} (${source.feedUrl}).`;
    });
  })
  .post('/sources/:id/enabled', async (c) => {
    const id = c.req.param('id');
    const form = parseForm(z.object({ enabled: z.enum(['true', 'false']) }), { enabled: (await formFields(c)).enabled });
    if (!form.ok) return redirectWith(c, BACK, { kind: 'error', message: form.message });
    const enabled = form.data.enabled === 'true';
    return actOnce(c, enabled ? 'enable-source' : 'disable-source', BACK, async (ctx) => {
      const source = await updateSource(ctx, id, { enabled });
      return `${source.name} is ${source.enabled ? 'enabled' : 'disabled'}.`;
    });
  })
  .post('/sources/opml', async (c) => {
    const file = (await c.req.parseBody()).opml;
    if (!(file instanceof File) || file.size === 0) return redirectWith(c, BACK, { kind: 'error', message: 'Nothing was done: choose an OPML file to import.' });
    if (file.size > OPML_MAX_BYTES) return redirectWith(c, BACK, { kind: 'error', message: `Nothing was done: the OPML file is larger than ${OPML_MAX_BYTES} bytes.` });
    const text = await file.text();
    return actOnce(c, 'import-sources', BACK, async (ctx) => {
      const report = await importOpml(ctx, text);
      const invalid = report.invalid.map((r) => `${r.name || `outline ${r.n}`} (${r.reason})`);
      return {
        kind: report.invalid.length ? 'error' : 'done',
        message: `Imported ${report.added.length} new sources; ${report.existing.length} were in the registry already${invalid.length ? `; refused: ${invalid.join('; ')}` : ''}.`,
      };
    });
  });
