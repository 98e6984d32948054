/**
 * Editor sign-in: Cloudflare Access (when ACCESS_TEAM_DOMAIN and ACCESS_AUD are set, the
 * `Cf-Access-Jwt-Assertion` e-mail maps to an editor) or a bearer token (stored only as a
 * SHA-256 hash). Failed attempts are rate limited per client, and every refusal reads the same:
 * it never says which part was wrong. The desk (src/routes/desk) signs in with the same pieces.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../app';
import { openDb } from '../../db/client';
import { editors } from '../../db/schema';
import type { ActionContext, EditorIdentity } from '../../editor/context';
import { loadConfig, type Bindings } from '../../env';
import { accessVerifier, type AccessVerifier, type AccessVerifierOptions } from '../../lib/access-jwt';
import { sha256Hex } from '../../lib/hash';
import { clientKey, d1RateLimiter, failureThrottle, type FailureThrottle } from '../../lib/rate-limit';
import { ApiError } from './request';

export type { EditorIdentity } from '../../editor/context';

export type EditorEnv = AppEnv & { Variables: { editor: EditorIdentity } };

const BLOCK_MS = 60_000;
const REFUSED = 'Sign-in failed: these credentials are not accepted.';
/** What an editor token looks like; anything else is refused without a lookup. */
export const TOKEN_SHAPE = /^[A-Za-z0-9._~+/=-]{16,256}$/;

/** Equal-time comparison of two strings of hex or base64url, so a secret cannot be guessed byte by byte. */
export function sameSecret(a: string, b: string): boolean {
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

/** The editor an editor token belongs to (the bootstrap ADMIN_TOKEN included), if it is valid and not revoked. */
export async function editorByToken(env: Bindings, token: string): Promise<EditorIdentity | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const digest = await sha256Hex(token);
  const admin = env.ADMIN_TOKEN;
  if (admin && admin.length >= 16 && sameSecret(digest, await sha256Hex(admin))) return { id: 'admin', name: 'Administrator', role: 'admin' };
  const row = await openDb(env.DB).query.editors.findFirst({ where: and(eq(editors.tokenHash, digest), isNull(editors.revokedAt)) });
  return row && asIdentity(row);
}

/** The editor Cloudflare Access vouched for by e-mail, if there is one and it is not revoked. */
export async function editorByEmail(env: Bindings, email: string): Promise<EditorIdentity | undefined> {
  const row = await openDb(env.DB).query.editors.findFirst({ where: and(eq(editors.email, email), isNull(editors.revokedAt)) });
  return row && asIdentity(row);
}

/** The failed-sign-in throttle: the AUTH_LIMITER binding, or the D1 counter where it is absent. */
export function signInThrottle(env: Bindings): FailureThrottle {
  const config = loadConfig(env);
  return failureThrottle({
    db: env.DB,
    limiter: env.AUTH_LIMITER ?? d1RateLimiter(env.DB, { limit: config.AUTH_FAILURES_PER_MINUTE, periodMs: 60_000 }),
    blockMs: BLOCK_MS,
  });
}

/**
 * Access verifiers by team and AUD, each holding its JWKS cache. `options` are for tests (a stubbed JWKS).
 * @example const verifierFor = accessVerifiers(); await verifierFor(team, aud).verify(assertion)
 */
export function accessVerifiers(options: AccessVerifierOptions = {}) {
  const verifiers = new Map<string, AccessVerifier>();
  return (teamDomain: string, aud: string): AccessVerifier => {
    const key = `${teamDomain}|${aud}`;
    let v = verifiers.get(key);
    if (!v) verifiers.set(key, (v = accessVerifier({ teamDomain, aud }, options)));
    return v;
  };
}

/** The editor an Access assertion signs in, or undefined (why is logged, never answered). */
export async function editorByAccess(env: Bindings, verifierFor: ReturnType<typeof accessVerifiers>, assertion: string): Promise<EditorIdentity | undefined> {
  const config = loadConfig(env);
  try {
    const identity = await verifierFor(config.ACCESS_TEAM_DOMAIN!, config.ACCESS_AUD!).verify(assertion);
    return await editorByEmail(env, identity.email);
  } catch (err) {
    console.warn(`editor sign-in refused: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** The context an editor action is called with, from an authenticated API request. */
export function actionContext(c: Context<EditorEnv>): ActionContext {
  return { env: c.env, editor: c.get('editor'), waitUntil: (p) => c.executionCtx.waitUntil(p) };
}

/**
 * The editor sign-in middleware. `access` options are for tests (a stubbed JWKS, a fixed clock).
 * @example app.use('/api/editor/*', editorAuth())
 */
export function editorAuth(access: AccessVerifierOptions = {}) {
  const verifierFor = accessVerifiers(access);

  return createMiddleware<EditorEnv>(async (c, next) => {
    const config = loadConfig(c.env);
    const throttle = signInThrottle(c.env);
    const client = clientKey(c.req.raw, config.TRUST_CF_CONNECTING_IP);
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

    const editor = useAccess ? await editorByAccess(c.env, verifierFor, assertion!) : await editorByToken(c.env, bearer!);
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
