/** Small presentation helpers shared by the templates: dates, labels, safe JSON-LD text. */

// Built once: constructing Intl formatters per call is the expensive part of date formatting.
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** "12 Mar 2026, 14:05 UTC" (or the raw text when it is not a date). */
export function formatDateTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${DATE_TIME.format(t)} UTC`;
}

export function formatDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : DATE.format(t);
}

/** A source's name with its publisher in brackets, unless the two are the same ("Gazette Alpine", not "Gazette Alpine (Gazette Alpine)"). */
export function publisherAside(name: string, publisher: string): string | null {
  return name.trim().toLowerCase() === publisher.trim().toLowerCase() ? null : publisher;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Whether a standfirst mostly repeats its headline (seven in ten of the headline's words), as an
 * extractive dek often does; a listing then shows the headline alone rather than it twice.
 */
export function restatesHeadline(title: string, dek: string): boolean {
  const words = (text: string) => (text.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 2);
  const inDek = new Set(words(dek));
  const titleWords = words(title);
  return titleWords.length > 0 && titleWords.filter((w) => inDek.has(w)).length / titleWords.length >= 0.7;
}

/** How the writer is disclosed to readers. */
export function writerLabel(writer: string, model: string | null): string {
  if (writer === 'extractive') return 'written by the extractive writer (no language model)';
  if (writer === 'workers-ai') return `written by a language model on Workers AI (${model ?? 'model not recorded'})`;
  if (writer === 'openai-compatible') return `written by a language model through an OpenAI-compatible endpoint (${model ?? 'model not recorded'})`;
  return `written by ${writer}${model ? ` (${model})` : ''}`;
}

/** What each mechanical check verifies, in a reader's words. */
export const CHECK_LABELS: Readonly<Record<string, string>> = {
  schema: 'Structure: sections, summary and FAQ are complete, with no links or markup in the text',
  citations: 'Every paragraph cites at least one listed source',
  'source-diversity': 'Reported by independent publishers',
  numbers: 'Every number appears in a cited source',
  quotes: 'Every quotation appears word for word in a source',
  entities: 'Names of people and organisations appear in the sources',
  verbatim: 'No long passages copied without quotation marks',
  freshness: 'The sources are recent',
  duplicate: 'Not a repeat of an article already published',
  injection: 'No instructions hidden in source text were followed',
  links: 'Every source link is a real web address from our records',
  readability: 'Reads as finished prose: no sentence cut off or said twice, no pronoun left unexplained, and not mostly quotation',
};

const VERSION_REASONS: Readonly<Record<string, string>> = {
  initial: 'First published',
  resynthesis: 'Rewritten as new sources reported the story',
  correction: 'Corrected',
  edit: 'Edited by an editor',
};

export function versionReason(reason: string): string {
  return VERSION_REASONS[reason] ?? reason;
}

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;
const escapeChar = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON for a <script type="application/ld+json"> element: no `</script>`, no HTML-significant characters. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(UNSAFE_IN_SCRIPT, escapeChar);
}
