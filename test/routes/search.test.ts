import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { snippetRuns, toFtsQuery } from '../../src/db/queries/search';
import { hoursAgo, sampleDraft, seedArticle } from '../helpers/seed';

const get = (path: string) => exports.default.fetch(`https://news.test${path}`);
const search = (q: string) => get(`/search?q=${encodeURIComponent(q)}`);

beforeAll(async () => {
  await seedArticle({ slug: 'marlowe-in-title', title: 'Marlowe Robotics opens a warehouse automation lab in Eastport', publishedAt: hoursAgo(3) });
  const draft = sampleDraft('Eastport port authority buys electric cranes for its container terminal');
  draft.sections[0]!.paragraphs[0]!.text = 'The authority said the cranes were built by a consortium that includes Marlowe Robotics and two local firms.';
  await seedArticle({ slug: 'marlowe-in-body', draft, publishedAt: hoursAgo(1) });
  await seedArticle({ slug: 'marlowe-held', title: 'Marlowe Robotics held story that must not be found', status: 'held' });
});

describe('/search', () => {
  it('ranks a title match above a body match and highlights the terms', async () => {
    const res = await search('marlowe robotics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html.indexOf('/articles/marlowe-in-title')).toBeGreaterThan(-1);
    expect(html.indexOf('/articles/marlowe-in-title')).toBeLessThan(html.indexOf('/articles/marlowe-in-body'));
    expect(html).toMatch(/<mark>Marlowe<\/mark>/);
    expect(html).not.toContain('marlowe-held');
    expect(html).toContain('2 articles match');
  });

  it('never starts a snippet with a section heading', async () => {
    const draft = sampleDraft('Harbour cranes arrive');
    draft.sections[0]!.heading = 'Zanzibar heading words';
    draft.sections[0]!.paragraphs[0]!.text = 'Zanzibar officials said the cranes arrived on time.';
    await seedArticle({ slug: 'heading-snippet', draft, publishedAt: hoursAgo(2) });
    const html = await (await search('zanzibar')).text();
    expect(html).toContain('/articles/heading-snippet');
    expect(html).not.toContain('heading words');
    expect(html).toMatch(/<mark>Zanzibar<\/mark> officials said/);
  });

  it('matches the last word as a prefix', async () => {
    expect(await (await search('warehouse autom')).text()).toContain('/articles/marlowe-in-title');
  });

  it('shows a form and no results for an empty query, and says when nothing matches', async () => {
    const empty = await (await get('/search')).text();
    expect(empty).toContain('name="q"');
    expect(empty).not.toContain('match');
    expect(await (await search('zeppelin')).text()).toContain('No articles match “zeppelin”');
  });

  it('pages results twenty at a time, keeping the query, and a page past the end or no page at all is a 404', async () => {
    for (let i = 0; i < 21; i++) {
      await seedArticle({ slug: `quokka-${i}`, title: `Quokka survey number ${i} counts the island's marsupials again`, publishedAt: hoursAgo(10 + i) });
    }
    const first = await (await get('/search?q=quokka')).text();
    expect(first.match(/href="\/articles\/quokka-/g)).toHaveLength(20);
    expect(first).toContain('Articles 1–20 of those matching “quokka”.');
    expect(first).toContain('<a href="/search?q=quokka&amp;page=2" rel="next">More results</a>');
    const second = await get('/search?q=quokka&page=2');
    expect(second.status).toBe(200);
    const html = await second.text();
    const onSecond = [...html.matchAll(/href="\/articles\/(quokka-\d+)"/g)].map((m) => m[1]);
    expect(onSecond).toHaveLength(1);
    expect(first).not.toContain(`/articles/${onSecond[0]}"`);
    expect(html).toContain('Article 21 of those matching “quokka”.');
    expect(html).toContain('<a href="/search?q=quokka" rel="prev">Previous results</a>');
    for (const page of ['3', '0', 'two', '501']) expect((await get(`/search?q=quokka&page=${page}`)).status, page).toBe(404);
  });

  it('answers 200 for every hostile or malformed query', async () => {
    const hostile = [
      '"', '"unbalanced', 'a" OR "b', '(((', ')', 'marlowe)', 'NEAR(marlowe robotics, 2)', 'marlowe NEAR/2 robotics',
      '*', 'marl*', '^marlowe', 'title:marlowe', '{title dek}: marlowe', 'AND', 'OR OR OR', 'NOT marlowe', '-marlowe',
      "'; DROP TABLE articles; --", '\u0000\u0001\u0002', '<script>alert(1)</script>', '%', 'x'.repeat(5000),
      Array.from({ length: 300 }, (_, i) => `w${i}`).join(' '), '😀 emoji', 'Ωmega ünïcode', 'marlowe \u202eevil\u202c', 'a\u2066b\u2069c',
    ];
    for (const q of hostile) {
      const res = await search(q);
      expect(res.status, q.slice(0, 40)).toBe(200);
      const html = await res.text();
      expect(html).not.toContain('<script>alert');
      // HTML may carry no control characters: a NUL or a bidi override in the query is not echoed into the page.
      expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/);
    }
  });
});

describe('toFtsQuery', () => {
  it('quotes every word so FTS5 syntax is inert, and prefix-matches the last', () => {
    expect(toFtsQuery('marlowe NEAR(robotics) "lab')).toBe('"marlowe" "NEAR" "robotics" "lab"*');
    expect(toFtsQuery('title:x OR y*')).toBe('"title" "x" "OR" "y"');
  });

  it('returns null when no word is left, and caps the number of words', () => {
    expect(toFtsQuery('"()*^:-')).toBeNull();
    expect(toFtsQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '))!.split(' ')).toHaveLength(12);
  });
});

describe('snippetRuns', () => {
  it('splits marked snippets into plain and matched runs', () => {
    expect(snippetRuns('a \u0001b\u0002 c \u0001d\u0002')).toEqual(['a ', 'b', ' c ', 'd', '']);
    expect(snippetRuns('no marks')).toEqual(['no marks']);
  });
});
