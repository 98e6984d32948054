/** Tallies feedparser corpus outcomes per folder and prints them as a table (shared by the test and the eval script). */
import type { CaseOutcome, CorpusFile } from './feedparser-expect';

export interface FolderTally {
  pass: number;
  fail: number;
  skip: number;
}

export interface ConformanceTally {
  folders: Map<string, FolderTally>;
  failures: { path: string; detail: string }[];
  skipReasons: Map<string, number>;
}

export function tallyConformance(
  files: CorpusFile[],
  folderOf: (path: string) => string | undefined,
  run: (file: CorpusFile) => CaseOutcome,
): ConformanceTally {
  const tally: ConformanceTally = { folders: new Map(), failures: [], skipReasons: new Map() };
  for (const file of files) {
    const folder = folderOf(file.path);
    if (!folder) continue;
    const row = tally.folders.get(folder) ?? { pass: 0, fail: 0, skip: 0 };
    tally.folders.set(folder, row);
    const outcome = run(file);
    row[outcome.status] += 1;
    if (outcome.status === 'fail') tally.failures.push({ path: file.path, detail: outcome.detail });
    if (outcome.status === 'skip') {
      // Group reasons by their shape, not by the exact index.
      const reason = outcome.reason.replace(/\[\d+\]/g, '[i]');
      tally.skipReasons.set(reason, (tally.skipReasons.get(reason) ?? 0) + 1);
    }
  }
  return tally;
}

/** "folder  pass/total (pct)  skipped" lines, total = cases not skipped. */
export function conformanceTable(tally: ConformanceTally): string {
  const lines = ['folder                 pass/total    rate   skipped'];
  for (const [folder, { pass, fail, skip }] of tally.folders) {
    const total = pass + fail;
    const rate = total ? `${((100 * pass) / total).toFixed(1)}%` : '-';
    lines.push(`${folder.padEnd(22)} ${`${pass}/${total}`.padStart(9)} ${rate.padStart(7)} ${String(skip).padStart(9)}`);
  }
  return lines.join('\n');
}
