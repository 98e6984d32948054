/** Search: a GET form and the ranked hits with highlighted snippets. */
import type { SearchResults } from '../../src/db/queries/views';
import { Layout, type SiteView } from '../Layout';
import { ArticleCard } from '../partials/ArticleCard';
import { Pagination } from '../partials/Pagination';

export function SearchPage({ site, query, results }: { site: SiteView; query: string; results: SearchResults }) {
  const { hits, page, pageSize, hasNext } = results;
  const first = (page - 1) * pageSize + 1;
  return (
    <Layout
      site={site}
      head={{ title: query ? `Search: ${query}` : 'Search', description: `Search the articles of ${site.name}.`, path: '/search', noindex: !!query }}
    >
      <h1>Search</h1>
      <form class="search" method="get" action="/search" role="search">
        <label for="q" class="skip">Search articles</label>
        <input type="search" id="q" name="q" value={query} maxlength={200} />
        <button type="submit">Search</button>
      </form>
      {query &&
        (hits.length ? (
          <>
            <p class="muted">
              {page === 1 && !hasNext
                ? `${hits.length} ${hits.length === 1 ? 'article matches' : 'articles match'} “${query}”.`
                : hits.length === 1
                  ? `Article ${first} of those matching “${query}”.`
                  : `Articles ${first}–${first + hits.length - 1} of those matching “${query}”.`}
            </p>
            <ul class="cards">
              {hits.map((hit) => (
                <li>
                  <ArticleCard article={hit}>{hit.snippet.map((run, i) => (i % 2 ? <mark>{run}</mark> : run))}</ArticleCard>
                </li>
              ))}
            </ul>
            <Pagination basePath="/search" page={page} hasNext={hasNext} params={{ q: query }} labels={{ prev: 'Previous results', next: 'More results' }} />
          </>
        ) : (
          <p>No articles match “{query}”. Try fewer or different words.</p>
        ))}
    </Layout>
  );
}
