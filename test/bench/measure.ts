/** CPU-time measurement for the benchmarks: warm up, then timed runs of process.cpuUsage() deltas, median per operation. */

export interface MeasureOptions {
  /** CPU milliseconds of untimed calls first, so the JIT has settled (default 150). */
  warmupMs?: number;
  /** Timed runs; the median run is reported (default 7). */
  runs?: number;
  /** CPU milliseconds the timed runs take together, at least (default 560 = 7 runs of 80 ms). */
  totalMs?: number;
}

export interface Measurement {
  /** Median CPU milliseconds (user + system) per call, over the runs. */
  msPerOp: number;
  /** Fastest and slowest run, per call, to show the spread. */
  minMsPerOp: number;
  maxMsPerOp: number;
  /** Calls made in all timed runs together. */
  ops: number;
  /** CPU milliseconds spent in all timed runs together. */
  cpuMs: number;
}

/** CPU milliseconds this process has used (all threads: GC and compiler threads count too). */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Times `op` (sync or async) by CPU, not wall clock. Each run repeats the call until
 * it has used its share of `totalMs`, so fast calls are averaged over many repetitions.
 *
 * @example const { msPerOp } = await measureCpu(() => parseFeed(xml, { url }))
 */
export async function measureCpu(op: () => unknown, opts: MeasureOptions = {}): Promise<Measurement> {
  const runs = opts.runs ?? 7;
  const runMs = (opts.totalMs ?? 560) / runs;
  const warmupStart = cpuNow();
  const warmupEnd = warmupStart + (opts.warmupMs ?? 150);
  let warmupOps = 0;
  do {
    await op();
    warmupOps++;
  } while (cpuNow() < warmupEnd);
  // Calls between clock reads, so reading the clock (a system call) stays under ~0.1% of a batch.
  const batch = Math.max(1, Math.floor(1 / ((cpuNow() - warmupStart) / warmupOps)));

  const perOp: number[] = [];
  let ops = 0;
  let cpuMs = 0;
  for (let r = 0; r < runs; r++) {
    const start = cpuNow();
    let n = 0;
    let spent = 0;
    do {
      // Awaiting a sync result costs a microtask; negligible next to the calls measured here.
      for (let i = 0; i < batch; i++) await op();
      n += batch;
      spent = cpuNow() - start;
    } while (spent < runMs);
    perOp.push(spent / n);
    ops += n;
    cpuMs += spent;
  }
  perOp.sort((a, b) => a - b);
  return { msPerOp: perOp[Math.floor(perOp.length / 2)]!, minMsPerOp: perOp[0]!, maxMsPerOp: perOp.at(-1)!, ops, cpuMs };
}

/**
 * CPU milliseconds of each of `samples` single calls (after `warmupMs` of untimed calls), sorted
 * ascending, for percentiles. Each call is timed alone, so a clock read (~1 µs) is part of each figure.
 * @example const ms = await sampleCpu(() => render(), { samples: 2_000 }); percentile(ms, 0.99)
 */
export async function sampleCpu(op: () => unknown, opts: { samples: number; warmupMs?: number }): Promise<number[]> {
  const warmupEnd = cpuNow() + (opts.warmupMs ?? 300);
  do await op();
  while (cpuNow() < warmupEnd);
  const ms: number[] = [];
  for (let i = 0; i < opts.samples; i++) {
    const start = process.cpuUsage();
    await op();
    const { user, system } = process.cpuUsage(start);
    ms.push((user + system) / 1000);
  }
  return ms.sort((a, b) => a - b);
}

/** The q-quantile (0..1) of ascending `sorted` values, nearest rank. */
export function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
