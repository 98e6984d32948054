/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the latest articles. Written by hand: the shapes are
 * small and fixed, and it keeps a feed-generator library out of the Worker bundle.
 */
import type { ArticleSummary } from '../src/db/queries/views';
import type { SiteView } from './Layout';
import { rfc822, xml } from './xml';

const NEVER = '1970-01-01T00:00:00.000Z';

export interface FeedInput {
  site: SiteView;
  articles: ArticleSummary[];
}

/**
 * RSS title and description as entity-encoded HTML: readers decode the XML and then render the
 * text as HTML, so text is escaped for HTML first and for XML second. `<svg onload=…` arrives
 * at the reader's HTML renderer as `&lt;svg onload=…`, which it shows as text.
 */
const rssText = (text: string) => xml(text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;')));

const articleUrl = (site: SiteView, a: ArticleSummary) => `${site.url}/articles/${a.slug}`;
const disclosure = (site: SiteView) => `Written by AI at ${site.name} from cited sources: ${site.url}/about`;
// Listings are newest-first by publication; the feed's update time is the latest of any change.
const lastUpdate = (articles: ArticleSummary[]) => articles.reduce((max, a) => (a.updatedAt > max ? a.updatedAt : max), NEVER);

export function rssFeed({ site, articles }: FeedInput): string {
  const items = articles
    .map((a) => {
      const url = articleUrl(site, a);
      return `<item><title>${rssText(a.title)}</title><link>${xml(url)}</link><guid isPermaLink="true">${xml(url)}</guid><pubDate>${rfc822(a.firstPublishedAt)}</pubDate><category>${xml(a.category)}</category><description>${rssText(a.dek)}</description></item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${rssText(site.name)}</title>
<link>${xml(`${site.url}/`)}</link>
<description>${rssText(disclosure(site))}</description>
<language>en</language>
<lastBuildDate>${rfc822(lastUpdate(articles))}</lastBuildDate>
<atom:link href="${xml(`${site.url}/feed.xml`)}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`;
}

export function atomFeed({ site, articles }: FeedInput): string {
  const entries = articles
    .map((a) => {
      const url = articleUrl(site, a);
      return `<entry><id>${xml(url)}</id><title>${xml(a.title)}</title><link rel="alternate" type="text/html" href="${xml(url)}"/><published>${xml(a.firstPublishedAt)}</published><updated>${xml(a.updatedAt)}</updated><category term="${xml(a.category)}"/><summary>${xml(a.dek)}</summary></entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<id>${xml(`${site.url}/`)}</id>
<title>${xml(site.name)}</title>
<subtitle>${xml(disclosure(site))}</subtitle>
<updated>${xml(lastUpdate(articles))}</updated>
<link rel="self" type="application/atom+xml" href="${xml(`${site.url}/atom.xml`)}"/>
<link rel="alternate" type="text/html" href="${xml(`${site.url}/`)}"/>
<author><name>${xml(site.name)}</name><uri>${xml(`${site.url}/about`)}</uri></author>
${entries}
</feed>
`;
}

export function jsonFeed({ site, articles }: FeedInput): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: site.name,
    home_page_url: `${site.url}/`,
    feed_url: `${site.url}/feed.json`,
    description: disclosure(site),
    language: 'en',
    authors: [{ name: site.name, url: `${site.url}/about` }],
    items: articles.map((a) => ({
      id: articleUrl(site, a),
      url: articleUrl(site, a),
      title: a.title,
      summary: a.dek,
      content_text: `${a.dek}\n\n${disclosure(site)}`,
      date_published: a.firstPublishedAt,
      date_modified: a.updatedAt,
      tags: [a.category, ...a.tags],
      ...(a.coverPath ? { image: `${site.url}${a.coverPath}` } : {}),
    })),
  });
}
