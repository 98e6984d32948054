/**
 * Verifies Cloudflare Access application tokens (`Cf-Access-Jwt-Assertion`): RS256 only, the
 * signature against the team's published keys (JWKS at `https://<team>/cdn-cgi/access/certs`,
 * cached by `kid`), the issuer, the application's AUD tag, expiry and not-before. Why a token
 * was refused is kept in the error for logs; callers answer every refusal the same way.
 */

export interface AccessSettings {
  /** `<team>.cloudflareaccess.com` */
  teamDomain: string;
  /** The Access application's AUD tag. */
  aud: string;
}

export interface AccessIdentity {
  email: string;
  sub: string;
}

interface Jwks {
  keys?: (JsonWebKey & { kid?: string })[];
}

/** Fetches a JWKS document (injectable so tests run offline against a stub). */
export type JwksFetcher = (url: string) => Promise<Jwks>;

export class AccessTokenError extends Error {
  override name = 'AccessTokenError';
}

export interface AccessVerifierOptions {
  fetchJwks?: JwksFetcher;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** Keys are kept this long before the JWKS is fetched again (default 1 hour). */
  cacheMs?: number;
  /** An unknown `kid` refetches the JWKS at most this often, so made-up ids cannot flood Cloudflare (default 30 s). */
  refetchMinMs?: number;
  /** Clock skew allowed on `exp` and `nbf` (default 30 s). */
  leewaySeconds?: number;
}

const MAX_TOKEN = 16 * 1024;
const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

const defaultFetchJwks: JwksFetcher = async (url) => {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new AccessTokenError(`JWKS fetch failed with HTTP ${res.status}`);
  return (await res.json()) as Jwks;
};

function base64UrlBytes(part: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new AccessTokenError('token is not base64url');
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (part.length % 4)) % 4);
  return Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
}

function jsonPart(part: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(base64UrlBytes(part)));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AccessTokenError('token part is not a JSON object');
}

/**
 * A verifier for one Access application. Keep one per team and AUD: it holds the key cache.
 * @example
 * const access = accessVerifier({ teamDomain: 'newsroom.cloudflareaccess.com', aud })
 * const { email } = await access.verify(request.headers.get('cf-access-jwt-assertion')!)
 */
export function accessVerifier(settings: AccessSettings, opts: AccessVerifierOptions = {}) {
  const fetchJwks = opts.fetchJwks ?? defaultFetchJwks;
  const now = opts.now ?? Date.now;
  const cacheMs = opts.cacheMs ?? 60 * 60_000;
  const refetchMinMs = opts.refetchMinMs ?? 30_000;
  const leeway = opts.leewaySeconds ?? 30;
  const issuer = `https://${settings.teamDomain}`;
  const certsUrl = `${issuer}/cdn-cgi/access/certs`;
  let keys = new Map<string, CryptoKey>();
  let fetchedAt = -Infinity;

  async function refresh(): Promise<void> {
    fetchedAt = now();
    const jwks = await fetchJwks(certsUrl);
    const next = new Map<string, CryptoKey>();
    for (const jwk of jwks.keys ?? []) {
      if (!jwk.kid || jwk.kty !== 'RSA' || (jwk.alg && jwk.alg !== 'RS256')) continue;
      try {
        next.set(jwk.kid, await crypto.subtle.importKey('jwk', jwk, RS256, false, ['verify']));
      } catch {
        // A malformed key is skipped; the others still verify.
      }
    }
    keys = next;
  }

  async function keyFor(kid: string): Promise<CryptoKey> {
    const stale = now() - fetchedAt > cacheMs;
    if (stale || (!keys.has(kid) && now() - fetchedAt > refetchMinMs)) await refresh();
    const key = keys.get(kid);
    if (!key) throw new AccessTokenError(`unknown signing key ${kid}`);
    return key;
  }

  return {
    /** The signed-in identity, or an AccessTokenError saying why not. */
    async verify(token: string): Promise<AccessIdentity> {
      if (token.length > MAX_TOKEN) throw new AccessTokenError('token too long');
      const parts = token.split('.');
      if (parts.length !== 3) throw new AccessTokenError('token is not a JWS compact serialization');
      const [h, p, s] = parts as [string, string, string];
      const header = jsonPart(h);
      // Only RS256: never `none`, never an HMAC keyed with the public key.
      if (header.alg !== 'RS256') throw new AccessTokenError(`algorithm ${String(header.alg)} is not accepted`);
      if (typeof header.kid !== 'string' || !header.kid) throw new AccessTokenError('token has no key id');
      const key = await keyFor(header.kid);
      const signed = new TextEncoder().encode(`${h}.${p}`);
      if (!(await crypto.subtle.verify(RS256, key, base64UrlBytes(s), signed))) throw new AccessTokenError('bad signature');

      const claims = jsonPart(p);
      const at = now() / 1000;
      if (claims.iss !== issuer) throw new AccessTokenError('wrong issuer');
      const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (!aud.includes(settings.aud)) throw new AccessTokenError('wrong audience');
      if (typeof claims.exp !== 'number' || claims.exp + leeway < at) throw new AccessTokenError('expired');
      if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf - leeway > at)) throw new AccessTokenError('not yet valid');
      if (typeof claims.email !== 'string' || !claims.email.includes('@')) throw new AccessTokenError('token names no e-mail (a service token?)');
      return { email: claims.email.toLowerCase(), sub: typeof claims.sub === 'string' ? claims.sub : '' };
    },
  };
}

export type AccessVerifier = ReturnType<typeof accessVerifier>;
