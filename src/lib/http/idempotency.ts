/**
 * `Idempotency-Key` for mutating API requests: the first request with a key is carried out and
 * its response kept for a day; the same key with the same request answers that response again
 * without acting twice; the same key with another request is refused (422). While the first is
 * still being handled, a repeat is told so (409). The key's row is claimed by D1 uniqueness
 * (INSERT ... ON CONFLICT DO NOTHING), so concurrent repeats cannot both act.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { sha256Hex } from '../hash';
import { apiError } from './api-error';

export interface IdempotencyOptions {
  /** The D1 database with the `idempotency_keys` table. */
  db: (c: Context) => D1Database;
  /** Whose key it is (the editor): two clients never share a key space. */
  scope: (c: Context) => string;
  /** How long a key and its response are kept (default a day). */
  ttlMs?: number;
  /** A first request still unanswered after this long was cut off; its key may be used again (default 2 minutes). */
  abandonAfterMs?: number;
  /** Requests whose answer must not be kept, e.g. one that shows a secret once. They act as if sent without a key. */
  skip?: (c: Context) => boolean;
}

const KEY = /^[\x21-\x7e]{1,255}$/;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Larger bodies are refused by the routes (413) anyway; they are not hashed or kept. */
const MAX_BODY = 1024 * 1024;

/**
 * The middleware. Mount it after authentication, so the scope is known.
 * @example editorApi.use('*', requireEditor).use('*', idempotency({ db: (c) => c.env.DB, scope: (c) => c.get('editor').id }))
 */
export function idempotency(opts: IdempotencyOptions): MiddlewareHandler {
  const ttlMs = opts.ttlMs ?? 24 * 60 * 60_000;
  const abandonAfterMs = opts.abandonAfterMs ?? 2 * 60_000;
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined || !MUTATING.has(c.req.method) || opts.skip?.(c)) return next();
    if (!KEY.test(key)) return apiError(c, 400, 'invalid-idempotency-key', 'Idempotency-Key must be 1 to 255 visible ASCII characters.');
    if (Number(c.req.header('content-length') ?? '0') > MAX_BODY) return next();
    // The bytes, not text(): the route reads them again and refuses ones that are not UTF-8 (text() would have replaced them).
    const bytes = await c.req.arrayBuffer();
    if (bytes.byteLength > MAX_BODY) return next();
    const body = new TextDecoder().decode(bytes);

    const db = opts.db(c);
    const scope = opts.scope(c);
    const hash = await sha256Hex(`${c.req.method} ${c.req.path}\n${body}`);
    const now = new Date();
    const [, , claimed] = await db.batch([
      // Expired keys go (all of them: the index on expires_at keeps this cheap), and this key if it was abandoned mid-request.
      db.prepare('DELETE FROM idempotency_keys WHERE expires_at <= ?1').bind(now.toISOString()),
      db
        .prepare('DELETE FROM idempotency_keys WHERE editor_id = ?1 AND key = ?2 AND status IS NULL AND created_at <= ?3')
        .bind(scope, key, new Date(now.getTime() - abandonAfterMs).toISOString()),
      db
        .prepare(
          `INSERT INTO idempotency_keys (editor_id, key, request_hash, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)
           ON CONFLICT DO NOTHING`,
        )
        .bind(scope, key, hash, now.toISOString(), new Date(now.getTime() + ttlMs).toISOString()),
    ]);

    if (claimed?.meta.changes !== 1) {
      const first = await db
        .prepare('SELECT request_hash AS requestHash, status, body FROM idempotency_keys WHERE editor_id = ?1 AND key = ?2')
        .bind(scope, key)
        .first<{ requestHash: string; status: number | null; body: string | null }>();
      if (first && first.requestHash !== hash) {
        return apiError(c, 422, 'idempotency-key-reused', 'This Idempotency-Key was used for a different request; use a new key.');
      }
      if (!first || first.status === null) {
        c.header('Retry-After', '1');
        return apiError(c, 409, 'idempotency-in-progress', 'The first request with this Idempotency-Key is still being handled; retry shortly.');
      }
      return new Response(first.body, {
        status: first.status,
        headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Idempotent-Replayed': 'true' },
      });
    }

    await next();
    const release = db.prepare('DELETE FROM idempotency_keys WHERE editor_id = ?1 AND key = ?2').bind(scope, key);
    // A server error did not act (every action is one batch): the client may retry with the same key.
    if (c.res.status >= 500) {
      await release.run();
      return;
    }
    await db
      .prepare('UPDATE idempotency_keys SET status = ?3, body = ?4 WHERE editor_id = ?1 AND key = ?2')
      .bind(scope, key, c.res.status, await c.res.clone().text())
      .run();
  };
}
