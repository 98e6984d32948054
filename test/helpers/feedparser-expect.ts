/**
 * Runs one case of the Python feedparser test corpus against parseFeed: reads the case's
 * header comment and evaluates its `Expect:` expression (a small Python subset) over our result.
 */
import { htmlToText } from '../../src/lib/html-text';
import { decodeFeedBytes, FeedParseError, parseFeedBytes, sniffFeedCharset } from '../../src/pipeline/parse';
import type { ParsedFeed } from '../../src/pipeline/types';
import { CONFORMANCE_FOLDERS } from './conformance-folders';

export interface CorpusFile {
  /** Path under the feedparser folder, e.g. wellformed/rss/item_title.xml. */
  path: string;
  bytes: Uint8Array;
}

export type CaseOutcome = { status: 'pass' } | { status: 'fail'; detail: string } | { status: 'skip'; reason: string };

export { CONFORMANCE_FOLDERS };

/** The reporting folder of a corpus path, or undefined when the path is out of scope. */
export function folderOf(path: string): string | undefined {
  return CONFORMANCE_FOLDERS.find((f) => path === f || path.startsWith(`${f}/`));
}

/** The feedparser test server's address: the document URL its cases resolve against. */
const DOC_ROOT = 'http://127.0.0.1:8097/tests/';

/** Runs one corpus case. */
export function runCase(file: CorpusFile): CaseOutcome {
  // Decoded as the parser would, so UTF-16 and UTF-32 cases show their comment too.
  const head = decodeFeedBytes(file.bytes.subarray(0, 4096));
  const expect = head.match(/Expect:\s*(.*?)\s*(?:-->|\n)/)?.[1];
  if (!expect) return { status: 'skip', reason: 'no Expect line' };
  if (/SkipUnless:.*chardet/.test(head)) return { status: 'skip', reason: 'needs statistical charset detection (chardet), which we do not do' };
  const headers = new Map<string, string>();
  for (const m of head.matchAll(/^Header:\s*([\w-]+):\s*(.*?)\s*$/gm)) headers.set(m[1]!.toLowerCase(), m[2]!);
  const contentType = headers.get('content-type');
  const url = headers.get('content-location') ?? DOC_ROOT + file.path;

  let feed: ParsedFeed | undefined;
  let error: unknown;
  try {
    feed = parseFeedBytes(file.bytes, { url, contentType });
  } catch (e) {
    if (!(e instanceof FeedParseError)) return { status: 'fail', detail: `crashed: ${String(e)}` };
    if (e.code === 'entities' && expect.startsWith('not bozo')) {
      return { status: 'skip', reason: 'declares DTD entities, which we refuse by design (billion laughs, XXE)' };
    }
    error = e;
  }
  const scope = buildScope(feed, error !== undefined, file.bytes, contentType);
  try {
    const ok = truthy(safe(parseExpression(expect), scope));
    if (ok) return { status: 'pass' };
    const why = error ? `threw: ${(error as Error).message}` : `got ${JSON.stringify(feed).slice(0, 300)}`;
    return { status: 'fail', detail: `${expect} — ${why}` };
  } catch (e) {
    if (e instanceof Skip) return { status: 'skip', reason: e.message };
    return { status: 'fail', detail: `evaluator: ${(e as Error).message} in ${expect}` };
  }
}

class Skip extends Error {}

/** A text field of ours: compared with feedparser's HTML by text content, not markup. */
class Text {
  constructor(readonly value: string) {}
}

type Value = string | number | boolean | null | Text | Value[] | { [key: string]: Value } | Lookup;

/** An object whose unknown keys mean the case needs a field we do not keep. */
class Lookup {
  constructor(
    readonly name: string,
    readonly fields: Record<string, Value | undefined>,
  ) {}
  get(key: string): Value {
    if (!(key in this.fields)) throw new Skip(`uses ${this.name}['${key}'], a field we do not keep`);
    return this.fields[key] ?? null;
  }
}

