/** One section of the site: its published articles, newest first. */
import type { ArticlePage } from '../../src/db/queries/views';
import { Layout, type SiteView } from '../Layout';
import { ArticleList } from '../partials/ArticleCard';
import { Pagination } from '../partials/Pagination';

export function CategoryPage(props: { site: SiteView; category: { name: string; slug: string }; listing: ArticlePage }) {
  const { site, category, listing } = props;
  const base = `/category/${category.slug}`;
  return (
    <Layout
      site={site}
      head={{
        title: category.name,
        description: `${category.name} news from ${site.name}, written by AI from cited sources.`,
        path: listing.page > 1 ? `${base}?page=${listing.page}` : base,
      }}
    >
      <h1>{category.name}</h1>
      {listing.articles.length ? (
        <ArticleList articles={listing.articles} />
      ) : (
        <p>
          No {category.name} articles have been published{listing.page > 1 ? ' on this page' : ' yet'}.{' '}
          <a href="/">See the latest news</a>.
        </p>
      )}
      <Pagination basePath={base} page={listing.page} hasNext={listing.hasNext} />
    </Layout>
  );
}
