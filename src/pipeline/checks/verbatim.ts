/** `verbatim`: no long run of words copied from a source outside quotation marks; no source quoted for too much of the article. */
import { wordCount } from '../../lib/text';
import { extractQuotes, unquotedSegments } from '../extract/quotes';
import { type CheckContext, excerpt, matchTokens } from './context';
import { fragmentsOf, locate, MIN_QUOTE_WORDS } from './quotes';

export function checkVerbatim(ctx: CheckContext): string[] {
  const size = ctx.policy.maxVerbatimWords;
  // Every run of `size` source words, keyed by its text: one pass per source, one lookup per draft position.
  const runs = new Map<string, number>();
  for (const s of ctx.byNumber.values()) {
    const t = s.tokens;
    for (let i = 0; i + size <= t.length; i++) {
      const key = t.slice(i, i + size).join(' ');
      if (!runs.has(key)) runs.set(key, s.doc.n);
    }
  }
  const details: string[] = [];
  const quoted = new Map<number, number>();
  let total = 0;
  for (const p of ctx.passages) {
    total += wordCount(p.text);
    const quotes = extractQuotes(p.text);
    for (const segment of unquotedSegments(p.text, quotes)) {
      const t = matchTokens(segment);
      for (let i = 0; i + size <= t.length; i++) {
        const n = runs.get(t.slice(i, i + size).join(' '));
        if (n === undefined) continue;
        // Extend to the whole copied run so the detail shows it once.
        let end = i + size;
        while (end < t.length && runs.has(t.slice(end - size + 1, end + 1).join(' '))) end++;
        details.push(`${p.where}: ${end - i} consecutive words copied from ${ctx.byNumber.get(n)!.label} outside quotation marks — ${excerpt(t.slice(i, end).join(' '), 140)}`);
        i = end - 1;
      }
    }
    const pool = p.citations ? p.citations.map((n) => ctx.byNumber.get(n)).filter((s) => s !== undefined) : [...ctx.byNumber.values()];
    for (const q of quotes) {
      const fragments = fragmentsOf(q.inner);
      const count = fragments.flat().length;
      if (count < MIN_QUOTE_WORDS) continue;
      const at = locate(pool, fragments);
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
