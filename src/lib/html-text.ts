/** Turns untrusted HTML into plain text: no markup, no script or style text, entities decoded. */
// Hand-written because the HTML parsers that run in Workers (HTMLRewriter) are async and
// workerd-only, and DOM-building ones cost far more than a single forward scan needs.
import { decodeHTML } from 'entities/decode';
import { BIDI_CONTROL_RANGES } from './hidden-controls';

/** Elements whose content is never text a reader sees. */
const DROPPED = new Set(['script', 'style', 'iframe', 'noembed', 'noframes', 'noscript', 'xmp', 'template', 'select']);

/** Elements that break a line (the rest are inline and add nothing). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'body', 'html',
]);
const CELL = new Set(['td', 'th']);
/** Blocks that start a line but end none (so list items are lines, not paragraphs). */
const LINE = new Set(['li', 'tr', 'dt', 'dd', 'br']);

const NAME_START = /[A-Za-z]/;

// C1 controls in text are almost always Windows-1252 bytes mis-decoded upstream: read them as 1252 does.
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'.split('').map((c) => (c < '\u00a0' && c >= '\u0080' ? '' : c));

export interface HtmlToTextOptions {
  /** Stop once this many characters of text have been produced. */
  maxChars?: number;
}

/**
 * Plain text of an HTML fragment in one forward pass (linear in the input).
 * @example htmlToText('<p>A &amp; B</p><script>x()</script>') // 'A & B'
 */
export function htmlToText(source: string, options: HtmlToTextOptions = {}): string {
  const max = options.maxChars ?? Infinity;
  const html = unwrapCdata(source);
  const out: string[] = [];
  let produced = 0;
  const n = html.length;
  let i = 0;
  while (i < n && produced <= max) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      const raw = html.slice(i, textEnd);
      const piece = raw.indexOf('&') === -1 ? raw : decodeHTML(raw);
      produced += add(out, piece);
    }
    if (lt === -1) break;
    i = lt;
    const next = html.charCodeAt(i + 1);
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? n : end + 3;
    } else if (next === 33 /* ! */ || next === 63 /* ? */) {
      // Doctype, CDATA or processing instruction: HTML treats all of them as comments.
      const end = html.startsWith('<![CDATA[', i) ? html.indexOf(']]>', i) : html.indexOf('>', i);
      i = end === -1 ? n : html.indexOf('>', end) + 1;
    } else if (next === 47 /* / */ && NAME_START.test(html.charAt(i + 2))) {
      const end = html.indexOf('>', i);
      const name = tagName(html, i + 2);
      if (BLOCK.has(name) && !LINE.has(name)) produced += add(out, '\n');
      else if (CELL.has(name)) produced += add(out, ' ');
      i = end === -1 ? n : end + 1;
    } else if (NAME_START.test(html.charAt(i + 1))) {
      const name = tagName(html, i + 1);
      i = endOfTag(html, i + 1 + name.length);
      if (DROPPED.has(name)) {
        const close = new RegExp(`</${name}[\\s/>]`, 'gi');
        close.lastIndex = i;
        const m = close.exec(html);
        i = m ? endOfTag(html, m.index + 2) : n;
      } else if (BLOCK.has(name)) produced += add(out, '\n');
      else if (CELL.has(name) || name === 'img') produced += add(out, ' ');
    } else {
      produced += add(out, '<');
      i += 1;
    }
  }
  return tidyText(out.join(''), max);
}

// C0 and C1 controls, and the bidi controls that reorder or hide what a reader sees (never kept from a feed).
const CONTROL = new RegExp(`[\\u0000-\\u0008\\u000e-\\u001f\\u007f-\\u009f${BIDI_CONTROL_RANGES}]`);
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** Appends a piece of text; its length, for the running count (a module function, not a closure made per call). */
function add(out: string[], piece: string): number {
  out.push(piece);
  return piece.length;
}

/** Collapses spaces within lines and blank-line runs, trims, and cuts at max characters. */
export function tidyText(text: string, max = Infinity): string {
  let tidy = unwrapCdata(text);
  // C1 controls read as Windows-1252; C0 controls XML forbids (\x1a from pasted text, \x08) and bidi controls dropped.
  if (CONTROL.test(tidy)) tidy = tidy.replace(CONTROLS, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? '');
  return truncate(collapseWhitespace(tidy).trim(), max);
}

/** Whitespace runs that are not already one space or one line break: two or more characters, or a single tab, CR, FF or VT. */
const UNTIDY = /[ \t\f\v\r\n]{2,}|[\t\f\v\r]/g;
/** Whether any run is untidy: the runs left alone are exactly ' ', '\n' and '\n\n'. */
const ANY_UNTIDY = /[\t\f\v\r]| {2}| \n|\n |\n\n\n/;

/**
 * Each run of ASCII whitespace becomes one space without a line break in it, one line break
 * with one (CR LF and CR count as one), and a blank line with more. Runs that are already a
 * single space or line break are not visited.
 */
export function collapseWhitespace(text: string): string {
  if (!ANY_UNTIDY.test(text)) return text;
  return text.replace(UNTIDY, (run) => {
    let breaks = 0;
    for (let k = 0; k < run.length; k++) {
      const c = run.charCodeAt(k);
      if (c === 10) breaks++;
      else if (c === 13) {
        breaks++;
        if (run.charCodeAt(k + 1) === 10) k++;
      }
    }
    return breaks === 0 ? ' ' : breaks === 1 ? '\n' : '\n\n';
  });
}

/**
 * Drops CDATA markers that reached the text: a feed that escapes its CDATA section
 * (`&lt;![CDATA[...]]&gt;`) means the section's content, which HTML would hide as a comment.
 */
export function unwrapCdata(text: string): string {
  return text.includes('<![CDATA[') ? text.replace(/<!\[CDATA\[|\]\]>/g, '') : text;
}

/** Cuts text at max characters without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut).trimEnd();
}

function tagName(html: string, from: number): string {
  let end = from;
  while (end < html.length && !/[\s/>]/.test(html.charAt(end))) end++;
  return html.slice(from, end).toLowerCase();
}

/** Index just past the '>' that closes a tag, skipping quoted attribute values. */
function endOfTag(html: string, from: number): number {
  let i = from;
  const n = html.length;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 62 /* > */) return i + 1;
    if (c === 34 || c === 39) {
      // A quote opens a value only right after '=' (possibly with spaces).
      let j = i - 1;
      while (j > from && /\s/.test(html.charAt(j))) j--;
      if (html.charCodeAt(j) === 61 /* = */) {
        const close = html.indexOf(html.charAt(i), i + 1);
        if (close === -1) return n;
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return n;
}
