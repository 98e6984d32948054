/** XML text escaping shared by the feeds, sitemaps and the SVG cover. */

// Characters XML 1.0 forbids even when escaped; hostile text must not make our XML invalid.
const INVALID_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const SPECIAL = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const entity = (ch: string) => ENTITIES[ch]!;

/** Escapes text for an XML element or attribute value, dropping characters XML 1.0 forbids. */
export function escapeXml(text: string | number): string {
  return String(text).replace(INVALID_XML, '').replace(SPECIAL, entity);
}