function buildScope(feed: ParsedFeed | undefined, threw: boolean, bytes: Uint8Array, contentType?: string): Record<string, Value> {
  // An absent text field reads as empty, as feedparser's sanitizer leaves an emptied field.
  const text = (v?: string) => new Text(v ?? '');
  const entries = (feed?.items ?? []).map(
    (item, i) =>
      new Lookup(`entries[${i}]`, {
        title: text(item.title || undefined),
        link: item.url ?? null,
        id: item.guid,
        guid: item.guid,
        summary: text(item.summary),
        description: text(item.summary),
        content: [new Lookup('content[0]', { value: text(item.contentText) })],
        author: item.author ?? null,
        published_parsed: dateTuple(item.publishedAt),
        updated_parsed: dateTuple(item.updatedAt ?? item.publishedAt),
      }),
  );
  return {
    bozo: threw || (feed?.warnings?.length ?? 0) > 0,
    feed: new Lookup('feed', { title: text(feed?.title || undefined), link: feed?.link ?? null }),
    entries,
    encoding: sniffFeedCharset(bytes, contentType).charset,
  };
}

/** feedparser's time.struct_time as a tuple: (y, m, d, H, M, S, weekday Mon=0, yearday, isdst=0). */
function dateTuple(iso: string | undefined): Value {
  if (!iso) return null;
  const d = new Date(iso);
  const yday = Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), (d.getUTCDay() + 6) % 7, yday, 0];
}

// ---- A small Python expression subset: or/and/not, ==/!= chains, +, indexing, attributes, literals.

type Node =
  | { t: 'lit'; v: Value }
  | { t: 'name'; v: string }
  | { t: 'index'; of: Node; key: Node }
  | { t: 'attr'; of: Node; key: string }
  | { t: 'call'; fn: Node; args: Node[] }
  | { t: 'not'; e: Node }
  | { t: 'bool'; op: 'and' | 'or'; a: Node; b: Node }
  | { t: 'cmp'; ops: string[]; items: Node[] }
  | { t: 'add'; a: Node; b: Node }
  | { t: 'tuple'; items: Node[] }
  | { t: 'dict'; items: [Node, Node][] };

const TOKEN = /\s*(?:(\d+\.\d+|\d+)|([uUbBrR]?)('''[\s\S]*?'''|"""[\s\S]*?"""|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|([A-Za-z_]\w*)|(==|!=|[()[\]{},.:+]))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`cannot read expression at "${src.slice(TOKEN.lastIndex, TOKEN.lastIndex + 20)}"`);
    out.push(m[1] ?? (m[3] ? `${m[2]!.toLowerCase().includes('r') ? 'r' : ''}${m[3]}` : (m[4] ?? m[5]!)));
  }
  return out;
}

