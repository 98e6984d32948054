import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const get = (path: string) => exports.default.fetch(`https://news.test${path}`);

describe('a newsroom with nothing published yet', () => {
  it('explains what the site is on the front page', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('No articles yet');
    expect(html).toContain('AI-operated newsroom');
    expect(html).toContain('href="/about"');
  });

  it('serves valid, empty feeds and sitemaps', async () => {
    const json = JSON.parse(await (await get('/feed.json')).text());
    expect(json.items).toEqual([]);
    expect(await (await get('/feed.xml')).text()).toContain('<channel>');
    expect((await get('/news-sitemap.xml')).status).toBe(200);
  });

  it('says so on the search, corrections, about and status pages', async () => {
    expect(await (await get('/search?q=anything')).text()).toContain('No articles match');
    expect(await (await get('/corrections')).text()).toContain('No corrections have been made');
    expect(await (await get('/about')).text()).toContain('No sources are configured yet');
    expect(await (await get('/status')).text()).toContain('The newsroom has not run yet');
  });
});
