/** The Hono app: middleware and the route modules, mounted by path. */
import { Hono } from 'hono';
import type { Bindings } from './env';

export type AppEnv = { Bindings: Bindings };

export function createApp() {
  const app = new Hono<AppEnv>();

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

  return app;
}

export const app = createApp();