function parseExpression(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const eat = (t?: string) => {
    const tok = toks[p++];
    if (t !== undefined && tok !== t) throw new Error(`expected ${t}, got ${tok}`);
    return tok!;
  };
  const orExpr = (): Node => {
    let a = andExpr();
    while (peek() === 'or') {
      eat();
      a = { t: 'bool', op: 'or', a, b: andExpr() };
    }
    return a;
  };
  const andExpr = (): Node => {
    let a = notExpr();
    while (peek() === 'and') {
      eat();
      a = { t: 'bool', op: 'and', a, b: notExpr() };
    }
    return a;
  };
  const notExpr = (): Node => (peek() === 'not' ? (eat(), { t: 'not', e: notExpr() }) : comparison());
  const comparison = (): Node => {
    const items = [sum()];
    const ops: string[] = [];
    while (peek() === '==' || peek() === '!=') {
      ops.push(eat());
      items.push(sum());
    }
    return ops.length ? { t: 'cmp', ops, items } : items[0]!;
  };
  const sum = (): Node => {
    let a = postfix();
    while (peek() === '+') {
      eat();
      a = { t: 'add', a, b: postfix() };
    }
    return a;
  };
  const postfix = (): Node => {
    let n = atom();
    for (;;) {
      if (peek() === '[') {
        eat();
        n = { t: 'index', of: n, key: orExpr() };
        eat(']');
      } else if (peek() === '.') {
        eat();
        n = { t: 'attr', of: n, key: eat() };
      } else if (peek() === '(') {
        eat();
        const args: Node[] = [];
        while (peek() !== ')') {
          args.push(orExpr());
          if (peek() === ',') eat();
        }
        eat(')');
        n = { t: 'call', fn: n, args };
      } else return n;
    }
  };
  const atom = (): Node => {
    const tok = eat();
    if (tok === '(') {
      const items: Node[] = [];
      let tuple = false;
      while (peek() !== ')') {
        items.push(orExpr());
        if (peek() === ',') {
          eat();
          tuple = true;
        }
      }
      eat(')');
      return tuple || items.length !== 1 ? { t: 'tuple', items } : items[0]!;
    }
    if (tok === '{') {
      const items: [Node, Node][] = [];
      while (peek() !== '}') {
        const k = orExpr();
        eat(':');
        items.push([k, orExpr()]);
        if (peek() === ',') eat();
      }
      eat('}');
      return { t: 'dict', items };
    }
    if (/^\d/.test(tok)) return { t: 'lit', v: Number(tok) };
    if (/^r?['"]/.test(tok)) return { t: 'lit', v: pythonString(tok) };
    if (tok === 'None') return { t: 'lit', v: null };
    if (tok === 'True' || tok === 'False') return { t: 'lit', v: tok === 'True' };
    return { t: 'name', v: tok };
  };
  const node = orExpr();
  if (p !== toks.length) throw new Error(`unexpected ${toks[p]}`);
  return node;
}

function pythonString(tok: string): string {
  const raw = tok.startsWith('r');
  const quote = /^r?('''|""")/.test(tok) ? 3 : 1;
  const body = tok.slice((raw ? 1 : 0) + quote, -quote);
  if (raw) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[e] ?? `\\${e}`;
  });
}

function evaluate(node: Node, scope: Record<string, Value>): Value {
  switch (node.t) {
    case 'lit':
      return node.v;
    case 'name':
      if (!(node.v in scope)) throw new Skip(`uses ${node.v}, which we do not expose`);
      return scope[node.v]!;
    case 'index':
    case 'attr': {
      const of = evaluate(node.of, scope);
      const key = node.t === 'attr' ? node.key : evaluate(node.key, scope);
      if (of instanceof Lookup && typeof key === 'string') return of.get(key);
      if (Array.isArray(of) && typeof key === 'number') {
        if (key >= of.length) throw new IndexError();
        return of[key]!;
      }
      if (of === null) throw new IndexError();
      throw new Skip(`indexes ${typeof of} with ${String(key)}`);
    }
    case 'call': {
      const fn = node.fn.t === 'name' ? node.fn.v : '';
      if (fn === 'len' && node.args.length === 1) {
        const v = evaluate(node.args[0]!, scope);
        return Array.isArray(v) ? v.length : v instanceof Text ? v.value.length : typeof v === 'string' ? v.length : 0;
      }
      throw new Skip(`calls ${fn || 'a method'}(), which we do not model`);
    }
    case 'not':
      return !truthy(safe(node.e, scope));
    case 'bool': {
      const a = safe(node.a, scope);
      if (node.op === 'and' ? !truthy(a) : truthy(a)) return a;
      return safe(node.b, scope);
    }
    case 'add': {
      const a = evaluate(node.a, scope);
      const b = evaluate(node.b, scope);
      return plain(a) + plain(b);
    }
    case 'tuple':
      return node.items.map((n) => evaluate(n, scope));
    case 'dict':
      throw new Skip('compares a whole dict (a *_detail or links structure we do not keep)');
    case 'cmp': {
      const values = node.items.map((n) => evaluate(n, scope));
      return node.ops.every((op, i) => equal(values[i]!, values[i + 1]!) === (op === '=='));
    }
  }
}

class IndexError extends Error {}

/** Evaluates, treating a missing entry or item (Python's IndexError/KeyError) as false. */
function safe(node: Node, scope: Record<string, Value>): Value {
  try {
    return evaluate(node, scope);
  } catch (e) {
    if (e instanceof IndexError) return false;
    throw e;
  }
}

function plain(v: Value): string {
  return v instanceof Text ? v.value : String(v);
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function equal(a: Value, b: Value): boolean {
  if (a instanceof Text || b instanceof Text) {
    const ours = a instanceof Text ? a.value : b instanceof Text ? b.value : '';
    const theirs = a instanceof Text ? b : a;
    if (typeof theirs !== 'string') return theirs === null ? false : plain(theirs) === ours;
    // feedparser keeps sanitized HTML (or plain text, for text types); we keep the text.
    return normalize(ours) === normalize(theirs) || normalize(ours) === normalize(htmlToText(theirs));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]!));
  if (typeof a === 'string' && typeof b === 'string') {
    // Encoding names: compare what TextDecoder makes of each label.
    const name = decoderName(a);
    return a === b || (name !== undefined && name === decoderName(b));
  }
  return a === b;
}

function decoderName(label: string): string | undefined {
  try {
    return new TextDecoder(label.toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

function truthy(v: Value): boolean {
  if (v instanceof Text) return v.value.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  return !!v;
}
