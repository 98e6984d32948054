/**
 * Rate limiting for failed sign-ins: the Workers Rate Limiting binding where it is bound
 * (production), a fixed-window counter in D1 where it is not, and a short block recorded in
 * D1 once a client goes over, so that a blocked client is refused before its credentials are
 * even looked at (a correct guess made while blocked must not succeed either).
 */

/** The shape of the Workers Rate Limiting binding (`env.AUTH_LIMITER`), which the D1 fallback shares. */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/**
 * A counter per key in the `rate_limits` table: `limit` calls per `periodMs`, the window opening
 * at a key's first call (so a burst cannot straddle two clock-aligned windows).
 * @example const limiter = d1RateLimiter(env.DB, { limit: 10, periodMs: 60_000 })
 */
export function d1RateLimiter(db: D1Database, opts: { limit: number; periodMs: number; now?: () => number }): RateLimiter {
  const now = opts.now ?? Date.now;
  return {
    async limit({ key }) {
      // One statement: an expired window starts again at 1, a live one adds one. No check-then-write.
      const row = await db
        .prepare(
          `INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, 1)
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN ?2 - rate_limits.window_start < ?3 THEN rate_limits.count + 1 ELSE 1 END,
             window_start = CASE WHEN ?2 - rate_limits.window_start < ?3 THEN rate_limits.window_start ELSE ?2 END
           RETURNING count`,
        )
        .bind(`count:${key}`, now(), opts.periodMs)
        .first<{ count: number }>();
      return { success: (row?.count ?? 0) <= opts.limit };
    },
  };
}

const STALE_MS = 24 * 60 * 60_000;

export interface FailureThrottle {
  /** True while the client is blocked: refuse it without checking what it sent. */
  isBlocked(client: string): Promise<boolean>;
  /** Counts a failure; true when this one put the client over the limit (it is now blocked). */
  recordFailure(client: string): Promise<boolean>;
  /** Seconds a block lasts, for Retry-After. */
  readonly retryAfterSeconds: number;
}

/**
 * Counts failures per client with `limiter` and blocks a client that goes over for `blockMs`.
 * @example const throttle = failureThrottle({ db: env.DB, limiter: env.AUTH_LIMITER ?? d1RateLimiter(env.DB, { limit: 10, periodMs: 60_000 }), blockMs: 60_000 })
 */
export function failureThrottle(opts: { db: D1Database; limiter: RateLimiter; blockMs: number; now?: () => number }): FailureThrottle {
  const now = opts.now ?? Date.now;
  return {
    retryAfterSeconds: Math.ceil(opts.blockMs / 1000),
    async isBlocked(client) {
      const row = await opts.db
        .prepare('SELECT 1 AS blocked FROM rate_limits WHERE key = ?1 AND window_start > ?2')
        .bind(`block:${client}`, now() - opts.blockMs)
        .first<{ blocked: number }>();
      return row !== null;
    },
    async recordFailure(client) {
      // Rows of clients quiet for a day are dropped, so addresses that come and go cannot fill the table.
      await opts.db.prepare('DELETE FROM rate_limits WHERE window_start < ?1').bind(now() - STALE_MS).run();
      const { success } = await opts.limiter.limit({ key: `auth-fail:${client}` });
      if (success) return false;
      await opts.db
        .prepare('INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, 1) ON CONFLICT (key) DO UPDATE SET window_start = excluded.window_start, count = rate_limits.count + 1')
        .bind(`block:${client}`, now())
        .run();
      return true;
    },
  };
}

/**
 * The client a request's failed sign-ins are counted against. `CF-Connecting-IP` is trusted only
 * when the request came through Cloudflare (`request.cf` is set) and `trustHeader` (the
 * TRUST_CF_CONNECTING_IP flag) is on: Cloudflare's edge overwrites the header, but a self-hosted
 * workerd (no `cf`) or `wrangler dev` (which keeps a header the client sent) passes on whatever the
 * client wrote, and one bucket per invented address would make the limit void. Untrusted, every
 * client shares one bucket.
 * @example clientKey(c.req.raw, loadConfig(c.env).TRUST_CF_CONNECTING_IP) // "203.0.113.7" or "unknown-client"
 */
export function clientKey(request: Request, trustHeader: boolean): string {
  const shared = 'unknown-client';
  if (!trustHeader || !request.cf) return shared;
  return request.headers.get('cf-connecting-ip')?.trim().toLowerCase() || shared;
}
