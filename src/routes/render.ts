/** Shared helpers of the reader routes: the site view from config, and rendering a page. */
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppEnv } from '../app';
import { categorySlug, loadConfig, type Config } from '../env';
import { PAGE_CACHE } from '../lib/http/cache-control';
import type { SiteView } from '../../templates/Layout';

const views = new WeakMap<Config, SiteView>();

/** Site name, origin and sections, derived once per parsed config. */
export function siteView(env: AppEnv['Bindings']): SiteView {
  const config = loadConfig(env);
  let view = views.get(config);
  if (!view) {
    view = {
      name: config.SITE_NAME,
      url: config.SITE_URL,
      categories: config.CATEGORIES.map((name) => ({ name, slug: categorySlug(name) })),
    };
    views.set(config, view);
  }
  return view;
}

/** Renders a page with its doctype and caching policy. */
export async function renderPage(
  c: Context<AppEnv>,
  page: JSX.Element,
  opts: { status?: 200 | 404 | 500; cacheControl?: string } = {},
): Promise<Response> {
  const html = `<!doctype html>${await page.toString()}`;
  return c.html(html, opts.status ?? 200, { 'Cache-Control': opts.cacheControl ?? PAGE_CACHE });
}
