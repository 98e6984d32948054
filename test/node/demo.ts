// `npm start`: the whole newsroom on this machine — the demo newswire on 127.0.0.1:8788, local D1
// migrated and seeded with its sources, `wrangler dev` on :8787, and newsroom runs triggered for you.
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { demoWriter } from './demo-writer';
import { sourceRows } from './newswire-server';
import { CRON, signalGroup, startLocalNewsroom, type LocalNewsroom } from './local-newsroom';

// PORT and NEWSWIRE_PORT move the demo off 8787/8788 (another server there, or two demos side by side).
const PORT = Number(process.env.PORT ?? 8787);
const NEWSWIRE_PORT = Number(process.env.NEWSWIRE_PORT ?? 8788);
const SITE = `http://localhost:${PORT}`;
const GROW_AFTER_MS = 3 * 60_000;
/** A fresh admin token per demo, so the editor API can be tried without setting a secret. */
const ADMIN_TOKEN = `demo-${randomBytes(18).toString('base64url')}`;

async function triggerRun(newsroom: LocalNewsroom, label: string) {
  try {
    console.log(`\n[demo] ${label}: scheduled handler answered ${await newsroom.triggerRun()}`);
  } catch (error) {
    console.log(`\n[demo] ${label}: could not trigger a run (${String(error)})`);
  }
}

async function main() {
  // OPENAI_BASE_URL (Ollama, llama.cpp server, vLLM on this machine) makes a local open model the writer.
  const writer = demoWriter(process.env);
  // startLocalNewsroom takes the variables as NAME:value pairs.
  const model = writer.vars.filter((v) => v !== '--var');
  console.log(writer.line);
  let newsroom: LocalNewsroom;
  try {
    newsroom = await startLocalNewsroom({ port: PORT, newswirePort: NEWSWIRE_PORT, site: SITE, adminToken: ADMIN_TOKEN, growAfterMs: GROW_AFTER_MS, vars: model });
  } catch (error) {
    console.error(`[demo] ${String(error)}`);
    process.exit(1);
  }
  console.log(`[demo] newswire serving ${sourceRows(newsroom.newswire.url).length} fictional feeds at ${newsroom.newswire.url}/`);
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await newsroom.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('exit', () => signalGroup(newsroom.wrangler.pid, 'SIGKILL'));
  newsroom.wrangler.on('exit', (code) => void stop(code ?? 0));

  await triggerRun(newsroom, 'first newsroom run');
  console.log(`
[demo] The newsroom is up.
  Front page:      ${SITE}/
  Health:          ${SITE}/status
  Newswire:        ${newsroom.newswire.url}/  (feeds, registry rows, hostile switches)
  Another run:     curl '${SITE}/__scheduled?cron=${CRON}'
  Editor API:      curl -H 'Authorization: Bearer ${ADMIN_TOKEN}' ${SITE}/api/editor/articles
                   (this admin token lives as long as this demo)
  Editors' desk:   ${SITE}/desk  (sign in with the admin token above)
  In ${GROW_AFTER_MS / 60_000} minutes one story grows (a new publisher reports it); a second run is triggered then.
  Ctrl-C stops everything.
`);
  setTimeout(() => void triggerRun(newsroom, 'second newsroom run, after the story grew'), GROW_AFTER_MS + 5_000).unref();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
