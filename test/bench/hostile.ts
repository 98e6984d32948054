/**
 * Hostile inputs for the checks and the clusterer: what a feed body or a model's output can hold that no news does (runs of
 * stops, unclosed quotation marks, thousands of attributions or figures in one sentence). Each once cost seconds to a
 * minute of CPU (found by a newcomer's fuzzing, 2026-12-02): the benchmark keeps each within a bounded budget.
 */
import type { ArticleDraft, ClusterItem, SourceDoc } from '../../src/pipeline/types';
import type { LongArticle } from './article';

export interface HostileCheck {
  name: string;
  draft: ArticleDraft;
  sources: SourceDoc[];
}

/** `text` repeated to `chars` characters. */
const run = (text: string, chars: number) => text.repeat(Math.ceil(chars / text.length)).slice(0, chars);

/** The long article's draft with every paragraph's text replaced by `text`. */
function everyParagraph(draft: ArticleDraft, text: string): ArticleDraft {
  return { ...draft, sections: draft.sections.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs.map((p) => ({ text, citations: p.citations })) })) };
}

/** The long article's draft with its first paragraph's text replaced by `text`. */
function firstParagraph(draft: ArticleDraft, text: string): ArticleDraft {
  const [first, ...rest] = draft.sections;
  return { ...draft, sections: [{ heading: first!.heading, paragraphs: [{ ...first!.paragraphs[0]!, text }, ...first!.paragraphs.slice(1)] }, ...rest] };
}

/** Hostile variants of the long article: its sources grown by 40 KB of a payload each, or its paragraphs replaced by one. */
export function hostileChecks(article: LongArticle): HostileCheck[] {
  const grown = (payload: string, chars = 40_000) => article.sources.map((s) => ({ ...s, text: `${s.text} ${run(payload, chars)}` }));
  return [
    { name: 'sources + 40 KB of "“he said that"', draft: article.draft, sources: grown('“he said that ') },
    { name: "sources + 40 KB of unclosed \"'a\"", draft: article.draft, sources: grown("'a ") },
    { name: 'sources + 40 KB of "."', draft: article.draft, sources: grown('.') },
    { name: 'sources + 20 KB of "from 5"', draft: article.draft, sources: grown('from 5 ', 20_000) },
    { name: 'every paragraph 5,000 chars of "Smith said"', draft: everyParagraph(article.draft, run('Smith said ', 5_000)), sources: article.sources },
    { name: 'a paragraph of 5,000 chars of figures', draft: firstParagraph(article.draft, `Sales rose ${run('from 5 to 6 and ', 4_980)}.`), sources: article.sources },
    // Found by a newcomer's fuzzing, 2026-12-03: a run of a thousand capitalised words (acronyms of every span, once cubic)
    // and one figure repeated in a paragraph against sources full of it (each repeat read every cited figure again).
    { name: 'sources + 3 KB of "Aa " capitalised words', draft: firstParagraph(article.draft, 'The fare council met with XQZ officials about a new plan on Tuesday.'), sources: grown('Aa ', 3_000) },
    { name: 'a paragraph of 4,000 chars of "5-" against sources + 20 KB of it', draft: firstParagraph(article.draft, run('5-', 4_000)), sources: grown('5-', 20_000) },
  ];
}

/** `items` with every `every`-th item's text grown by `chars` characters of full stops. */
export function withStopRuns(items: ClusterItem[], every: number, chars: number): ClusterItem[] {
  return items.map((item, i) => (i % every === 0 ? { ...item, text: `${item.text} ${'.'.repeat(chars)}` } : item));
}
