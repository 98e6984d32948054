import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { hoursAgo, seedArticle, seedRun, seedSources } from '../helpers/seed';

const get = (path: string, init?: RequestInit) => exports.default.fetch(`https://news.test${path}`, init);

/** <script> elements in a page, with their type attribute (null when absent). */
function scriptTypes(html: string): (string | null)[] {
  return [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => /type="([^"]*)"/i.exec(m[1]!)?.[1] ?? null);
}

beforeAll(async () => {
  await seedSources([
    { id: 'northwind', name: 'Northwind Ledger Tech', publisher: 'Northwind Ledger', tier: 1 },
    { id: 'harbor', name: 'Harbor Signal', publisher: 'Harbor Signal', failures: 3, lastStatus: 503 },
    { id: 'gazette', name: 'Gazette Alpine', publisher: 'Gazette Alpine', tier: 2 },
  ]);
  await seedRun({ id: 'run-1', stats: { ingest: { sourcesFetched: 2, itemsNew: 9, itemsSkipped: 0 }, workflows: { started: 1 } } });
  await seedRun({ id: 'run-0', status: 'failed', startedAt: hoursAgo(1), errors: ['harbor: HTTP 503'] });
  await seedArticle({
    slug: 'quillon-ships-q7',
    publishedAt: hoursAgo(5),
    versions: 2,
    writer: 'extractive',
    coverSvg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    corrections: [{ text: 'An earlier version gave the power draw as 50 watts; Quillon said 40.' }],
    actions: [{ action: 'publish-override', reason: 'The number check misread a model name as a figure.' }],
    overrideReason: 'The number check misread a model name as a figure.',
    checks: [
      { name: 'citations', passed: true, severity: 'block', details: [] },
      { name: 'numbers', passed: false, severity: 'block', details: ['"Q7" read as the number 7'] },
    ],
  });
  await seedArticle({ slug: 'open-model-release', title: 'Lumen Forge opens its Atlas model to outside researchers', category: 'Open Source', publishedAt: hoursAgo(1), writer: 'workers-ai', model: '@cf/meta/llama-3.3-70b-instruct-fp8-fast' });
  await seedArticle({ slug: 'held-story', title: 'A held story that failed its number check badly', status: 'held' });
  await seedArticle({ slug: 'pulled-story', title: 'An unpublished story that an editor withdrew', status: 'unpublished' });
});

describe('front page', () => {
  it('lists published articles newest first, lead story larger, with category navigation', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.indexOf('Lumen Forge opens')).toBeLessThan(html.indexOf('Quillon Systems ships'));
    expect(html).toMatch(/class="card lead"[\s\S]*open-model-release/);
    expect(html).toContain('href="/category/open-source"');
    expect(html).toContain('<p class="dek">Three outlets report that the fictional chipmaker');
    expect(html).not.toContain('held-story');
    expect(html).not.toContain('pulled-story');
    expect(res.headers.get('cache-control')).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
  });

  it('rejects a page number that is not a positive whole number with a 404', async () => {
    expect((await get('/?page=abc')).status).toBe(404);
    expect((await get('/?page=0')).status).toBe(404);
  });

  it('answers a page beyond the last with a real 404, not an empty 200', async () => {
    const res = await get('/?page=3');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
    expect((await get('/category/open-source?page=2')).status).toBe(404);
    expect((await get('/category/open-source?page=50')).status).toBe(404);
  });

  it('shows each headline once, as a link, with no cover image repeating it', async () => {
    const html = await (await get('/')).text();
    for (const title of ['Lumen Forge opens its Atlas model to outside researchers', 'Quillon Systems ships the Q7, a low-power inference chip']) {
      expect(html.split(title).length - 1, title).toBe(1);
      expect(html).toContain(`">${title}</a></h2>`);
    }
    expect(html).not.toMatch(/<img\b/);
  });

  it('gives every card its section, time and number of independent publishers', async () => {
    const html = await (await get('/')).text();
    const cards = html.match(/<article class="card[^"]*">[\s\S]*?<\/article>/g)!;
    expect(cards).toHaveLength(2);
    for (const card of cards) {
      expect(card).toMatch(/<p class="kicker">(Open Source|Industry)<\/p>/);
      expect(card).toMatch(/<time datetime="[^"]+">/);
      expect(card).toContain('3 independent publishers');
    }
  });

  it('lays the lead story across a grid on wide pages', async () => {
    const html = await (await get('/')).text();
    expect(html).toContain('<main id="main" class="wide">');
    expect(html).toMatch(/<ul class="cards"><li class="lead"><article class="card lead">/);
  });

  it('has a meaningful social title and description and a PNG card', async () => {
    const html = await (await get('/')).text();
    const og = (p: string) => new RegExp(`<meta property="og:${p}" content="([^"]*)"`).exec(html)?.[1];
    expect(og('title')).toMatch(/^Digital Mind News: .{20,}/);
    expect(og('title')).not.toBe('Latest news');
    expect(og('description')!.length).toBeGreaterThan(60);
    expect(og('image')).toBe('https://news.test/cards/site.png');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
  });
});

