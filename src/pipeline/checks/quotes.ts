/** `quotes`: every quotation of three or more words is verbatim in a cited source, from the speaker the text names. */
import { extractQuotes, sameSpeaker, speakerOf } from '../extract/quotes';
import { type CheckContext, excerpt, type IndexedSource, labels, matchTokens, sourcesFor } from './context';

export const MIN_QUOTE_WORDS = 3;

/** A quotation of the draft found in a source, for the quote-share measure of `verbatim`. */
export interface QuoteMatch {
  source: number;
  words: number;
}

export function checkQuotes(ctx: CheckContext): string[] {
  const details: string[] = [];
  for (const p of ctx.passages) {
    const pool = sourcesFor(ctx, p);
    for (const q of extractQuotes(p.text)) {
      const fragments = fragmentsOf(q.inner);
      if (fragments.flat().length < MIN_QUOTE_WORDS) continue;
      const found = locate(pool, fragments);
      if (!found) {
        const elsewhere = locate([...ctx.byNumber.values()].filter((s) => !pool.includes(s)), fragments);
        const hint = elsewhere ? ` (it is in ${elsewhere.source.label}, which the paragraph does not cite)` : '';
        details.push(`${p.where}: the quotation ${excerpt(q.inner, 90)} is not word for word in the cited ${labels(pool)}${hint}`);
        continue;
      }
      const said = speakerOf(p.text, q.start, q.end);
      if (!said) continue;
      const truth = sourceSpeaker(ctx, found.source, found.fragment);
      if (truth && !sameSpeaker(said, truth)) {
        details.push(`${p.where}: the quotation ${excerpt(q.inner, 70)} is attributed to ${said}, but ${found.source.label} attributes it to ${truth}`);
      }
    }
  }
  return details;
}

/** The words of a quotation, split at ellipses ("we will … ship" = two fragments that must appear in order). */
export function fragmentsOf(inner: string): string[][] {
  return inner
    .split(/\s*(?:…|\.\.\.|\[\.\.\.\])\s*/)
    .map((f) => matchTokens(f))
    .filter((f) => f.length);
}

/** The first source holding every fragment in order. */
export function locate(pool: IndexedSource[], fragments: string[][]): { source: IndexedSource; fragment: string[] } | null {
  for (const source of pool) {
    let at = 0;
    let ok = true;
    for (const f of fragments) {
      const i = source.matchString.indexOf(` ${f.join(' ')} `, at);
      if (i < 0) {
        ok = false;
        break;
      }
      at = i + f.join(' ').length;
    }
    if (ok) return { source, fragment: fragments.reduce((a, b) => (b.length > a.length ? b : a)) };
  }
  return null;
}

/** Who the source attributes the quoted words to, if it names anyone. */
export function sourceSpeaker(ctx: CheckContext, source: IndexedSource, fragment: string[]): string | null {
  let spans = ctx.sourceQuotes.get(source.doc.n);
  if (!spans) ctx.sourceQuotes.set(source.doc.n, (spans = extractQuotes(source.doc.text)));
  const needle = ` ${fragment.join(' ')} `;
  const text = source.doc.text;
  for (const span of spans) {
    if (!` ${matchTokens(span.inner).join(' ')} `.includes(needle)) continue;
    const direct = speakerOf(text, span.start, span.end);
    if (direct) return direct;
    // "She said:" or a pronoun: the last speaker the source named before this quotation.
    let last: string | null = null;
    for (const earlier of spans) {
      if (earlier.start >= span.start) break;
      last = speakerOf(text, earlier.start, earlier.end) ?? last;
    }
    return last;
  }
  return null;
}
