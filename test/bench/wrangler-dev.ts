/**
 * `wrangler dev` for the benchmarks: a local D1 migrated in a throwaway persist folder, the Worker
 * started in its own process group on loopback, and stopped (the whole group) when done.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
/** Nothing leaves the machine: no Request.cf lookup, no telemetry; CI=1 answers wrangler's prompts. */
export const OFFLINE_ENV = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', CI: '1' };

/** Runs `wrangler …` to completion in the repository; its stdout. Throws with wrangler's output on failure. */
export function wranglerCli(args: string[]): string {
  return execFileSync(NPX, ['wrangler', ...args], { cwd: ROOT, env: OFFLINE_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

export interface DevServer {
  /** http://127.0.0.1:port */
  site: string;
  /** The process group's leader (wrangler), for CPU accounting. */
  pid: number;
  /** Kills the whole group (wrangler and workerd). */
  stop(): void;
}

export interface DevOptions {
  port: number;
  /** Folder of the local D1 / R2 / cache state. */
  persist: string;
  /** `--var NAME:value` pairs. */
  vars: Record<string, string>;
  /** Entry script instead of wrangler.toml's `main` (same bindings). */
  entry?: string;
  /** Extra wrangler dev flags. */
  flags?: string[];
}

/**
 * Starts `wrangler dev` on 127.0.0.1 and resolves once /healthz answers (2 minutes at most).
 * @example const dev = await startDev({ port: 8797, persist, vars: { ADMIN_TOKEN: token } }); try { … } finally { dev.stop(); }
 */
export async function startDev(opts: DevOptions): Promise<DevServer> {
  const vars = Object.entries(opts.vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]);
  const child: ChildProcess = spawn(
    NPX,
    ['wrangler', 'dev', ...(opts.entry ? [opts.entry] : []), '--port', String(opts.port), '--ip', '127.0.0.1', '--persist-to', opts.persist,
      '--show-interactive-dev-session=false', ...(opts.flags ?? []), ...vars],
    { cwd: ROOT, env: OFFLINE_ENV, stdio: ['ignore', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore', 'inherit'], detached: true },
  );
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const site = `http://127.0.0.1:${opts.port}`;
  try {
    for (const until = Date.now() + 120_000; ; ) {
      if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode} before answering`);
      if (await fetch(`${site}/healthz`).then((r) => r.ok, () => false)) break;
      if (Date.now() > until) throw new Error('wrangler dev did not answer /healthz within 2 minutes');
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (error) {
    stop();
    throw error;
  }
  return { site, pid: child.pid!, stop };
}
