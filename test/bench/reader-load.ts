/**
 * The demo newsroom in local workerd, end to end and under load: `wrangler dev` (the bench entry,
 * test/bench-worker/entry.ts) over the demo newswire with a migrated and seeded local D1.
 *
 * 1. the whole demo run: cron trigger to the last story's workflow finished (its article published or held);
 * 2. D1 calls and HTML bytes of one uncached article page;
 * 3. autocannon on loopback, in interleaved rounds: a constant response of the article's size (the
 *    runtime's ceiling), the article page with the edge cache bypassed, the article page from the edge
 *    cache; requests per second of each page as a ratio to the ceiling of the same run.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSql } from '../node/local-newsroom';
import { sourceRows, startNewswire } from '../node/newswire-server';
import { workerdCpuMs } from './ingest-scale';
import { result, type BenchResult } from './report';
import { startDev, wranglerCli, type DevServer } from './wrangler-dev';

const PORT = Number(process.env.BENCH_PORT ?? 8797);
const NEWSWIRE_PORT = Number(process.env.BENCH_NEWSWIRE_PORT ?? 8798);
const TOKEN = 'bench-admin-token-0123456789abcdef';
const CRON = '*/15 * * * *';
const CACHED_TARGET = 0.8;
const D1_TARGET = 2;
const DEMO_TARGET_S = 30;

export interface ReaderLoadOptions {
  /** Seconds of load per page, all rounds together (20; --quick 3). */
  seconds: number;
  /** The pages take turns in this many rounds, so a burst of load from elsewhere hits them alike (4; --quick 1). */
  rounds: number;
  connections: number;
}

interface Run {
  id: string;
  status: string;
  stats: { workflows?: { started: number; restarted: number } };
}

