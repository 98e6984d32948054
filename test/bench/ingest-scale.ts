/**
 * The newsroom at a thousand sources: `wrangler dev` (workerd, with wrangler.toml's local D1, R2,
 * ingest queue and dead-letter queue) over 1,000 loopback feeds of 50 items each, one cron run.
 * Reports wall time and workerd CPU per source, and checks that every item landed exactly once.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { result, type BenchResult } from './report';
import { startDev, wranglerCli as wrangler, type DevServer } from './wrangler-dev';

const SOURCES = Number(process.env.BENCH_SOURCES ?? 1000);
const ITEMS = 50;
const HOUR = 3_600_000;
const PORT = Number(process.env.BENCH_PORT ?? 8797);
const TOKEN = 'bench-admin-token-0123456789abcdef';

/** Feed i: 50 items, the newest half an hour old (so clustering has 1,000 items in its 72-hour window), the rest older than the window. */
function feedXml(i: number, base: string, now: number): string {
  const items = Array.from({ length: ITEMS }, (_, k) => {
    const at = new Date(now - (k === 0 ? 0.5 * HOUR : (80 + k * 6) * HOUR)).toUTCString();
    return `<item><title>Desk ${i} report ${k}: district ${i % 97} votes on budget line ${k * 7 + i}</title><link>${base}/a/${i}/${k}</link><guid>urn:bench:${i}:${k}</guid><pubDate>${at}</pubDate><description>Report ${k} from desk ${i}: the council of district ${i % 97} discussed line ${k * 7 + i} of its budget for ${1000 + i * 3 + k} minutes.</description></item>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench desk ${i}</title><link>${base}/</link>${items}</channel></rss>`;
}

async function startFeeds(now: number): Promise<{ server: Server; base: string; served: () => number }> {
  let served = 0;
  let base = '';
  const server = createServer((req, res) => {
    const m = /^\/feeds\/(\d+)\.xml$/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    served++;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feedXml(Number(m[1]), base, now));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, base, served: () => served };
}

/** pid -> [ppid, comm, CPU ms] for every process, from /proc. */
function processTable(): Map<number, [number, string, number]> {
  const table = new Map<number, [number, string, number]>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks (USER_HZ = 100 on Linux).
      table.set(Number(pid), [Number(fields[1]), comm, (Number(fields[11]) + Number(fields[12])) * 10]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return table;
}

/** CPU milliseconds of the workerd processes descending from `root`. */
export function workerdCpuMs(root: number): number {
  const table = processTable();
  const descends = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; hops++) {
      if (p === root) return true;
      p = table.get(p)?.[0] ?? 0;
    }
    return false;
  };
  let total = 0;
  for (const [pid, [, comm, ms]] of table) if (comm.startsWith('workerd') && descends(pid)) total += ms;
  return total;
}

/** Rows of a query on the local D1 in `persist`. */
function query<T>(persist: string, sql: string): T[] {
  const out = wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', persist, '--json', '--command', sql]);
  return (JSON.parse(out) as { results: T[] }[])[0]!.results;
}

export async function ingestScaleBenchmark(): Promise<BenchResult[]> {
  const persist = mkdtempSync(join(tmpdir(), 'dmn-bench-'));
  const now = Date.now();
  const feeds = await startFeeds(now);
  let dev: DevServer | undefined;
  try {
    wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist]);
    const seed = join(persist, 'seed.sql');
    writeFileSync(seed, Array.from({ length: SOURCES }, (_, i) => `INSERT INTO sources (id, name, publisher, feed_url) VALUES ('desk-${i}', 'Desk ${i}', 'Desk ${i}', '${feeds.base}/feeds/${i}.xml');`).join('\n'));
    wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', persist, '--file', seed]);

    dev = await startDev({ port: PORT, persist, flags: ['--test-scheduled'], vars: { ALLOW_LOOPBACK_SOURCES: 'true', LOOPBACK_PORTS: new URL(feeds.base).port, SITE_URL: `http://127.0.0.1:${PORT}`, ADMIN_TOKEN: TOKEN } });
    const site = dev.site;

    const cpuBefore = workerdCpuMs(dev.pid);
    const started = performance.now();
    const trigger = await fetch(`${site}/__scheduled?cron=${encodeURIComponent('*/15 * * * *')}`);
    if (!trigger.ok) throw new Error(`/__scheduled answered ${trigger.status}`);
    type Run = { id: string; status: string; stats: { ingest: { itemsNew: number; sourcesFetched: number; failed: number; queued?: number }; stories?: { created: number } } };
    let run: Run | undefined;
    for (;;) {
      const res = await fetch(`${site}/api/editor/runs`, { headers: { authorization: `Bearer ${TOKEN}` } });
      run = ((await res.json()) as { runs: Run[] }).runs[0];
      if (run && run.status !== 'running') break;
      if (performance.now() - started > 30 * 60_000) throw new Error(`the run did not close within 30 minutes: ${JSON.stringify(run)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const wallMs = performance.now() - started;
    const cpuMs = workerdCpuMs(dev.pid) - cpuBefore;

    const [counts] = query<{ n: number; distinctItems: number; sources: number }>(
      persist,
      'SELECT count(*) AS n, count(DISTINCT source_id || char(10) || guid) AS distinctItems, count(DISTINCT source_id) AS sources FROM items',
    );
    const [short] = query<{ n: number }>(persist, `SELECT count(*) AS n FROM (SELECT source_id FROM items GROUP BY source_id HAVING count(*) <> ${ITEMS})`);
    const [landing] = query<{ queued: number; landed: number }>(persist, `SELECT ingest_queued AS queued, ingest_landed AS landed FROM runs WHERE id = '${run!.id}'`);
    const expected = SOURCES * ITEMS;
    const lost = expected - (counts?.distinctItems ?? 0);
    const duplicated = (counts?.n ?? 0) - (counts?.distinctItems ?? 0);
    const stats = run!.stats;
    const note =
      `${SOURCES} sources × ${ITEMS} items through the local ingest queue (batches of 10); run ${run!.status}, ${landing?.landed}/${landing?.queued} landed, ` +
      `${stats.ingest.sourcesFetched} fetched, ${stats.ingest.failed} failed, ${feeds.served()} feed requests, ${stats.ingest.itemsNew} new items, ` +
      `${counts?.sources} sources with items, ${short?.n} with other than ${ITEMS}; clustered once after the last landed: ${stats.stories ? `${stats.stories.created} stories` : 'no'}`;
    return [
      result(`ingest ${SOURCES} feeds: items lost`, lost, 'items', { value: 0, kind: 'max' }, note),
      result(`ingest ${SOURCES} feeds: items duplicated`, duplicated, 'items', { value: 0, kind: 'max' }),
      result(`ingest ${SOURCES} feeds: run closed after clustering`, run!.status === 'succeeded' && stats.stories ? 1 : 0, 'runs', { value: 1, kind: 'min' }),
      result(`ingest ${SOURCES} feeds: wall time, cron to run closed`, wallMs / 1000, 's', undefined, `wrangler dev (local workerd) on this machine, feeds served by this Node process`),
      result(`ingest ${SOURCES} feeds: workerd CPU per source`, cpuMs / SOURCES, 'ms', undefined, `${(cpuMs / 1000).toFixed(1)} CPU-s of workerd in all (fetch, parse, D1 and R2 writes, queue, clustering), /proc utime+stime`),
    ];
  } finally {
    dev?.stop();
    await new Promise((r) => feeds.server.close(r));
    rmSync(persist, { recursive: true, force: true });
  }
}
