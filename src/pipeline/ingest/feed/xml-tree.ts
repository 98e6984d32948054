/**
 * Reads feed XML into a small namespace- and xml:base-aware element tree, safely:
 * entity declarations are refused, entities are decoded by us (bounded, never recursive).
 */
import { XMLParser, XMLValidator, type ValidationError } from 'fast-xml-parser';
import { decodeHTML } from 'entities/decode';
import { FeedParseError } from './errors';
import { breaksStructure, escapeBareAmpersands, escapeStrayLessThan, recoverItems, STRUCTURAL_ERROR } from './recover';
import { scanXml } from './xml-scan';

export interface XmlAttr {
  ns: string;
  local: string;
  value: string;
}

export interface XmlElement {
  /** Namespace URI, '' when the element has none. */
  ns: string;
  local: string;
  attrs: XmlAttr[];
  children: XmlNode[];
  /** The xml:base in scope (absolute when it could be resolved), or the feed URL. */
  base: string;
}

export type XmlNode = XmlElement | string;

export interface XmlTree {
  root: XmlElement;
  /** Ways the document departed from well-formed XML that we recovered from. */
  warnings: string[];
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const MAX_DEPTH = 256;

// Entity processing is off: the parser hands us raw text and we decode it ourselves.
const parser = new XMLParser({
  preserveOrder: true,
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  allowBooleanAttributes: true,
});

/**
 * Parses XML text into an element tree. `baseUrl` is the feed URL that relative links start from;
 * `fastPath: false` (for tests) skips the one-pass reader of plainly well-formed XML (xml-scan.ts).
 * Throws FeedParseError for entity declarations and for XML too broken to recover a root from.
 */
export function readXmlTree(text: string, baseUrl: string, opts: { fastPath?: boolean } = {}): XmlTree {
  const warnings: string[] = [];
  let prepared = stripDoctype(text);
  // Most feeds are plainly well-formed: one pass builds their tree; the rest take the validating path.
  if (opts.fastPath !== false) {
    const quick: BuildContext = { warnings, unknownEntities: new Set(), undeclared: new Set() };
    const scanned = scanXml<Scope>(prepared, { namespaces: { xml: XML_NS }, base: baseUrl }, (raw) => decodeEntities(raw, quick), (qname, attrs, parent) => openElement(qname, attrs, parent, quick), MAX_DEPTH);
    if (scanned) return { root: scanned, warnings: finish(quick) };
  }
  let valid: true | ValidationError = XMLValidator.validate(prepared, { allowBooleanAttributes: true });
  let malformed: string | undefined;
  if (valid !== true) {
    malformed = `The XML is not well-formed: ${valid.err.msg} at line ${valid.err.line}`;
    if (/'&'/.test(valid.err.msg)) {
      // "Q & A" in a title: the '&' can only have been text, and the validator would stop at it before any broken tag.
      const escaped = escapeBareAmpersands(prepared);
      if (escaped !== prepared) {
        prepared = escaped;
        warnings.push("An '&' in the text was not escaped; it was read as text");
        valid = XMLValidator.validate(prepared, { allowBooleanAttributes: true });
      }
    }
    if (valid !== true && breaksStructure(valid)) {
      // "a < b" in a title: the '<' can only have been text.
      const escaped = escapeStrayLessThan(prepared);
      if (escaped !== prepared) {
        prepared = escaped;
        warnings.push("A '<' in the text was not escaped; it was read as text");
        valid = XMLValidator.validate(prepared, { allowBooleanAttributes: true });
      }
    }
    // One broken item must not cost the feed its other items: mend it or leave it out, and say so.
    const recovered = breaksStructure(valid) ? recoverItems(prepared) : undefined;
    if (recovered) {
      prepared = recovered.text;
      warnings.push(...recovered.notes);
      valid = XMLValidator.validate(prepared, { allowBooleanAttributes: true });
    }
    malformed = valid === true ? undefined : `The XML is not well-formed: ${valid.err.msg} at line ${valid.err.line}`;
    if (malformed) warnings.push(malformed);
  }
  const nested = nestedCdata(prepared);
  if (nested) warnings.push(`${nested === 1 ? 'A CDATA section was' : `${nested} CDATA sections were`} nested in another; the item was kept, the inner section read as text`);
  // Tags that close the wrong element leave the structure ambiguous: refuse rather than guess.
  if (malformed && valid !== true && STRUCTURAL_ERROR.test(valid.err.msg)) {
    throw new FeedParseError('malformed', malformed);
  }
  let raw: unknown[];
  try {
    raw = parser.parse(prepared) as unknown[];
  } catch (error) {
    // A body cut short (the fetcher caps sizes) usually breaks only at its last tag.
    try {
      raw = parser.parse(prepared.slice(0, prepared.lastIndexOf('<'))) as unknown[];
    } catch {
      throw new FeedParseError('malformed', malformed ?? `The XML is not well-formed: ${(error as Error).message}`);
    }
  }
  const ctx: BuildContext = { warnings, unknownEntities: new Set(), undeclared: new Set() };
  const rootNode = raw.find((node) => elementName(node) !== undefined);
  if (!rootNode) throw new FeedParseError(malformed ? 'malformed' : 'not-a-feed', malformed ?? 'The document has no root element');
  const root = buildElement(rootNode as RawNode, { namespaces: { xml: XML_NS }, base: baseUrl }, 0, ctx);
  return { root, warnings: finish(ctx) };
}

/** The context's warnings, with what it collected about entities and prefixes added. */
function finish(ctx: BuildContext): string[] {
  if (ctx.unknownEntities.size) ctx.warnings.push(`Undefined entities: ${[...ctx.unknownEntities].slice(0, 5).join(', ')}`);
  if (ctx.undeclared.size) ctx.warnings.push(`Undeclared namespace prefixes: ${[...ctx.undeclared].slice(0, 5).join(', ')}`);
  return ctx.warnings;
}

type RawNode = Record<string, unknown>;
type Namespaces = Record<string, string>;
interface BuildContext {
  warnings: string[];
  unknownEntities: Set<string>;
  undeclared: Set<string>;
}

function elementName(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text' && key !== '#cdata') return key;
  return undefined;
}

/** What an element passes to its children: the namespaces and the xml:base in scope. */
interface Scope {
  namespaces: Namespaces;
  base: string;
}

function buildElement(node: RawNode, parent: Scope, depth: number, ctx: BuildContext): XmlElement {
  if (depth > MAX_DEPTH) throw new FeedParseError('too-deep', `The XML nests elements more than ${MAX_DEPTH} deep`);
  const qname = elementName(node)!;
  const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
  const { el, scope } = openElement(qname, Object.entries(rawAttrs).map(([name, value]): [string, string | true] => [name, typeof value === 'string' ? value : true]), parent, ctx);
  const rawChildren = node[qname];
  if (Array.isArray(rawChildren)) {
    for (const child of rawChildren as RawNode[]) {
      if ('#text' in child) el.children.push(decodeEntities(String(child['#text']), ctx));
      else if ('#cdata' in child) el.children.push(cdataText(child['#cdata']));
      else if (elementName(child) !== undefined) el.children.push(buildElement(child, scope, depth + 1, ctx));
    }
  }
  return el;
}

/** An element without children yet: its namespace, attributes (decoded) and base, and the scope its children inherit. */
function openElement(qname: string, rawAttrs: [string, string | true][], parent: Scope, ctx: BuildContext): { el: XmlElement; scope: Scope } {
  const inherited = parent.namespaces;
  let namespaces = inherited;
  for (const [name, value] of rawAttrs) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (namespaces === inherited) namespaces = Object.create(inherited) as Namespaces;
      namespaces[name === 'xmlns' ? '' : name.slice(6)] = decodeEntities(String(value), ctx);
    }
  }
  const attrs: XmlAttr[] = [];
  for (const [name, value] of rawAttrs) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const colon = name.indexOf(':');
    // Unprefixed attributes have no namespace (XML Namespaces §6.2).
    const ns = colon === -1 ? '' : resolvePrefix(name.slice(0, colon), namespaces, ctx);
    attrs.push({ ns, local: colon === -1 ? name : name.slice(colon + 1), value: decodeEntities(typeof value === 'string' ? value : '', ctx) });
  }
  const colon = qname.indexOf(':');
  const ns = colon === -1 ? (namespaces[''] ?? '') : resolvePrefix(qname.slice(0, colon), namespaces, ctx);
  const xmlBase = attrs.find((a) => a.ns === XML_NS && a.local === 'base');
  const base = xmlBase ? resolveUrl(xmlBase.value.trim(), parent.base) ?? parent.base : parent.base;
  const el: XmlElement = { ns, local: colon === -1 ? qname : qname.slice(colon + 1), attrs, children: [], base };
  return { el, scope: namespaces === inherited && base === parent.base ? parent : { namespaces, base } };
}

