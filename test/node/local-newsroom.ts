// The whole newsroom on this machine, as a library: the demo newswire on loopback, a local D1
// migrated and seeded with its sources, and `wrangler dev` — for `npm start` and `npm run test:e2e`.
import { spawn, type ChildProcess } from 'node:child_process';
import { startNewswire, sourceRows, type Newswire, type SourceRow } from './newswire-server';

export const CRON = '*/15+*+*+*+*';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
/** Stays on this machine: no Request.cf lookup and no telemetry unless the caller asks. */
export const OFFLINE_ENV = { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', ...process.env };

export interface LocalNewsroomOptions {
  /** wrangler dev's port (the site is http://localhost:{port} unless `site` says otherwise). */
  port: number;
  /** The demo newswire's port; the Worker may fetch loopback feeds on this port only. */
  newswirePort: number;
  adminToken: string;
  /** The site's origin as readers reach it (SITE_URL). */
  site?: string;
  /** After this long the newswire switches to phase 2 (a story grows). */
  growAfterMs?: number;
  /** Where wrangler keeps local D1/R2 state (default: wrangler's own .wrangler/state). */
  persistTo?: string;
  /** More `--var NAME:value` pairs for wrangler dev. */
  vars?: string[];
  /** 'inherit' shows wrangler's output; 'ignore' keeps a test run quiet. */
  output?: 'inherit' | 'ignore';
}

export interface LocalNewsroom {
  site: string;
  newswire: Newswire;
  wrangler: ChildProcess;
  /** Triggers the cron handler (one newsroom run); resolves with the handler's status line. */
  triggerRun(): Promise<string>;
  /** Stops wrangler's whole process group and the newswire. */
  stop(): Promise<void>;
}

/** Runs a command to completion; rejects with the command line on failure. */
function run(args: string[], env: NodeJS.ProcessEnv, output: 'inherit' | 'ignore'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(NPX, args, { stdio: ['ignore', output, 'inherit'], env });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`\`npx ${args.join(' ')}\` exited with ${code}`))));
  });
}

function sqlString(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

/** Idempotent upsert of the registry rows; re-enables and resets the health of a source seen before. */
export function seedSql(rows: SourceRow[]): string {
  return rows
    .map((r) => {
      const values = [r.id, r.name, r.publisher, r.feedUrl, r.homepage, r.trustTier, r.categoryHint].map(sqlString).join(', ');
      return `INSERT INTO sources (id, name, publisher, feed_url, homepage, trust_tier, category_hint, enabled) VALUES (${values}, 1)
ON CONFLICT(id) DO UPDATE SET name = excluded.name, publisher = excluded.publisher, feed_url = excluded.feed_url,
homepage = excluded.homepage, trust_tier = excluded.trust_tier, category_hint = excluded.category_hint, enabled = 1,
consecutive_failures = 0, disabled_reason = NULL, next_fetch_at = NULL, etag = NULL, last_modified = NULL;`;
    })
    .join('\n');
}

/** Signals a whole process group; a group that is already gone is fine. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

/** Asks wrangler's process group to stop like Ctrl-C would, and kills what is left after 5 s. */
export async function stopGroup(child: ChildProcess | undefined) {
  if (!child?.pid) return;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(child.pid, 'SIGINT');
    const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  // wrangler's shim may exit before workerd does; make sure nothing of the group is left.
  signalGroup(child.pid, 'SIGKILL');
}

/** Polls /healthz until it answers 200; false after the deadline. */
export async function waitForHealth(site: string, deadlineMs: number): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${site}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok) return true;
    } catch {
      // wrangler dev is still starting
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return false;
}

/**
 * Starts the newswire, migrates and seeds local D1, and starts `wrangler dev` (its own process
 * group, so stopping reaches workerd too). Resolves once /healthz answers; throws otherwise,
 * after stopping what it started.
 */
export async function startLocalNewsroom(opts: LocalNewsroomOptions): Promise<LocalNewsroom> {
  const output = opts.output ?? 'inherit';
  const site = opts.site ?? `http://localhost:${opts.port}`;
  const persist = opts.persistTo ? ['--persist-to', opts.persistTo] : [];
  const newswire = await startNewswire({ port: opts.newswirePort, growAfterMs: opts.growAfterMs });
  let wrangler: ChildProcess | undefined;
  const stop = async () => {
    await stopGroup(wrangler);
    await newswire.close();
  };
  try {
    // CI=1 makes wrangler apply migrations without asking for confirmation.
    await run(['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', ...persist], { ...OFFLINE_ENV, CI: '1' }, output);
    await run(['wrangler', 'd1', 'execute', 'DB', '--local', ...persist, '--command', seedSql(sourceRows(newswire.url))], OFFLINE_ENV, output);
    wrangler = spawn(
      NPX,
      [
        'wrangler', 'dev', '--port', String(opts.port), '--test-scheduled', ...persist,
        // wrangler dev keeps a CF-Connecting-IP the client sent: failed sign-ins share one bucket here.
        '--var', 'ALLOW_LOOPBACK_SOURCES:true', '--var', 'TRUST_CF_CONNECTING_IP:false', '--var', `LOOPBACK_PORTS:${[opts.newswirePort, ...extraLoopbackPorts()].join(',')}`,
        '--var', `SITE_URL:${site}`, '--var', `ADMIN_TOKEN:${opts.adminToken}`, ...(opts.vars ?? []).flatMap((v) => ['--var', v]),
      ],
      // stdin ignored because a background group must not read the terminal.
      { stdio: ['ignore', output, 'inherit'], env: OFFLINE_ENV, detached: true },
    );
    if (!(await waitForHealth(site, 120_000))) throw new Error(`${site}/healthz did not answer within 2 minutes`);
  } catch (error) {
    await stop();
    throw error;
  }
  const child = wrangler;
  return {
    site,
    newswire,
    wrangler: child,
    stop,
    async triggerRun() {
      const res = await fetch(`${site}/__scheduled?cron=${CRON}`, { signal: AbortSignal.timeout(120_000) });
      return `${res.status} ${(await res.text()).trim().slice(0, 200)}`;
    },
  };
}

/** Ports of the caller's own loopback feed servers (LOOPBACK_PORTS="8899,8900"), allowed beside the newswire's. */
function extraLoopbackPorts(): number[] {
  return (process.env.LOOPBACK_PORTS ?? '').split(',').map(Number).filter((p) => Number.isInteger(p) && p > 0 && p < 65_536);
}
