/**
 * The article's cover: a deterministic SVG (1200×630) that adds to the headline rather than
 * repeating it — the section's mark, the story's key figure when it has one, and how many
 * independent publishers reported it. The headline is the page's h1 and the social card's text.
 */
import { fnv1a64 } from '../lib/hash';
import { publishersLabel } from '../lib/publishers';
import { escapeXml } from '../lib/xml-escape';

export interface CoverInput {
  category: string;
  /** The story's key figure ("$40 million", "12%"), or null. */
  figure: string | null;
  /** Independent publishers (by family) that reported the story. */
  publishers: number;
}

export const COVER_WIDTH = 1200;
export const COVER_HEIGHT = 630;
const MAX_FIGURE_CHARS = 14;

/**
 * Renders the cover as SVG text. Same input, same bytes; all text is XML-escaped.
 * @example await env.STORE.put(`media/${slug}/cover.svg`, renderCoverSvg({ category, figure: keyFigure(title, dek), publishers: 3 }))
 */
export function renderCoverSvg({ category, figure, publishers }: CoverInput): string {
  const { background, accent } = paletteFor(category);
  // Without a key figure, the number of independent publishers is the figure.
  const big = figure ? (figure.length > MAX_FIGURE_CHARS ? `${figure.slice(0, MAX_FIGURE_CHARS - 1)}…` : figure) : String(publishers);
  const caption = figure ? publishersLabel(publishers) : `independent ${publishers === 1 ? 'publisher' : 'publishers'} reported this`;
  const initial = [...category.trim()][0]?.toUpperCase() ?? '?';
  // Sizes are for a cover shown about 320 px wide: 64 px here is 17 px there.
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}" role="img" aria-label="${escapeXml(coverDescription({ category, figure, publishers }))}">`,
    `<rect width="${COVER_WIDTH}" height="${COVER_HEIGHT}" fill="${background}"/>`,
    `<circle cx="1030" cy="170" r="110" fill="none" stroke="${accent}" stroke-width="12"/>`,
    `<text x="1030" y="215" text-anchor="middle" font-family="Georgia, serif" font-size="130" font-weight="700" fill="${accent}">${escapeXml(initial)}</text>`,
    `<text x="80" y="150" font-family="Helvetica, Arial, sans-serif" font-size="56" font-weight="700" letter-spacing="4" fill="${accent}">${escapeXml(category.toUpperCase())}</text>`,
    `<text x="80" y="420" font-family="Helvetica, Arial, sans-serif" font-size="${big.length > 9 ? 110 : 170}" font-weight="700" fill="#ffffff">${escapeXml(big)}</text>`,
    `<text x="80" y="530" font-family="Helvetica, Arial, sans-serif" font-size="60" fill="#ffffff">${escapeXml(caption)}</text>`,
    '</svg>',
  ].join('\n');
}

/** What the cover shows, in words: its alt text (never the headline, which the page already has). */
export function coverDescription({ category, figure, publishers }: CoverInput): string {
  return `${category} mark${figure ? `, key figure ${figure}` : ''}, reported by ${publishersLabel(publishers)}`;
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
