/** Validation problems of an editor's input as plain sentences: "The headline needs at least 30 characters." */
import type { z } from 'zod';

/** What each field of a draft or an editor's form is called on the desk. */
const FIELD_NAMES: Record<string, string> = {
  title: 'The headline',
  dek: 'The standfirst',
  category: 'The category',
  tags: 'The tags',
  reason: 'The reason',
  text: 'The correction notice',
  sections: 'The sections',
  whatThisMeans: '“What this means”',
  faq: 'The reader questions',
};

/** "sections.1.paragraphs.0.text" -> "Paragraph 1 of section 2". */
function fieldName(path: readonly PropertyKey[]): string {
  const p = path.map(String);
  const n = (i: number) => Number(p[i]) + 1;
  if (p[0] === 'sections' && p.length >= 2) {
    if (p[2] === 'heading') return `The heading of section ${n(1)}`;
    if (p[2] === 'paragraphs' && p.length >= 4) return `Paragraph ${n(3)} of section ${n(1)}`;
    if (p[2] === 'paragraphs') return `Section ${n(1)}`;
    return `Section ${n(1)}`;
  }
  if (p[0] === 'whatThisMeans' && p.length >= 2) return `Paragraph ${n(1)} of “What this means”`;
  if (p[0] === 'faq' && p.length >= 2) return p[2] === 'question' ? `Reader question ${n(1)}` : `The answer to reader question ${n(1)}`;
  if (p[0] === 'tags' && p.length >= 2) return `Tag ${n(1)}`;
  return FIELD_NAMES[p[0] ?? ''] ?? (p.length ? `The field ${p.join('.')}` : 'The form');
}

/** One issue as a sentence, from its kind and limits (a schema's own wording is kept for custom rules). */
export function issueSentence(issue: z.core.$ZodIssue): string {
  const field = fieldName(issue.path);
  const what = issue.path.at(-1) === 'citations' ? ' cited sources' : '';
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string'
        ? `${field} needs at least ${issue.minimum} characters.`
        : `${field} needs at least ${issue.minimum}${what || ' entries'}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `${field} may have at most ${issue.maximum} characters.`
        : `${field} may have at most ${issue.maximum}${what || ' entries'}.`;
    case 'invalid_type':
      return issue.input === undefined ? `${field} is missing.` : `${field} is not in the right form.`;
    case 'custom':
      return `${field} ${issue.message.replace(/\.$/, '')}.`;
    default:
      return `${field}: ${issue.message.replace(/\.$/, '')}.`;
  }
}

/**
 * Every issue of a failed parse as sentences, one after another.
 * @example issueSentences(schema.safeParse(form).error!) // "The headline needs at least 30 characters."
 */
export function issueSentences(error: z.ZodError): string {
  return [...new Set(error.issues.map(issueSentence))].join(' ');
}
