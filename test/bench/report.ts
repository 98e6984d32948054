/** Benchmark results: one row per figure, its target and the ratio (> 1 meets it), as a table or JSON. */

export interface Target {
  value: number;
  /** 'max': the figure must stay at or under the value; 'min': at or over it. */
  kind: 'max' | 'min';
}

export interface BenchResult {
  name: string;
  measured: number;
  unit: string;
  target?: Target;
  /** Meets the target when > 1 (or when both figure and target are 0); absent without a target. */
  ratio?: number;
  pass?: boolean;
  /** What was measured, in a few words (sizes, counts, spread). */
  note?: string;
}

/** A result row with its ratio and verdict filled in. */
export function result(name: string, measured: number, unit: string, target?: Target, note?: string): BenchResult {
  const row: BenchResult = { name, measured, unit };
  if (note) row.note = note;
  if (!target) return row;
  row.target = target;
  row.pass = target.kind === 'max' ? measured <= target.value : measured >= target.value;
  // A zero-count target has no meaningful ratio: only the verdict.
  if (target.value !== 0 && measured !== 0) row.ratio = target.kind === 'max' ? target.value / measured : measured / target.value;
  return row;
}

function figure(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  if (Math.abs(n) >= 0.1) return n.toFixed(2);
  return n.toFixed(4);
}

/** The results as an aligned text table, notes underneath each row. */
export function formatTable(results: BenchResult[]): string {
  const rows = results.map((r) => [
    r.name,
    `${figure(r.measured)} ${r.unit}`,
    r.target ? `${r.target.kind === 'max' ? '<=' : '>='} ${figure(r.target.value)} ${r.unit}` : '—',
    r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}x`,
    r.pass === undefined ? 'info' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const header = ['benchmark', 'measured', 'target', 'ratio', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  results.forEach((r, i) => {
    out.push(line(rows[i]!));
    if (r.note) out.push(`    ${r.note}`);
  });
  return out.join('\n');
}
