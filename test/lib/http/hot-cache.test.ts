import { describe, expect, it } from 'vitest';
import { HOT_TTL_MS, hotDelete, hotGet, hotPut } from '../../../src/lib/http/hot-cache';

const page = (text: string) => new Response(text, { headers: { 'content-type': 'text/html', etag: '"a"' } });
const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('hot cache', () => {
  it('answers the whole body with status and headers as often as asked while fresh', async () => {
    hotPut('https://news.test/a', page('<p>one</p>'), bytes('<p>one</p>'), 1_000);
    for (let i = 0; i < 3; i++) {
      const res = hotGet('https://news.test/a', 1_000 + HOT_TTL_MS - 1)!;
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"a"');
      expect(await res.text()).toBe('<p>one</p>');
    }
  });

  it('forgets an entry once it is HOT_TTL_MS old, and when purged', () => {
    hotPut('https://news.test/b', page('b'), bytes('b'), 1_000);
    expect(hotGet('https://news.test/b', 1_000 + HOT_TTL_MS)).toBeUndefined();
    hotPut('https://news.test/c', page('c'), bytes('c'), 1_000);
    hotDelete('https://news.test/c');
    expect(hotGet('https://news.test/c', 1_001)).toBeUndefined();
  });

  it('keeps at most 64 pages, dropping the oldest first', () => {
    for (let i = 0; i < 65; i++) hotPut(`https://news.test/p${i}`, page('p'), bytes('p'), 1_000);
    expect(hotGet('https://news.test/p0', 1_001)).toBeUndefined();
    expect(hotGet('https://news.test/p64', 1_001)).toBeDefined();
  });
});
