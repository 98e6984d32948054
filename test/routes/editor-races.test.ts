// The editor API under concurrent and repeated requests: uniqueness in D1 decides every race,
// an Idempotency-Key makes a repeat answer the first response, and nothing answers 500.
import { env, exports } from 'cloudflare:workers';
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client';
import { articleVersions, auditLog, corrections, runs } from '../../src/db/schema';
import { publishSampleArticle } from '../helpers/stories';

const db = openDb(env.DB);
const liveArticle = (storyId: string) => publishSampleArticle(db, storyId);

function api(path: string, init: RequestInit & { json?: unknown; key?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${env.ADMIN_TOKEN}`);
  if (init.key) headers.set('idempotency-key', init.key);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
  return exports.default.fetch(`https://news.test/api/editor${path}`, { ...init, headers, body });
}

/** `n` copies of a request at once; their statuses and bodies. */
async function concurrently(n: number, send: (i: number) => Promise<Response>) {
  const responses = await Promise.all(Array.from({ length: n }, (_, i) => send(i)));
  return Promise.all(responses.map(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any>, replayed: r.headers.get('idempotent-replayed') })));
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

const auditsOf = (targetId: string, actions: string[]) =>
  db.select().from(auditLog).where(and(eq(auditLog.targetId, targetId), inArray(auditLog.action, actions)));

describe('concurrent identical requests', () => {
  it('20 identical POST /sources at once: one 201, the rest 409 with the existing source, one audit row', async () => {
    const json = { name: 'Race Wire', publisher: 'Race', feedUrl: 'https://race.example.com/feed.xml', enabled: false };
    const answers = await concurrently(20, () => api('/sources', { method: 'POST', json }));
    const statuses = answers.map((a) => a.status);
    expect(count(statuses, 201)).toBe(1);
    expect(count(statuses, 409)).toBe(19);
    for (const a of answers.filter((a) => a.status === 409)) {
      expect(a.body.error.code).toBe('conflict');
      expect(a.body.source).toMatchObject({ id: 'race-wire', feedUrl: json.feedUrl });
    }
    expect(await auditsOf('race-wire', ['add-source'])).toHaveLength(1);
  });

  it('20 concurrent corrections: each lands as its own version or answers 409 with the current article, never 500', async () => {
    const live = await liveArticle('story-correction-race');
    const answers = await concurrently(20, (i) =>
      api(`/articles/${live.articleId}/corrections`, { method: 'POST', json: { text: `Correction number ${i} of the licence wording.` } }),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 201 || s === 409), statuses.join(',')).toBe(true);
    expect(count(statuses, 201)).toBeGreaterThanOrEqual(1);
    for (const a of answers.filter((a) => a.status === 409)) expect(a.body.article).toMatchObject({ id: live.articleId, status: 'published' });
    const versions = await db.select().from(articleVersions).where(eq(articleVersions.articleId, live.articleId));
    const notices = await db.select().from(corrections).where(eq(corrections.articleId, live.articleId));
    expect(versions).toHaveLength(1 + count(statuses, 201));
    expect(notices).toHaveLength(count(statuses, 201));
    expect(await auditsOf(live.articleId, ['correction'])).toHaveLength(count(statuses, 201));
  });

  it('20 concurrent POST /runs: one run starts, the rest are told one is in progress', async () => {
    const answers = await concurrently(20, () => api('/runs', { method: 'POST' }));
    const statuses = answers.map((a) => a.status);
    expect(count(statuses, 202)).toBe(1);
    expect(count(statuses, 409)).toBe(19);
    const started = answers.find((a) => a.status === 202)!.body.run.id;
    for (const a of answers.filter((a) => a.status === 409)) {
      expect(a.body.error.code).toBe('run-in-progress');
      expect(a.body.run.id).toBe(started);
    }
    expect((await db.select().from(runs)).filter((r) => r.trigger === 'manual')).toHaveLength(1);
  });
});

