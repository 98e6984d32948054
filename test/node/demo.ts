// `npm start`: the whole newsroom on this machine — the demo newswire on 127.0.0.1:8788, local D1
// migrated and seeded with its sources, `wrangler dev` on :8787, and newsroom runs triggered for you.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { demoWriter } from './demo-writer';
import { startNewswire, sourceRows, type SourceRow } from './newswire-server';

const NEWSWIRE_PORT = 8788;
const SITE = 'http://localhost:8787';
const GROW_AFTER_MS = 3 * 60_000;
const CRON = '*/15+*+*+*+*';
/** A fresh admin token per demo, so the editor API can be tried without setting a secret. */
const ADMIN_TOKEN = `demo-${randomBytes(18).toString('base64url')}`;
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
/** The demo stays on this machine: no Request.cf lookup and no telemetry unless the caller asks. */
const OFFLINE_ENV = { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', ...process.env };

/** Runs a command to completion with inherited output; rejects with the command line on failure. */
function run(args: string[], env: NodeJS.ProcessEnv = OFFLINE_ENV): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(NPX, args, { stdio: 'inherit', env });
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
function signalGroup(pid: number | undefined, signal: NodeJS.Signals) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

/** Asks wrangler's process group to stop like Ctrl-C would, and kills what is left after 5 s. */
async function stopGroup(child: ChildProcess | undefined) {
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

async function waitForHealth(deadlineMs: number): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${SITE}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok) return true;
    } catch {
      // wrangler dev is still starting
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return false;
}

async function triggerRun(label: string) {
  try {
    const res = await fetch(`${SITE}/__scheduled?cron=${CRON}`, { signal: AbortSignal.timeout(120_000) });
    console.log(`\n[demo] ${label}: scheduled handler answered ${res.status} ${(await res.text()).trim().slice(0, 200)}`);
  } catch (error) {
    console.log(`\n[demo] ${label}: could not trigger a run (${String(error)})`);
  }
}

async function main() {
  const newswire = await startNewswire({ port: NEWSWIRE_PORT, growAfterMs: GROW_AFTER_MS });
  console.log(`[demo] newswire serving ${sourceRows(newswire.url).length} fictional feeds at ${newswire.url}/`);
  let wrangler: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stopGroup(wrangler);
    await newswire.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('exit', () => signalGroup(wrangler?.pid, 'SIGKILL'));

  try {
    // CI=1 makes wrangler apply migrations without asking for confirmation.
    await run(['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local'], { ...OFFLINE_ENV, CI: '1' });
    await run(['wrangler', 'd1', 'execute', 'DB', '--local', '--command', seedSql(sourceRows(newswire.url))]);
  } catch (error) {
    console.error(`[demo] ${String(error)}`);
    return stop(1);
  }
  console.log('[demo] local D1 migrated and seeded; starting wrangler dev');

  // OPENAI_BASE_URL (Ollama, llama.cpp server, vLLM on this machine) makes a local open model the writer.
  const writer = demoWriter(process.env);
  console.log(writer.line);
  wrangler = spawn(
    NPX,
    [
      'wrangler', 'dev', '--port', '8787', '--test-scheduled',
      '--var', 'ALLOW_LOOPBACK_SOURCES:true', '--var', `SITE_URL:${SITE}`, '--var', `ADMIN_TOKEN:${ADMIN_TOKEN}`, ...writer.vars,
    ],
    // Its own process group, so stopping reaches workerd too (npx and wrangler's shim do not pass
    // signals on reliably); stdin ignored because a background group must not read the terminal.
    { stdio: ['ignore', 'inherit', 'inherit'], env: OFFLINE_ENV, detached: true },
  );
  wrangler.on('exit', (code) => void stop(code ?? 0));

  if (!(await waitForHealth(120_000))) {
    console.error(`[demo] ${SITE}/healthz did not answer within 2 minutes`);
    return stop(1);
  }
  await triggerRun('first newsroom run');
  console.log(`
[demo] The newsroom is up.
  Front page:      ${SITE}/
  Health:          ${SITE}/status
  Newswire:        ${newswire.url}/  (feeds, registry rows, hostile switches)
  Another run:     curl '${SITE}/__scheduled?cron=${CRON}'
  Editor API:      curl -H 'Authorization: Bearer ${ADMIN_TOKEN}' ${SITE}/api/editor/articles
                   (this admin token lives as long as this demo)
  In ${GROW_AFTER_MS / 60_000} minutes one story grows (a new publisher reports it); a second run is triggered then.
  Ctrl-C stops everything.
`);
  setTimeout(() => void triggerRun('second newsroom run, after the story grew'), GROW_AFTER_MS + 5_000).unref();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
