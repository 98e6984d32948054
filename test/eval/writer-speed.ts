// node --import tsx test/eval/writer-speed.ts — the extractive writer's CPU time per story on the demo newswire and
// NeuS dev events (NEUS_DIR; never the held-out fifth), against another copy of the writer (--against <dir holding
// src/>) in the same process, interleaved, with proof that both write byte-identical drafts.
// Options: --events N (NeuS dev events, default 300), --rounds N (default 5), --save <file>, --expect <saved file>.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { composeArticle } from '../../src/pipeline/synthesize/writers/extractive';
import type { SourceDoc } from '../../src/pipeline/types';
import { demoStories } from '../helpers/demo-stories';
import { loadNeus, neusDir, neusSources } from './neus';

const CATEGORIES = ['Enterprise', 'Research', 'Policy', 'Security', 'Open Source', 'Industry'];
const opt = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
type Compose = typeof composeArticle;

// A fixed clock, so that a saved draft can be compared byte for byte with one written later.
const NOW = new Date('2026-11-30T12:00:00Z');
const stories: { set: 'demo' | 'neus'; key: string; sources: SourceDoc[] }[] = demoStories(NOW)
  .filter((s) => s.publishers.size >= 2)
  .map((s) => ({ set: 'demo' as const, key: s.key, sources: s.sources }));
const neus = neusDir();
if ('dir' in neus) {
  const at = new Date(NOW.getTime() - 3_600_000).toISOString();
  const dev = loadNeus(neus.dir).filter((e) => e.reports.length >= 2 && e.index % 5 !== 0);
  for (const e of dev.slice(0, Number(opt('--events') ?? 300))) {
    const sources = neusSources(e, at);
    stories.push({ set: 'neus', key: `neus:${e.index}`, sources });
  }
}

function write(compose: Compose, sources: SourceDoc[]): string {
  try {
    return JSON.stringify(compose(sources, CATEGORIES));
  } catch (error) {
    return `failure: ${(error as Error).message}`;
  }
}

function cpuMs(compose: Compose, sources: SourceDoc[]): number {
  const started = process.cpuUsage();
  write(compose, sources);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

const writers: [string, Compose][] = [['this', composeArticle]];
const against = opt('--against');
if (against) {
  const mod = await import(pathToFileURL(resolve(against, 'src/pipeline/synthesize/writers/extractive.ts')).href);
  writers.unshift(['against', mod.composeArticle as Compose]);
}

// Identical output: every writer's drafts, byte for byte, and the saved ones when --expect is given.
const drafts = writers.map(([, compose]) => stories.map((s) => write(compose, s.sources)));
const expected = opt('--expect') ? (JSON.parse(readFileSync(opt('--expect')!, 'utf8')) as string[]) : undefined;
for (const [w, [name]] of writers.entries()) {
  const differ = stories.filter((_, i) => drafts[w]![i] !== (expected?.[i] ?? drafts[0]![i])).map((s) => s.key);
  console.log(`${name}: ${differ.length ? `${differ.length} drafts differ (${differ.slice(0, 5).join(', ')})` : `all ${stories.length} drafts identical`}`);
}
if (opt('--save')) writeFileSync(opt('--save')!, JSON.stringify(drafts.at(-1)));

// Interleaved rounds, each story written by each writer in turn; a story's time is its median over the rounds.
const rounds = Number(opt('--rounds') ?? 5);
const times = writers.map(() => stories.map(() => [] as number[]));
for (let r = 0; r < rounds; r++) {
  for (const [i, s] of stories.entries()) for (const [w, [, compose]] of writers.entries()) times[w]![i]!.push(cpuMs(compose, s.sources));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
for (const set of rounds ? (['demo', 'neus'] as const) : []) {
  const idx = stories.flatMap((s, i) => (s.set === set ? [i] : []));
  if (!idx.length) continue;
  for (const [w, [name]] of writers.entries()) {
    const per = idx.map((i) => median(times[w]![i]!));
    // Every write counted, collections of garbage included: what a run of the newsroom spends.
    const all = idx.flatMap((i) => times[w]![i]!);
    const average = all.reduce((a, b) => a + b, 0) / all.length;
    console.log(`${set} (${idx.length}) ${name.padEnd(8)} CPU per story: median ${median(per).toFixed(2)} ms, max ${Math.max(...per).toFixed(2)} ms (each story's median over the rounds); average over every write ${average.toFixed(2)} ms`);
  }
}
