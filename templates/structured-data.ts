/** schema.org JSON-LD for article pages: NewsArticle, FAQPage and BreadcrumbList. */
import type { ArticleView } from '../src/db/queries/views';
import type { SiteView } from './Layout';

function organization(site: SiteView) {
  return { '@type': 'Organization', name: site.name, url: `${site.url}/` };
}

export function articleJsonLd(site: SiteView, article: ArticleView, categorySlug: string): unknown[] {
  const url = `${site.url}/articles/${article.slug}`;
  const news: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.title,
    description: article.dek,
    articleSection: article.category,
    keywords: article.tags.join(', '),
    wordCount: article.wordCount,
    datePublished: article.firstPublishedAt,
    dateModified: article.updatedAt,
    inLanguage: 'en',
    author: organization(site),
    publisher: organization(site),
    isBasedOn: article.sources.map((s) => s.url),
    isAccessibleForFree: true,
  };
  // The social card (PNG): search engines, like social platforms, do not take SVG article images.
  news.image = [`${site.url}/media/${article.slug}/card.png`];
  const out: unknown[] = [news];
  if (article.draft.faq.length) {
    out.push({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: article.draft.faq.map((f) => ({
        '@type': 'Question',
        name: f.question,
        acceptedAnswer: { '@type': 'Answer', text: f.answer.text },
      })),
    });
  }
  out.push({
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: site.name, item: `${site.url}/` },
      { '@type': 'ListItem', position: 2, name: article.category, item: `${site.url}/category/${categorySlug}` },
      { '@type': 'ListItem', position: 3, name: article.title, item: url },
    ],
  });
  return out;
}
