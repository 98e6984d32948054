/** `schema`: the draft has the ArticleDraft shape and lengths, and cites only existing sources. */
import { describeIssues, draftSchema } from '../draft-schema';
import type { CheckContext } from './context';

// Building a zod schema costs more than using it: keep the last few, keyed by the source numbers.
const schemas = new Map<string, ReturnType<typeof draftSchema>>();
const KEEP = 16;

function schemaFor(numbers: number[]): ReturnType<typeof draftSchema> {
  const key = numbers.join(',');
  let schema = schemas.get(key);
  if (!schema) {
    if (schemas.size >= KEEP) schemas.delete(schemas.keys().next().value!);
    schemas.set(key, (schema = draftSchema(numbers)));
  }
  return schema;
}

export function checkSchema(ctx: CheckContext): string[] {
  const parsed = schemaFor(ctx.sources.map((s) => s.n)).safeParse(ctx.draft);
  return parsed.success ? [] : describeIssues(parsed.error);
}
