/** The article page: what the newsroom's promise demands, in reading order. */
import type { ArticleView } from '../../src/db/queries/views';
import { Layout, type SiteView } from '../Layout';
import { CitedParagraph, Citations } from '../partials/CitedText';
import { Provenance } from '../partials/Provenance';
import { Time } from '../partials/Time';
import { formatDate } from '../format';
import { publishersLabel } from '../../src/lib/publishers';
import { coverDescription } from '../../src/pipeline/cover';
import { keyFigure } from '../../src/lib/key-figure';
import { articleJsonLd } from '../structured-data';

// Source links come from our records, but only web addresses become links (never javascript: or data:).
const WEB_URL = /^https?:\/\//i;

export function ArticlePage({ site, article, categorySlug }: { site: SiteView; article: ArticleView; categorySlug: string }) {
  const known = new Set(article.sources.map((s) => s.n));
  const n = article.sources.length;
  const publishers = article.publishers;
  const coverAlt = coverDescription({ category: article.category, figure: keyFigure(article.title, article.dek), publishers });
  const updated = article.updatedAt !== article.firstPublishedAt;
  return (
    <Layout
      site={site}
      head={{
        title: article.title,
        description: article.dek,
        path: `/articles/${article.slug}`,
        type: 'article',
        image: `/media/${article.slug}/card.png`,
        imageAlt: `${article.category} · ${publishersLabel(publishers)} · ${site.name}`,
        jsonLd: articleJsonLd(site, article, categorySlug),
        publishedAt: article.firstPublishedAt,
        modifiedAt: article.updatedAt,
      }}
    >
      <article>
        <header>
          <p class="kicker">
            <a href={`/category/${categorySlug}`}>{article.category}</a>
          </p>
          <h1>{article.title}</h1>
          <p class="dek">{article.dek}</p>
          <p class="byline">
            <a href="/about">
              Written by AI · checked against {n} {n === 1 ? 'source' : 'sources'}
              {publishers < n && <> from {publishers} {publishers === 1 ? 'publisher' : 'publishers'}</>}
            </a>
            <br />
            Published <Time iso={article.firstPublishedAt} />
            {updated && <> · Updated <Time iso={article.updatedAt} /></>} · {article.readingMinutes} min read
          </p>
        </header>
        {article.coverPath && (
          // Below the standfirst and small: it adds the section, key figure and publisher count, never the headline again.
          <img class="cover" src={article.coverPath} alt={coverAlt} width={1200} height={630} />
        )}
        {article.corrections.length > 0 && (
          <aside class="notice" aria-label="Correction">
            <p>
              <strong>Correction</strong> (<Time iso={article.corrections[0]!.createdAt} />): {article.corrections[0]!.text}
            </p>
          </aside>
        )}
        {article.draft.sections.map((section) => (
          <section>
            <h2>{section.heading}</h2>
            {section.paragraphs.map((p) => (
              <CitedParagraph cited={p} known={known} />
            ))}
          </section>
        ))}
        {article.draft.whatThisMeans.length > 0 && (
          <section aria-labelledby="what-this-means">
            <h2 id="what-this-means">What This Means</h2>
            {article.draft.whatThisMeans.map((p) => (
              <CitedParagraph cited={p} known={known} />
            ))}
          </section>
        )}
        {article.draft.faq.length > 0 && (
          <section aria-labelledby="faq">
            <h2 id="faq">Frequently asked questions</h2>
            {article.draft.faq.map((f) => (
              <>
                <h3>{f.question}</h3>
                <p>
                  {f.answer.text}
                  <Citations numbers={f.answer.citations} known={known} />
                </p>
              </>
            ))}
          </section>
        )}
        <section class="sources" aria-labelledby="sources">
          <h2 id="sources">Sources</h2>
          <ol>
            {article.sources.map((s) => (
              <li id={`source-${s.n}`} value={s.n}>
                {s.publisher}:{' '}
                {WEB_URL.test(s.url) ? <a href={s.url} rel="nofollow noopener noreferrer">{s.title}</a> : s.title}{' '}
                <span class="muted">({formatDate(s.publishedAt)})</span>
              </li>
            ))}
          </ol>
        </section>
        <Provenance article={article} />
      </article>
    </Layout>
  );
}
