import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('/healthz', () => {
  it('reports D1 and R2 reachable as JSON', async () => {
    const res = await exports.default.fetch('https://news.test/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toMatchObject({ ok: true, d1: true, r2: true });
  });

  it('has the migrated schema, FTS5 included', async () => {
    const { env } = await import('cloudflare:workers');
    const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type='table'").all<{ name: string }>();
    const names = tables.results.map((r) => r.name);
    for (const t of ['sources', 'items', 'stories', 'articles', 'article_versions', 'article_sources', 'checks', 'corrections', 'runs', 'editors', 'audit_log', 'articles_fts']) {
      expect(names).toContain(t);
    }
  });
});