describe('every page’s social metadata', () => {
  it('names a PNG og:image and a title and description of its own on every reader page', async () => {
    const images: Record<string, string> = {
      '/': 'https://news.test/cards/site.png',
      '/articles/quillon-ships-q7': 'https://news.test/media/quillon-ships-q7/card.png',
      '/category/open-source': 'https://news.test/cards/category/open-source.png',
      '/about': 'https://news.test/cards/site.png',
      '/corrections': 'https://news.test/cards/site.png',
      '/search': 'https://news.test/cards/site.png',
      '/status': 'https://news.test/cards/site.png',
      '/no-such-page': 'https://news.test/cards/site.png',
    };
    for (const [path, image] of Object.entries(images)) {
      const html = await (await get(path)).text();
      expect(html, path).toContain(`<meta property="og:image" content="${image}"/>`);
      expect(html, path).toContain(`<meta name="twitter:image" content="${image}"/>`);
      expect(html, path).not.toMatch(/og:image" content="[^"]*\.svg"/);
      const title = /<meta property="og:title" content="([^"]*)"/.exec(html)![1]!;
      expect(title.length, path).toBeGreaterThan(5);
      // A shared link must say whose page it is, or be an article's own headline.
      if (!path.startsWith('/articles/') && !path.startsWith('/search') && path !== '/no-such-page') expect(title, path).toContain('Digital Mind News');
      expect(/<meta property="og:description" content="([^"]*)"/.exec(html)![1]!.length, path).toBeGreaterThan(30);
    }
  });

  it('serves those cards as 1200x630 PNGs, and a favicon.ico', async () => {
    for (const path of ['/cards/site.png', '/cards/category/open-source.png']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      const bytes = new Uint8Array(await res.arrayBuffer());
      const view = new DataView(bytes.buffer);
      expect([view.getUint32(16), view.getUint32(20)], path).toEqual([1200, 630]);
    }
    expect((await get('/cards/category/sports.png')).status).toBe(404);
    const icon = await get('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
    expect((await icon.arrayBuffer()).byteLength).toBeGreaterThan(22);
  });

  it('draws a missing article card on first request (articles published before cards) and stores it', async () => {
    const first = await get('/media/open-model-release/card.png');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect([new DataView(bytes.buffer).getUint32(16), new DataView(bytes.buffer).getUint32(20)]).toEqual([1200, 630]);
    expect(await env.STORE.head('media/open-model-release/card.png')).not.toBeNull();
    // Only published articles get one; anything else under media/ still 404s.
    expect((await get('/media/held-story/card.png')).status).toBe(404);
    expect((await get('/media/no-such-article/card.png')).status).toBe(404);
  });

  it('redirects a reader path with a trailing slash to the page', async () => {
    for (const path of ['/about/', '/corrections/', '/articles/quillon-ships-q7/']) {
      const res = await get(path, { redirect: 'manual' });
      expect(res.status, path).toBe(301);
      expect(res.headers.get('location'), path).toBe(`https://news.test${path.slice(0, -1)}`);
    }
  });
});

