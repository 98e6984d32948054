/**
 * Canonical form of an article URL, the key that tells two feeds' items apart
 * or proves them the same page: tracking parameters, fragments, default ports
 * and cosmetic differences removed.
 */

/** Query parameters that only track the click, never select the content (matched case-insensitively). */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'ref_src',
  'ref_url',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'wt.mc_id',
  's_kwcid',
  '_ga',
  '_gl',
]);
const TRACKING_PREFIXES = ['utm_'];

function isTracking(rawKey: string): boolean {
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    key = rawKey.toLowerCase();
  }
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p));
}

/**
 * The canonical form of an http(s) URL, or undefined when it is not one.
 * Policy: lower-case scheme and host, no trailing dot, no credentials, no default
 * port, no fragment, tracking parameters dropped, the rest sorted by name (their
 * own encoding kept), and no trailing slash except on the root path.
 * @example canonicalUrl('HTTPS://Example.com:443/a/?utm_source=x&b=2&a=1#top') // 'https://example.com/a?a=1&b=2'
 */
export function canonicalUrl(input: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = base === undefined ? new URL(input.trim()) : new URL(input.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.username = '';
  url.password = '';
  url.hash = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.replace(/\.+$/, '');

  const pairs = url.search
    .slice(1)
    .split('&')
    .filter((p) => p !== '' && !isTracking(p.split('=')[0] ?? ''));
  // Sort by name only, so repeated parameters keep their relative order (it can matter).
  const sorted = pairs
    .map((p, i) => ({ p, i, key: p.split('=')[0] ?? '' }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.i - y.i))
    .map((x) => x.p);
  url.search = sorted.length ? `?${sorted.join('&')}` : '';

  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  }
  return url.href;
}
