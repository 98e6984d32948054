/** An ArticleDraft flattened to plain text, for search, word counts and similarity. */
import type { ArticleDraft } from '../pipeline/types';

/** Every paragraph of the draft in reading order (sections, What This Means, FAQ). */
export function draftParagraphs(draft: ArticleDraft): string[] {
  return [
    ...draft.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)]),
    ...draft.whatThisMeans.map((p) => p.text),
    ...draft.faq.flatMap((f) => [f.question, f.answer.text]),
  ];
}

/** The body as plain text, paragraphs separated by blank lines (title and dek excluded). */
export function draftBodyText(draft: ArticleDraft): string {
  return draftParagraphs(draft).join('\n\n');
}

const cites = (c: number[]) => (c.length ? ` [${c.join(', ')}]` : '');

/** The whole draft as labelled lines (headline, standfirst, category, tags, headings, cited paragraphs), for comparing two versions. */
export function draftLines(draft: ArticleDraft): string[] {
  return [
    `Headline: ${draft.title}`,
    `Standfirst: ${draft.dek}`,
    `Category: ${draft.category}`,
    `Tags: ${draft.tags.join(', ')}`,
    ...draft.sections.flatMap((s) => [`## ${s.heading}`, ...s.paragraphs.map((p) => `${p.text}${cites(p.citations)}`)]),
    '## What This Means',
    ...draft.whatThisMeans.map((p) => `${p.text}${cites(p.citations)}`),
    '## FAQ',
    ...draft.faq.flatMap((f) => [`Q: ${f.question}`, `A: ${f.answer.text}${cites(f.answer.citations)}`]),
  ];
}

/**
 * The text the search index holds for the body: paragraphs and FAQ, without section headings,
 * so a snippet never opens on a heading like "What happened".
 */
export function draftSearchText(draft: ArticleDraft): string {
  return [
    ...draft.sections.flatMap((s) => s.paragraphs.map((p) => p.text)),
    ...draft.whatThisMeans.map((p) => p.text),
    ...draft.faq.flatMap((f) => [f.question, f.answer.text]),
  ].join('\n\n');
}
