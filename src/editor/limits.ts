/** The length limits of editors' input: the server's zod schemas and the desk's form attributes read these same numbers. */
import { DRAFT_LIMITS } from '../pipeline/draft-schema';
import { SOURCE_NAME_LIMITS } from '../pipeline/ingest/sources';

export const INPUT_LIMITS = {
  /** A reason to publish a held version or to unpublish (shown to readers or recorded). */
  reason: { min: 3, max: 2000 },
  /** A correction's public notice. */
  correctionNotice: { min: 10, max: 2000 },
  /** An edited headline, standfirst, or corrected paragraph: what a draft allows. */
  title: DRAFT_LIMITS.title,
  dek: DRAFT_LIMITS.dek,
  paragraph: DRAFT_LIMITS.paragraph,
  /** A source's name and publisher. */
  sourceName: SOURCE_NAME_LIMITS,
  /** An editor token's name. */
  tokenName: { min: 1, max: 80 },
} as const;
