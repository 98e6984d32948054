/** Whether a rewritten sentence still credits each quotation to the speaker the source sentence credits. */
import { extractQuotes, sameSpeaker, speakerOf } from '../../check/extract/quotes';
import { MIN_QUOTE_WORDS } from '../../check/quotes';
import { words } from '../../../lib/text';

/**
 * True when every quotation the source sentence carries is, in `rendered`, given to no one or to the same
 * speaker (as the `quotes` check reads speakers): an attribution inserted near a quotation ("…, according to
 * P, …") or an aside dropped with the speaker's name in it must not hand the words to someone else.
 * Quotations we added (a phrase of the outlet's own) have no speaker in the source and are not judged.
 */
export function keepsSpeakers(original: string, rendered: string): boolean {
  if (!/["“]/.test(original)) return true;
  const said = new Map<string, string | null>();
  for (const q of extractQuotes(original)) said.set(q.inner.trim(), speakerOf(original, q.start, q.end));
  for (const q of extractQuotes(rendered)) {
    const inner = q.inner.trim();
    if (!said.has(inner) || words(inner).length < MIN_QUOTE_WORDS) continue;
    const now = speakerOf(rendered, q.start, q.end);
    const before = said.get(inner);
    if (now && !(before && sameSpeaker(now, before))) return false;
  }
  return true;
}

/**
 * True unless the headline gives one of its quotations to a speaker other than the one a report's text gives the
 * same words to, as the `quotes` check reads both (in any report the paragraph may cite; the speaker named at the
 * quotation, else the last one named before it): "X asked if he's 'living in a fantasy world'" when the text has
 * the host asking.
 */
export function headlineKeepsSpeakers(headline: string, texts: readonly string[]): boolean {
  if (!/["“‘']/.test(headline)) return true;
  for (const q of extractQuotes(headline)) {
    const said = speakerOf(headline, q.start, q.end);
    const needle = ` ${words(q.inner).join(' ')} `;
    if (!said || needle.length < 3) continue;
    for (const text of texts) {
      const spans = extractQuotes(text);
      const at = spans.findIndex((s) => ` ${words(s.inner).join(' ')} `.includes(needle));
      if (at < 0) continue;
      let truth: string | null = null;
      for (let i = at; i >= 0 && !truth; i--) truth = speakerOf(text, spans[i]!.start, spans[i]!.end);
      if (truth && !sameSpeaker(said, truth)) return false;
    }
  }
  return true;
}
