/** `links`: every outbound link is one of our source records' URLs, over http or https. */
import type { CheckContext } from './context';

function normalize(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

export function checkLinks(ctx: CheckContext): string[] {
  const known = new Set(ctx.sources.map((s) => normalize(s.url)).filter((u): u is string => u !== null));
  const links = ctx.policy.linkUrls ?? ctx.sources.map((s) => s.url);
  const details: string[] = [];
  for (const link of links) {
    const u = normalize(link);
    if (!u) details.push(`link "${link.slice(0, 120)}" is not a valid URL`);
    else if (!/^https?:$/.test(new URL(u).protocol)) details.push(`link "${link.slice(0, 120)}" is not http or https`);
    else if (!known.has(u)) details.push(`link "${link.slice(0, 120)}" is not one of the article's source records`);
  }
  return details;
}
