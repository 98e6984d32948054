/** Plain text of a feed's HTML field, reading HTML that the publisher escaped twice. */
import { htmlToText } from '../../../lib/html-text';

/** Markup left in the text after one reading: a closing tag, plus a tag at the start or several tags. */
const CLOSING_TAG = /<\/(?:p|div|span|a|b|i|em|strong|li|ul|ol|h[1-6]|blockquote|figure|figcaption|table|tr|td|section|article)>/i;
const ANY_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;

/**
 * htmlToText, and once more when what comes out is still HTML (`&amp;lt;p&amp;gt;` in the feed).
 * An article that merely mentions a tag keeps it: markup counts only when it closes an element and
 * opens the text or appears three times.
 * @example htmlText('&lt;p&gt;Hi&lt;/p&gt;', 500) // 'Hi'
 */
export function htmlText(html: string, maxChars: number): string {
  const text = htmlToText(html, { maxChars });
  if (!text.includes('</') || !CLOSING_TAG.test(text)) return text;
  const tags = text.match(ANY_TAG)?.length ?? 0;
  return /^<[a-z]/i.test(text) || tags >= 3 ? htmlToText(text, { maxChars }) : text;
}
