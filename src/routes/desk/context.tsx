/** What every desk route shares: its env type, rendering with the desk's headers, form reading, and acting once per form. */
import { and, eq, lt } from 'drizzle-orm';
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { z } from 'zod';
import type { AppEnv } from '../../app';
import { isUniqueViolation } from '../../db/batch';
import { openDb } from '../../db/client';
import { deskNonces } from '../../db/schema';
import type { ActionContext, EditorIdentity } from '../../editor/context';
import { loadConfig } from '../../env';
import { ApiError } from '../../lib/http/api-error';
import { MessagePage } from '../../../templates/desk/MessagePage';
import type { DeskView } from '../../../templates/desk/DeskLayout';
import { issueSentences } from '../../editor/issues';
import { setFlash, type DeskSession, type Flash } from './session';

export type DeskEnv = AppEnv & { Variables: { editor: EditorIdentity; session: DeskSession } };
export type DeskContext = Context<DeskEnv>;

/** Desk answers are private and live, and never indexed. */
export const DESK_CACHE = 'private, no-store';

const NONCE = /^[A-Za-z0-9-]{16,64}$/;
const NONCE_KEPT_MS = 24 * 3_600_000;

/** The signed-in page view: who, the form token, a nonce per form, the last action's message. */
export function deskView(c: DeskContext): DeskView {
  const session = c.get('session');
  return {
    siteName: loadConfig(c.env).SITE_NAME,
    editor: c.get('editor'),
    csrf: session.csrf,
    nonce: () => crypto.randomUUID(),
    flash: session.flash,
  };
}

/** Renders a desk page (doctype, status) with the desk's caching headers. */
export async function renderDesk(c: Context, page: JSX.Element, status: 200 | 400 | 401 | 403 | 404 | 413 | 429 = 200): Promise<Response> {
  return c.html(`<!doctype html>${await page.toString()}`, status, { 'Cache-Control': DESK_CACHE });
}

/** A desk page that refuses: 400 (a form that is not UTF-8), 401 (not signed in), 403 (not allowed), 404, 413 (form too large), 429 (too many failed sign-ins). */
export function refuse(c: Context, status: 400 | 401 | 403 | 404 | 413 | 429, message: string): Promise<Response> {
  const titles = { 400: 'Not understood', 401: 'Not signed in', 403: 'Not allowed', 404: 'Not found', 413: 'Too large', 429: 'Too many attempts' } as const;
  return renderDesk(c, <MessagePage siteName={loadConfig(c.env as object).SITE_NAME} title={titles[status]} message={message} signIn={status === 401} />, status);
}

/** The submitted form's text fields (files are read by the route that expects one). */
export async function formFields(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Validates form values; the problems in words, or the data. */
export function parseForm<T extends z.ZodType>(schema: T, data: unknown): { ok: true; data: z.infer<T> } | { ok: false; message: string } {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, message: `Nothing was done: ${issueSentences(parsed.error)}` };
}

/** Leaves a message for the next page and redirects there (POST, then redirect). */
export async function redirectWith(c: DeskContext, to: string, flash: Flash): Promise<Response> {
  await setFlash(c.env, c.get('session'), flash);
  return c.redirect(to, 303);
}

/**
 * Carries out a desk form's action once. The form's nonce lands in the action's own D1 batch
 * (through `ActionContext.also`), so a resubmitted form finds it and does nothing again; an
 * action that fails lands nothing and may be submitted again. Errors become the next page's message.
 */
export async function actOnce(
  c: DeskContext,
  action: string,
  back: string,
  run: (ctx: ActionContext) => Promise<Flash | string>,
): Promise<Response> {
  const nonce = (await formFields(c)).nonce ?? '';
  if (!NONCE.test(nonce)) return redirectWith(c, back, { kind: 'error', message: 'The form was incomplete (no nonce); nothing was done. Reload the page and try again.' });
  const db = openDb(c.env.DB);
  const editor = c.get('editor');
  const already = async () => Boolean(await db.query.deskNonces.findFirst({ where: and(eq(deskNonces.nonce, nonce), eq(deskNonces.editorId, editor.id)) }));
  const once: Flash = { kind: 'done', message: 'This form was submitted before and was carried out then; nothing was done twice.' };
  if (await already()) return redirectWith(c, back, once);
  const now = new Date();
  const ctx: ActionContext = {
    env: c.env,
    editor,
    waitUntil: (p) => c.executionCtx.waitUntil(p),
    also: [
      db.delete(deskNonces).where(lt(deskNonces.createdAt, new Date(now.getTime() - NONCE_KEPT_MS).toISOString())),
      db.insert(deskNonces).values({ nonce, editorId: editor.id, action, createdAt: now.toISOString() }),
    ],
  };
  let flash: Flash;
  try {
    const out = await run(ctx);
    flash = typeof out === 'string' ? { kind: 'done', message: out } : out;
  } catch (err) {
    // The same form submitted twice at once: the second batch met the first one's nonce.
    if ((err instanceof ApiError || isUniqueViolation(err)) && (await already())) return redirectWith(c, back, once);
    if (!(err instanceof ApiError)) throw err;
    flash = { kind: 'error', message: `Nothing was done: ${err.message}` };
  }
  return redirectWith(c, back, flash);
}
