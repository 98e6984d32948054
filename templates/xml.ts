/** XML text escaping for the hand-written feeds and sitemaps. */

// Characters XML 1.0 forbids even when escaped; hostile feed text must not make our XML invalid.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const SPECIAL = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const entity = (ch: string) => ENTITIES[ch]!;

/** Escapes text for an XML element or attribute value. */
export function xml(text: string | number): string {
  return String(text).replace(INVALID_XML, '').replace(SPECIAL, entity);
}

/** RFC 822 date for RSS (e.g. "Tue, 03 Mar 2026 10:00:00 GMT"). */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}
