import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/lib/canonical-url';

describe('canonicalUrl', () => {
  it.each([
    ['HTTPS://News.Example.COM/Story', 'https://news.example.com/Story'],
    ['https://news.example.com/story#comments', 'https://news.example.com/story'],
    ['https://news.example.com:443/story', 'https://news.example.com/story'],
    ['http://news.example.com:80/story', 'http://news.example.com/story'],
    ['http://news.example.com:8080/story', 'http://news.example.com:8080/story'],
    ['https://news.example.com./story', 'https://news.example.com/story'],
    ['https://user:pw@news.example.com/story', 'https://news.example.com/story'],
    ['https://news.example.com/story/', 'https://news.example.com/story'],
    ['https://news.example.com/a/b//', 'https://news.example.com/a/b'],
    ['https://news.example.com/', 'https://news.example.com/'],
    ['https://news.example.com', 'https://news.example.com/'],
    ['https://news.example.com/story?', 'https://news.example.com/story'],
  ])('normalises %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it('drops tracking parameters of every common kind', () => {
    const tracked =
      'https://news.example.com/story?utm_source=x&utm_medium=y&UTM_Campaign=z&utm_content=a&utm_term=b' +
      '&fbclid=1&gclid=2&dclid=3&msclkid=4&mc_cid=5&mc_eid=6&igshid=7&ref_src=8&_hsenc=9&yclid=10';
    expect(canonicalUrl(tracked)).toBe('https://news.example.com/story');
  });

  it('keeps content parameters, sorted by name, with their own encoding', () => {
    expect(canonicalUrl('https://news.example.com/s?page=2&id=a%20b&utm_source=feed&cat=ai')).toBe(
      'https://news.example.com/s?cat=ai&id=a%20b&page=2',
    );
  });

  it('keeps repeated parameters in their original order', () => {
    expect(canonicalUrl('https://news.example.com/s?tag=b&x=1&tag=a')).toBe('https://news.example.com/s?tag=b&tag=a&x=1');
  });

  it('gives the same key to the same page reached through different links', () => {
    const a = canonicalUrl('https://News.example.com/2026/story/?utm_source=rss#top');
    const b = canonicalUrl('https://news.example.com:443/2026/story?fbclid=XYZ');
    expect(a).toBe(b);
  });

  it('keeps pages that differ in content parameters apart', () => {
    expect(canonicalUrl('https://news.example.com/s?id=1')).not.toBe(canonicalUrl('https://news.example.com/s?id=2'));
  });

  it('resolves a relative link against a base', () => {
    expect(canonicalUrl('../story/?utm_medium=x', 'https://news.example.com/feeds/main.xml')).toBe('https://news.example.com/story');
  });

  it('returns undefined for anything that is not an http(s) URL', () => {
    for (const bad of ['javascript:alert(1)', 'mailto:a@b.c', 'data:text/html,x', 'not a url', '', 'ftp://news.example.com/x']) {
      expect(canonicalUrl(bad)).toBeUndefined();
    }
  });
});
