import { exports } from 'cloudflare:workers';
import { parseRssFeed, parseAtomFeed } from 'feedsmith';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { liveMarkup, rssItems } from '../helpers/feed-reader';
import { sampleDraft, seedArticle } from '../helpers/seed';

const get = (path: string) => exports.default.fetch(`https://news.test${path}`);

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img onerror=alert(1) src=x>';
const TITLE = `Quarry report ${SCRIPT} and ${IMG} in one title`;

beforeAll(async () => {
  const draft = sampleDraft(TITLE);
  draft.dek = `A dek with ${IMG} and a closing </script> tag inside it for good measure.`;
  draft.sections[0]!.heading = `Heading ${SCRIPT}`;
  draft.sections[0]!.paragraphs[0]!.text = `Quarry operators said ${SCRIPT} appeared in a filing, and ${IMG} in another.`;
  draft.faq[0]!.question = `What did ${IMG} mean?`;
  await seedArticle({
    slug: 'hostile-quarry',
    draft,
    category: 'Security',
    sources: [
      { publisher: `Evil ${IMG} Press`, url: 'javascript:alert(1)', title: `Headline ${SCRIPT}` },
      { publisher: 'Northwind Ledger', url: 'https://northwind-ledger.demo.invalid/quarry', title: 'Quarry filing draws questions' },
      { publisher: 'Harbor Signal', url: 'https://harbor-signal.demo.invalid/quarry', title: 'Quarry operator responds' },
    ],
    corrections: [{ text: `Correction mentioning ${SCRIPT}.` }],
    actions: [{ action: 'publish-override', reason: `Reason ${IMG}` }],
  });
  // Older than the quarry report, so that one stays the feed's first item.
  await seedArticle({
    slug: 'unclosed-dek',
    title: 'A report on the telescope array that opened this week',
    dek: 'Astronomers described the array and a telescope <svg onload=alert(1)//',
    publishedAt: new Date(Date.now() - 86_400_000).toISOString(),
  });
});

/** Every element tag in a document that could run script or load something. */
function activeMarkup(html: string): string[] {
  return [...html.matchAll(/<(script|img|iframe|object|embed)\b[^>]*>/gi)].map((m) => m[0]).filter((tag) => !tag.startsWith('<script type="application/ld+json">'));
}

/** Attributes named on* in real tags (quoted attribute values, where escaped text lives, are blanked first). */
function eventHandlerAttributes(html: string): string[] {
  return [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0].replace(/"[^"]*"/g, '""')).filter((tag) => /\son[a-z]+\s*=/i.test(tag));
}

describe('hostile text renders as text', () => {
  it('on the article page, with only JSON-LD script elements and no javascript: links', async () => {
    const html = await (await get('/articles/hostile-quarry')).text();
    expect(activeMarkup(html)).toEqual([]);
    expect(eventHandlerAttributes(html)).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('href="javascript:');
    const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    expect(scripts.every((s) => s === '<script type="application/ld+json">')).toBe(true);
  });

  it('in JSON-LD, which parses back to the exact title and never contains a raw <', async () => {
    const html = await (await get('/articles/hostile-quarry')).text();
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(3);
    for (const block of blocks) expect(block).not.toMatch(/[<>]/);
    const news = JSON.parse(blocks[0]!);
    expect(news.headline).toBe(TITLE);
    expect(news.description).toContain('</script>');
  });

  it('in the RSS, Atom and JSON feeds, which parse back to the exact title', async () => {
    const rss = await (await get('/feed.xml')).text();
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(rss).not.toContain('<script>');
    // RSS text is HTML to a reader: escaped once for HTML, once for XML, it renders as the exact title.
    const [item] = rssItems(rss);
    expect(item?.title).toBe(TITLE);
    expect(liveMarkup(item!.titleHtml)).toEqual([]);
    expect(liveMarkup(item!.descriptionHtml)).toEqual([]);
    expect(parseRssFeed(rss).items).toHaveLength(2);
    const atom = await (await get('/atom.xml')).text();
    expect(atom).not.toContain('<img');
    expect(parseAtomFeed(atom).entries?.[0]?.title?.value).toBe(TITLE);
    const json = JSON.parse(await (await get('/feed.json')).text());
    expect(json.items[0].title).toBe(TITLE);
  });

  it('in RSS, even for a tag that is never closed, which a reader would otherwise close itself', async () => {
    const items = rssItems(await (await get('/feed.xml')).text());
    const item = items.find((i) => i.title.startsWith('A report on the telescope'));
    expect(item?.description).toBe('Astronomers described the array and a telescope <svg onload=alert(1)//');
    for (const i of items) expect([...liveMarkup(i.titleHtml), ...liveMarkup(i.descriptionHtml)]).toEqual([]);
  });

  it('in the sitemaps and listings', async () => {
    for (const path of ['/', '/category/security', '/news-sitemap.xml', '/corrections']) {
      const body = await (await get(path)).text();
      expect(activeMarkup(body), path).toEqual([]);
    }
  });

  it('in search snippets, where only <mark> is markup', async () => {
    const html = await (await get('/search?q=alert')).text();
    expect(html).toContain('/articles/hostile-quarry');
    expect(html).toContain('<mark>alert</mark>');
    expect(activeMarkup(html)).toEqual([]);
  });
});
