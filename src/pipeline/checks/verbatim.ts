/** `verbatim`: no long run of words copied from a source outside quotation marks; no source quoted for too much of the article. */
import { wordCount } from '../../lib/text';
import { unquotedSegments } from '../extract/quotes';
import { type CheckContext, excerpt, type IndexedSource, matchTokens, matchTokensOf } from './context';
import { passageQuotes, passageWords } from './passages';
import { locateQuote, MIN_QUOTE_WORDS } from './quotes';

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

/** For a text's words: the first source (its index) that has the run of `size` words starting at word i, or -1. */
type Runs = (tokens: string[]) => (i: number) => number;

// Multiplier of the polynomial hash of a run's word hashes (the FNV prime: an odd constant that spreads the bits).
const HASH_BASE = 0x01000193;

/** FNV-1a hash of each word: cheaper than looking words up in a vocabulary, and runs are confirmed word by word anyway. */
function wordHashes(tokens: string[]): Int32Array {
  const out = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!;
    let h = 0x811c9dc5;
    for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), HASH_BASE);
    out[i] = h;
  }
  return out;
}

/**
 * Every run of `size` source words in an open-addressing table keyed by a hash of its words:
 * no run is built as a string. Equal hashes are confirmed word by word, so the answer is exact.
 */
function hashedRuns(sources: IndexedSource[], size: number): Runs {
  const texts = sources.map((s) => s.tokens);
  const hashes = texts.map(wordHashes);
  let count = 0;
  for (const t of texts) count += Math.max(0, t.length - size + 1);
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  const mask = capacity - 1;
  // Slot -> index of the source whose run it holds (-1 = empty) and where that run starts.
  const slotText = new Int32Array(capacity).fill(-1);
  const slotStart = new Int32Array(capacity);
  const slotFor = (words: string[], wordHash: Int32Array, i: number) => {
    let h = 0;
    for (let k = i; k < i + size; k++) h = (Math.imul(h, HASH_BASE) + wordHash[k]!) | 0;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const text = slotText[slot]!;
      if (text < 0) return slot;
      const other = texts[text]!;
      const at = slotStart[slot]!;
      let k = 0;
      while (k < size && other[at + k] === words[i + k]) k++;
      if (k === size) return slot;
    }
  };
  texts.forEach((words, text) => {
    for (let i = 0; i + size <= words.length; i++) {
      const slot = slotFor(words, hashes[text]!, i);
      // The first source to give a run keeps it.
      if (slotText[slot]! < 0) [slotText[slot], slotStart[slot]] = [text, i];
    }
  });
  return (tokens) => {
    const wordHash = wordHashes(tokens);
    return (i) => slotText[slotFor(tokens, wordHash, i)]!;
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
