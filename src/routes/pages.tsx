/** Reader HTML pages: front page, articles, categories, search, about, corrections, status. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app';
import { openDb } from '../db/client';
import { getPublishedArticle, listPublished, listCorrections, newsroomStatus, searchArticles, trustedSources } from '../db/read-model';
import { categorySlug } from '../env';
import { stripHiddenControls } from '../lib/hidden-controls';
import { NO_STORE, SEARCH_CACHE } from '../lib/http/cache-control';
import { notFoundPage } from './errors';
import { AboutPage } from '../../templates/pages/AboutPage';
import { ArticlePage } from '../../templates/pages/ArticlePage';
import { CategoryPage } from '../../templates/pages/CategoryPage';
import { CorrectionsPage } from '../../templates/pages/CorrectionsPage';
import { HomePage } from '../../templates/pages/HomePage';
import { SearchPage } from '../../templates/pages/SearchPage';
import { StatusPage } from '../../templates/pages/StatusPage';
import { renderPage, siteView } from './render';

// ?page=N: absent means 1; anything that is not a whole number from 1 to 500 is no page at all.
const pageParam = z.union([z.undefined(), z.coerce.number().int().min(1).max(500)]);
const SEARCH_DISPLAY_MAX = 200;

/** A page past the end of a listing is no page at all (a real 404, not an empty 200). */
const beyondTheLast = (listing: { page: number; articles: unknown[] }) => listing.page > 1 && listing.articles.length === 0;

export const pages = new Hono<AppEnv>();

pages.get('/', async (c) => {
  const page = pageParam.safeParse(c.req.query('page'));
  if (!page.success) return notFoundPage(c);
  const listing = await listPublished(openDb(c.env.DB), { page: page.data ?? 1 });
  if (beyondTheLast(listing)) return notFoundPage(c);
  return renderPage(c, <HomePage site={siteView(c.env)} listing={listing} />);
});

pages.get('/articles/:slug', async (c) => {
  const article = await getPublishedArticle(openDb(c.env.DB), c.req.param('slug'));
  if (!article) return notFoundPage(c);
  return renderPage(c, <ArticlePage site={siteView(c.env)} article={article} categorySlug={categorySlug(article.category)} />);
});

pages.get('/category/:slug', async (c) => {
  const site = siteView(c.env);
  const category = site.categories.find((cat) => cat.slug === c.req.param('slug'));
  const page = pageParam.safeParse(c.req.query('page'));
  if (!category || !page.success) return notFoundPage(c);
  const listing = await listPublished(openDb(c.env.DB), { page: page.data ?? 1, category: category.name });
  if (beyondTheLast(listing)) return notFoundPage(c);
  return renderPage(c, <CategoryPage site={site} category={category} listing={listing} />);
});

pages.get('/search', async (c) => {
  // Any text is a valid query: searchArticles turns it into plain quoted words.
  // Control characters (a NUL, a bidi override) are no words, and the echoed query may not carry them.
  const query = stripHiddenControls(c.req.query('q') ?? '', ' ').trim().slice(0, SEARCH_DISPLAY_MAX);
  const page = pageParam.safeParse(c.req.query('page'));
  if (!page.success) return notFoundPage(c);
  const results = await searchArticles(openDb(c.env.DB), query, page.data ?? 1);
  if (beyondTheLast({ page: results.page, articles: results.hits })) return notFoundPage(c);
  return renderPage(c, <SearchPage site={siteView(c.env)} query={query} results={results} />, { cacheControl: SEARCH_CACHE });
});

pages.get('/about', async (c) => {
  const sources = await trustedSources(openDb(c.env.DB));
  return renderPage(c, <AboutPage site={siteView(c.env)} sources={sources} />);
});

pages.get('/corrections', async (c) => {
  const corrections = await listCorrections(openDb(c.env.DB));
  return renderPage(c, <CorrectionsPage site={siteView(c.env)} corrections={corrections} />);
});

pages.get('/status', async (c) => {
  const status = await newsroomStatus(openDb(c.env.DB));
  return renderPage(c, <StatusPage site={siteView(c.env)} status={status} />, { cacheControl: NO_STORE });
});
