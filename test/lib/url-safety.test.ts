import { describe, expect, it } from 'vitest';
import { checkFetchUrl, classifyIPv4, classifyIPv6, type UrlRefusal } from '../../src/lib/url-safety';

// [url, expected refusal code or 'ok'] without loopback allowed.
const TABLE: [string, UrlRefusal | 'ok'][] = [
  ['https://news.example.com/feed.xml', 'ok'],
  ['http://blog.publisher.org/rss', 'ok'],
  ['https://NEWS.Example.COM/Feed', 'ok'],
  ['https://news.example.com:443/feed', 'ok'],
  ['http://news.example.com:80/feed', 'ok'],
  ['https://xn--fiqs8s.xn--fiqs8s/feed', 'ok'],
  ['https://news.example.com./feed', 'ok'],
  // schemes
  ['ftp://news.example.com/feed.xml', 'scheme'],
  ['file:///etc/passwd', 'scheme'],
  ['javascript:alert(1)', 'scheme'],
  ['data:text/xml,<rss/>', 'scheme'],
  ['gopher://news.example.com/', 'scheme'],
  // credentials
  ['https://user:pass@news.example.com/feed', 'credentials'],
  ['https://user@news.example.com/feed', 'credentials'],
  ['https://:pass@news.example.com/feed', 'credentials'],
  // ports
  ['https://news.example.com:8443/feed', 'port'],
  ['http://news.example.com:8080/feed', 'port'],
  ['http://news.example.com:443/feed', 'port'],
  // IPv4 literals in every notation
  ['http://127.0.0.1/feed', 'private-address'],
  ['http://2130706433/', 'private-address'],
  ['http://0177.0.0.1/', 'private-address'],
  ['http://0x7f.1/', 'private-address'],
  ['http://0x7f000001/', 'private-address'],
  ['http://017700000001/', 'private-address'],
  ['http://127.1/', 'private-address'],
  ['http://127.0.0.1./', 'private-address'],
  ['http://１２７.０.０.１/', 'private-address'],
  ['http://0/', 'private-address'],
  ['http://10.0.0.1/feed.xml', 'private-address'],
  ['http://172.16.5.4/', 'private-address'],
  ['http://192.168.1.1/', 'private-address'],
  ['http://169.254.169.254/latest/meta-data/', 'private-address'],
  ['http://100.64.0.1/', 'private-address'],
  ['http://224.0.0.1/', 'private-address'],
  ['http://255.255.255.255/', 'private-address'],
  ['http://8.8.8.8/', 'ip-literal'],
  ['http://134744072/', 'ip-literal'],
  ['http://1.2.3/', 'ip-literal'],
  // IPv6 literals
  ['http://[::1]/', 'private-address'],
  ['http://[::]/', 'private-address'],
  ['http://[::ffff:127.0.0.1]/', 'private-address'],
  ['http://[0:0:0:0:0:ffff:7f00:1]/', 'private-address'],
  ['http://[::ffff:a00:1]/', 'private-address'],
  ['http://[::127.0.0.1]/', 'private-address'],
  ['http://[64:ff9b::a9fe:a9fe]/', 'private-address'],
  ['http://[fe80::1]/', 'private-address'],
  ['http://[fd00::1]/', 'private-address'],
  ['http://[2606:4700::1111]/', 'ip-literal'],
  ['http://[::ffff:8.8.8.8]/', 'ip-literal'],
  ['http://[fe80::1%25eth0]/', 'invalid'],
  ['http://[fe80::1%eth0]/', 'invalid'],
  // private names
  ['http://localhost/feed', 'local-name'],
  ['http://localhost./feed', 'local-name'],
  ['http://LOCALHOST/feed', 'local-name'],
  ['http://%6c%6fcalhost/', 'local-name'],
  ['http://api.localhost/', 'local-name'],
  ['http://printer.local/', 'local-name'],
  ['http://metadata.google.internal/', 'local-name'],
  ['http://router.lan/', 'local-name'],
  ['http://nas.home.arpa/', 'local-name'],
  ['http://1.0.0.127.in-addr.arpa/', 'local-name'],
  ['http://intranet/', 'local-name'],
  ['http://newsroom/feed', 'local-name'],
  // malformed
  ['', 'invalid'],
  ['not a url', 'invalid'],
  ['http://', 'invalid'],
  ['http://exa\tmple.com/', 'invalid'],
  ['http://a..com/', 'invalid'],
  ['http://-bad-.com/', 'invalid'],
  ['http://under_score.com/', 'invalid'],
  [`https://news.example.com/${'a'.repeat(2100)}`, 'invalid'],
];

