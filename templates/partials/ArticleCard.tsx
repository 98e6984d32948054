/** One article in a listing; the lead story is larger and shows its cover. */
import type { Child } from 'hono/jsx';
import type { ArticleSummary } from '../../src/db/queries/views';
import { Time } from './Time';

/** Children, when given, replace the dek (e.g. a highlighted search snippet). */
export function ArticleCard({ article, lead = false, children }: { article: ArticleSummary; lead?: boolean; children?: Child }) {
  return (
    <article class={lead ? 'card lead' : 'card'}>
      {lead && article.coverPath && <img src={article.coverPath} alt={`Illustration for “${article.title}”`} width={1200} height={630} />}
      <p class="meta">
        {article.category} · <Time iso={article.publishedAt} />
      </p>
      <h2>
        <a href={`/articles/${article.slug}`}>{article.title}</a>
      </h2>
      <p>{children ?? article.dek}</p>
    </article>
  );
}

/** A list of article cards, the first one optionally as the lead. */
export function ArticleList({ articles, leadFirst = false }: { articles: ArticleSummary[]; leadFirst?: boolean }) {
  return (
    <ul class="cards">
      {articles.map((a, i) => (
        <li>
          <ArticleCard article={a} lead={leadFirst && i === 0} />
        </li>
      ))}
    </ul>
  );
}
