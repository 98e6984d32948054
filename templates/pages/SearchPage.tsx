/** Search: a GET form and the ranked hits with highlighted snippets. */
import type { SearchHit } from '../../src/db/queries/views';
import { Layout, type SiteView } from '../Layout';
import { ArticleCard } from '../partials/ArticleCard';

export function SearchPage({ site, query, hits }: { site: SiteView; query: string; hits: SearchHit[] }) {
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
              {hits.length} {hits.length === 1 ? 'article matches' : 'articles match'} “{query}”.
            </p>
            <ul class="cards">
              {hits.map((hit) => (
                <li>
                  <ArticleCard article={hit}>{hit.snippet.map((run, i) => (i % 2 ? <mark>{run}</mark> : run))}</ArticleCard>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>No articles match “{query}”. Try fewer or different words.</p>
        ))}
    </Layout>
  );
}
