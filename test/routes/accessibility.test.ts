// Structural accessibility of every reader page: language, landmarks, skip link,
// one h1 and no skipped heading levels, alt text, labelled form controls.
import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { hoursAgo, seedArticle, seedSources } from '../helpers/seed';

const PAGES = ['/', '/articles/quillon-ships-q7', '/category/open-source', '/search?q=model', '/search', '/about', '/corrections', '/status', '/no-such-page'];

beforeAll(async () => {
  await seedSources([{ id: 'northwind', name: 'Northwind Ledger Tech', publisher: 'Northwind Ledger', tier: 1 }]);
  await seedArticle({
    slug: 'quillon-ships-q7',
    publishedAt: hoursAgo(2),
    coverSvg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    corrections: [{ text: 'An earlier version gave the wrong date for the launch.' }],
  });
  await seedArticle({ slug: 'open-model-release', title: 'Lumen Forge opens its Atlas model to outside researchers', category: 'Open Source', publishedAt: hoursAgo(1) });
});

const page = async (path: string) => (await exports.default.fetch(`https://news.test${path}`)).text();
const headingLevels = (html: string) => [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));

describe.each(PAGES)('%s', (path) => {
  let html = '';
  beforeAll(async () => {
    html = await page(path);
  });

  it('declares its language and has header, nav, main and footer landmarks', () => {
    expect(html).toMatch(/<html lang="en"/);
    for (const landmark of ['<header', '<nav', '<main', '<footer']) expect(html, landmark).toContain(landmark);
  });

  it('starts with a skip link to the main content', () => {
    const skip = /<a [^>]*href="#([^"]+)"[^>]*>Skip to content<\/a>/.exec(html);
    expect(skip).not.toBeNull();
    expect(html).toContain(`<main id="${skip![1]}"`);
    expect(html.indexOf(skip![0])).toBeLessThan(html.indexOf('<nav'));
  });

  it('has exactly one h1 and never skips a heading level going down', () => {
    const levels = headingLevels(html);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `h${levels[i - 1]} -> h${levels[i]}`).toBeLessThanOrEqual(1);
  });

  it('gives every image alt text and every form control a label', () => {
    for (const img of html.match(/<img\b[^>]*>/g) ?? []) expect(img).toMatch(/\balt="/);
    for (const input of html.match(/<input\b[^>]*>/g) ?? []) {
      const id = /\bid="([^"]+)"/.exec(input)?.[1];
      const labelled = /aria-label="[^"]+"/.test(input) || (id !== undefined && html.includes(`<label for="${id}"`));
      expect(labelled, input).toBe(true);
    }
  });
});