function resolvePrefix(prefix: string, namespaces: Namespaces, ctx: BuildContext): string {
  const uri = namespaces[prefix];
  if (uri !== undefined) return uri;
  ctx.undeclared.add(prefix);
  return prefix;
}

function cdataText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value.map((part) => String((part as RawNode)['#text'] ?? '')).join('');
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** One reference, read where a '&' stands (sticky). */
const ENTITY_AT = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,9}|[A-Za-z][A-Za-z0-9]{0,31});/y;

/** Decodes character and entity references once (never recursively), so output never outgrows input. */
function decodeEntities(text: string, ctx: BuildContext): string {
  let at = text.indexOf('&');
  if (at === -1) return text;
  let out = '';
  let copied = 0;
  for (; at !== -1; at = text.indexOf('&', at + 1)) {
    // Escaped HTML is mostly &lt; and &gt;: read those without the regular expression.
    const c1 = text.charCodeAt(at + 1);
    let ref: string | undefined;
    if ((c1 === 108 /* l */ || c1 === 103 /* g */) && text.charCodeAt(at + 2) === 116 /* t */ && text.charCodeAt(at + 3) === 59 /* ; */) {
      ref = c1 === 108 ? 'lt' : 'gt';
    } else {
      ENTITY_AT.lastIndex = at;
      ref = ENTITY_AT.exec(text)?.[1];
    }
    if (ref === undefined) continue;
    out += text.slice(copied, at) + reference(ref, ctx);
    copied = at + ref.length + 2;
    at = copied - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The characters one reference (`ref` without its '&' and ';') stands for. */
function reference(ref: string, ctx: BuildContext): string {
  if (ref.charCodeAt(0) === 35 /* # */) {
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
  }
  const predefined = PREDEFINED[ref];
  if (predefined) return predefined;
  // Feeds often use HTML's named entities without declaring them; read them as HTML does.
  const whole = `&${ref};`;
  const decoded = decodeHTML(whole);
  if (decoded === whole) ctx.unknownEntities.add(whole);
  return decoded;
}

/** Resolves a URL reference against a base; undefined when neither makes an absolute URL. */
export function resolveUrl(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base || undefined).href;
  } catch {
    return undefined;
  }
}

