/**
 * Recovers feeds whose XML is broken in the ways publishers break it: a stray '<' in text, raw HTML
 * in a text field, an item left unclosed, a CDATA section nested in another. Each item is checked on
 * its own; one that cannot be mended is left out (and named in a warning), and the rest are kept.
 */
import { XMLValidator, type ValidationError } from 'fast-xml-parser';

export interface Recovered {
  /** The document without its broken items. */
  text: string;
  /** One line per item mended or left out, for the parse warnings and the source's health. */
  notes: string[];
}

/** Validator errors that leave the element structure ambiguous (a tag closing the wrong element). */
export const STRUCTURAL_ERROR = /Expected closing tag|has not been opened|instead of closing tag|Unclosed tag/i;

const VALIDATE = { allowBooleanAttributes: true };
const ITEM_START = /<(?:[A-Za-z_][\w.-]*:)?(item|entry)(?=[\s>/])/y;

/** Whether the lenient parser would misread the document: broken tags, not a stray '&' or attribute. */
export function breaksStructure(result: true | ValidationError): boolean {
  if (result === true) return false;
  // InvalidXml also reports elements left open at the end ("Invalid '[...]' found").
  return result.err.code === 'InvalidTag' || (result.err.code === 'InvalidXml' && !/Extra text at the end/i.test(result.err.msg));
}

/**
 * Escapes each '<' that cannot start markup ("a < b", "<3") outside CDATA sections and comments.
 * Returns the text unchanged when there is none.
 */
export function escapeStrayLessThan(text: string): string {
  const out: string[] = [];
  let from = 0;
  let i = text.indexOf('<');
  while (i !== -1) {
    const skipTo = text.startsWith('<![CDATA[', i) ? text.indexOf(']]>', i) : text.startsWith('<!--', i) ? text.indexOf('-->', i) : i;
    if (skipTo === -1) break;
    if (skipTo === i && !/[A-Za-z_:/!?]/.test(text.charAt(i + 1))) {
      out.push(text.slice(from, i), '&lt;');
      from = i + 1;
    }
    i = text.indexOf('<', skipTo + 1);
  }
  if (!out.length) return text;
  out.push(text.slice(from));
  return out.join('');
}

// An '&' that starts no entity or character reference ("Q&A", "bold & amp").
const BARE_AMPERSAND = /&(?![A-Za-z_][\w.-]*;|#[0-9]+;|#[xX][0-9A-Fa-f]+;)/g;

/**
 * Escapes each '&' that starts no reference, outside CDATA sections and comments: the validator
 * stops at the first fault, and a stray '&' must not hide a broken tag behind it.
 * Returns the text unchanged when there is none.
 */
export function escapeBareAmpersands(text: string): string {
  if (!text.includes('&')) return text;
  const out: string[] = [];
  let from = 0;
  for (let i = text.indexOf('<!'); i !== -1; i = text.indexOf('<!', from)) {
    const end = text.startsWith('<![CDATA[', i) ? text.indexOf(']]>', i) : text.startsWith('<!--', i) ? text.indexOf('-->', i) : i + 1;
    if (end === -1) break;
    out.push(text.slice(from, i).replace(BARE_AMPERSAND, '&amp;'), text.slice(i, end + (end > i + 1 ? 3 : 0)));
    from = end + (end > i + 1 ? 3 : 0);
  }
  out.push(text.slice(from).replace(BARE_AMPERSAND, '&amp;'));
  const escaped = out.join('');
  return escaped.length === text.length ? text : escaped;
}

/**
 * Splits the document at its item (RSS, RDF) or entry (Atom) start tags and keeps each item that is
 * well-formed on its own or after mending. Undefined when there are no items, when every item is fine
 * (the fault is elsewhere), or when the feed around the items is broken too.
 */
export function recoverItems(text: string): Recovered | undefined {
  const starts = itemStarts(text);
  if (!starts.length) return undefined;
  const last = starts[starts.length - 1]!;
  const name = last.name;
  // The last item ends at its closing tag, or, when it lost that, where its channel or feed closes.
  let closeEnd = lastCloseEnd(text, name, last.at);
  if (closeEnd === -1) {
    const containerClose = text.slice(last.at).search(/<\/(?:[A-Za-z_][\w.-]*:)?(?:channel|feed|RDF)\s*>/);
    if (containerClose === -1) return undefined;
    closeEnd = last.at + containerClose;
  }
  const head = text.slice(0, starts[0]!.at);
  const tail = text.slice(closeEnd);
  const kept: string[] = [];
  const notes: string[] = [];
  starts.forEach((start, i) => {
    const segment = text.slice(start.at, i + 1 < starts.length ? starts[i + 1]!.at : closeEnd);
    const first = XMLValidator.validate(segment, VALIDATE);
    if (!breaksStructure(first)) {
      kept.push(segment);
      return;
    }
    const label = `Item ${i + 1}${titleOf(segment)}`;
    const mended = mend(segment, name);
    if (mended) {
      kept.push(mended.text);
      notes.push(`${label} was not well-formed XML (${describe(first)}); read after ${mended.how}`);
    } else {
      notes.push(`${label} is not well-formed XML (${describe(first)}); it was left out and the other items kept`);
    }
  });
  let rebuilt = head + kept.join('') + tail;
  if (breaksStructure(XMLValidator.validate(rebuilt, VALIDATE))) {
    // The fault is in the feed's own fields (before the items): mend them, or leave them out.
    const mended = mendHead(head, tail, name === 'item');
    if (!mended) return undefined;
    notes.push(mended.note);
    rebuilt = mended.head + kept.join('') + tail;
    if (breaksStructure(XMLValidator.validate(rebuilt, VALIDATE))) return undefined;
  }
  if (!notes.length) return undefined;
  return { text: rebuilt, notes };
}

/** The feed-level fields that carry text, which a channel or feed may break like an item does. */
const HEAD_FIELDS = ['description', 'title', 'subtitle', 'tagline', 'info', 'summary'];

/** The feed's header with its broken text field read as HTML, or else left out; undefined when neither helps. */
function mendHead(head: string, tail: string, rss: boolean): { head: string; note: string } | undefined {
  const fine = (candidate: string) => !breaksStructure(XMLValidator.validate(candidate + tail, VALIDATE));
  for (const field of HEAD_FIELDS) {
    const wrapped = wrapField(head, field, rss);
    if (wrapped !== head && fine(wrapped)) return { head: wrapped, note: `The feed's <${field}> held raw HTML; it was read as HTML` };
  }
  for (const field of HEAD_FIELDS) {
    const open = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${field})(\\s[^>]*)?>`).exec(head);
    if (!open) continue;
    const close = head.lastIndexOf(`</${open[1]}>`);
    if (close < open.index) continue;
    const without = head.slice(0, open.index) + head.slice(close + open[1]!.length + 3);
    if (fine(without)) return { head: without, note: `The feed's <${field}> was not well-formed XML; it was left out` };
  }
  return undefined;
}

