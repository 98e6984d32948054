/** The site's own images that no article owns: the favicon, and the social cards of the front page and each section. */
import { IndexedCanvas, lineHeight, textWidth } from '../lib/png/canvas';
import { pngToIco } from '../lib/png/ico';
import { renderSocialCard } from './social-card';

const FAVICON_SIZE = 32;

/**
 * A 32×32 favicon.ico: the site name's initial, white on the site's blue.
 * @example new Response(await renderFavicon('Digital Mind News'), { headers: { 'Content-Type': 'image/x-icon' } })
 */
export async function renderFavicon(siteName: string): Promise<Uint8Array> {
  const canvas = new IndexedCanvas(FAVICON_SIZE, FAVICON_SIZE, [[11, 92, 173], [255, 255, 255]]);
  const initial = [...siteName.trim()][0] ?? 'N';
  const scale = 3;
  canvas.drawText(initial, (FAVICON_SIZE - textWidth(initial, scale)) / 2, (FAVICON_SIZE - lineHeight(scale)) / 2, scale, 1);
  return pngToIco(await canvas.toPng(), FAVICON_SIZE);
}

/** The front page's card: the site's name over "Latest news". */
export function renderHomeCard(siteName: string): Promise<Uint8Array> {
  return renderSocialCard({ kicker: 'Latest news', headline: siteName, footer: 'Written by AI from cited, independent publishers', category: siteName });
}

/** A section's card: the section's name, with the site's name below. */
export function renderCategoryCard(siteName: string, category: string): Promise<Uint8Array> {
  return renderSocialCard({ kicker: siteName, headline: category, footer: `${category} news, every source cited`, category });
}
