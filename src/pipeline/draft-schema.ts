/** The zod schema an ArticleDraft must satisfy, for writers' output and the `schema` check. */
import { z } from 'zod';
import { noHiddenControls } from '../lib/hidden-controls';
import type { ArticleDraft } from './types';

export const DRAFT_LIMITS = {
  title: { min: 30, max: 110 },
  dek: { min: 40, max: 300 },
  sections: { min: 2, max: 6 },
  paragraphsPerSection: { min: 1, max: 8 },
  paragraph: { min: 40, max: 1500 },
  heading: { min: 3, max: 90 },
  whatThisMeans: { min: 1, max: 4 },
  faq: { min: 2, max: 5 },
  question: { min: 10, max: 200 },
  tags: { max: 8 },
} as const;

/** Generated text must not carry links or markup: sources and links come from our records. `needs`: a character every match holds. */
const NO_MARKUP: readonly { re: RegExp; what: string; needs?: string }[] = [
  { re: /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.[a-z]/i, what: 'a URL' },
  // Script and data schemes: a tag or field that a careless consumer turns into a link must not run anything.
  { re: /\b(?:javascript|vbscript|data)\s*:/i, what: 'a script or data URL' },
  // Any tag opening, closed or not: a feed reader that renders text as HTML closes `<svg onload=…` itself.
  { re: /<[a-z/!?]/i, what: 'HTML markup' },
  { re: /\[[^[\]]{1,300}\]\([^()\s]{0,2000}\)/, what: 'a markdown link', needs: '](' },
  // Anchored at a token start with bounded parts: an unanchored `[\w.+-]+@` is quadratic on long words.
  { re: /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]+/, what: 'an e-mail address', needs: '@' },
];

const unmarked = (text: string, ctx: z.RefinementCtx) => {
  noHiddenControls(text, ctx);
  for (const { re, what, needs } of NO_MARKUP) {
    // A text without the character every match holds is not searched (the e-mail pattern is tried at every offset).
    if (needs !== undefined && !text.includes(needs)) continue;
    if (re.test(text)) ctx.addIssue({ code: 'custom', message: `contains ${what}` });
  }
};

const prose = (min: number, max: number) => z.string().trim().min(min).max(max).superRefine(unmarked);

// Building a zod schema costs more than using it (a few hundred µs a story): keep the last few, keyed by the source numbers.
const schemas = new Map<string, ReturnType<typeof buildDraftSchema>>();
const KEEP = 16;

/**
 * The draft schema for a given set of source numbers: every paragraph and answer
 * must cite at least one of them and nothing else. Built once per set of numbers.
 */
export function draftSchema(sourceNumbers: readonly number[]): ReturnType<typeof buildDraftSchema> {
  const key = sourceNumbers.join(',');
  let schema = schemas.get(key);
  if (!schema) {
    if (schemas.size >= KEEP) schemas.delete(schemas.keys().next().value!);
    schemas.set(key, (schema = buildDraftSchema(sourceNumbers)));
  }
  return schema;
}

function buildDraftSchema(sourceNumbers: readonly number[]) {
  const allowed = new Set(sourceNumbers);
  const cited = z.object({
    text: prose(DRAFT_LIMITS.paragraph.min, DRAFT_LIMITS.paragraph.max),
    citations: z
      .array(z.number().int())
      .min(1, 'cites no source')
      .refine((ns) => ns.every((n) => allowed.has(n)), {
        message: `cites a source number that does not exist (allowed: ${[...allowed].join(', ')})`,
      }),
  });
  return z.object({
    title: prose(DRAFT_LIMITS.title.min, DRAFT_LIMITS.title.max),
    dek: prose(DRAFT_LIMITS.dek.min, DRAFT_LIMITS.dek.max),
    category: z.string().trim().min(1).max(40).superRefine(unmarked),
    tags: z.array(z.string().trim().min(1).max(40).superRefine(unmarked)).max(DRAFT_LIMITS.tags.max),
    sections: z
      .array(
        z.object({
          heading: prose(DRAFT_LIMITS.heading.min, DRAFT_LIMITS.heading.max),
          paragraphs: z.array(cited).min(DRAFT_LIMITS.paragraphsPerSection.min).max(DRAFT_LIMITS.paragraphsPerSection.max),
        }),
      )
      .min(DRAFT_LIMITS.sections.min)
      .max(DRAFT_LIMITS.sections.max),
    whatThisMeans: z.array(cited).min(DRAFT_LIMITS.whatThisMeans.min).max(DRAFT_LIMITS.whatThisMeans.max),
    faq: z
      .array(z.object({ question: prose(DRAFT_LIMITS.question.min, DRAFT_LIMITS.question.max), answer: cited }))
      .min(DRAFT_LIMITS.faq.min)
      .max(DRAFT_LIMITS.faq.max),
  }) satisfies z.ZodType<ArticleDraft>;
}

/** Validation problems as lines a person (or a model on repair) can act on. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'draft'}: ${i.message}`);
}
