/** One article in a listing; the lead story is larger and shows its cover. */
import type { ArticleSummary } from '../../src/db/queries/views';
import { Time } from './Time';

export function ArticleCard({ article, lead = false, headingLevel = 2 }: { article: ArticleSummary; lead?: boolean; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class={lead ? 'card lead' : 'card'}>
      {lead && article.coverPath && <img src={article.coverPath} alt={`Illustration for “${article.title}”`} width={1200} height={630} />}
      <p class="meta">
        {article.category} · <Time iso={article.publishedAt} />
      </p>
      <Heading>
        <a href={`/articles/${article.slug}`}>{article.title}</a>
      </Heading>
      <p>{article.dek}</p>
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
