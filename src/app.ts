/** The Hono app: middleware and the route modules, mounted by path. */
import { Hono } from 'hono';
import { trimTrailingSlash } from 'hono/trailing-slash';
import type { Bindings } from './env';
import { conditional } from './lib/http/conditional';
import { edgeCache } from './lib/http/edge-cache';
import { securityHeaders } from './lib/http/security-headers';
import { methodNotAllowed, notFound, onError } from './routes/errors';
import { feeds } from './routes/feeds';
import { media } from './routes/media';
import { pages } from './routes/pages';
import { siteImages } from './routes/site-images';
import { siteView } from './routes/render';
import { editorApi } from './routes/editor';
import { desk } from './routes/desk';

export type AppEnv = { Bindings: Bindings };

export function createApp() {
  const app = new Hono<AppEnv>();

  // Outermost first: security headers wrap everything (errors too), then ETag/304, then the edge cache.
  app.use('*', securityHeaders());
  // /about/ answers 301 to /about (only when the slashed path has no route of its own).
  app.use('*', trimTrailingSlash());
  app.use('*', conditional());
  // Public pages and feeds only: search takes free text and /status must be live.
  const edge = edgeCache((c) => siteView(c.env).url);
  for (const path of ['/', '/articles/*', '/category/*', '/about', '/corrections', '/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/news-sitemap.xml', '/robots.txt', '/favicon.ico', '/cards/*']) {
    app.use(path, edge);
  }

  app.get('/healthz', async (c) => {
    const started = Date.now();
    const [d1, r2] = await Promise.allSettled([
      c.env.DB.prepare('SELECT 1 AS ok').first<{ ok: number }>(),
      c.env.STORE.head('healthz'),
    ]);
    const ok = d1.status === 'fulfilled' && r2.status === 'fulfilled';
    return c.json(
      { ok, d1: d1.status === 'fulfilled', r2: r2.status === 'fulfilled', ms: Date.now() - started },
      ok ? 200 : 503,
    );
  });

  app.route('/', pages);
  app.route('/', feeds);
  app.route('/', media);
  app.route('/', siteImages);
  // Reader addresses answer GET and HEAD only: another method is 405 naming them, not a 404.
  const readerPaths = [...new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path))];
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], readerPaths, methodNotAllowed);
  app.route('/api/editor', editorApi);
  app.route('/desk', desk);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}

export const app = createApp();
