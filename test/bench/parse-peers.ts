/**
 * Feed parsing side by side: our parser and its peers on the same bytes in the same run, RSS and
 * Atom apart, in MB (10^6 bytes) per CPU-second, and ours as a ratio to the fastest peer.
 * The feeds are the demo newswire's own (fictional) RSS 2.0 and Atom 1.0 feeds grown to a size.
 */
import { grownFeeds, type BenchFeed } from './feeds';
import { measureCpu } from './measure';
import { ourParser, PEER_PARSERS, type FeedParser } from './peers';
import { result, type BenchResult } from './report';

const MB = 1_000_000;
const FORMATS = ['RSS 2.0 + content:encoded', 'Atom 1.0'] as const;

export interface PeerParseOptions {
  /** Size each feed is grown to, in bytes (default 2 MiB). */
  feedBytes: number;
  /** Interleaved rounds per parser; each parser's figure is the median of its rounds (default 3). */
  rounds: number;
  /** CPU ms of timed calls per parser per round (default 400). */
  roundMs: number;
}

/** MB per CPU-second of each parser on one feed, measured in interleaved rounds so load on the machine hits all alike. */
async function rates(feed: BenchFeed, parsers: FeedParser[], opts: PeerParseOptions): Promise<Map<FeedParser, number>> {
  const body = feed.body as string;
  for (const p of parsers) {
    const items = await p.parse(body, feed.url);
    if (items !== feed.items) throw new Error(`${p.name} read ${items} of ${feed.items} items in ${feed.name}: not a full parse`);
  }
  const samples = new Map<FeedParser, number[]>(parsers.map((p) => [p, []]));
  for (let round = 0; round < opts.rounds; round++) {
    for (const p of parsers) {
      const m = await measureCpu(() => p.parse(body, feed.url), { warmupMs: round === 0 ? 200 : 40, runs: 3, totalMs: opts.roundMs });
      samples.get(p)!.push(feed.bytes / MB / (m.msPerOp / 1000));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return new Map(parsers.map((p) => [p, median(samples.get(p)!)]));
}

/**
 * One row per parser and format (MB/CPU-s), then per format ours ÷ the fastest peer with the target ≥ 1.
 * @example await peerParseBenchmarks({ feedBytes: 2 ** 21, rounds: 3, roundMs: 400 })
 */
export async function peerParseBenchmarks(opts: PeerParseOptions): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  const feeds = grownFeeds(opts.feedBytes).filter((f) => (FORMATS as readonly string[]).includes(f.name));
  for (const feed of feeds) {
    const format = feed.name.startsWith('Atom') ? 'Atom' : 'RSS';
    const ours = ourParser(feed.items);
    const parsers = [ours, ...PEER_PARSERS];
    const rate = await rates(feed, parsers, opts);
    const fastest = PEER_PARSERS.reduce((a, b) => (rate.get(b)! > rate.get(a)! ? b : a));
    const peerRate = rate.get(fastest)!;
    for (const p of parsers) {
      rows.push(result(`parse ${format}: ${p.name}`, rate.get(p)!, 'MB/CPU-s', undefined, `${(rate.get(p)! / peerRate).toFixed(2)}x the fastest peer (${fastest.name})`));
    }
    rows.push(
      result(`parse ${format}: ours ÷ fastest peer`, rate.get(ours)! / peerRate, 'x', { value: 1, kind: 'min' },
        `${feed.name}, ${(feed.bytes / MB).toFixed(2)} MB, ${feed.items} items, same string to every parser; median of ${opts.rounds} interleaved round(s)`),
    );
  }
  return rows;
}
