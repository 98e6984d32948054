/** Cluster items at given hours from a fixed time, weighed in a window of just themselves (pair and party tests). */
import { Corpus, weigh } from '../../src/pipeline/cluster/pair';
import { itemSignals } from '../../src/pipeline/cluster/signals';
import type { ClusterItem } from '../../src/pipeline/types';

const at = (hours: number) => new Date(Date.parse('2026-11-20T12:00:00Z') + hours * 3_600_000).toISOString();
export const item = (id: string, hours: number, title: string, text: string): ClusterItem => ({ id, publisher: id, title, text, publishedAt: at(hours) });

/** The items weighed in one corpus (a window of just them). */
export function weighed(items: ClusterItem[]) {
  const corpus = new Corpus();
  const signals = items.map((x, i) => itemSignals(x, i));
  signals.forEach((s) => corpus.add(s));
  return signals.map((s) => weigh(s, corpus));
}

