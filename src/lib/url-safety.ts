/**
 * Decides whether the newsroom may fetch a URL: public http(s) hosts by name on
 * default ports only, never an IP literal, a private name or credentials.
 *
 * Hand-written because no Workers-compatible library covers every IP notation;
 * the WHATWG URL parser does the heavy lifting (it folds decimal, octal, hex and
 * short IPv4 forms into dotted decimal and compresses IPv6), and we classify
 * what it hands back. DNS is not consulted (Workers cannot); Cloudflare's own
 * egress refuses private destinations that a public name might resolve to.
 */

/**
 * Dev and tests only: which loopback URLs (127.0.0.0/8 literals and `localhost`) are allowed.
 * A list of ports allows exactly those (the configured demo newswire, never the workerd
 * inspector or anything else on the machine); `true` allows any port (unit tests of this module).
 */
export type LoopbackPolicy = boolean | readonly number[];

export interface UrlSafetyOptions {
  allowLoopback?: LoopbackPolicy;
}

export type UrlRefusal =
  | 'invalid'
  | 'scheme'
  | 'credentials'
  | 'ip-literal'
  | 'private-address'
  | 'local-name'
  | 'port';

export type UrlCheck = { ok: true; url: string } | { ok: false; code: UrlRefusal; reason: string };

const MAX_URL_LENGTH = 2048;

/** Suffixes that never name a public host (RFC 6761, RFC 8375, common private zones). */
const PRIVATE_SUFFIXES = [
  'localhost',
  'local',
  'internal',
  'lan',
  'home',
  'home.arpa',
  'localdomain',
  'intranet',
  'corp',
  'private',
  'test',
  'invalid',
  'example',
  'onion',
  'arpa',
];

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const DOTTED_QUAD = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * Checks a URL the newsroom is about to fetch (a new source or a redirect hop).
 * @example checkFetchUrl('http://10.0.0.1/feed.xml') // { ok: false, code: 'private-address', ... }
 */
export function checkFetchUrl(input: string, opts: UrlSafetyOptions = {}): UrlCheck {
  if (typeof input !== 'string' || input.trim() === '') return refuse('invalid', 'The URL is empty');
  const raw = input.trim();
  if (raw.length > MAX_URL_LENGTH) return refuse('invalid', `The URL is longer than ${MAX_URL_LENGTH} characters`);
  // The URL parser silently drops tabs and newlines inside a URL; a feed URL never needs them.
  if (/[\u0000-\u0020\u007f]/.test(raw)) return refuse('invalid', 'The URL contains spaces or control characters');

  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('invalid', 'Not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return refuse('scheme', `Only http and https URLs can be fetched (got ${url.protocol})`);
  }
  if (url.username || url.password) return refuse('credentials', 'URLs with a user name or password are not allowed');

  const host = url.hostname.replace(/\.$/, '');
  const loopback = opts.allowLoopback ?? false;
  const loopbackOk = loopback !== false;
  const loopbackPort = (): UrlCheck => {
    if (loopback === false) return refuse('private-address', `${host} is a loopback address`);
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    if (loopback === true || loopback.includes(port)) return { ok: true, url: url.href };
    return refuse('port', `Loopback port ${port} is not one of the configured demo ports (${loopback.join(', ') || 'none'})`);
  };

  if (host.startsWith('[')) {
    const kind = classifyIPv6(host.slice(1, -1));
    return kind === 'public'
      ? refuse('ip-literal', `IP address literals are not allowed (${host}); use the publisher's host name`)
      : refuse('private-address', `${host} is a ${kind} address`);
  }
  if (DOTTED_QUAD.test(host)) {
    const kind = classifyIPv4(host);
    if (kind === 'loopback' && loopbackOk) return loopbackPort();
    return kind === 'public'
      ? refuse('ip-literal', `IP address literals are not allowed (${host}); use the publisher's host name`)
      : refuse('private-address', `${host} is a ${kind} address`);
  }

  if (host === 'localhost' && loopbackOk) return loopbackPort();
  const labels = host.split('.');
  if (labels.length < 2) return refuse('local-name', `"${host}" is not a public host name (it has a single label)`);
  const suffix = PRIVATE_SUFFIXES.find((s) => host === s || host.endsWith(`.${s}`));
  if (suffix) return refuse('local-name', `"${host}" is a private or reserved name (.${suffix})`);
  if (!labels.every((l) => LABEL.test(l)) || !TLD.test(labels.at(-1) ?? '')) {
    return refuse('invalid', `"${host}" is not a valid host name`);
  }
  if (url.port !== '') return refuse('port', `Only the default port is allowed (got :${url.port})`);
  return { ok: true, url: url.href };
}

function refuse(code: UrlRefusal, reason: string): UrlCheck {
  return { ok: false, code, reason };
}

type AddressKind =
  | 'public'
  | 'loopback'
  | 'private network'
  | 'link-local'
  | 'shared (carrier-grade NAT)'
  | 'unspecified'
  | 'multicast'
  | 'reserved'
  | 'documentation'
  | 'broadcast'
  | 'unique-local'
  | 'site-local';

const IPV4_RANGES: [string, number, AddressKind][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private network'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private network'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private network'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['255.255.255.255', 32, 'broadcast'],
  ['240.0.0.0', 4, 'reserved'],
];

function ipv4ToInt(dotted: string): number {
  return dotted.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** What kind of address a dotted-decimal IPv4 is. */
export function classifyIPv4(dotted: string): AddressKind {
  const n = ipv4ToInt(dotted);
  for (const [base, bits, kind] of IPV4_RANGES) {
    const size = 2 ** (32 - bits);
    const start = ipv4ToInt(base);
    if (n >= start && n < start + size) return kind;
  }
  return 'public';
}

/** Expands an IPv6 address (as the URL parser prints it) into eight 16-bit groups. */
function ipv6Groups(addr: string): number[] | undefined {
  const [head = '', tail] = addr.split('::');
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill(0), ...t];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

/** What kind of address an IPv6 literal is; embedded IPv4 forms are judged by their IPv4 part. */
export function classifyIPv6(addr: string): AddressKind {
  const g = ipv6Groups(addr.toLowerCase());
  if (!g) return 'reserved';
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, h7 = 0, h8 = 0] = g;
  const embedded = `${h7 >> 8}.${h7 & 255}.${h8 >> 8}.${h8 & 255}`;
  const zeroPrefix = a === 0 && b === 0 && c === 0 && d === 0 && e === 0;
  if (zeroPrefix && f === 0 && h7 === 0 && h8 === 0) return 'unspecified';
  if (zeroPrefix && f === 0 && h7 === 0 && h8 === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d).
  if (zeroPrefix && (f === 0xffff || f === 0)) return classifyIPv4(embedded);
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0) return classifyIPv4(embedded);
  if (a === 0x2002) return classifyIPv4(`${b >> 8}.${b & 255}.${c >> 8}.${c & 255}`);
  if ((a & 0xfe00) === 0xfc00) return 'unique-local';
  if ((a & 0xffc0) === 0xfe80) return 'link-local';
  if ((a & 0xffc0) === 0xfec0) return 'site-local';
  if ((a & 0xff00) === 0xff00) return 'multicast';
  if (a === 0x2001 && b === 0x0db8) return 'documentation';
  if (a === 0x2001 && b === 0) return 'reserved'; // Teredo tunnels hide their endpoint
  return 'public';
}
