/** The front page: latest articles, the lead story larger, or an empty state that explains the site. */
import type { ArticlePage } from '../../src/db/queries/views';
import { Layout, type SiteView } from '../Layout';
import { ArticleList } from '../partials/ArticleCard';
import { Pagination } from '../partials/Pagination';

export function HomePage({ site, listing }: { site: SiteView; listing: ArticlePage }) {
  const first = listing.page === 1;
  return (
    <Layout
      site={site}
      head={{
        title: first ? 'Latest news' : `Latest news, page ${listing.page}`,
        description: `${site.name}: technology news written by AI from trusted publishers, every source cited and every article checked.`,
        path: first ? '/' : `/?page=${listing.page}`,
      }}
    >
      <h1>{first ? 'Latest news' : `Latest news, page ${listing.page}`}</h1>
      {listing.articles.length ? (
        <ArticleList articles={listing.articles} leadFirst={first} />
      ) : first ? (
        <EmptyState site={site} />
      ) : (
        <p>There are no articles on this page. <a href="/">Back to the latest news</a>.</p>
      )}
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
