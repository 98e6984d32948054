/** The featured image: a deterministic SVG card (1200×630) with the brand, the category and the headline. */
import { fnv1a64 } from '../lib/hash';
import { escapeXml } from '../lib/xml-escape';

export interface CoverInput {
  title: string;
  category: string;
  siteName: string;
}

export const COVER_WIDTH = 1200;
export const COVER_HEIGHT = 630;
const MAX_LINES = 4;
const CHARS_PER_LINE = 30;

/**
 * Renders the cover as SVG text. Same input, same bytes; all text is XML-escaped.
 * (No PNG rendition: a rasteriser that runs in Workers, such as resvg-wasm, adds
 * megabytes of WebAssembly plus a font to the bundle for a social-card nicety.)
 *
 * @example await env.STORE.put(`media/${slug}/cover.svg`, renderCoverSvg({ title, category, siteName }))
 */
export function renderCoverSvg({ title, category, siteName }: CoverInput): string {
  const { background, accent } = paletteFor(category);
  const lines = wrap(title.replace(/\s+/g, ' ').trim(), CHARS_PER_LINE, MAX_LINES);
  const size = lines.length > 3 ? 56 : 64;
  const top = 250 - ((lines.length - 1) * size * 1.15) / 2 + 40;
  const headline = lines
    .map((line, i) => `<tspan x="80" y="${Math.round(top + i * size * 1.15)}">${escapeXml(line)}</tspan>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}" role="img" aria-label="${escapeXml(`${category}: ${title}`)}">`,
    `<rect width="${COVER_WIDTH}" height="${COVER_HEIGHT}" fill="${background}"/>`,
    `<rect x="0" y="0" width="16" height="${COVER_HEIGHT}" fill="${accent}"/>`,
    `<text x="80" y="110" font-family="Helvetica, Arial, sans-serif" font-size="30" font-weight="700" letter-spacing="3" fill="${accent}">${escapeXml(category.toUpperCase())}</text>`,
    `<text font-family="Georgia, 'Times New Roman', serif" font-size="${size}" font-weight="700" fill="#ffffff">${headline}</text>`,
    `<text x="80" y="570" font-family="Helvetica, Arial, sans-serif" font-size="28" fill="#ffffff" fill-opacity="0.85">${escapeXml(siteName)}</text>`,
    '</svg>',
  ].join('\n');
}


// A dark background hue and a light accent of the same hue, picked by a hash of the category.
function paletteFor(category: string): { background: string; accent: string } {
  const hue = Number.parseInt(fnv1a64(category.trim().toLowerCase()).slice(0, 8), 16) % 360;
  return { background: `hsl(${hue}, 45%, 18%)`, accent: `hsl(${hue}, 80%, 72%)` };
}

/** Greedy word wrap; the last line gets an ellipsis when the text does not fit. */
function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width || !line) {
      line = next.length > width * 1.5 ? `${next.slice(0, width - 1)}…` : next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line) return [...lines, line];
  const last = lines[maxLines - 1] ?? '';
  return [...lines.slice(0, maxLines - 1), last.length >= width ? `${last.slice(0, width - 1)}…` : `${last}…`];
}