describe('Idempotency-Key', () => {
  it('the same key three times in a row makes one correction and answers the first response each time', async () => {
    const live = await liveArticle('story-idempotent-correction');
    const json = { text: 'An earlier version misstated the licence; Atlas is free for commercial use.' };
    const first = await api(`/articles/${live.articleId}/corrections`, { method: 'POST', json, key: 'fix-licence-1' });
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    for (let i = 0; i < 2; i++) {
      const again = await api(`/articles/${live.articleId}/corrections`, { method: 'POST', json, key: 'fix-licence-1' });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.text()).toBe(firstBody);
    }
    expect(await db.select().from(corrections).where(eq(corrections.articleId, live.articleId))).toHaveLength(1);
    expect(await db.select().from(articleVersions).where(eq(articleVersions.articleId, live.articleId))).toHaveLength(2);
  });

  it('the same key with another body is refused with 422 and does nothing', async () => {
    const live = await liveArticle('story-idempotent-mismatch');
    const path = `/articles/${live.articleId}/corrections`;
    expect((await api(path, { method: 'POST', json: { text: 'The first correction of this article.' }, key: 'k-mismatch' })).status).toBe(201);
    const other = await api(path, { method: 'POST', json: { text: 'A different correction entirely.' }, key: 'k-mismatch' });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('idempotency-key-reused');
    expect(await db.select().from(corrections).where(eq(corrections.articleId, live.articleId))).toHaveLength(1);
  });

  it('20 concurrent requests with one key act once: the rest replay it or are told it is in progress', async () => {
    const json = { name: 'Keyed Wire', publisher: 'Keyed', feedUrl: 'https://keyed.example.com/feed.xml', enabled: false };
    const answers = await concurrently(20, () => api('/sources', { method: 'POST', json, key: 'add-keyed-wire' }));
    for (const a of answers) {
      if (a.status === 201) expect(a.body.source.id).toBe('keyed-wire');
      else expect(a).toMatchObject({ status: 409, body: { error: { code: 'idempotency-in-progress' } } });
    }
    expect(answers.filter((a) => a.status === 201 && !a.replayed)).toHaveLength(1);
    expect(await auditsOf('keyed-wire', ['add-source'])).toHaveLength(1);
    const later = await api('/sources', { method: 'POST', json, key: 'add-keyed-wire' });
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
  });

  it('never keeps a minted token: POST /tokens ignores the key and stores no answer', async () => {
    const res = await api('/tokens', { method: 'POST', json: { name: 'Keyed desk' }, key: 'mint-1' });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    const kept = await env.DB.prepare('SELECT count(*) AS n FROM idempotency_keys WHERE body LIKE ?').bind(`%${token}%`).first<{ n: number }>();
    expect(kept?.n).toBe(0);
  });

  it('keys are per editor and expire after a day', async () => {
    await env.DB.prepare("INSERT INTO idempotency_keys (editor_id, key, request_hash, status, body, created_at, expires_at) VALUES ('admin', 'old-key', 'x', 201, '{}', '2000-01-01T00:00:00.000Z', '2000-01-02T00:00:00.000Z')").run();
    const json = { name: 'Late Wire', publisher: 'Late', feedUrl: 'https://late.example.com/feed.xml', enabled: false };
    const res = await api('/sources', { method: 'POST', json, key: 'old-key' });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('concurrent publish and unpublish', () => {
  it('10 unpublish and 10 publish at once, five rounds: one audit row per real change, changed:false or 409 otherwise', async () => {
    const live = await liveArticle('story-flip-flop');
    let changes = 0;
    for (let round = 0; round < 5; round++) {
      const answers = await concurrently(20, (i) =>
        i % 2
          ? api(`/articles/${live.articleId}/publish`, { method: 'POST', json: {} })
          : api(`/articles/${live.articleId}/unpublish`, { method: 'POST', json: { reason: 'Checking a figure again' } }),
      );
      for (const a of answers) {
        expect([200, 409], JSON.stringify(a.body)).toContain(a.status);
        if (a.status === 200 && a.body.article.changed) changes++;
      }
    }
    expect(await auditsOf(live.articleId, ['publish', 'unpublish'])).toHaveLength(changes);
    // Changes alternate: the audit trail never shows the same transition twice in a row.
    const trail = (await auditsOf(live.articleId, ['publish', 'unpublish'])).map((a) => a.action);
    for (let i = 1; i < trail.length; i++) expect(trail[i]).not.toBe(trail[i - 1]);
    // Search follows the final state.
    const final = (await (await api(`/articles/${live.articleId}`)).json()) as { article: { status: string } };
    const fts = await env.DB.prepare('SELECT count(*) AS n FROM articles_fts WHERE article_id = ?').bind(live.articleId).first<{ n: number }>();
    expect(fts?.n).toBe(final.article.status === 'published' ? 1 : 0);
  });
});
