/**
 * A small text diff for the desk's version comparison: lines matched by longest common
 * subsequence, then words within each changed pair of lines, so an edit of one word shows as
 * one word. Pure and dependency-free (runs in workerd and Node). Costs O(n·m) per level, which
 * is nothing for an article's few dozen lines of a few dozen words.
 */

export interface DiffPart {
  op: 'same' | 'ins' | 'del';
  text: string;
}

/** One line of the comparison: kept, added, removed, or changed (with its word-level parts). */
export interface DiffLine {
  op: 'same' | 'ins' | 'del' | 'changed';
  parts: DiffPart[];
}

type Op = { op: 'same' | 'ins' | 'del'; a: number; b: number };

/** The edit script turning `a` into `b` (indexes into each), by longest common subsequence. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ op: 'same', a: i++, b: j++ });
    // On a tie the removal comes first, so a replaced word reads "<del>old</del><ins>new</ins>".
    else if (j < m && (i === n || lcs[i * width + j + 1]! > lcs[(i + 1) * width + j]!)) ops.push({ op: 'ins', a: i, b: j++ });
    else ops.push({ op: 'del', a: i++, b: j });
  }
  return ops;
}

/** Merges neighbouring parts of the same kind, so the markup has one <ins> per run of added words. */
function merged(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last && last.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** Word-level diff of two strings; whitespace runs are tokens too, so the parts rebuild both texts exactly. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  const raw: DiffPart[] = editScript(a, b).map((o) => ({ op: o.op, text: o.op === 'ins' ? b[o.b]! : a[o.a]! }));
  // A space between two changed words belongs to the change: one <del> and one <ins> per changed phrase, not per word.
  const out: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ op: 'del', text: del });
    if (ins) out.push({ op: 'ins', text: ins });
    del = ins = '';
  };
  raw.forEach((p, k) => {
    if (p.op === 'del') del += p.text;
    else if (p.op === 'ins') ins += p.text;
    else if ((del || ins) && /^\s+$/.test(p.text) && raw[k + 1] && raw[k + 1]!.op !== 'same') {
      del += p.text;
      ins += p.text;
    } else {
      flush();
      out.push(p);
    }
  });
  flush();
  return merged(out);
}

/** Line-level diff; a run of removed lines followed by added ones is compared word by word, pair by pair. */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  const out: DiffLine[] = [];
  let dels: string[] = [];
  let ins: string[] = [];
  const flush = () => {
    const pairs = Math.min(dels.length, ins.length);
    for (let k = 0; k < pairs; k++) out.push({ op: 'changed', parts: diffWords(dels[k]!, ins[k]!) });
    for (const text of dels.slice(pairs)) out.push({ op: 'del', parts: [{ op: 'del', text }] });
    for (const text of ins.slice(pairs)) out.push({ op: 'ins', parts: [{ op: 'ins', text }] });
    dels = [];
    ins = [];
  };
  for (const o of editScript(before, after)) {
    if (o.op === 'del') dels.push(before[o.a]!);
    else if (o.op === 'ins') ins.push(after[o.b]!);
    else {
      flush();
      out.push({ op: 'same', parts: [{ op: 'same', text: before[o.a]! }] });
    }
  }
  flush();
  return out;
}
