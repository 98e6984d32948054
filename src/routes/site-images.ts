/** /favicon.ico and the social cards of the front page and the sections (/cards/site.png, /cards/category/:slug.png). */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app';
import { renderCategoryCard, renderFavicon, renderHomeCard } from '../pipeline/site-icons';
import { notFoundPage } from './errors';
import { siteView } from './render';

/** The images only change with the configuration: browsers keep them a day, the edge a week. */
const SITE_IMAGE_CACHE = 'public, max-age=86400, s-maxage=604800';
/** Drawn once per isolate and configuration (a card costs a few milliseconds of CPU). */
const drawn = new Map<string, Promise<Uint8Array>>();

async function image(c: Context<AppEnv>, key: string, type: string, draw: () => Promise<Uint8Array>): Promise<Response> {
  let bytes = drawn.get(key);
  if (!bytes) {
    bytes = draw();
    drawn.set(key, bytes);
    // A failed drawing is not kept: the next request tries again.
    bytes.catch(() => drawn.delete(key));
  }
  return c.body((await bytes) as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': type,
    'Cache-Control': SITE_IMAGE_CACHE,
    // Social platforms fetch cards from their own origins.
    'Cross-Origin-Resource-Policy': 'cross-origin',
  });
}

/** Path of the front page's social card. */
export const HOME_CARD_PATH = '/cards/site.png';
/** Path of a section's social card. */
export const categoryCardPath = (slug: string) => `/cards/category/${slug}.png`;

export const siteImages = new Hono<AppEnv>();

siteImages.get('/favicon.ico', (c) => {
  const { name } = siteView(c.env);
  return image(c, `favicon:${name}`, 'image/x-icon', () => renderFavicon(name));
});

siteImages.get(HOME_CARD_PATH, (c) => {
  const { name } = siteView(c.env);
  return image(c, `home:${name}`, 'image/png', () => renderHomeCard(name));
});

siteImages.get('/cards/category/:file', (c) => {
  const site = siteView(c.env);
  const file = c.req.param('file');
  const category = file.endsWith('.png') ? site.categories.find((cat) => `${cat.slug}.png` === file) : undefined;
  if (!category) return notFoundPage(c);
  return image(c, `category:${site.name}:${category.name}`, 'image/png', () => renderCategoryCard(site.name, category.name));
});
