/** XML text escaping for the hand-written feeds and sitemaps. */

/** Escapes text for an XML element or attribute value. */
export { escapeXml as xml } from '../src/lib/xml-escape';

/** RFC 822 date for RSS (e.g. "Tue, 03 Mar 2026 10:00:00 GMT"). */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}
