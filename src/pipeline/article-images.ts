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
    socialCard: () =>
      renderSocialCard({
        kicker: draft.category,
        headline: draft.title,
        footer: `${siteName} · ${publishersLabel(publishers)}`,
        category: draft.category,
      }),
  };
}
