/** `schema`: the draft has the ArticleDraft shape and lengths, and cites only existing sources. */
import { describeIssues, draftSchema } from '../draft-schema';
import type { CheckContext } from './context';

export function checkSchema(ctx: CheckContext): string[] {
  const parsed = draftSchema(ctx.sources.map((s) => s.n)).safeParse(ctx.draft);
  return parsed.success ? [] : describeIssues(parsed.error);
}
