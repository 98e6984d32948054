/** The desk's runs and tokens screens and their actions (the API's own functions). */
import { desc } from 'drizzle-orm';
import { Hono } from 'hono';
import { openDb } from '../../db/client';
import { editors, runs } from '../../db/schema';
import { startRunNow } from '../../editor/runs';
import { createToken, newTokenInput, revokeToken } from '../../editor/tokens';
import { RunsPage } from '../../../templates/desk/RunsPage';
import { TokensPage } from '../../../templates/desk/TokensPage';
import { deskAdmin } from './auth';
import { actOnce, deskView, formFields, parseForm, redirectWith, renderDesk, type DeskEnv } from './context';

const RUNS_SHOWN = 30;

export const deskRecords = new Hono<DeskEnv>()
  .get('/runs', async (c) => {
    const rows = await openDb(c.env.DB).select().from(runs).orderBy(desc(runs.startedAt)).limit(RUNS_SHOWN);
    return renderDesk(c, <RunsPage view={deskView(c)} runs={rows} />);
  })
  .post('/runs', async (c) =>
    actOnce(c, 'run', '/desk/runs', async (ctx) => `Run ${(await startRunNow(ctx)).id} started; reload this page to follow it.`),
  )
  .use('/tokens', deskAdmin)
  .use('/tokens/*', deskAdmin)
  .get('/tokens', async (c) => {
    const rows = await openDb(c.env.DB).query.editors.findMany({ columns: { tokenHash: false }, orderBy: desc(editors.createdAt) });
    return renderDesk(c, <TokensPage view={deskView(c)} editors={rows} />);
  })
  .post('/tokens', async (c) => {
    const fields = await formFields(c);
    const form = parseForm(newTokenInput, { name: fields.name ?? '', role: fields.role || undefined, email: fields.email?.trim() || undefined });
    if (!form.ok) return redirectWith(c, '/desk/tokens', { kind: 'error', message: form.message });
    return actOnce(c, 'create-token', '/desk/tokens', async (ctx) => {
      const { editor, token } = await createToken(ctx, form.data);
      return { kind: 'done', message: `Token created for ${editor.name} (${editor.role}).`, secret: token };
    });
  })
  .post('/tokens/:id/revoke', async (c) =>
    actOnce(c, 'revoke-token', '/desk/tokens', async (ctx) => {
      const { editor, changed } = await revokeToken(ctx, c.req.param('id'));
      return changed ? `The token of ${editor.name} is revoked; their desk sessions are signed out.` : `The token of ${editor.name} was already revoked.`;
    }),
  );
