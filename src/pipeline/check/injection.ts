/** `injection`: the generated text carries no untrusted instruction, canary, link, address or markup. */
import { normalizeWhitespace } from '../../lib/text';
import { type QuoteSpan, unquotedSegments } from './extract/quotes';
import { findInstructionLikeText, findLinksAndMarkup } from '../injection';
import { type CheckContext, excerpt } from './context';
import { passageQuotes } from './passages';

// Shorter markers would match ordinary words by accident.
const MIN_MARKER_CHARS = 8;

export function checkInjection(ctx: CheckContext): string[] {
  const markers = ctx.policy.untrustedMarkers
    .map((m) => normalizeWhitespace(m).toLowerCase())
    .filter((m) => m.length >= MIN_MARKER_CHARS);
  const canary = ctx.policy.canary?.trim().toLowerCase();
  const details: string[] = [];
  const scan = (where: string, text: string, quotes?: QuoteSpan[]) => {
    if (canary || markers.length) {
      const flat = normalizeWhitespace(text).toLowerCase();
      if (canary && flat.includes(canary)) details.push(`${where}: contains the prompt's canary — the model leaked its instructions`);
      for (const m of markers) if (flat.includes(m)) details.push(`${where}: repeats text the prompt marked as untrusted instruction: ${excerpt(m, 80)}`);
    }
    for (const r of findLinksAndMarkup(text)) details.push(`${where}: contains ${r}`);
    // Quotations are checked against the sources by `quotes`; instructions are looked for in our own words.
    for (const segment of unquotedSegments(text, quotes)) {
      for (const r of findInstructionLikeText(segment)) details.push(`${where}: reads like an instruction to a model (${r})`);
    }
  };
  const tags = ctx.draft.tags?.map((t, i) => ({ where: `tag ${i + 1}`, text: String(t) })) ?? [];
  for (const p of ctx.passages) scan(p.where, p.text, passageQuotes(p));
  for (const t of tags) scan(t.where, t.text);
  return details;
}
