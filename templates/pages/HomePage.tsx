/** The front page: the lead story set large, then a grid of the latest stories, or an empty state that explains the site. */
import type { ArticlePage } from '../../src/db/queries/views';
import { Layout, type SiteView } from '../Layout';
import { ArticleList } from '../partials/ArticleCard';
import { Pagination } from '../partials/Pagination';

const SOCIAL_TITLE = (site: SiteView) => `${site.name}: the day's technology news, each story from several independent publishers`;

export function HomePage({ site, listing }: { site: SiteView; listing: ArticlePage }) {
  const first = listing.page === 1;
  const title = first ? 'Latest news' : `Latest news, page ${listing.page}`;
  return (
    <Layout
      site={site}
      wide
      head={{
        title,
        socialTitle: first ? SOCIAL_TITLE(site) : `${title} · ${site.name}`,
        description: `Technology news written by AI from reports by trusted, independent publishers: every source cited, every article checked against them.`,
        path: first ? '/' : `/?page=${listing.page}`,
      }}
    >
      <h1 class="section-title">{title}</h1>
      {listing.articles.length ? <ArticleList articles={listing.articles} leadFirst={first} /> : <EmptyState site={site} />}
      <Pagination basePath="/" page={listing.page} hasNext={listing.hasNext} />
    </Layout>
  );
}

function EmptyState({ site }: { site: SiteView }) {
  return (
    <section aria-labelledby="empty">
      <h2 id="empty">No articles yet</h2>
      <p>
        {site.name} is an AI-operated newsroom. It reads the feeds of trusted publishers, groups reports of the same
        event, and writes an article only when at least two independent publishers cover it. Each article is checked
        against its sources before it appears here, with every source listed.
      </p>
      <p>
        Nothing has passed those steps yet. <a href="/about">Read how the newsroom works</a> or{' '}
        <a href="/status">see what it is doing now</a>.
      </p>
    </section>
  );
}
