/**
 * The article's cover: a deterministic SVG (1200×630) that adds to the headline rather than
 * repeating it — the section's mark, the story's key figure when it has one, and how many
 * independent publishers reported it. The headline is the page's h1 and the social card's text.
 */
import { fnv1a64 } from '../lib/hash';
import { escapeXml } from '../lib/xml-escape';

export interface CoverInput {
  category: string;
  /** The story's key figure ("$40 million", "12%"), or null. */
  figure: string | null;
  /** Independent publishers (by family) that reported the story. */
  publishers: number;
  siteName: string;
}

export const COVER_WIDTH = 1200;
export const COVER_HEIGHT = 630;
const MAX_FIGURE_CHARS = 16;

/**
 * Renders the cover as SVG text. Same input, same bytes; all text is XML-escaped.
 * @example await env.STORE.put(`media/${slug}/cover.svg`, renderCoverSvg({ category, figure: keyFigure(title, dek), publishers: 3, siteName }))
 */
export function renderCoverSvg({ category, figure, publishers, siteName }: CoverInput): string {
  const { background, accent } = paletteFor(category);
  const shownFigure = figure && figure.length > MAX_FIGURE_CHARS ? `${figure.slice(0, MAX_FIGURE_CHARS - 1)}…` : figure;
  const reported = `Reported by ${publishers} independent ${publishers === 1 ? 'publisher' : 'publishers'}`;
  const initial = [...category.trim()][0]?.toUpperCase() ?? '?';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}" role="img" aria-label="${escapeXml(coverDescription({ category, figure, publishers }))}">`,
    `<rect width="${COVER_WIDTH}" height="${COVER_HEIGHT}" fill="${background}"/>`,
    `<circle cx="1000" cy="315" r="170" fill="none" stroke="${accent}" stroke-width="14"/>`,
    `<text x="1000" y="385" text-anchor="middle" font-family="Georgia, 'Times New Roman', serif" font-size="200" font-weight="700" fill="${accent}">${escapeXml(initial)}</text>`,
    `<text x="80" y="130" font-family="Helvetica, Arial, sans-serif" font-size="36" font-weight="700" letter-spacing="4" fill="${accent}">${escapeXml(category.toUpperCase())}</text>`,
    shownFigure
      ? `<text x="80" y="360" font-family="Helvetica, Arial, sans-serif" font-size="${shownFigure.length > 10 ? 76 : 120}" font-weight="700" fill="#ffffff">${escapeXml(shownFigure)}</text>`
      : '',
    `<text x="80" y="${shownFigure ? 450 : 340}" font-family="Helvetica, Arial, sans-serif" font-size="34" fill="#ffffff">${escapeXml(reported)}</text>`,
    `<text x="80" y="570" font-family="Helvetica, Arial, sans-serif" font-size="28" fill="#ffffff" fill-opacity="0.85">${escapeXml(siteName)}</text>`,
    '</svg>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** What the cover shows, in words: its alt text (never the headline, which the page already has). */
export function coverDescription({ category, figure, publishers }: Omit<CoverInput, 'siteName'>): string {
  return `${category} mark${figure ? `, key figure ${figure}` : ''}, reported by ${publishers} independent ${publishers === 1 ? 'publisher' : 'publishers'}`;
}

/** The category's hue in degrees, from a hash of its name: the cover and the social card share it. */
export function categoryHue(category: string): number {
  return Number.parseInt(fnv1a64(category.trim().toLowerCase()).slice(0, 8), 16) % 360;
}

// A dark background and a light accent of the category's hue.
function paletteFor(category: string): { background: string; accent: string } {
  const hue = categoryHue(category);
  return { background: `hsl(${hue}, 45%, 18%)`, accent: `hsl(${hue}, 80%, 72%)` };
}
