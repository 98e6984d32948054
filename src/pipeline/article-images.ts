/** The images publishing stores beside an article: its cover (SVG, on the page) and its social card (PNG, og:image). */
import { keyFigure } from '../lib/key-figure';
import { independentPublishers, publishersLabel } from '../lib/publishers';
import { renderCoverSvg } from './cover';
import { renderSocialCard } from './social-card';
import type { ArticleDraft, SourceDoc } from './types';

/**
 * The publish step's image makers for one draft and its sources.
 * @example publishArticle(deps, { ...input, ...articleImages(draft, sources, 'Digital Mind News') })
 */
export function articleImages(draft: Pick<ArticleDraft, 'title' | 'dek' | 'category'>, sources: Pick<SourceDoc, 'publisher'>[], siteName: string) {
  const publishers = independentPublishers(sources.map((s) => s.publisher));
  const figure = keyFigure(draft.title, draft.dek);
  return {
    coverSvg: () => renderCoverSvg({ category: draft.category, figure, publishers }),
    socialCard: () => renderArticleCard({ title: draft.title, category: draft.category, publishers }, siteName),
  };
}

/** An article's social card: its section, headline and publisher count under the site's name. */
export function renderArticleCard(article: { title: string; category: string; publishers: number }, siteName: string): Promise<Uint8Array> {
  return renderSocialCard({
    kicker: article.category,
    headline: article.title,
    footer: `${siteName} · ${publishersLabel(article.publishers)}`,
    category: article.category,
  });
}
