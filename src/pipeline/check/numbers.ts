/** `numbers`: every figure in the text is in a source the same paragraph cites, and in the place that source gives it. */
import { extractFigures, type Figure, supportKeys } from './extract/numbers';
import { extractQuotes, type QuoteSpan } from './extract/quotes';
import { type CheckContext, excerpt, figureNeighbours, type IndexedSource, labels, type SourceSentence, sentencesOf, sourcesFor } from './context';
import { normalizedText, passageQuotes, passageSentences, sentenceTokens } from './passages';
import { MIN_QUOTE_WORDS, quoteSource, quoteWords } from './quotes';
import { affinity, clearlyRestatesRival, type Neighbours, neighbours, type Restatement } from './restates';

// A rival place must beat the figure's own best place by this factor plus this margin (measured: npm run eval:checks).
const RIVAL_RATIO = 1.5;
const RIVAL_MARGIN = 0.6;

// Quantities can be swapped for one another; years and dates are held to presence (a shifted date is not in the source).
const COUNTED = new Set<Figure['kind']>(['number', 'percent', 'ordinal']);

export function checkNumbers(ctx: CheckContext): string[] {
  const details: string[] = [];
  const everySource = new Set(ctx.byNumber.keys());
  for (const p of ctx.passages) {
    const pool = sourcesFor(ctx, p);
    const poolNumbers = new Set(pool.map((s) => s.doc.n));
    const text = normalizedText(p);
    let quotes: QuoteSpan[] | undefined;
    for (const part of passageSentences(p)) {
      const { text: sentence, offset } = part;
      const figures = extractFigures(sentence);
      if (!figures.length) continue;
      for (const f of figures) {
        const havers = ctx.figureSources.get(f.key);
        const scope = f.soft ? everySource : poolNumbers;
        const inScope = havers ? [...havers].filter((n) => scope.has(n)) : [];
        if (!inScope.length) {
          const elsewhere = havers?.size ? ` (it is in ${[...havers].map((n) => ctx.byNumber.get(n)!.label).join(', ')}, which the paragraph does not cite)` : '';
          details.push(`${p.where}: ${describe(f)} is not in ${f.soft ? 'any source' : `the cited ${labels(pool)}`}${elsewhere} — ${excerpt(sentence)}`);
          continue;
        }
        // Titles, deks and headings compress a story: only cited paragraphs are held to their sources' places.
        if (p.citations === null || f.soft) continue;
        const attributed = attributedTo(sentence, f, pool);
        if (attributed && !attributed.some((s) => inScope.includes(s.doc.n))) {
          details.push(`${p.where}: ${describe(f)} is attributed to ${attributed[0]!.doc.publisher}, but ${labels(attributed)} does not give it — ${excerpt(sentence)}`);
          continue;
        }
        // A figure inside a quotation is in the right place when the quotation is verbatim in a cited source.
        // Offsets are in the normalised text: the passage's own quotations serve when that is the text as written.
        quotes ??= text === p.text ? passageQuotes(p) : extractQuotes(text);
        const quote = quotes.find((q) => q.start < offset + f.start && offset + f.start < q.end);
        if (quote) {
          if (quoteWords(p, quote.inner).words >= MIN_QUOTE_WORDS && !quoteSource(ctx, p, quote.inner)) {
            details.push(`${p.where}: ${describe(f)} is in a quotation that the cited ${labels(pool)} do not give word for word — ${excerpt(sentence)}`);
          }
          continue;
        }
        if (!COUNTED.has(f.kind)) continue;
        const tokens = sentenceTokens(part);
        const present = new Set(figures.filter((g) => g !== f).map((g) => g.key));
        const r = restatement(ctx, neighbours(tokens, f.start, f.start + f.raw.length), f, present, sentencesOf(ctx, pool));
        if (clearlyRestatesRival(r, RIVAL_RATIO, RIVAL_MARGIN)) {
          const rival = r.rivalAt!;
          details.push(`${p.where}: ${describe(f)} stands where ${ctx.byNumber.get(rival.s.n)!.label} gives "${rival.f.raw}" — ${excerpt(rival.s.text, 90)} — ${excerpt(sentence)}`);
        }
      }
    }
  }
  return details;
}

function describe(f: Figure): string {
  return f.kind === 'date' ? `the date "${f.raw}"` : `"${f.raw}"`;
}

/**
 * The cited sources of the publisher that the sentence credits with the figure: the
 * nearest publisher named before it ("Harbor Signal reports 42,000 applications").
 */
function attributedTo(sentence: string, f: Figure, pool: IndexedSource[]): IndexedSource[] | null {
  let best = -1;
  let publisher = '';
  for (const s of pool) {
    const name = s.doc.publisher;
    if (!name) continue;
    const i = sentence.lastIndexOf(name, f.start - name.length);
    if (i > best) [best, publisher] = [i, name];
  }
  return best < 0 ? null : pool.filter((s) => s.doc.publisher === publisher);
}

/**
 * The figure's best own place in the cited sentences against the best place of another
 * figure of its kind. Figures the draft sentence also gives are not rivals: a sentence
 * comparing two figures ("70.8 against Velda's 71.4") sits near both places.
 */
function restatement(
  ctx: CheckContext,
  mine: Neighbours,
  f: Figure,
  present: Set<string>,
  pool: Iterable<SourceSentence>,
): Restatement<{ s: SourceSentence; f: Figure }> {
  const out: Restatement<{ s: SourceSentence; f: Figure }> = { own: 0, rival: 0, rivalAt: null };
  if (mine.size < 2) return out;
  for (const s of pool) {
    if (!s.figures.length) continue;
    const around = figureNeighbours(s);
    s.figures.forEach((g, i) => {
      if (!COUNTED.has(g.kind) || g.soft) return;
      const own = supportKeys(g).includes(f.key);
      if (!own && (g.kind !== f.kind || present.has(g.key))) return;
      const score = affinity(mine, around[i]!, ctx.idf);
      if (own) out.own = Math.max(out.own, score);
      else if (score > out.rival) [out.rival, out.rivalAt] = [score, { s, f: g }];
    });
  }
  return out;
}
