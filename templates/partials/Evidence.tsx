/** The evidence for the article's figures, dates and quotations: each with the cited source's sentence that supports it. */
import type { ArticleView } from '../../src/db/queries/views';

// Figures, dates and quotations are what readers check; names and status words stay in the editor API's record.
const SHOWN = new Set(['figure', 'date', 'quote']);
// The most claims listed on the page: a long article's evidence stays a reference, not a second article.
const MAX_SHOWN = 30;

export function EvidenceList({ article }: { article: ArticleView }) {
  const seen = new Set<string>();
  const items = article.evidence.filter((e) => {
    const key = `${e.kind}|${e.claim}|${e.source}`;
    if (!SHOWN.has(e.kind) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (!items.length) return null;
  const publisher = new Map(article.sources.map((s) => [s.n, s.publisher]));
  return (
    <>
      <h3>Evidence for each figure, date and quotation</h3>
      <details class="evidence">
        <summary>{items.length} claims, each with the sentence of the cited source that supports it</summary>
        <dl>
          {items.slice(0, MAX_SHOWN).map((e) => (
            <>
              <dt>
                {e.claim} <span class="muted">({e.where})</span>
              </dt>
              <dd>
                <a href={`#source-${e.source}`}>[{e.source}] {publisher.get(e.source) ?? 'source'}</a>: “{e.passage}”
              </dd>
            </>
          ))}
        </dl>
        {items.length > MAX_SHOWN && <p class="muted">and {items.length - MAX_SHOWN} more in the article's record.</p>}
      </details>
    </>
  );
}