describe('checkFetchUrl', () => {
  it.each(TABLE)('%s -> %s', (url, expected) => {
    const result = checkFetchUrl(url);
    if (expected === 'ok') {
      expect(result).toMatchObject({ ok: true });
    } else {
      expect(result).toMatchObject({ ok: false, code: expected });
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
    }
  });

  it('covers at least 40 URLs', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it('returns the normalised URL it accepted', () => {
    expect(checkFetchUrl('HTTPS://News.Example.com:443/feed')).toEqual({ ok: true, url: 'https://news.example.com/feed' });
  });

  it('names the address kind in the reason', () => {
    const r = checkFetchUrl('http://10.0.0.1/feed.xml');
    expect(r.ok ? '' : r.reason).toContain('private network');
    const meta = checkFetchUrl('http://169.254.169.254/');
    expect(meta.ok ? '' : meta.reason).toContain('link-local');
  });
});

describe('checkFetchUrl with allowLoopback', () => {
  const loop = { allowLoopback: true };

  it('accepts 127.0.0.0/8 and localhost on any port', () => {
    for (const u of ['http://127.0.0.1:8787/feeds/a.xml', 'http://127.0.0.2/', 'http://localhost:3000/feed', 'http://2130706433:9000/']) {
      expect(checkFetchUrl(u, loop)).toMatchObject({ ok: true });
    }
  });

  it('still refuses every other private, link-local and reserved range', () => {
    for (const u of ['http://10.0.0.1/feed.xml', 'http://192.168.0.1/', 'http://169.254.169.254/', 'http://0.0.0.0:8080/', 'http://172.31.255.255/', 'http://[fd00::1]/']) {
      expect(checkFetchUrl(u, loop)).toMatchObject({ ok: false, code: 'private-address' });
    }
  });

  it('refuses IPv6 loopback forms and *.localhost (only 127/8 and localhost are loopback here)', () => {
    for (const u of ['http://[::1]:8080/', 'http://[::ffff:127.0.0.1]/', 'http://api.localhost/']) {
      expect(checkFetchUrl(u, loop).ok).toBe(false);
    }
  });

  it('still refuses credentials, other schemes and non-default ports on public hosts', () => {
    expect(checkFetchUrl('http://u:p@127.0.0.1:8787/', loop)).toMatchObject({ ok: false, code: 'credentials' });
    expect(checkFetchUrl('ftp://127.0.0.1/', loop)).toMatchObject({ ok: false, code: 'scheme' });
    expect(checkFetchUrl('https://news.example.com:8443/', loop)).toMatchObject({ ok: false, code: 'port' });
  });
});

describe('address classification', () => {
  it('classifies IPv4 ranges at their edges', () => {
    expect(classifyIPv4('172.15.255.255')).toBe('public');
    expect(classifyIPv4('172.16.0.0')).toBe('private network');
    expect(classifyIPv4('172.31.255.255')).toBe('private network');
    expect(classifyIPv4('172.32.0.0')).toBe('public');
    expect(classifyIPv4('100.63.255.255')).toBe('public');
    expect(classifyIPv4('100.64.0.0')).toBe('shared (carrier-grade NAT)');
    expect(classifyIPv4('126.255.255.255')).toBe('public');
    expect(classifyIPv4('127.255.255.255')).toBe('loopback');
  });

  it('judges IPv4 embedded in IPv6 by its IPv4 part', () => {
    expect(classifyIPv6('::ffff:7f00:1')).toBe('loopback');
    expect(classifyIPv6('::ffff:a9fe:a9fe')).toBe('link-local');
    expect(classifyIPv6('2002:c0a8:101::1')).toBe('private network');
    expect(classifyIPv6('2606:4700::1111')).toBe('public');
  });
});

describe('checkFetchUrl with a list of loopback ports', () => {
  const demo = { allowLoopback: [8788] };

  it('allows only the configured ports on loopback, never the workerd inspector or other local services', () => {
    expect(checkFetchUrl('http://127.0.0.1:8788/feeds/a.xml', demo)).toMatchObject({ ok: true });
    expect(checkFetchUrl('http://localhost:8788/feed', demo)).toMatchObject({ ok: true });
    for (const u of ['http://127.0.0.1:9229/json', 'http://127.0.0.1:8787/api/editor/runs', 'http://localhost/', 'http://127.0.0.1:6379/', 'http://2130706433:9229/']) {
      expect(checkFetchUrl(u, demo), u).toMatchObject({ ok: false, code: 'port' });
    }
  });

  it('refuses loopback altogether when loopback is off', () => {
    expect(checkFetchUrl('http://127.0.0.1:8788/', { allowLoopback: false })).toMatchObject({ ok: false, code: 'private-address' });
  });
});
