/**
 * The NeuS data set (HLTCHKUST/framing-bias-metric, data/naacl2022_lrc_roundup_random_order_probe):
 * real events, each three publishers' headline and opening paragraphs plus a neutral human summary.
 * It is read from outside the repository (`NEUS_DIR`, holding `train.source` and `train.target`);
 * the publishers' text is never committed. Evaluations skip their real-news part, with one line, when it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One publisher's report of an event: its headline and opening paragraph(s). */
export interface NeusReport {
  title: string;
  text: string;
}

/** One event: its index in the split's files, three reports and the neutral summary. */
export interface NeusEvent {
  index: number;
  reports: NeusReport[];
  /** The neutral human summary (train.target), split like a report. */
  summary: NeusReport;
}

/** Fictional names for the three report positions: NeuS does not say which outlet wrote which. */
export const NEUS_PUBLISHERS = ['Meridian Times', 'Coastal Herald', 'Prairie Journal'] as const;

/** An event's reports (at most three) as numbered sources under our fictional publishers, all published at `at` (ISO). */
export function neusSources(event: NeusEvent, at: string): { n: number; publisher: string; url: string; title: string; text: string; publishedAt: string }[] {
  return event.reports.slice(0, NEUS_PUBLISHERS.length).map((r, i) => ({
    n: i + 1,
    publisher: NEUS_PUBLISHERS[i]!,
    url: `https://${NEUS_PUBLISHERS[i]!.toLowerCase().replace(/\s+/g, '-')}.example/${event.index}`,
    title: r.title,
    text: r.text,
    publishedAt: at,
  }));
}

/** The folder named by `NEUS_DIR`, or null (with the reason) when it does not hold the train split. */
export function neusDir(): { dir: string } | { missing: string } {
  const dir = process.env.NEUS_DIR;
  if (!dir) return { missing: 'NEUS_DIR is not set (the folder holding the NeuS train.source and train.target)' };
  if (!existsSync(join(dir, 'train.source'))) return { missing: `${join(dir, 'train.source')} does not exist` };
  return { dir };
}

function report(part: string): NeusReport {
  const [head = '', ...rest] = part.split(' ARTICLE=> ');
  return { title: head.replace(/^\s*TITLE=>\s*/, '').replace(/\.\s*$/, '').trim(), text: rest.join(' ARTICLE=> ').trim() };
}

/** Every event of a split (only `train` is for development). */
export function loadNeus(dir: string, split: 'train' = 'train'): NeusEvent[] {
  const sources = readFileSync(join(dir, `${split}.source`), 'utf8').split('\n');
  const targets = readFileSync(join(dir, `${split}.target`), 'utf8').split('\n');
  const out: NeusEvent[] = [];
  sources.forEach((line, index) => {
    if (!line.trim()) return;
    out.push({ index, reports: line.split(' [SEP] ').map(report), summary: report(targets[index] ?? '') });
  });
  return out;
}
