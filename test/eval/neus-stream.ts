/**
 * Labelled item streams built from NeuS events (which carry no dates or outlet names): the fixed
 * held-out rule, one dense window, and a dated stream over weeks where events on the same topic
 * (similar headline vocabulary) are put days apart, so a clusterer must keep them apart.
 */
import { terms } from '../../src/pipeline/cluster/terms';
import type { LabelledItem } from '../fixtures/cluster/labelled';
import { NEUS_PUBLISHERS, type NeusEvent } from './neus';
import { rng } from '../fixtures/checks/corrupt';

/** The held-out fifth, decided before anything was fitted: every event whose index is a multiple of 5. */
export const isHeldOut = (event: NeusEvent) => event.index % 5 === 0;

/** The seeded generator of the checks' corruptions (mulberry32), so every stream is the same on every machine. */
export const random = rng;

const HOUR = 3_600_000;
const START = Date.parse('2021-04-05T00:00:00Z');

function items(event: NeusEvent, base: number, rand: () => number, spreadHours: number): LabelledItem[] {
  return event.reports.map((r, k) => ({
    id: `neus:${event.index}:${k}`,
    publisher: NEUS_PUBLISHERS[k % NEUS_PUBLISHERS.length]!,
    title: r.title,
    text: r.text,
    publishedAt: new Date(base + rand() * spreadHours * HOUR).toISOString(),
    story: `neus:${event.index}`,
    subset: 'neus',
  }));
}

/** Every event's items inside one window of `hours` (a dense news day: no help from time). */
export function windowStream(events: readonly NeusEvent[], hours: number, seed = 1): LabelledItem[] {
  const rand = random(seed);
  return events.flatMap((e) => items(e, START + rand() * Math.max(0, hours - 8) * HOUR, rand, 8));
}

/** Headline-vocabulary similarity of two events (share of the smaller term set found in the larger). */
function topicTerms(event: NeusEvent): Set<string> {
  return new Set(event.reports.flatMap((r) => terms(r.title)).filter((t) => t.length > 3));
}

/**
 * A dated stream over `days`: each event on one day, its reports within 8 hours; an event whose
 * headlines share vocabulary with another's is put at least `apartDays` days from it when possible.
 */
export function datedStream(events: readonly NeusEvent[], days: number, apartDays = 2, seed = 7): LabelledItem[] {
  const rand = random(seed);
  const topics = events.map(topicTerms);
  const byTerm = new Map<string, number[]>();
  topics.forEach((ts, i) => ts.forEach((t) => byTerm.set(t, [...(byTerm.get(t) ?? []), i])));
  // Words of many events ("trump", "house") say nothing about the topic; only the rarer ones count.
  for (const [t, list] of byTerm) if (list.length > Math.max(5, events.length / 50)) byTerm.delete(t);
  const dayOf: number[] = [];
  events.forEach((_, i) => {
    const similar = new Set<number>();
    const overlap = new Map<number, number>();
    for (const t of topics[i]!) for (const j of byTerm.get(t) ?? []) if (j < i) overlap.set(j, (overlap.get(j) ?? 0) + 1);
    for (const [j, n] of overlap) if (n >= 2) similar.add(j);
    const start = Math.floor(rand() * days);
    let day = start;
    for (let k = 0; k < days; k++) {
      const d = (start + k) % days;
      if (![...similar].some((j) => Math.abs(dayOf[j]! - d) < apartDays)) {
        day = d;
        break;
      }
    }
    dayOf.push(day);
  });
  return events.flatMap((e, i) => items(e, START + dayOf[i]! * 24 * HOUR + rand() * 14 * HOUR, rand, 8));
}

/**
 * `n` real items in one window of `hours`: each event's three reports and its neutral summary (as a
 * fourth outlet), events taken in file order. For benchmarks: the texts and their mix are real.
 */
export function realItems(events: readonly NeusEvent[], n: number, hours: number, seed = 3): LabelledItem[] {
  const rand = random(seed);
  const out: LabelledItem[] = [];
  for (const e of events) {
    if (out.length >= n) break;
    const base = START + rand() * Math.max(0, hours - 8) * HOUR;
    out.push(...items({ ...e, reports: [...e.reports, e.summary] }, base, rand, 8));
  }
  if (out.length < n) throw new Error(`realItems: ${n} items asked, the events hold ${out.length}`);
  return out.slice(0, n);
}

/** Words of a report's opening the topic neighbours are found by (a lede's worth). */
const TOPIC_WORDS = 60;
/** Cosine from which two events count as one topic (the same people, bill or place in their headlines and ledes). */
const TOPIC_COSINE = 0.12;

/** Each event's TF-IDF vector over its reports' headlines and ledes, unit length. */
function topicVectors(events: readonly NeusEvent[]): Map<string, number>[] {
  const bags = events.map((e) => {
    const bag = new Map<string, number>();
    for (const r of e.reports) for (const t of terms(`${r.title} ${r.text.split(/\s+/).slice(0, TOPIC_WORDS).join(' ')}`)) bag.set(t, (bag.get(t) ?? 0) + 1);
    return bag;
  });
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  return bags.map((bag) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, n] of bag) {
      const w = (1 + Math.log(n)) * Math.log(events.length / df.get(t)!);
      v.set(t, w);
      norm += w * w;
    }
    for (const [t, w] of v) v.set(t, w / Math.sqrt(norm || 1));
    return v;
  });
}

/**
 * Dense 36-hour-style windows of `size` events in which events on one topic share a window: each
 * window grows from a seed event through its topic neighbours (TF-IDF cosine of headlines and ledes
 * >= TOPIC_COSINE, closest first), then the next unused event seeds. NeuS events come in no order,
 * so plain windows seldom hold two events of one topic; a newsroom's window often does (a nominee's
 * hearing and her vote, a company's launch and its lawsuit): the hard negatives that matter.
 */
export function topicWindows(events: readonly NeusEvent[], size: number, hours: number, seed = 1): LabelledItem[][] {
  const vectors = topicVectors(events);
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => v.forEach((_, t) => postings.set(t, [...(postings.get(t) ?? []), i])));
  const neighbours = (i: number): number[] => {
    const dot = new Map<number, number>();
    for (const [t, w] of vectors[i]!) for (const j of postings.get(t)!) if (j !== i) dot.set(j, (dot.get(j) ?? 0) + w * vectors[j]!.get(t)!);
    return [...dot].filter(([, c]) => c >= TOPIC_COSINE).sort((x, y) => y[1] - x[1]).map(([j]) => j);
  };
  const used = new Set<number>();
  const windows: LabelledItem[][] = [];
  let next = 0;
  while (used.size < events.length) {
    const members: number[] = [];
    const queue: number[] = [];
    while (members.length < size && used.size < events.length) {
      if (!queue.length) {
        while (used.has(next)) next++;
        queue.push(next);
      }
      const i = queue.shift()!;
      if (used.has(i)) continue;
      used.add(i);
      members.push(i);
      for (const j of neighbours(i)) if (!used.has(j)) queue.push(j);
    }
    windows.push(windowStream(members.map((i) => events[i]!), hours, seed + windows.length));
  }
  return windows;
}
