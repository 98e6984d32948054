// End to end: a publisher revises an item after publication (same guid, a new figure); the next run
// writes a new version of the same article from the revised text instead of citing the old figure.
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb } from '../src/db/client';
import { articleVersions, articles, items, sources } from '../src/db/schema';
import { escapeXml } from '../src/lib/xml-escape';
import { draftBodyText } from '../src/lib/draft-text';
import type { FetchFn } from '../src/pipeline/ingest/fetch-feed';
import type { ArticleDraft } from '../src/pipeline/types';
import { runOnFeeds } from './helpers/run-on-feeds';

const db = openDb(env.DB);
const published = new Date(Date.now() - 30 * 60_000).toUTCString();

function feed(host: string, name: string, guid: string, title: string, text: string) {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeXml(name)}</title><link>${host}/</link><description>news</description>
<item><title>${escapeXml(title)}</title><link>${host}/news/${guid}</link><guid isPermaLink="false">${guid}</guid><pubDate>${published}</pubDate>
<description>${escapeXml(text)}</description></item></channel></rss>`;
}

const herald = (homes: string) =>
  feed(
    'https://marrow-herald.com',
    'Marrow Herald',
    'sorvik-boil-water',
    `Boil-water notice for ${homes} Sorvik homes after Halden Water finds bacteria`,
    `About ${homes} households in Sorvik were told on Tuesday to boil their tap water after Halden Water found E. coli bacteria in a reservoir. The utility said the notice would stay in place for at least three days while the reservoir is flushed. Schools in Sorvik will stay open and hand out bottled water, the town council said. Halden Water said a broken fence may have let animals reach the reservoir.`,
  );

const FEEDS: Record<string, string> = {
  'https://fjordline-post.com/feed.xml': feed(
    'https://fjordline-post.com',
    'Fjordline Post',
    'boil-water-sorvik',
    'Sorvik residents told to boil tap water after bacteria found in reservoir',
    'Halden Water told residents of Sorvik on Tuesday to boil their tap water after tests found E. coli bacteria in the town reservoir. The notice covers about 18,000 homes, the utility said. Halden Water expects to lift the notice within three days once the reservoir has been flushed and tested again. The town council said bottled water would be handed out at schools in Sorvik.',
  ),
  'https://marrow-herald.com/feed.xml': herald('18,000'),
};
const stubFetch: FetchFn = async (url) => {
  const body = FEEDS[url];
  return body ? new Response(body, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } }) : new Response('no', { status: 404 });
};

const latestDraft = async (articleId: string) => {
  const versions = await db.select().from(articleVersions).where(eq(articleVersions.articleId, articleId));
  const latest = versions.sort((a, b) => b.version - a.version)[0]!;
  return { latest, text: draftBodyText(latest.draft as ArticleDraft), versions };
};

describe('a source that revises its item after publication', () => {
  it('makes the next run write a new version of the article from the revised text', async () => {
    await db.insert(sources).values([
      { id: 'fjordline', name: 'Fjordline Post', publisher: 'Fjordline Post', feedUrl: 'https://fjordline-post.com/feed.xml', homepage: 'https://fjordline-post.com' },
      { id: 'marrow', name: 'Marrow Herald', publisher: 'Marrow Herald', feedUrl: 'https://marrow-herald.com/feed.xml', homepage: 'https://marrow-herald.com' },
    ]);
    await runOnFeeds(stubFetch);
    const [article] = await db.select().from(articles);
    expect(article, 'the story was written').toBeDefined();
    const before = await latestDraft(article!.id);
    expect(before.text).toContain('18,000');

    FEEDS['https://marrow-herald.com/feed.xml'] = herald('21,000');
    // Due again now, and no conditional request: the feed is fetched and the change seen.
    await db.update(sources).set({ etag: null, lastModified: null, nextFetchAt: null });
    const run = await runOnFeeds(stubFetch);
    expect((run.stats as { ingest: { itemsUpdated: number } }).ingest.itemsUpdated).toBe(1);
    expect((await db.select().from(items).where(eq(items.sourceId, 'marrow')))[0]!.revision).toBe(1);

    const after = await latestDraft(article!.id);
    expect(after.versions).toHaveLength(before.versions.length + 1);
    expect(after.latest.reason).toBe('resynthesis');
    expect(after.text).toContain('21,000');
    const sameArticle = await db.query.articles.findFirst({ where: eq(articles.id, article!.id) });
    expect(sameArticle).toMatchObject({ slug: article!.slug, currentVersion: after.latest.version, status: 'published' });
  }, 60_000);
});
