/** One article in a listing, text first: section, headline, standfirst, time and how many publishers reported it. */
import type { Child } from 'hono/jsx';
import type { ArticleSummary } from '../../src/db/queries/views';
import { publishersLabel } from '../../src/lib/publishers';
import { restatesHeadline } from '../format';
import { Time } from './Time';

/** Children, when given, replace the dek (e.g. a highlighted search snippet). */
export function ArticleCard({ article, lead = false, children }: { article: ArticleSummary; lead?: boolean; children?: Child }) {
  return (
    <article class={lead ? 'card lead' : 'card'}>
      <p class="kicker">{article.category}</p>
      <h2>
        <a href={`/articles/${article.slug}`}>{article.title}</a>
      </h2>
      {children ? <p class="dek">{children}</p> : !restatesHeadline(article.title, article.dek) && <p class="dek">{article.dek}</p>}
      <p class="meta">
        <Time iso={article.publishedAt} />
        {article.publishers > 0 && <> · {publishersLabel(article.publishers)}</>}
      </p>
    </article>
  );
}

/** A list of article cards; with `leadFirst` the first is the lead story, set larger across the grid. */
export function ArticleList({ articles, leadFirst = false }: { articles: ArticleSummary[]; leadFirst?: boolean }) {
  return (
    <ul class="cards">
      {articles.map((a, i) => (
        <li class={leadFirst && i === 0 ? 'lead' : undefined}>
          <ArticleCard article={a} lead={leadFirst && i === 0} />
        </li>
      ))}
    </ul>
  );
}