/** Fields whose content is HTML source in RSS (and in Atom when typed html). */
const RSS_HTML_FIELDS = ['description', 'encoded', 'body', 'fullitem', 'title'];
const ATOM_HTML_FIELDS = ['summary', 'content', 'title', 'subtitle'];

/**
 * Mends an item whose raw HTML (unclosed <br>, <p>, <img>) broke the XML, by reading each HTML field
 * as the text it was meant to be, or an item that lost its closing tag. A field that holds CDATA is
 * not guessed at: a section nested in another has no one right end.
 */
function mend(segment: string, itemName: string): { text: string; how: string } | undefined {
  const fields = itemName === 'item' ? RSS_HTML_FIELDS : ATOM_HTML_FIELDS;
  let text = segment;
  for (const field of fields) text = wrapField(text, field, itemName === 'item');
  if (text !== segment && XMLValidator.validate(text, VALIDATE) === true) return { text, how: 'reading the raw HTML in its text as HTML' };
  const closed = `${segment.trimEnd()}</${segment.match(/^<([\w.:-]+)/)?.[1] ?? itemName}>`;
  if (XMLValidator.validate(closed, VALIDATE) === true) return { text: closed, how: 'closing it' };
  return undefined;
}

/** The field's content wrapped in CDATA when it holds raw markup (and no CDATA of its own). */
function wrapField(segment: string, field: string, rss: boolean): string {
  const open = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${field})(\\s[^>]*)?>`).exec(segment);
  if (!open || open[0].endsWith('/>')) return segment;
  const qname = open[1]!;
  const attrs = open[2] ?? '';
  const type = /\btype\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1]?.toLowerCase() ?? '';
  if (!rss && !(type.includes('html') && !type.includes('xhtml'))) return segment;
  if (rss && type.includes('xhtml')) return segment;
  const innerStart = open.index + open[0].length;
  const close = segment.lastIndexOf(`</${qname}>`);
  if (close < innerStart) return segment;
  const inner = segment.slice(innerStart, close);
  if (!inner.includes('<') || inner.includes('<![CDATA[')) return segment;
  return `${segment.slice(0, innerStart)}<![CDATA[${inner}]]>${segment.slice(close)}`;
}

function describe(result: true | ValidationError): string {
  // Line numbers count from the item, not the document: leave them out.
  if (result === true) return 'ok';
  const open = /^Invalid '\[(.*)\]' found/s.exec(result.err.msg);
  if (open) return `left open: ${[...open[1]!.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`).join(', ')}`;
  return result.err.msg.replace(/ \(opened in line \d+, col \d+\)/g, '').replace(/\.$/, '');
}

/** Item start tags outside comments and CDATA sections, with their element name. */
function itemStarts(text: string): { at: number; name: string }[] {
  const found: { at: number; name: string }[] = [];
  let i = text.indexOf('<');
  while (i !== -1) {
    // An unclosed section or comment is a fault of one item: read on past its opening.
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      i = text.indexOf('<', end === -1 ? i + 9 : end + 3);
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      i = text.indexOf('<', end === -1 ? i + 4 : end + 3);
      continue;
    }
    ITEM_START.lastIndex = i;
    const m = ITEM_START.exec(text);
    // Items of one kind only: an Atom entry inside an RSS item is content, not a sibling.
    if (m && (!found.length || found[0]!.name === m[1])) found.push({ at: i, name: m[1]! });
    i = text.indexOf('<', i + 1);
  }
  return found;
}

/** Index just past the last closing tag of `name` (any prefix) after `from`, or -1. */
function lastCloseEnd(text: string, name: string, from: number): number {
  const close = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${name}\\s*>`, 'g');
  close.lastIndex = from;
  let end = -1;
  for (let m = close.exec(text); m; m = close.exec(text)) end = m.index + m[0].length;
  return end;
}

/** ' ("its title")' for a warning, when the broken item's title can be seen. */
function titleOf(segment: string): string {
  const title = /<(?:[\w.-]+:)?title[^>]*>(?:<!\[CDATA\[)?([^<\]]{1,80})/.exec(segment)?.[1]?.trim();
  return title ? ` ("${title}")` : '';
}