describe('article page', () => {
  let html: string;
  beforeAll(async () => {
    const res = await get('/articles/quillon-ships-q7');
    expect(res.status).toBe(200);
    html = await res.text();
  });

  it('shows category, title, dek, byline with the source count linking to /about, and times', () => {
    expect(html).toContain('<h1>Quillon Systems ships the Q7, a low-power inference chip</h1>');
    expect(html).toContain('href="/category/industry"');
    expect(html).toContain('<a href="/about">Written by AI · checked against 3 sources</a>');
    expect(html).toMatch(/Published <time datetime="\d{4}-\d\d-\d\dT[^"]+">/);
    expect(html).toMatch(/Updated <time datetime=/);
    expect(html).toMatch(/\d+ min read/);
  });

  it('ends paragraphs in citation links that jump to the numbered sources', () => {
    expect(html).toContain('<a href="#source-1" aria-label="Source 1">[1]</a>');
    expect(html).toContain('id="source-3"');
    expect(html).toContain('href="https://copperline.demo.invalid/news/quillon-q7"');
    expect(html).toContain('What This Means');
    expect(html).toContain('When does the Q7 ship?');
  });

  it('shows how it was made: writer, every check, versions, editor actions and corrections', () => {
    expect(html).toContain('How this article was made');
    expect(html).toContain('written by the extractive writer (no language model)');
    expect(html).toContain('(numbers)');
    expect(html).toContain('Failed (blocking)');
    expect(html).toContain('&quot;Q7&quot; read as the number 7');
    expect(html).toMatch(/<li>Version 2: Corrected/);
    expect(html).toMatch(/<li>Version 1: First published/);
    expect(html).not.toMatch(/<ol reversed>\s*<li>v\d/);
    expect(html).toContain('publish-override');
    expect(html).toContain('The number check misread a model name as a figure.');
    expect(html).toContain('An earlier version gave the power draw as 50 watts');
    expect(html).toContain('src="/media/quillon-ships-q7/cover.svg"');
  });

  it('puts the cover below the standfirst, with alt text that describes it rather than repeating the headline', () => {
    const img = /<img class="cover"[^>]*>/.exec(html)![0];
    const alt = /alt="([^"]*)"/.exec(img)![1]!;
    expect(alt).toBe('Industry mark, reported by 3 independent publishers');
    expect(alt).not.toContain('Quillon Systems ships');
    expect(html.indexOf('<p class="dek">')).toBeLessThan(html.indexOf(img));
    expect(html.indexOf('<h1>')).toBeLessThan(html.indexOf('<p class="dek">'));
  });

  it('names the model for a model-written article', async () => {
    const page = await (await get('/articles/open-model-release')).text();
    expect(page).toContain('@cf/meta/llama-3.3-70b-instruct-fp8-fast');
  });

  it('carries canonical, OpenGraph, Twitter and JSON-LD metadata, and no executable script', () => {
    expect(html).toContain('<link rel="canonical" href="https://news.test/articles/quillon-ships-q7"/>');
    expect(html).toContain('property="og:title"');
    expect(html).toContain('name="twitter:card" content="summary_large_image"');
    const types = scriptTypes(html);
    expect(types.length).toBe(3);
    expect(types.every((t) => t === 'application/ld+json')).toBe(true);
  });

  it('parses back JSON-LD: NewsArticle by the Organization, based on the sources, plus FAQPage and BreadcrumbList', () => {
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    const news = blocks.find((b) => b['@type'] === 'NewsArticle');
    expect(news.headline).toBe('Quillon Systems ships the Q7, a low-power inference chip');
    expect(news.author).toEqual({ '@type': 'Organization', name: 'Digital Mind News', url: 'https://news.test/' });
    expect(news.publisher).toEqual(news.author);
    expect(news.isBasedOn).toContain('https://harbor-signal.demo.invalid/2026/quillon');
    expect(Date.parse(news.datePublished)).toBeLessThan(Date.parse(news.dateModified));
    expect(news.image).toEqual(['https://news.test/media/quillon-ships-q7/card.png']);
    expect(blocks.find((b) => b['@type'] === 'FAQPage').mainEntity).toHaveLength(2);
    expect(blocks.find((b) => b['@type'] === 'BreadcrumbList').itemListElement[1].item).toBe('https://news.test/category/industry');
  });

  it('is a 404 page for unknown, held and unpublished slugs', async () => {
    for (const slug of ['no-such-article', 'held-story', 'pulled-story']) {
      const res = await get(`/articles/${slug}`);
      expect(res.status, slug).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('Page not found');
    }
  });
});

describe('category, about, corrections and status pages', () => {
  it('lists only the category’s articles and 404s for an unknown category', async () => {
    const html = await (await get('/category/open-source')).text();
    expect(html).toContain('Lumen Forge opens');
    expect(html).not.toContain('Quillon Systems ships');
    expect((await get('/category/sports')).status).toBe(404);
  });

  it('explains an empty category', async () => {
    expect(await (await get('/category/policy')).text()).toContain('No Policy articles have been published yet');
  });

  it('discloses the method and lists trusted sources from D1', async () => {
    const html = await (await get('/about')).text();
    expect(html).toContain('Written by AI');
    expect(html).toContain('Northwind Ledger Tech');
    expect(html).toContain('wire or outlet of record');
  });

  it('names a source once when its name is its publisher’s, on /about and /status', async () => {
    for (const path of ['/about', '/status']) {
      const html = await (await get(path)).text();
      expect(html, path).toContain('Gazette Alpine');
      expect(html, path).not.toMatch(/Gazette Alpine(<\/a>)? <span class="muted">\(Gazette Alpine/);
      expect(html, path).toMatch(/Northwind Ledger Tech(<\/a>)? <span class="muted">\(Northwind Ledger/);
    }
  });

  it('logs corrections newest first with links to the article', async () => {
    const html = await (await get('/corrections')).text();
    expect(html).toContain('href="/articles/quillon-ships-q7"');
    expect(html).toContain('50 watts');
  });

  it('shows runs, source health and counts, and is never cached', async () => {
    const res = await get('/status');
    const html = await res.text();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('2 published · 1 held for an editor');
    expect(html).toContain('failing (3 in a row, HTTP 503)');
    expect(html).toContain('(1 error)');
    expect(html).toContain('sources fetched: 2, new items: 9, articles started: 1');
  });

  it('puts the disclosure footer on every page', async () => {
    for (const path of ['/', '/about', '/status', '/search', '/articles/quillon-ships-q7', '/nope']) {
      expect(await (await get(path)).text(), path).toContain('is written by AI.</strong>');
    }
  });
});
