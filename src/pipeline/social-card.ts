/**
 * Social cards: 1200×630 PNGs for og:image (platforms do not render SVG previews). An article's
 * card is rasterised once when it is published (media/{slug}/card.png); the front page's and each
 * section's are drawn on request from the site name and the section (cached like any page).
 */
import { IndexedCanvas, lineHeight, textWidth, type Rgb } from '../lib/png/canvas';
import { drawable } from '../lib/png/font';
import { categoryHue } from './cover';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const MARGIN = 80;
const HEADLINE_SCALE = 7;
const MAX_LINES = 4;

export interface SocialCardInput {
  /** The line above the headline: the section, or "Latest news". */
  kicker: string;
  /** The big text: a headline, or the section's name. */
  headline: string;
  /** The bottom line, e.g. the site's name and "3 independent publishers". */
  footer: string;
  /** Chooses the colours (the same hue as the article's cover). */
  category: string;
}

/**
 * Draws the card and encodes it. Same input, same bytes.
 * @example await env.STORE.put(`media/${slug}/card.png`, await renderSocialCard({ kicker: 'Security', headline: title, footer: 'Digital Mind News', category: 'Security' }))
 */
export function renderSocialCard(input: SocialCardInput): Promise<Uint8Array> {
  const hue = categoryHue(input.category);
  const palette: Rgb[] = [hsl(hue, 0.45, 0.16), hsl(hue, 0.8, 0.72), [255, 255, 255], hsl(hue, 0.15, 0.8)];
  const [, ACCENT, WHITE, SOFT] = [0, 1, 2, 3];
  const canvas = new IndexedCanvas(CARD_WIDTH, CARD_HEIGHT, palette);
  canvas.fillRect(0, 0, 16, CARD_HEIGHT, ACCENT);

  canvas.drawText(fit(input.kicker, 5), MARGIN, MARGIN, 5, ACCENT);
  const perLine = Math.floor((CARD_WIDTH - 2 * MARGIN + HEADLINE_SCALE) / ((5 + 1) * HEADLINE_SCALE));
  const lines = wrap(printable(input.headline), perLine, MAX_LINES);
  const gap = lineHeight(HEADLINE_SCALE) * 0.45;
  const block = lines.length * lineHeight(HEADLINE_SCALE) + (lines.length - 1) * gap;
  const top = Math.round(MARGIN + 60 + (CARD_HEIGHT - 2 * MARGIN - 120 - block) / 2);
  lines.forEach((line, i) => canvas.drawText(line, MARGIN, top + i * (lineHeight(HEADLINE_SCALE) + gap), HEADLINE_SCALE, WHITE));
  canvas.drawText(fit(input.footer, 3), MARGIN, CARD_HEIGHT - MARGIN - lineHeight(3), 3, SOFT);
  return canvas.toPng();
}

/** Text the block font can draw: typographic quotes and dashes folded, anything else dropped. */
function printable(text: string): string {
  const folded = text.replace(/[‘’ʼ`]/g, "'").replace(/[“”"]/g, "'").replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
  return [...folded].filter((ch) => drawable(ch)).join('');
}

/** One line at the given scale, cut with an ellipsis when it is wider than the card allows. */
function fit(text: string, scale: number): string {
  let line = printable(text);
  while (line && textWidth(line, scale) > CARD_WIDTH - 2 * MARGIN) line = `${line.slice(0, -2).trimEnd()}…`;
  return line;
}

/** Greedy word wrap to at most maxLines; the last line ends with an ellipsis when text is left over. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(' ').filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.length > width ? `${words[i]!.slice(0, width - 1)}…` : words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      const last = lines[maxLines - 1]!;
      lines[maxLines - 1] = last.length < width ? `${last}…` : `${last.slice(0, width - 1)}…`;
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** HSL (hue in degrees, saturation and lightness 0–1) to sRGB bytes. */
export function hsl(h: number, s: number, l: number): Rgb {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return [f(0), f(8), f(4)];
}
