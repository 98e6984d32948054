/** sitemap.xml, the Google News sitemap and robots.txt. */
import type { ArticleSummary } from '../src/db/queries/views';
import type { SiteView } from './Layout';
import { xml } from './xml';

export function sitemap(site: SiteView, articles: ArticleSummary[]): string {
  const fixed = ['/', '/about', '/corrections', ...site.categories.map((c) => `/category/${c.slug}`)];
  const urls = [
    ...fixed.map((path) => `<url><loc>${xml(site.url + path)}</loc></url>`),
    ...articles.map((a) => `<url><loc>${xml(`${site.url}/articles/${a.slug}`)}</loc><lastmod>${xml(a.updatedAt)}</lastmod></url>`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

export function newsSitemap(site: SiteView, articles: ArticleSummary[]): string {
  const urls = articles.map(
    (a) =>
      `<url><loc>${xml(`${site.url}/articles/${a.slug}`)}</loc><news:news><news:publication><news:name>${xml(site.name)}</news:name><news:language>en</news:language></news:publication><news:publication_date>${xml(a.firstPublishedAt)}</news:publication_date><news:title>${xml(a.title)}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join('\n')}
</urlset>
`;
}

export function robotsTxt(site: SiteView): string {
  return `User-agent: *
Allow: /
Disallow: /api/
Disallow: /desk
Disallow: /search

Sitemap: ${site.url}/sitemap.xml
Sitemap: ${site.url}/news-sitemap.xml
`;
}
