import { env, exports } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client';
import { auditLog, corrections, runs } from '../../src/db/schema';
import { sampleDraft } from '../helpers/draft';
import { publishSampleArticle } from '../helpers/stories';

const db = openDb(env.DB);
const writeArticle = (storyId: string, failing: string[] = []) => publishSampleArticle(db, storyId, failing);
const ADMIN = env.ADMIN_TOKEN;

function api(path: string, init: RequestInit & { token?: string | null; json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (init.token !== null) headers.set('authorization', `Bearer ${init.token ?? ADMIN}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  return exports.default.fetch(`https://news.test/api/editor${path}`, { ...init, headers, body });
}

async function errorOf(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/json');
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

describe('editor API authentication', () => {
  it('refuses requests without a token, with a JSON error and no caching', async () => {
    const res = await api('/articles', { token: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect((await errorOf(res)).code).toBe('unauthorized');
  });

  it('accepts the scheme name in any case, as RFC 9110 says', async () => {
    for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
      const res = await api('/articles', { token: null, headers: { authorization: `${scheme} ${ADMIN}` } });
      expect(res.status, scheme).toBe(200);
    }
  });

  it('refuses an unknown token', async () => {
    const res = await api('/articles', { token: 'not-a-real-token-0123456789' });
    expect(res.status).toBe(401);
  });

  it('lets the admin mint an editor token that works, is stored hashed, and cannot mint tokens itself', async () => {
    const minted = await api('/tokens', { method: 'POST', json: { name: 'Night desk' } });
    expect(minted.status).toBe(201);
    const { token, editor } = (await minted.json()) as { token: string; editor: { id: string; role: string } };
    expect(editor.role).toBe('editor');
    expect(JSON.stringify(editor)).not.toContain(token);
    const stored = await env.DB.prepare('SELECT token_hash FROM editors WHERE id = ?').bind(editor.id).first<{ token_hash: string }>();
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toBe(token);

    const list = await api('/articles', { token });
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    const forbidden = await api('/tokens', { method: 'POST', token, json: { name: 'Someone else' } });
    expect(forbidden.status).toBe(403);
  });
});

describe('editor API on articles', () => {
  let held: Awaited<ReturnType<typeof writeArticle>>;
  let live: Awaited<ReturnType<typeof writeArticle>>;
  beforeAll(async () => {
    held = await writeArticle('story-held', ['numbers']);
    live = await writeArticle('story-live');
  });

  it('lists the held queue with the reasons', async () => {
    const res = await api('/articles?status=held');
    const { articles } = (await res.json()) as { articles: { id: string; heldReasons: string[] }[] };
    expect(articles.map((a) => a.id)).toEqual([held.articleId]);
    expect(articles[0]?.heldReasons[0]).toMatch(/^numbers:/);
  });

  it('returns one article with its versions, sources and check report', async () => {
    const res = await api(`/articles/${held.articleId}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { versions: { sources: unknown[]; checks: { name: string; passed: boolean }[] }[] };
    expect(body.versions).toHaveLength(1);
    expect(body.versions[0]?.sources).toHaveLength(2);
    expect(body.versions[0]?.checks.find((c) => c.name === 'numbers')?.passed).toBe(false);
    expect((await api('/articles/nope')).status).toBe(404);
  });

  it('will not publish a held article without a reason', async () => {
    const res = await api(`/articles/${held.articleId}/publish`, { method: 'POST', json: {} });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('reason-required');
    expect(error.message).toContain('numbers');
    expect((await exports.default.fetch(`https://news.test/articles/${held.slug}`)).status).toBe(404);
  });

  it('publishes a held article with a reason, records it, and shows it publicly once', async () => {
    const reason = 'The figure was confirmed by phone with the company.';
    const res = await api(`/articles/${held.articleId}/publish`, { method: 'POST', json: { reason } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { article: { status: string; changed: boolean } }).article).toMatchObject({ status: 'published', changed: true });
    const page = await exports.default.fetch(`https://news.test/articles/${held.slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // Shown publicly next to the check that failed, not just somewhere on the page.
    expect(html).toMatch(new RegExp(`\\(numbers\\)[\\s\\S]*?Failed \\(blocking\\)[\\s\\S]*?Published by an editor despite this check: ${reason}\\s*</strong>`));

    const again = await api(`/articles/${held.articleId}/publish`, { method: 'POST', json: { reason } });
    expect(((await again.json()) as { article: { changed: boolean } }).article.changed).toBe(false);
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, held.articleId));
    expect(audits.filter((a) => a.action === 'publish-override')).toHaveLength(1);
    expect(audits.find((a) => a.action === 'publish-override')?.details).toMatchObject({ reason });
  });

  it('unpublishes with a reason: the page is gone and search no longer finds it', async () => {
    expect((await api(`/articles/${live.articleId}/unpublish`, { method: 'POST', json: {} })).status).toBe(400);
    const res = await api(`/articles/${live.articleId}/unpublish`, { method: 'POST', json: { reason: 'Duplicate of another story' } });
    expect(res.status).toBe(200);
    expect((await exports.default.fetch(`https://news.test/articles/${live.slug}`)).status).toBe(404);
    const fts = await env.DB.prepare('SELECT count(*) AS n FROM articles_fts WHERE article_id = ?').bind(live.articleId).first<{ n: number }>();
    expect(fts?.n).toBe(0);
    const conflict = await api(`/articles/${held.articleId}/corrections`, { method: 'POST', json: { text: 'x' } });
    expect(conflict.status).toBe(400);
  });

  it('a correction makes a new version with a public notice, after re-running the checks', async () => {
    const text = 'An earlier version misstated the licence; Atlas is free for research and commercial use.';
    const res = await api(`/articles/${held.articleId}/corrections`, { method: 'POST', json: { text } });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { article: { version: number } }).article.version).toBe(2);
    const notices = await db.select().from(corrections).where(eq(corrections.articleId, held.articleId));
    expect(notices.map((n) => n.text)).toEqual([text]);
    const log = await exports.default.fetch('https://news.test/corrections');
    expect(await log.text()).toContain('misstated the licence');

    const invented = sampleDraft();
    invented.sections[0]!.paragraphs[0]!.text = 'Lumen Forge released Atlas, a model with 75 billion parameters, under an open licence.';
    const refused = await api(`/articles/${held.articleId}/corrections`, { method: 'POST', json: { text: 'Parameter count updated.', draft: invented } });
    expect(refused.status).toBe(422);
    expect((await errorOf(refused)).message).toContain('numbers');
  });

  it('answers bad requests with a clear JSON error and changes nothing', async () => {
    const path = `/articles/${held.articleId}/unpublish`;
    const badJson = await api(path, { method: 'POST', body: '{"reason":', headers: { 'content-type': 'application/json' } });
    expect(badJson.status).toBe(400);
    expect((await errorOf(badJson)).code).toBe('invalid-json');
    const notJson = await api(path, { method: 'POST', body: 'reason=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(notJson.status).toBe(415);
    const huge = await api(path, { method: 'POST', json: { reason: 'x'.repeat(200_000) } });
    expect(huge.status).toBe(413);
    const extra = await api(path, { method: 'POST', json: { reason: 'fine reason', sneaky: true } });
    expect(extra.status).toBe(400);
    const badStatus = await api('/articles?status=everything');
    expect(badStatus.status).toBe(400);
    const article = await api(`/articles/${held.articleId}`);
    expect(((await article.json()) as { article: { status: string } }).article.status).toBe('published');
  });

  it('refuses a body that is not UTF-8 and text with invisible controls (NUL, bidi overrides), and changes nothing', async () => {
    const path = `/articles/${held.articleId}/unpublish`;
    const utf8 = new TextEncoder();
    const notUtf8 = new Uint8Array([...utf8.encode('{"reason":"Reviewed '), 0xff, 0xfe, ...utf8.encode(' and fine"}')]);
    for (const headers of [{}, { 'idempotency-key': 'not-utf8-body-1' }] as Record<string, string>[]) {
      const res = await api(path, { method: 'POST', body: notUtf8, headers: { 'content-type': 'application/json', ...headers } });
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatchObject({ code: 'invalid-encoding', message: expect.stringContaining('not valid UTF-8') });
    }
    for (const [reason, shown] of [['Reviewed \u202e ko won', 'U+202E'], ['Reviewed \u0000 raw', 'U+0000'], ['Reviewed \u2067 again', 'U+2067']]) {
      const res = await api(path, { method: 'POST', json: { reason } });
      expect(res.status, reason).toBe(400);
      expect((await errorOf(res)).message).toContain(`invisible control character (${shown})`);
    }
    const edit = await api(`/articles/${held.articleId}`, { method: 'PATCH', json: { title: 'Lumen Forge releases Atlas \u202eevil model for research' } });
    expect(edit.status).toBeGreaterThanOrEqual(400);
    expect((await errorOf(edit)).message).toContain('U+202E');
    const article = await api(`/articles/${held.articleId}`);
    expect(((await article.json()) as { article: { status: string; currentVersion: number } }).article).toMatchObject({ status: 'published' });
  });
});

describe('editor API edits (PATCH)', () => {
  it('changes the headline of a published article as a new version at the same URL', async () => {
    const live = await writeArticle('story-edit-live');
    const title = 'Lumen Forge puts its Atlas model in everyone\'s hands';
    const res = await api(`/articles/${live.articleId}`, { method: 'PATCH', json: { title } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { article: { version: number; status: string } }).article).toMatchObject({ version: 2, status: 'published' });
    const page = await (await exports.default.fetch(`https://news.test/articles/${live.slug}`)).text();
    expect(page).toContain('Lumen Forge puts its Atlas model in everyone&#39;s hands');
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, live.articleId));
    expect(audits.map((a) => a.action)).toContain('edit');
  });

  it('redraws the social card and cover of an edited article (they show its headline and section)', async () => {
    const live = await writeArticle('story-edit-images');
    const card = async () => new Uint8Array(await (await exports.default.fetch(`https://news.test/media/${live.slug}/card.png`)).arrayBuffer());
    const before = await card();
    const res = await api(`/articles/${live.articleId}`, { method: 'PATCH', json: { title: 'Atlas, the Lumen Forge model, is now open to everyone to use' } });
    expect(res.status).toBe(200);
    const after = await card();
    expect(after.length).toBeGreaterThan(0);
    expect([...after]).not.toEqual([...before]);
    const stored = await env.STORE.head(`media/${live.slug}/cover.svg`);
    expect(stored?.httpMetadata?.cacheControl).not.toContain('immutable');
  });

  it('refuses an edit that fails the checks, an unknown category, and an empty edit', async () => {
    const live = await writeArticle('story-edit-refused');
    const invented = await api(`/articles/${live.articleId}`, { method: 'PATCH', json: { title: 'Lumen Forge opens Atlas, a 90-billion-parameter model' } });
    expect(invented.status).toBe(422);
    expect((await errorOf(invented)).message).toContain('numbers');
    const category = await api(`/articles/${live.articleId}`, { method: 'PATCH', json: { category: 'Gossip' } });
    expect(category.status).toBe(400);
    expect((await api(`/articles/${live.articleId}`, { method: 'PATCH', json: {} })).status).toBe(400);
    const same = await api(`/articles/${live.articleId}`, { method: 'PATCH', json: { title: 'Lumen Forge opens its Atlas model to everyone (story-edit-refused)' } });
    expect(same.status).toBe(400);
    expect((await errorOf(same)).message).toMatch(/changes nothing/);
    const article = (await (await api(`/articles/${live.articleId}`)).json()) as { versions: unknown[] };
    expect(article.versions).toHaveLength(1);
  });

  it('a held article whose edit passes the checks waits, ready, and publishes without an override', async () => {
    const held = await writeArticle('story-edit-held', ['numbers']);
    const res = await api(`/articles/${held.articleId}`, { method: 'PATCH', json: { dek: 'Both outlets report that Atlas is free to use and adapt for any purpose.' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { article: { status: string } }).article.status).toBe('ready');
    const published = await api(`/articles/${held.articleId}/publish`, { method: 'POST', json: {} });
    expect(published.status).toBe(200);
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, held.articleId));
    expect(audits.map((a) => a.action)).toEqual(['hold', 'edit', 'publish']);
  });
});

describe('editor API on sources and runs', () => {
  it('adds a valid source, refuses unsafe feed URLs and duplicates, updates and retires', async () => {
    for (const feedUrl of ['http://10.0.0.1/feed.xml', 'http://user:pw@example.com/feed', 'ftp://example.com/feed', 'http://example.com:8443/feed']) {
      const res = await api('/sources', { method: 'POST', json: { name: 'Bad', publisher: 'Bad', feedUrl } });
      expect(res.status, feedUrl).toBe(400);
      expect((await errorOf(res)).message).toContain('feedUrl');
    }
    const created = await api('/sources', {
      method: 'POST',
      json: { name: 'Example Wire', publisher: 'Example', feedUrl: 'https://example.com/feed.xml', trustTier: 1 },
    });
    expect(created.status).toBe(201);
    const { source } = (await created.json()) as { source: { id: string; enabled: boolean } };
    expect(source).toMatchObject({ id: 'example-wire', enabled: true });
    const dup = await api('/sources', { method: 'POST', json: { name: 'Another', publisher: 'Example', feedUrl: 'https://example.com/feed.xml' } });
    expect(dup.status).toBe(409);

    const patched = await api(`/sources/${source.id}`, { method: 'PATCH', json: { enabled: false, categoryHint: 'Research' } });
    expect(((await patched.json()) as { source: { enabled: boolean; categoryHint: string } }).source).toMatchObject({ enabled: false, categoryHint: 'Research' });
    expect((await api(`/sources/${source.id}`, { method: 'PATCH', json: { feedUrl: 'http://localhost.internal/x' } })).status).toBe(400);

    const deleted = await api(`/sources/${source.id}`, { method: 'DELETE' });
    expect(await deleted.json()).toEqual({ deleted: true });
    expect((await api(`/sources/${source.id}`)).status).toBe(404);
  });

  it('starts a run on request and lists it', async () => {
    const res = await api('/runs', { method: 'POST' });
    expect(res.status).toBe(202);
    const { run } = (await res.json()) as { run: { id: string } };
    const row = await db.query.runs.findFirst({ where: eq(runs.id, run.id) });
    expect(row?.trigger).toBe('manual');
    const list = (await (await api('/runs')).json()) as { runs: { id: string }[] };
    expect(list.runs.map((r) => r.id)).toContain(run.id);
    const audit = (await (await api('/audit')).json()) as { audit: { action: string }[] };
    expect(audit.audit.map((a) => a.action)).toContain('run');
  });
});
