/** `verbatim`: no long run of words copied from a source outside quotation marks; no source quoted for too much of the article. */
import { wordCount } from '../../lib/text';
import { unquotedSegments } from '../extract/quotes';
import { type CheckContext, excerpt, matchTokens, matchTokensOf, passageQuotes, passageWords } from './context';
import { locateQuote, MIN_QUOTE_WORDS } from './quotes';

export function checkVerbatim(ctx: CheckContext): string[] {
  const size = ctx.policy.maxVerbatimWords;
  // Every run of `size` source words, keyed by its text: one pass per source, one lookup per draft position.
  const runs = new Map<string, number>();
  for (const s of ctx.byNumber.values()) {
    const run = runsOf(s.tokens, size, s.matchString, 1);
    for (let i = 0; i + size <= s.tokens.length; i++) {
      const key = run(i);
      if (!runs.has(key)) runs.set(key, s.doc.n);
    }
  }
  const details: string[] = [];
  const quoted = new Map<number, number>();
  let total = 0;
  for (const p of ctx.passages) {
    total += wordCount(p.text);
    const quotes = passageQuotes(p);
    for (const segment of unquotedSegments(p.text, quotes)) {
      // Without quotations the one segment is the whole text, whose words are already known.
      const t = quotes.length ? matchTokens(segment) : matchTokensOf(passageWords(p));
      if (t.length < size) continue;
      const run = runsOf(t, size, t.join(' '), 0);
      for (let i = 0; i + size <= t.length; i++) {
        const n = runs.get(run(i));
        if (n === undefined) continue;
        // Extend to the whole copied run so the detail shows it once.
        let end = i + size;
        while (end < t.length && runs.has(run(end - size + 1))) end++;
        details.push(`${p.where}: ${end - i} consecutive words copied from ${ctx.byNumber.get(n)!.label} outside quotation marks — ${excerpt(t.slice(i, end).join(' '), 140)}`);
        i = end - 1;
      }
    }
    for (const q of quotes) {
      const { words: count, at } = locateQuote(ctx, p, q.inner);
      if (count < MIN_QUOTE_WORDS) continue;
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

/**
 * The run of `size` tokens from token i, as a slice of `joined` (the tokens joined by single
 * spaces, starting at offset `from`): the same key as `tokens.slice(i, i + size).join(' ')`, without building it.
 */
function runsOf(tokens: string[], size: number, joined: string, from: number): (i: number) => string {
  const starts = new Int32Array(tokens.length + 1);
  for (let i = 0, at = from; i <= tokens.length; i++) {
    starts[i] = at;
    if (i < tokens.length) at += tokens[i]!.length + 1;
  }
  return (i) => joined.slice(starts[i]!, starts[i + size]! - 1);
}
