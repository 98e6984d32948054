/**
 * `source-diversity`: the cited sources come from enough independent publisher families, not from
 * us. A source whose title and text are another's, word for word (one feed read under two names),
 * counts for the family of the earliest of them only.
 */
import { contentKey } from '../../lib/text';
import type { SourceDoc } from '../types';
import { type CheckContext, isOwnSource } from './context';

export function checkSourceDiversity(ctx: CheckContext): string[] {
  const family = ctx.policy.publisherFamily ?? ((p: string) => p.trim().toLowerCase());
  const cited = [...new Set(ctx.passages.flatMap((p) => p.citations ?? []))].flatMap((n) => ctx.byNumber.get(n) ?? []);
  // Each cited source's content key, built once: a key is the whole text, normalised, and it was built three times per source.
  const keys = new Map(cited.map((s) => [s.doc, contentKey(s.doc.title, s.doc.text)]));
  const content = (doc: SourceDoc) => keys.get(doc)!;
  // Identical content belongs to the family that published it first.
  const firstFamily = new Map<string, string>();
  for (const { doc } of [...cited].sort((a, b) => (a.doc.publishedAt < b.doc.publishedAt ? -1 : a.doc.publishedAt > b.doc.publishedAt ? 1 : a.doc.n - b.doc.n))) {
    if (!firstFamily.has(content(doc))) firstFamily.set(content(doc), family(doc.publisher));
  }
  const families = new Map<string, string[]>();
  let own = 0;
  for (const s of cited) {
    if (isOwnSource(ctx, s.doc)) {
      own++;
      continue;
    }
    const f = firstFamily.get(content(s.doc))!;
    families.set(f, [...(families.get(f) ?? []), s.label]);
  }
  if (families.size >= ctx.policy.minPublishers) return [];
  if (families.size === 0) {
    return [own ? `the only cited sources are ${ctx.policy.siteName} itself: no real source behind the claims` : 'no cited source has a publisher'];
  }
  const list = [...families.entries()].map(([f, ls]) => `${f} (${ls.join(', ')})`).join('; ');
  return [`cited sources come from ${families.size} independent publisher famil${families.size === 1 ? 'y' : 'ies'} — ${list}; at least ${ctx.policy.minPublishers} are needed`];
}
