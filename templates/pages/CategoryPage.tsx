/** One section of the site: its published articles, newest first, in the front page's grid. */
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
      wide
      head={{
        title: listing.page > 1 ? `${category.name}, page ${listing.page}` : category.name,
        socialTitle: `${category.name} news from ${site.name}`,
        description: `${category.name} news from ${site.name}: each story written by AI from several independent publishers, every source cited.`,
        path: listing.page > 1 ? `${base}?page=${listing.page}` : base,
        image: `/cards/category/${category.slug}.png`,
        imageAlt: `${category.name} · ${site.name}`,
      }}
    >
      <h1 class="section-title">{category.name}</h1>
      {listing.articles.length ? (
        <ArticleList articles={listing.articles} leadFirst={listing.page === 1} />
      ) : (
        <p>
          No {category.name} articles have been published yet. <a href="/">See the latest news</a>.
        </p>
      )}
      <Pagination basePath={base} page={listing.page} hasNext={listing.hasNext} />
    </Layout>
  );
}