async function api<T>(site: string, path: string): Promise<T> {
  const res = await fetch(`${site}/api/editor${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  if (!res.ok) throw new Error(`GET /api/editor${path} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Seconds from the cron trigger until every story workflow the run started has finished. */
async function demoRun(site: string): Promise<{ seconds: number; published: number; finished: number; started: number }> {
  const t0 = performance.now();
  const trigger = await fetch(`${site}/__scheduled?cron=${encodeURIComponent(CRON)}`);
  if (!trigger.ok) throw new Error(`/__scheduled answered ${trigger.status}`);
  for (;;) {
    if (performance.now() - t0 > 5 * 60_000) throw new Error('the demo run did not finish within 5 minutes');
    const [run] = (await api<{ runs: Run[] }>(site, '/runs')).runs;
    if (run && run.status !== 'running') {
      const started = (run.stats.workflows?.started ?? 0) + (run.stats.workflows?.restarted ?? 0);
      const { articles } = await api<{ articles: { status: string }[] }>(site, '/articles?limit=200');
      const { counts } = await api<{ counts: { failed: number } }>(site, '/stories?problem=failed');
      const finished = articles.filter((a) => a.status !== 'draft').length + counts.failed;
      if (finished >= started) {
        return { seconds: (performance.now() - t0) / 1000, published: articles.filter((a) => a.status === 'published').length, finished, started };
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Phase {
  url: string;
  headers: Record<string, string>;
}

interface Throughput {
  rps: number;
  /** workerd CPU milliseconds per request (all of wrangler dev's workerd processes), less sensitive to other load on the machine. */
  cpuMsPerRequest: number;
  /** The worst round's 99th percentile latency, ms. */
  p99: number;
  requests: number;
}

/** Requests answered and seconds spent loading one URL for `seconds`; throws when any answer is not a 200. */
async function load(phase: Phase, seconds: number, connections: number): Promise<{ requests: number; seconds: number; p99: number }> {
  const out = await autocannon({ url: phase.url, headers: phase.headers, connections, duration: seconds, pipelining: 1 });
  const bad = out.non2xx + out.errors + out.timeouts;
  if (bad) throw new Error(`${phase.url}: ${bad} of ${out.requests.total} answers were not 200 (${out.errors} errors, ${out.timeouts} timeouts)`);
  return { requests: out.requests.total, seconds: out.duration || seconds, p99: out.latency.p99 };
}

/** Each phase loaded for opts.seconds in all, in rounds that rotate the order; requests per second over all rounds. */
async function interleaved<K extends string>(phases: Record<K, Phase>, opts: ReaderLoadOptions, devPid: number): Promise<Record<K, Throughput>> {
  const keys = Object.keys(phases) as K[];
  const sums = Object.fromEntries(keys.map((k) => [k, { requests: 0, seconds: 0, p99: 0, cpuMs: 0 }])) as Record<K, { requests: number; seconds: number; p99: number; cpuMs: number }>;
  for (let round = 0; round < opts.rounds; round++) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[(i + round) % keys.length]!;
      const cpuBefore = workerdCpuMs(devPid);
      const got = await load(phases[key], opts.seconds / opts.rounds, opts.connections);
      sums[key].cpuMs += workerdCpuMs(devPid) - cpuBefore;
      sums[key].requests += got.requests;
      sums[key].seconds += got.seconds;
      sums[key].p99 = Math.max(sums[key].p99, got.p99);
    }
  }
  return Object.fromEntries(
    keys.map((k) => [k, { rps: sums[k].requests / sums[k].seconds, cpuMsPerRequest: sums[k].cpuMs / sums[k].requests, p99: sums[k].p99, requests: sums[k].requests }]),
  ) as Record<K, Throughput>;
}

/**
 * The reader path and the demo run, measured in one wrangler dev session.
 * @example await readerLoadBenchmark({ seconds: 20, rounds: 4, connections: 32 })
 */
export async function readerLoadBenchmark(opts: ReaderLoadOptions): Promise<BenchResult[]> {
  const persist = mkdtempSync(join(tmpdir(), 'dmn-bench-reader-'));
  const newswire = await startNewswire({ port: NEWSWIRE_PORT });
  let dev: DevServer | undefined;
  try {
    wranglerCli(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist]);
    wranglerCli(['d1', 'execute', 'DB', '--local', '--persist-to', persist, '--command', seedSql(sourceRows(newswire.url))]);
    dev = await startDev({
      port: PORT,
      persist,
      entry: 'test/bench-worker/entry.ts',
      // wrangler logs each request from its Node process, which would load the machine as much as workerd does.
      flags: ['--test-scheduled', '--log-level=error'],
      vars: { ALLOW_LOOPBACK_SOURCES: 'true', LOOPBACK_PORTS: String(NEWSWIRE_PORT), SITE_URL: `http://127.0.0.1:${PORT}`, ADMIN_TOKEN: TOKEN },
    });
    const site = dev.site;
    const demo = await demoRun(site);

    const { articles } = await api<{ articles: { slug: string; status: string }[] }>(site, '/articles?status=published&limit=200');
    if (!articles.length) throw new Error('the demo run published no article');
    const page = `${site}/articles/${articles[0]!.slug}`;
    const counted = await fetch(page, { headers: { 'x-bench-d1': 'count', 'x-bench-cache': 'bypass' } });
    const html = await counted.arrayBuffer();
    const roundTrips = Number(counted.headers.get('x-bench-d1-round-trips'));
    const statements = Number(counted.headers.get('x-bench-d1-statements'));
    if (counted.status !== 200 || !Number.isFinite(roundTrips)) throw new Error(`${page}: ${counted.status}, no D1 count (is the bench entry running?)`);
    if (counted.headers.has('x-edge-cache')) throw new Error(`${page}: x-bench-cache: bypass still went through the edge cache`);
    // Fill the edge cache, then make sure the cached phase really is served from it.
    await fetch(page).then((r) => r.arrayBuffer());
    const hit = await fetch(page);
    await hit.arrayBuffer();
    if (hit.headers.get('x-edge-cache') !== 'HIT') throw new Error(`${page}: the second request was not an edge-cache hit (${hit.headers.get('x-edge-cache')})`);

    const constant = `${site}/__bench/constant?bytes=${html.byteLength}`;
    const phases = {
      ceiling: { url: constant, headers: {} },
      uncached: { url: page, headers: { 'x-bench-cache': 'bypass' } },
      cached: { url: page, headers: {} },
    };
    const totals = await interleaved(phases, opts, dev.pid);
    const { ceiling, uncached, cached } = totals;
    const how = `autocannon, ${opts.connections} connections, ${opts.seconds} s per page in ${opts.rounds} interleaved round(s), loopback`;
    return [
      result('demo run: cron trigger to last article', demo.seconds, 's', { value: DEMO_TARGET_S, kind: 'max' },
        `wrangler dev over the demo newswire (${sourceRows(newswire.url).length} feeds); ${demo.started} story workflows, ${demo.published} published, ${demo.finished} finished in all`),
      result('article page uncached: D1 round trips', roundTrips, 'calls', { value: D1_TARGET, kind: 'max' }, `${statements} SQL statements in them (a batch is one round trip); counted by wrapping the DB binding in the bench entry`),
      result('article page (demo) HTML size', html.byteLength, 'bytes', undefined, `/articles/${articles[0]!.slug}`),
      result('load: constant response (ceiling)', ceiling.rps, 'req/s', undefined,
        `same runtime, ${html.byteLength} bytes of HTML, p99 ${ceiling.p99} ms, ${ceiling.requests} requests, ${ceiling.cpuMsPerRequest.toFixed(2)} ms workerd CPU each; ${how}`),
      result('load: article page uncached ÷ ceiling', uncached.rps / ceiling.rps, 'x', undefined, `${uncached.rps.toFixed(0)} req/s, p99 ${uncached.p99} ms, ${uncached.requests} requests, ${uncached.cpuMsPerRequest.toFixed(2)} ms workerd CPU each (the ceiling's ÷ this: ${(ceiling.cpuMsPerRequest / uncached.cpuMsPerRequest).toFixed(2)}); edge cache bypassed, D1 read each time`),
      result('load: article page cached ÷ ceiling', cached.rps / ceiling.rps, 'x', { value: CACHED_TARGET, kind: 'min' }, `${cached.rps.toFixed(0)} req/s, p99 ${cached.p99} ms, ${cached.requests} requests, ${cached.cpuMsPerRequest.toFixed(2)} ms workerd CPU each (the ceiling's ÷ this: ${(ceiling.cpuMsPerRequest / cached.cpuMsPerRequest).toFixed(2)}); served from the edge cache`),
    ];
  } finally {
    dev?.stop();
    await newswire.close();
    rmSync(persist, { recursive: true, force: true });
  }
}
