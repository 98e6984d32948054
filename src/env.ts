/**
 * The Worker's bindings and its configuration: every variable is parsed once,
 * here, by one zod schema, and a bad value stops the Worker with a message that
 * names the variable.
 */
import { z } from 'zod';

/** Bindings as wrangler declares them, plus the optional ones and the secrets. */
export type Bindings = Omit<Env, 'INGEST_QUEUE'> & {
  /** The ingest queue (messages are IngestMessage); without it a run ingests in its own invocation. */
  INGEST_QUEUE?: Queue<{ runId: string; sourceId: string }>;
  /** Workers AI, present only when enabled in wrangler.toml. */
  AI?: Ai;
  /** Bootstrap admin token for the editor API (a secret). */
  ADMIN_TOKEN?: string;
  /** Key for an OpenAI-compatible endpoint (a secret). */
  OPENAI_API_KEY?: string;
  /** Workers Rate Limiting for failed editor sign-ins; without it a D1 counter stands in. */
  AUTH_LIMITER?: RateLimit;
} & Partial<Record<OptionalVar, string>>;

/** Knobs that have defaults and so need not appear in wrangler.toml. */
type OptionalVar =
  | 'AI_MODEL'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_MODEL'
  | 'CLUSTER_WINDOW_HOURS'
  | 'FRESHNESS_HOURS'
  | 'MAX_VERBATIM_WORDS'
  | 'CHECK_SEVERITY'
  | 'FETCH_TIMEOUT_MS'
  | 'FETCH_MAX_BYTES'
  | 'FETCH_CONCURRENCY'
  | 'MAX_CONSECUTIVE_FAILURES'
  | 'MAX_ITEMS_PER_FEED'
  | 'ARTICLES_PER_RUN'
  | 'LOOPBACK_PORTS'
  | 'ACCESS_TEAM_DOMAIN'
  | 'ACCESS_AUD'
  | 'AUTH_FAILURES_PER_MINUTE'
  | 'TRUST_CF_CONNECTING_IP';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const list = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().min(1).max(40)).min(1).max(20));

/** `name:block|warn` pairs, e.g. "entities:block,duplicate:warn". */
const severityOverrides = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((pair) => pair.split(':').map((s) => s.trim())),
  )
  .pipe(z.array(z.tuple([z.string().min(1), z.enum(['block', 'warn'])])))
  .transform((pairs) => Object.fromEntries(pairs) as Record<string, 'block' | 'warn'>);

export const configSchema = z.object({
  SITE_NAME: z.string().min(1).max(80).default('Digital Mind News'),
  SITE_URL: z
    .url({ protocol: /^https?$/ })
    .default('http://localhost:8787')
    .transform((u) => u.replace(/\/+$/, '')),
  CATEGORIES: list.default(['Enterprise', 'Research', 'Policy', 'Security', 'Open Source', 'Industry']),
  /** Independent publisher families a story needs before it is written. */
  MIN_PUBLISHERS: int(1, 10).default(2),
  /** Publish articles that pass every blocking check without waiting for an editor. */
  AUTO_PUBLISH: flag.default(true),
  /** Which writer synthesizes articles; `auto` = workers-ai when AI is bound, else extractive. */
  WRITER: z.enum(['auto', 'extractive', 'workers-ai', 'openai-compatible']).default('auto'),
  AI_MODEL: z.string().min(1).default('@cf/meta/llama-3.3-70b-instruct-fp8-fast'),
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  OPENAI_MODEL: z.string().min(1).optional(),
  /** Dev and tests only: lets sources live on 127.0.0.1, on LOOPBACK_PORTS only. Never on in production. */
  ALLOW_LOOPBACK_SOURCES: flag.default(false),
  /** The loopback ports a dev/test deployment may fetch (the demo newswire's); nothing else on the machine. */
  LOOPBACK_PORTS: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean).map(Number))
    .pipe(z.array(z.number().int().min(1).max(65535)).min(1).max(20))
    .default([8788]),
  /** Cloudflare Access sign-in for editors: the team domain (e.g. `newsroom.cloudflareaccess.com`) and the application's AUD tag. */
  ACCESS_TEAM_DOMAIN: z
    .string()
    .regex(/^[a-z0-9-]+\.cloudflareaccess\.com$/, 'must be <team>.cloudflareaccess.com')
    .optional(),
  ACCESS_AUD: z.string().regex(/^[A-Za-z0-9]{16,128}$/, 'must be the Access application AUD tag').optional(),
  /** Failed editor sign-ins one client may make per minute before it is refused for that minute. */
  AUTH_FAILURES_PER_MINUTE: int(1, 1000).default(10),
  /**
   * Count failed sign-ins per `CF-Connecting-IP` on requests that came through Cloudflare. Off for
   * `wrangler dev` and any front that is not Cloudflare's edge, where a client can write the header.
   */
  TRUST_CF_CONNECTING_IP: flag.default(true),
  CLUSTER_WINDOW_HOURS: int(1, 24 * 14).default(72),
  FRESHNESS_HOURS: int(1, 24 * 30).default(72),
  MAX_VERBATIM_WORDS: int(4, 100).default(12),
  CHECK_SEVERITY: severityOverrides.default({}),
  FETCH_TIMEOUT_MS: int(100, 120_000).default(20_000),
  FETCH_MAX_BYTES: int(1024, 50 * 1024 * 1024).default(5 * 1024 * 1024),
  FETCH_CONCURRENCY: int(1, 32).default(6),
  MAX_CONSECUTIVE_FAILURES: int(1, 1000).default(10),
  MAX_ITEMS_PER_FEED: int(1, 10_000).default(200),
  /** Story workflows a single run may start (bounds model spend per run). */
  ARTICLES_PER_RUN: int(1, 500).default(20),
});

type ParsedConfig = z.infer<typeof configSchema>;

/** The configuration; loopback sources are allowed as the list of LOOPBACK_PORTS, or not at all. */
export type Config = Omit<ParsedConfig, 'ALLOW_LOOPBACK_SOURCES'> & { ALLOW_LOOPBACK_SOURCES: false | readonly number[] };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const cache = new WeakMap<object, Config>();

/** Parses the configuration from the Worker's env (cached per env object). */
export function loadConfig(env: object): Config {
  const hit = cache.get(env);
  if (hit) return hit;
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = (env as Record<string, unknown>)[key];
    // Empty strings mean "unset" so that a blank var falls back to its default.
    if (typeof value === 'string' && value.trim() !== '') raw[key] = value.trim();
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  if ((parsed.data.ACCESS_TEAM_DOMAIN === undefined) !== (parsed.data.ACCESS_AUD === undefined)) {
    throw new ConfigError('Invalid configuration: ACCESS_TEAM_DOMAIN and ACCESS_AUD must be set together');
  }
  const config: Config = { ...parsed.data, ALLOW_LOOPBACK_SOURCES: parsed.data.ALLOW_LOOPBACK_SOURCES ? parsed.data.LOOPBACK_PORTS : false };
  cache.set(env, config);
  return config;
}

/** Category name to URL slug: "Open Source" -> "open-source". */
export function categorySlug(category: string): string {
  return category
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
