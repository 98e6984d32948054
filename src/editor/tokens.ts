/** Editor tokens, as administrators mint and revoke them: shown once, stored only as SHA-256 hashes. */
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { abortUnlessChanged, isGuardAbort, isUniqueViolation, runBatch } from '../db/batch';
import { openDb } from '../db/client';
import { auditLog, deskSessions, editors, type Editor } from '../db/schema';
import { ApiError } from '../lib/http/api-error';
import { sha256Hex } from '../lib/hash';
import { noHiddenControls } from '../lib/hidden-controls';
import type { ActionContext } from './context';
import { INPUT_LIMITS } from './limits';

export const newTokenInput = z
  .object({
    name: z.string().trim().min(INPUT_LIMITS.tokenName.min).max(INPUT_LIMITS.tokenName.max).superRefine(noHiddenControls),
    role: z.enum(['admin', 'editor']).default('editor'),
    /** The e-mail Cloudflare Access signs this editor in with (when Access is configured). */
    email: z.email().transform((e) => e.toLowerCase()).optional(),
  })
  .strict();

/** A fresh token: 32 random bytes, base64url. Shown once; only its hash is stored. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type EditorRecord = Omit<Editor, 'tokenHash'>;

/**
 * Mints an editor token. The token is in the answer only; the editor row holds its hash.
 * @throws ApiError 409 when another editor has the e-mail
 */
export async function createToken(ctx: ActionContext, body: z.infer<typeof newTokenInput>): Promise<{ editor: EditorRecord; token: string }> {
  const token = newSecret();
  const id = `ed_${crypto.randomUUID()}`;
  const db = openDb(ctx.env.DB);
  try {
    await runBatch(db, [
      db.insert(editors).values({ id, name: body.name, role: body.role, email: body.email ?? null, tokenHash: await sha256Hex(token) }),
      db.insert(auditLog).values({
        actor: ctx.editor.id,
        action: 'create-token',
        targetType: 'editor',
        targetId: id,
        details: { name: body.name, role: body.role, email: body.email ?? null },
      }),
      ...(ctx.also ?? []),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError(409, 'conflict', 'An editor with this e-mail exists already.');
    throw err;
  }
  const editor = await db.query.editors.findFirst({ where: eq(editors.id, id), columns: { tokenHash: false } });
  return { editor: editor!, token };
}

/**
 * Revokes an editor's token and signs out their desk sessions, in one batch with the audit record.
 * Revoking a revoked token changes nothing and answers `changed: false`.
 * @throws ApiError 404 for an unknown editor
 */
export async function revokeToken(ctx: ActionContext, editorId: string): Promise<{ editor: EditorRecord; changed: boolean }> {
  const db = openDb(ctx.env.DB);
  const found = await db.query.editors.findFirst({ where: eq(editors.id, editorId), columns: { tokenHash: false } });
  if (!found) throw new ApiError(404, 'not-found', `No editor with id "${editorId}".`);
  if (found.revokedAt) return { editor: found, changed: false };
  const at = new Date().toISOString();
  try {
    await runBatch(db, [
      db.update(editors).set({ revokedAt: at }).where(and(eq(editors.id, editorId), isNull(editors.revokedAt))),
      abortUnlessChanged(),
      db.update(deskSessions).set({ revokedAt: at }).where(and(eq(deskSessions.editorId, editorId), isNull(deskSessions.revokedAt))),
      db.insert(auditLog).values({ actor: ctx.editor.id, action: 'revoke-token', targetType: 'editor', targetId: editorId, details: { name: found.name } }),
      ...(ctx.also ?? []),
    ]);
  } catch (err) {
    // Revoked meanwhile by someone else: it is as asked.
    if (!isGuardAbort(err)) throw err;
    return { editor: { ...found, revokedAt: at }, changed: false };
  }
  return { editor: { ...found, revokedAt: at }, changed: true };
}