/**
 * CDATA sections nested in another: a section holding the start of another, whose end closed the
 * outer one early, so the outer one's own end is left in the text after it.
 */
function nestedCdata(text: string): number {
  let count = 0;
  for (let at = text.indexOf('<![CDATA['); at !== -1; ) {
    const end = text.indexOf(']]>', at + 9);
    if (end === -1) break;
    const next = text.indexOf('<', end + 3);
    if (text.lastIndexOf('<![CDATA[', end) > at && text.slice(end + 3, next === -1 ? undefined : next).includes(']]>')) count++;
    at = text.indexOf('<![CDATA[', end + 3);
  }
  return count;
}

/**
 * Refuses documents that declare entities and blanks the DOCTYPE (keeping its line breaks, so
 * error line numbers still match) — a DTD is never fetched or used.
 */
function stripDoctype(text: string): string {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  for (;;) {
    while (i < n && /\s/.test(text.charAt(i))) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end === -1) return text;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      if (end === -1) return text;
      i = end + 3;
    } else if (text.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      const end = doctypeEnd(text, i + 9);
      const doctype = text.slice(i, end);
      if (/<!ENTITY/i.test(doctype)) {
        throw new FeedParseError('entities', 'The document declares entities (DOCTYPE), which feeds must not use');
      }
      return text.slice(0, i) + doctype.replace(/[^\n]/g, '') + text.slice(end);
    } else {
      return text;
    }
  }
}

/** Index just past a DOCTYPE's closing '>', honouring quotes, an internal subset and comments. */
function doctypeEnd(text: string, from: number): number {
  let inSubset = false;
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charAt(i);
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) return n;
      i = close + 1;
      continue;
    }
    if (inSubset && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) return n;
      i = close + 3;
      continue;
    }
    if (c === '[') inSubset = true;
    else if (c === ']') inSubset = false;
    else if (c === '>' && !inSubset) return i + 1;
    i++;
  }
  return n;
}

/** Concatenated text of an element and its descendants. */
export function textContent(el: XmlElement): string {
  let out = '';
  for (const child of el.children) out += typeof child === 'string' ? child : textContent(child);
  return out;
}
