/** `freshness`: the newest cited source is recent enough to call this news. */
import { HOUR_MS } from '../../lib/time';
import type { CheckContext } from './context';

export function checkFreshness(ctx: CheckContext): string[] {
  const now = Date.parse(ctx.now);
  if (Number.isNaN(now)) return [`the check time "${ctx.now}" is not a valid ISO date`];
  const cited = new Set(ctx.passages.flatMap((p) => p.citations ?? []));
  const pool = [...ctx.byNumber.values()].filter((s) => cited.has(s.doc.n));
  const details: string[] = [];
  let newest: { label: string; at: number } | null = null;
  for (const s of pool.length ? pool : [...ctx.byNumber.values()]) {
    const at = Date.parse(s.doc.publishedAt);
    if (Number.isNaN(at)) {
      details.push(`${s.label}: publication time "${s.doc.publishedAt}" is not a valid date`);
      continue;
    }
    if (!newest || at > newest.at) newest = { label: s.label, at };
  }
  if (!newest) return details.length ? details : ['no source has a publication time'];
  const hours = (now - newest.at) / HOUR_MS;
  if (hours > ctx.policy.freshnessHours) {
    return [`the newest cited source, ${newest.label}, was published ${Math.round(hours)} hours before the check (limit ${ctx.policy.freshnessHours} hours)`];
  }
  return [];
}
