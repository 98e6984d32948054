/** `source-diversity`: the cited sources come from enough independent publisher families, not from us. */
import { type CheckContext, isOwnSource } from './context';

export function checkSourceDiversity(ctx: CheckContext): string[] {
  const family = ctx.policy.publisherFamily ?? ((p: string) => p.trim().toLowerCase());
  const cited = new Set(ctx.passages.flatMap((p) => p.citations ?? []));
  const families = new Map<string, string[]>();
  let own = 0;
  for (const n of cited) {
    const s = ctx.byNumber.get(n);
    if (!s) continue;
    if (isOwnSource(ctx, s.doc)) {
      own++;
      continue;
    }
    const f = family(s.doc.publisher);
    families.set(f, [...(families.get(f) ?? []), s.label]);
  }
  if (families.size >= ctx.policy.minPublishers) return [];
  if (families.size === 0) {
    return [own ? `the only cited sources are ${ctx.policy.siteName} itself: no real source behind the claims` : 'no cited source has a publisher'];
  }
  const list = [...families.entries()].map(([f, ls]) => `${f} (${ls.join(', ')})`).join('; ');
  return [`cited sources come from ${families.size} independent publisher famil${families.size === 1 ? 'y' : 'ies'} — ${list}; at least ${ctx.policy.minPublishers} are needed`];
}
