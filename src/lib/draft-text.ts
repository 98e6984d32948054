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
