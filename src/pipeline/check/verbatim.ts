/** `verbatim`: no long run of words copied from a source outside quotation marks; no source quoted for too much of the article. */
import { wordCount } from '../../lib/text';
import { unquotedSegments } from './extract/quotes';
import { type CheckContext, excerpt, type IndexedSource, matchTokens, matchTokensOf } from './context';
import { passageQuotes, passageWords } from './passages';
import { MIN_QUOTE_WORDS, quoteSource, quoteWords } from './quotes';
import { wordHashes, WordRuns } from './word-runs';

/**
 * Lower-case words a text writes with a capital inside a sentence: its names ("Abdel Fattah al-Burhan",
 * "Transitional Council"). Shared with the extractive writer, which must read a copy as this check does.
 */
export function namesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![.!?]\s|^)\b\p{Lu}[\p{L}'’.-]*/gu)) out.add(m[0].toLowerCase().replace(/['’]s$/, '').replace(/\.$/, ''));
  return out;
}

/** The words of a run that are the writer's own wording: not names, and a number's thousands ("136,000" is one figure) counted once. */
export function ownWords(run: readonly string[], names: ReadonlySet<string>): number {
  let n = 0;
  for (let k = 0; k < run.length; k++) {
    const w = run[k]!;
    if (names.has(w)) continue;
    if (/^\d{3}$/.test(w) && k > 0 && /^\d/.test(run[k - 1]!)) continue;
    n++;
  }
  return n;
}

export function checkVerbatim(ctx: CheckContext): string[] {
  const size = ctx.policy.maxVerbatimWords;
  const sources = [...ctx.byNumber.values()];
  const runs = Number.isInteger(size) && size > 0 ? hashedRuns(sources, size) : joinedRuns(sources, size);
  const details: string[] = [];
  const quoted = new Map<number, number>();
  let total = 0;
  for (const p of ctx.passages) {
    total += wordCount(p.text);
    const quotes = passageQuotes(p);
    for (const segment of unquotedSegments(p.text, quotes)) {
      // Without quotations the one segment is the whole text, whose words are already known.
      const t = quotes.length ? matchTokens(segment) : matchTokensOf(passageWords(p));
      const sourceOf = runs(t);
      for (let i = 0; i + size <= t.length; i++) {
        const n = sources[sourceOf(i)]?.doc.n;
        if (n === undefined) continue;
        // Extend to the whole copied run so the detail shows it once.
        let end = i + size;
        while (end < t.length && sourceOf(end - size + 1) >= 0) end++;
        // Names and figures cannot be paraphrased: a run that is long only because of them is not copying.
        if (ownWords(t.slice(i, end), namesIn(segment)) < size) {
          i = end - 1;
          continue;
        }
        details.push(`${p.where}: ${end - i} consecutive words copied from ${ctx.byNumber.get(n)!.label} outside quotation marks — ${excerpt(t.slice(i, end).join(' '), 140)}`);
        i = end - 1;
      }
    }
    for (const q of quotes) {
      const count = quoteWords(p, q.inner).words;
      if (count < MIN_QUOTE_WORDS) continue;
      const at = quoteSource(ctx, p, q.inner);
      if (at) quoted.set(at.source.doc.n, (quoted.get(at.source.doc.n) ?? 0) + count);
    }
  }
  for (const [n, count] of quoted) {
    const share = total ? count / total : 0;
    if (share > ctx.policy.maxQuoteShare) {
      details.push(`quotations from ${ctx.byNumber.get(n)!.label} make up ${Math.round(share * 100)}% of the article (${count} of ${total} words; limit ${Math.round(ctx.policy.maxQuoteShare * 100)}%)`);
    }
  }
  return details;
}

/** For a text's words: the first source (its index) that has the run of `size` words starting at word i, or -1. */
type Runs = (tokens: string[]) => (i: number) => number;

/** Every run of `size` source words, in a table keyed by a hash of its words (./word-runs). */
function hashedRuns(sources: IndexedSource[], size: number): Runs {
  const runs = new WordRuns(sources.map((s) => s.tokens), size);
  return (tokens) => {
    const hashes = wordHashes(tokens);
    return (i) => runs.find(tokens, hashes, i);
  };
}

/** The same index keyed by the runs' joined text: for a run length that is not a whole positive number (never configured). */
function joinedRuns(sources: IndexedSource[], size: number): Runs {
  const runs = new Map<string, number>();
  sources.forEach((s, text) => {
    for (let i = 0; i + size <= s.tokens.length; i++) {
      const key = s.tokens.slice(i, i + size).join(' ');
      if (!runs.has(key)) runs.set(key, text);
    }
  });
  return (tokens) => (i) => runs.get(tokens.slice(i, i + size).join(' ')) ?? -1;
}
