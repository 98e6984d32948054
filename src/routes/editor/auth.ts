/**
 * Editor sign-in: Cloudflare Access (when ACCESS_TEAM_DOMAIN and ACCESS_AUD are set, the
 * `Cf-Access-Jwt-Assertion` e-mail maps to an editor) or a bearer token (stored only as a
 * SHA-256 hash). Failed attempts are rate limited per client, and every refusal reads the same:
 * it never says which part was wrong.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../app';
import { openDb } from '../../db/client';
import { editors } from '../../db/schema';
import { loadConfig } from '../../env';
import { accessVerifier, type AccessVerifier, type AccessVerifierOptions } from '../../lib/access-jwt';
import { sha256Hex } from '../../lib/hash';
import { clientKey, d1RateLimiter, failureThrottle } from '../../lib/rate-limit';
import { ApiError } from './request';

export interface EditorIdentity {
  /** Editor row id, or 'admin' for the bootstrap ADMIN_TOKEN. */
  id: string;
  name: string;
  role: 'admin' | 'editor';
}

export type EditorEnv = AppEnv & { Variables: { editor: EditorIdentity } };

const BLOCK_MS = 60_000;
const REFUSED = 'Sign-in failed: these credentials are not accepted.';

/** Equal-time comparison of two hex digests, so a token cannot be guessed byte by byte. */
function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const asIdentity = (row: { id: string; name: string; role: string }): EditorIdentity => ({
  id: row.id,
  name: row.name,
  role: row.role === 'admin' ? 'admin' : 'editor',
});

async function byToken(c: Context<EditorEnv>, token: string): Promise<EditorIdentity | undefined> {
  const digest = await sha256Hex(token);
  const admin = c.env.ADMIN_TOKEN;
  if (admin && admin.length >= 16 && sameDigest(digest, await sha256Hex(admin))) return { id: 'admin', name: 'Administrator', role: 'admin' };
  const row = await openDb(c.env.DB).query.editors.findFirst({ where: and(eq(editors.tokenHash, digest), isNull(editors.revokedAt)) });
  return row && asIdentity(row);
}

async function byEmail(c: Context<EditorEnv>, email: string): Promise<EditorIdentity | undefined> {
  const row = await openDb(c.env.DB).query.editors.findFirst({ where: and(eq(editors.email, email), isNull(editors.revokedAt)) });
  return row && asIdentity(row);
}

/**
 * The editor sign-in middleware. `access` options are for tests (a stubbed JWKS, a fixed clock).
 * @example app.use('/api/editor/*', editorAuth())
 */
export function editorAuth(access: AccessVerifierOptions = {}) {
  const verifiers = new Map<string, AccessVerifier>();
  const verifierFor = (teamDomain: string, aud: string) => {
    const key = `${teamDomain}|${aud}`;
    let v = verifiers.get(key);
    if (!v) verifiers.set(key, (v = accessVerifier({ teamDomain, aud }, access)));
    return v;
  };

  return createMiddleware<EditorEnv>(async (c, next) => {
    const config = loadConfig(c.env);
    const throttle = failureThrottle({
      db: c.env.DB,
      limiter: c.env.AUTH_LIMITER ?? d1RateLimiter(c.env.DB, { limit: config.AUTH_FAILURES_PER_MINUTE, periodMs: 60_000 }),
      blockMs: BLOCK_MS,
    });
    const client = clientKey(c.req.raw.headers);
    const tooMany = () => {
      c.header('Retry-After', String(throttle.retryAfterSeconds));
      return new ApiError(429, 'too-many-attempts', 'Too many failed sign-ins from this client; wait a minute.');
    };

    const assertion = c.req.header('cf-access-jwt-assertion');
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const useAccess = Boolean(assertion && config.ACCESS_TEAM_DOMAIN && config.ACCESS_AUD);
    if (!useAccess && !bearer) {
      c.header('WWW-Authenticate', 'Bearer realm="editor"');
      throw new ApiError(401, 'unauthorized', 'Sign in through Cloudflare Access, or send an editor token as "Authorization: Bearer <token>".');
    }
    if (await throttle.isBlocked(client)) throw tooMany();

    let editor: EditorIdentity | undefined;
    if (useAccess) {
      try {
        const identity = await verifierFor(config.ACCESS_TEAM_DOMAIN!, config.ACCESS_AUD!).verify(assertion!);
        editor = await byEmail(c, identity.email);
      } catch (err) {
        console.warn(`editor sign-in refused: ${err instanceof Error ? err.message : String(err)}`);
      }
    } else if (bearer && /^[A-Za-z0-9._~+/=-]{16,256}$/.test(bearer)) {
      editor = await byToken(c, bearer);
    }
    if (!editor) {
      if (await throttle.recordFailure(client)) throw tooMany();
      c.header('WWW-Authenticate', 'Bearer realm="editor", error="invalid_token"');
      throw new ApiError(401, 'unauthorized', REFUSED);
    }
    c.set('editor', editor);
    return next();
  });
}

/** Resolves the editor (Access or bearer token), or answers 401 (429 after too many failures). */
export const requireEditor = editorAuth();

/** Only administrators may pass. */
export const requireAdmin = createMiddleware<EditorEnv>(async (c, next) => {
  if (c.get('editor').role !== 'admin') throw new ApiError(403, 'forbidden', 'This action needs an administrator token.');
  return next();
});
