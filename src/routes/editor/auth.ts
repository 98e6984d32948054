/** Bearer-token authentication for the editor API: tokens are stored only as SHA-256 hashes. */
import { and, eq, isNull } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../app';
import { openDb } from '../../db/client';
import { editors } from '../../db/schema';
import { ApiError } from './request';
import { sha256Hex } from '../../lib/hash';

export interface EditorIdentity {
  /** Editor row id, or 'admin' for the bootstrap ADMIN_TOKEN. */
  id: string;
  name: string;
  role: 'admin' | 'editor';
}

export type EditorEnv = AppEnv & { Variables: { editor: EditorIdentity } };

/** Equal-time comparison of two hex digests, so a token cannot be guessed byte by byte. */
function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Resolves `Authorization: Bearer <token>` to an editor, or answers 401. */
export const requireEditor = createMiddleware<EditorEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,256})\s*$/i.exec(header);
  if (!match?.[1]) {
    c.header('WWW-Authenticate', 'Bearer realm="editor"');
    throw new ApiError(401, 'unauthorized', 'Send an editor token as "Authorization: Bearer <token>".');
  }
  const digest = await sha256Hex(match[1]);
  const admin = c.env.ADMIN_TOKEN;
  if (admin && admin.length >= 16 && sameDigest(digest, await sha256Hex(admin))) {
    c.set('editor', { id: 'admin', name: 'Administrator', role: 'admin' });
    return next();
  }
  const row = await openDb(c.env.DB).query.editors.findFirst({
    where: and(eq(editors.tokenHash, digest), isNull(editors.revokedAt)),
  });
  if (!row) {
    c.header('WWW-Authenticate', 'Bearer realm="editor", error="invalid_token"');
    throw new ApiError(401, 'unauthorized', 'This token is not valid or has been revoked.');
  }
  c.set('editor', { id: row.id, name: row.name, role: row.role === 'admin' ? 'admin' : 'editor' });
  return next();
});

/** Only administrators may pass. */
export const requireAdmin = createMiddleware<EditorEnv>(async (c, next) => {
  if (c.get('editor').role !== 'admin') throw new ApiError(403, 'forbidden', 'This action needs an administrator token.');
  return next();
});
