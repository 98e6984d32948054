/**
 * The fast path of readXmlTree: one pass over plainly well-formed XML, building the element tree
 * directly. It accepts a strict subset of what the validator accepts and gives up (undefined) on
 * anything else — a stray '&' or '<', a DOCTYPE left in, odd attribute syntax, a mismatched tag —
 * so that the validating path, with its recovery and warnings, reads every document it would have
 * read differently. For the documents it accepts, the tree is the one the validating path builds:
 * text split at tags, processing instructions and CDATA (not at comments), empty text dropped.
 */
import type { XmlElement } from './xml-tree';

/** Builds one element from its qualified name and raw attributes (true: an attribute without a value). */
export type OpenElement<S> = (qname: string, attrs: [string, string | true][], parent: S) => { el: XmlElement; scope: S };

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
/** A reference the validator accepts, read where a '&' stands (sticky). */
const AMPERSAND_OK = /&(?:#[0-9]+|#x[0-9a-fA-F]+|\w{1,20});/y;
const SPACE = /\s/;

/** True when every '&' in `text` starts a reference the validator accepts. */
function ampersandsOk(text: string): boolean {
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
    AMPERSAND_OK.lastIndex = at;
    if (!AMPERSAND_OK.test(text)) return false;
  }
  return true;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

interface Frame<S> {
  el: XmlElement;
  qname: string;
  scope: S;
}

/**
 * The root element of `xml`, or undefined when the document is not plainly well-formed (then the
 * caller takes the validating path). `decode` turns raw text into characters; `open` builds elements.
 * @example scanXml(text, rootScope, decode, open) ?? slowPath(text)
 */
export function scanXml<S>(input: string, rootScope: S, decode: (raw: string) => string, open: OpenElement<S>, maxDepth: number): XmlElement | undefined {
  const xml = input.indexOf('\r') === -1 ? input : input.replace(/\r\n?/g, '\n');
  const n = xml.length;
  const bom = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Frame<S>[] = [];
  let root: XmlElement | undefined;
  let text = '';
  let i = bom;

  const flush = (frame: Frame<S>) => {
    if (text) frame.el.children.push(decode(text));
    text = '';
  };

  while (i < n) {
    const lt = xml.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i) {
      const chunk = xml.slice(i, end);
      if (stack.length) {
        if (chunk.indexOf(']]>') !== -1 || (chunk.indexOf('&') !== -1 && !ampersandsOk(chunk))) return undefined;
        text += chunk;
      } else if (chunk.trim()) {
        return undefined; // text outside the root element
      }
    }
    if (lt === -1) break;
    const c1 = xml.charCodeAt(lt + 1);
    const top = stack.at(-1);
    if (c1 === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const close = xml.indexOf('-->', lt + 4);
        if (close === -1) return undefined;
        i = close + 3; // a comment does not split the text around it
      } else if (xml.startsWith('<![CDATA[', lt) && top) {
        const close = xml.indexOf(']]>', lt + 9);
        if (close === -1) return undefined;
        flush(top);
        top.el.children.push(xml.slice(lt + 9, close));
        i = close + 3;
      } else {
        return undefined;
      }
    } else if (c1 === 63 /* ? */) {
      const close = xml.indexOf('?>', lt + 2);
      if (close === -1) return undefined;
      let t = lt + 2;
      while (t < close && !SPACE.test(xml.charAt(t))) t++;
      if (xml.slice(lt + 2, t) === 'xml' && lt !== bom) return undefined;
      if (top) flush(top);
      i = close + 2;
    } else if (c1 === 47 /* / */) {
      const close = xml.indexOf('>', lt + 2);
      if (close === -1 || !top || xml.slice(lt + 2, close) !== top.qname) return undefined;
      flush(top);
      stack.pop();
      if (!stack.length) root = top.el;
      i = close + 1;
    } else {
      if (root) return undefined; // a second root element
      const tag = readTag(xml, lt + 1);
      if (!tag || stack.length >= maxDepth + 1) return undefined;
      const parent = top?.scope ?? rootScope;
      const { el, scope } = open(tag.qname, tag.attrs, parent);
      if (top) {
        flush(top);
        top.el.children.push(el);
      }
      if (tag.selfClosing) {
        if (!top) root = el;
      } else {
        stack.push({ el, qname: tag.qname, scope });
      }
      i = tag.end;
    }
  }
  return stack.length ? undefined : root;
}

interface Tag {
  qname: string;
  attrs: [string, string | true][];
  selfClosing: boolean;
  /** Index just past the tag's '>'. */
  end: number;
}

/** A start tag from just after its '<': a plain name, then `name="value"` pairs each after whitespace. */
function readTag(xml: string, from: number): Tag | undefined {
  const n = xml.length;
  let i = from;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (isSpace(c) || c === 62 /* > */ || c === 47 /* / */) break;
    i++;
  }
  const qname = xml.slice(from, i);
  if (!NAME.test(qname)) return undefined;
  const attrs: [string, string | true][] = [];
  const seen = new Set<string>();
  for (;;) {
    let spaced = false;
    while (i < n && isSpace(xml.charCodeAt(i))) {
      i++;
      spaced = true;
    }
    if (i >= n) return undefined;
    const c = xml.charCodeAt(i);
    if (c === 62) return { qname, attrs, selfClosing: false, end: i + 1 };
    if (c === 47) return xml.charCodeAt(i + 1) === 62 ? { qname, attrs, selfClosing: true, end: i + 2 } : undefined;
    if (!spaced) return undefined;
    const start = i;
    while (i < n) {
      const d = xml.charCodeAt(i);
      if (isSpace(d) || d === 61 /* = */ || d === 62 || d === 47) break;
      i++;
    }
    const name = xml.slice(start, i);
    if (!NAME.test(name) || seen.has(name)) return undefined;
    seen.add(name);
    if (xml.charCodeAt(i) !== 61) {
      attrs.push([name, true]);
      continue;
    }
    const quote = xml.charAt(i + 1);
    if (quote !== '"' && quote !== "'") return undefined;
    const close = xml.indexOf(quote, i + 2);
    if (close === -1) return undefined;
    const value = xml.slice(i + 2, close);
    if (value.indexOf('<') !== -1 || (value.indexOf('&') !== -1 && !ampersandsOk(value))) return undefined;
    attrs.push([name, value]);
    i = close + 1;
  }
}
