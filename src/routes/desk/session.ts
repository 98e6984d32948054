/**
 * Desk sessions: a random secret in a `Secure; HttpOnly; SameSite=Strict` cookie, stored in D1
 * only as its SHA-256, expiring after SESSION_HOURS and revocable (sign-out, a revoked editor).
 * The form token (CSRF) and the key of the one-time flash message are derived from the secret,
 * so neither is stored and only the cookie's holder can produce or read them.
 */
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { openDb } from '../../db/client';
import { deskSessions, editors } from '../../db/schema';
import type { EditorIdentity } from '../../editor/context';
import { newSecret } from '../../editor/tokens';
import type { Bindings } from '../../env';
import { sha256Hex } from '../../lib/hash';
import { sameSecret } from '../editor/auth';

export const SESSION_COOKIE = '__Secure-dmn-desk';
export const SESSION_HOURS = 12;
const COOKIE_PATH = '/desk';

export interface DeskSession {
  /** SHA-256 of the cookie secret (the row id). */
  id: string;
  editor: EditorIdentity;
  via: 'token' | 'access';
  /** The session's form token, for the hidden `csrf` field of every form. */
  csrf: string;
  /** The message left by the last action, read once. */
  flash: Flash | null;
  secret: string;
}

export interface Flash {
  kind: 'done' | 'error';
  message: string;
  /** Shown once and never stored in the clear: a new editor token. */
  secret?: string;
}

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

async function derived(secret: string, purpose: 'csrf' | 'flash'): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${purpose}\n${secret}`)));
}

/** The form token of a session secret. */
export async function csrfToken(secret: string): Promise<string> {
  return b64url(await derived(secret, 'csrf'));
}

/** True when a submitted form token is the session's (compared in constant time). */
export async function csrfMatches(session: DeskSession, submitted: unknown): Promise<boolean> {
  return typeof submitted === 'string' && sameSecret(submitted, session.csrf);
}

async function flashKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', await derived(secret, 'flash'), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function sealFlash(secret: string, flash: Flash): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await flashKey(secret), new TextEncoder().encode(JSON.stringify(flash))));
  return `${b64url(iv)}.${b64url(sealed)}`;
}

async function openFlash(secret: string, text: string): Promise<Flash | null> {
  try {
    const [iv, data] = text.split('.').map((p) => Uint8Array.from(atob(p.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0)));
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv! }, await flashKey(secret), data!);
    return JSON.parse(new TextDecoder().decode(plain)) as Flash;
  } catch {
    return null;
  }
}

const ADMIN_ID = 'admin';

/** A digest of the current ADMIN_TOKEN, bound to desk sessions (never the token itself). */
async function adminCredential(env: Bindings): Promise<string> {
  return sha256Hex(`desk-session\n${env.ADMIN_TOKEN ?? ''}`);
}

/** Starts a session for a signed-in editor and sets its cookie. Expired sessions are swept on the way. */
export async function startSession(c: Context, editor: EditorIdentity, via: DeskSession['via']): Promise<DeskSession> {
  const secret = newSecret();
  const id = await sha256Hex(secret);
  const now = new Date();
  const db = openDb((c.env as Bindings).DB);
  await db.batch([
    db.delete(deskSessions).where(lt(deskSessions.expiresAt, now.toISOString())),
    db.insert(deskSessions).values({
      id,
      editorId: editor.id,
      editorName: editor.name,
      role: editor.role,
      via,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
      credential: editor.id === ADMIN_ID ? await adminCredential(c.env as Bindings) : null,
    }),
  ]);
  setCookie(c, SESSION_COOKIE, secret, { path: COOKIE_PATH, secure: true, httpOnly: true, sameSite: 'Strict', maxAge: SESSION_HOURS * 3600 });
  return { id, editor, via, csrf: await csrfToken(secret), flash: null, secret };
}

/**
 * The live session the request's cookie names: not expired, not revoked, and its editor not
 * revoked since. Its flash message is taken (cleared) as it is read.
 */
export async function currentSession(c: Context): Promise<DeskSession | null> {
  const secret = getCookie(c, SESSION_COOKIE);
  if (!secret || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  const id = await sha256Hex(secret);
  const db = openDb((c.env as Bindings).DB);
  const row = await db.query.deskSessions.findFirst({
    where: and(eq(deskSessions.id, id), isNull(deskSessions.revokedAt), gt(deskSessions.expiresAt, new Date().toISOString())),
  });
  if (!row) return null;
  // Changing ADMIN_TOKEN (what one does after a leak) ends every session the old token opened.
  if (row.editorId === ADMIN_ID && row.credential !== (await adminCredential(c.env as Bindings))) return null;
  if (row.editorId !== ADMIN_ID) {
    const editor = await db.query.editors.findFirst({ where: and(eq(editors.id, row.editorId), isNull(editors.revokedAt)), columns: { id: true } });
    if (!editor) return null;
  }
  let flash: Flash | null = null;
  if (row.flash) {
    await db.update(deskSessions).set({ flash: null }).where(eq(deskSessions.id, id));
    flash = await openFlash(secret, row.flash);
  }
  return {
    id,
    editor: { id: row.editorId, name: row.editorName, role: row.role === 'admin' ? 'admin' : 'editor' },
    via: row.via === 'access' ? 'access' : 'token',
    csrf: await csrfToken(secret),
    flash,
    secret,
  };
}

/** Leaves a message for the next page the session shows (sealed with the session's own key). */
export async function setFlash(env: Bindings, session: DeskSession, flash: Flash): Promise<void> {
  await openDb(env.DB).update(deskSessions).set({ flash: await sealFlash(session.secret, flash) }).where(eq(deskSessions.id, session.id));
}

/** Sign-out: the session is revoked in D1 (its cookie no longer works anywhere) and the cookie cleared. */
export async function endSession(c: Context, session: DeskSession): Promise<void> {
  await openDb((c.env as Bindings).DB).update(deskSessions).set({ revokedAt: new Date().toISOString() }).where(eq(deskSessions.id, session.id));
  deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH, secure: true, httpOnly: true, sameSite: 'Strict' });
}
