/** The evidence for the article's figures, dates and quotations: each cited sentence that supports them, with the claims it supports. */
import type { ArticleView } from '../../src/db/queries/views';

// Figures, dates and quotations are what readers check; names and status words stay in the editor API's record.
const SHOWN = new Set(['figure', 'date', 'quote']);
// The most supporting sentences listed on the page, and their length: the evidence is a reference, not a second article.
const MAX_PASSAGES = 10;
const MAX_CHARS = 140;

function cut(text: string): string {
  return text.length <= MAX_CHARS ? text : `${text.slice(0, MAX_CHARS - 1).trimEnd()}…`;
}

export function EvidenceList({ article }: { article: ArticleView }) {
  // One entry per supporting sentence: several claims often rest on the same one.
  const bySentence = new Map<string, { source: number; passage: string; claims: Set<string> }>();
  for (const e of article.evidence) {
    if (!SHOWN.has(e.kind)) continue;
    const key = `${e.source}|${e.passage}`;
    const entry = bySentence.get(key) ?? { source: e.source, passage: e.passage, claims: new Set<string>() };
    entry.claims.add(e.claim);
    bySentence.set(key, entry);
  }
  if (!bySentence.size) return null;
  const entries = [...bySentence.values()];
  const claims = entries.reduce((n, e) => n + e.claims.size, 0);
  const publisher = new Map(article.sources.map((s) => [s.n, s.publisher]));
  return (
    <>
      <h3>Evidence</h3>
      <details class="evidence">
        <summary>
          {claims} figures, dates and quotations, and the {entries.length} source sentences that support them
        </summary>
        <ul>
          {entries.slice(0, MAX_PASSAGES).map((e) => (
            <li>
              {[...e.claims].join(', ')}: <a href={`#source-${e.source}`}>[{e.source}]</a> {publisher.get(e.source) ?? ''}, “{cut(e.passage)}”
            </li>
          ))}
        </ul>
        {entries.length > MAX_PASSAGES && <p class="muted">The other {entries.length - MAX_PASSAGES} are in the article's record.</p>}
      </details>
    </>
  );
}
