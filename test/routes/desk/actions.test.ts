// Desk actions: each goes through the API's functions, needs the session's form token, acts once per form, and is audited once.
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { openDb } from '../../../src/db/client';
import { articles, articleVersions, editors, sources } from '../../../src/db/schema';
import { INPUT_LIMITS } from '../../../src/editor/limits';
import { deskArticle } from '../../helpers/desk-articles';
import { auditCount, hiddenField, signedIn, type DeskBrowser } from '../../helpers/desk';

declare module 'vitest' {
  export interface ProvidedContext {
    newswireUrl: string;
  }
}

const db = openDb(env.DB);
let admin: DeskBrowser;

beforeAll(async () => {
  admin = await signedIn();
});

const statusOf = async (id: string) => (await db.query.articles.findFirst({ where: eq(articles.id, id) }))!;
const versionsOf = async (id: string) => (await db.select().from(articleVersions).where(eq(articleVersions.articleId, id))).length;

/** The message the desk shows after a redirect. */
async function flashAfter(browser: DeskBrowser, res: Response): Promise<string> {
  expect(res.status).toBe(303);
  const html = await (await browser.get(res.headers.get('location')!)).text();
  return /<div class="flash[^"]*"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
}

/** Submits a page's form, then the very same form again (a browser's resubmission): the second acts not at all. */
async function submitTwice(page: string, action: string, fields: Record<string, string>) {
  const { res, keys } = await admin.submit(page, action, fields);
  const first = await flashAfter(admin, res);
  const again = await flashAfter(admin, await admin.post(action, { ...keys, ...fields }));
  return { first, again };
}

describe('the form token (CSRF)', () => {
  it('refuses a post without it, with a forged one, or with another session’s, and does nothing', async () => {
    const held = await deskArticle(db, 'story-csrf', 'held');
    const action = `/desk/articles/${held.articleId}/publish`;
    const html = await (await admin.get(`/desk/articles/${held.articleId}`)).text();
    const nonce = hiddenField(html, 'nonce', action)!;
    const other = await signedIn();
    const othersToken = hiddenField(await (await other.get('/desk')).text(), 'csrf')!;
    for (const csrf of [undefined, 'forged-token-000000000000000000000000000000', othersToken]) {
      const res = await admin.post(action, { ...(csrf ? { csrf } : {}), nonce, reason: 'Figure confirmed by phone' });
      expect(res.status, String(csrf)).toBe(403);
    }
    expect((await statusOf(held.articleId)).status).toBe('held');
    expect(await auditCount('publish-override', held.articleId)).toBe(0);
  });

  it('refuses a post from another origin even with the right token', async () => {
    const held = await deskArticle(db, 'story-origin', 'held');
    const action = `/desk/articles/${held.articleId}/publish`;
    const html = await (await admin.get(`/desk/articles/${held.articleId}`)).text();
    const res = await (await import('../../helpers/desk')).deskFetch(action, {
      method: 'POST',
      body: new URLSearchParams({ csrf: hiddenField(html, 'csrf', action)!, nonce: hiddenField(html, 'nonce', action)!, reason: 'A good reason' }),
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((await statusOf(held.articleId)).status).toBe('held');
  });
});

describe('article actions', () => {
  it('publish: a held article needs a reason; with one it is published, once, and audited once', async () => {
    const held = await deskArticle(db, 'story-publish', 'held');
    const page = `/desk/articles/${held.articleId}`;
    const action = `${page}/publish`;
    const refused = await flashAfter(admin, (await admin.submit(page, action, { reason: '' })).res);
    expect(refused).toContain('needs a reason');
    expect((await statusOf(held.articleId)).status).toBe('held');

    const { first, again } = await submitTwice(page, action, { reason: 'The figure was confirmed with the company' });
    expect(first).toContain('Published');
    expect(again).toContain('submitted before');
    const now = await statusOf(held.articleId);
    expect(now.status).toBe('published');
    expect(now.overrideReason).toBe('The figure was confirmed with the company');
    expect(await auditCount('publish-override', held.articleId)).toBe(1);
  });

  it('publish: the same form sent twice at once acts once', async () => {
    const ready = await deskArticle(db, 'story-race', 'ready');
    const page = `/desk/articles/${ready.articleId}`;
    const html = await (await admin.get(page)).text();
    const action = `${page}/publish`;
    const fields = { csrf: hiddenField(html, 'csrf', action)!, nonce: hiddenField(html, 'nonce', action)!, reason: '' };
    const both = await Promise.all([admin.post(action, fields), admin.post(action, fields)]);
    expect(both.map((r) => r.status)).toEqual([303, 303]);
    expect((await statusOf(ready.articleId)).status).toBe('published');
    expect(await auditCount('publish', ready.articleId)).toBe(1);
  });

  it('unpublish needs a reason and acts once', async () => {
    const live = await deskArticle(db, 'story-unpublish', 'published');
    const page = `/desk/articles/${live.articleId}`;
    const { first, again } = await submitTwice(page, `${page}/unpublish`, { reason: 'The company withdrew the announcement' });
    expect(first).toContain('Unpublished');
    expect(again).toContain('submitted before');
    expect((await statusOf(live.articleId)).status).toBe('unpublished');
    expect(await auditCount('unpublish', live.articleId)).toBe(1);
  });

  it('correction: a rewritten paragraph and a notice make one new version, audited once', async () => {
    const live = await deskArticle(db, 'story-correct', 'published');
    const page = `/desk/articles/${live.articleId}`;
    const { first, again } = await submitTwice(page, `${page}/correct`, {
      place: 's1p0',
      text: 'The company said the model was trained on 3 trillion tokens.',
      note: 'An earlier version did not say who gave the training figure.',
    });
    expect(first).toContain('Correction published (version 2)');
    expect(again).toContain('submitted before');
    expect(await versionsOf(live.articleId)).toBe(2);
    expect(await auditCount('correction', live.articleId)).toBe(1);
    const diff = await (await admin.get(`${page}?from=1&to=2`)).text();
    expect(diff).toContain('Changes from v1 to v2');
  });

  it('edit: a new headline is a new version; the diff between versions shows it word by word', async () => {
    const ready = await deskArticle(db, 'story-edit', 'ready');
    const page = `/desk/articles/${ready.articleId}`;
    const draft = (await db.query.articleVersions.findFirst({ where: eq(articleVersions.articleId, ready.articleId) }))!.draft as { dek: string; category: string };
    const { first, again } = await submitTwice(page, `${page}/edit`, { title: 'Lumen Forge makes its Atlas model free to use', dek: draft.dek, category: draft.category });
    expect(first).toContain('Saved as a new version (version 2)');
    expect(again).toContain('submitted before');
    expect(await auditCount('edit', ready.articleId)).toBe(1);
    expect((await statusOf(ready.articleId)).title).toBe('Lumen Forge makes its Atlas model free to use');
    const diff = await (await admin.get(`${page}?from=1&to=2`)).text();
    expect(diff).toMatch(/<del>[^<]*opens[^<]*<\/del>/);
    expect(diff).toMatch(/<ins>[^<]*makes[^<]*<\/ins>/);
  });
});

describe('form limits and refusals', () => {
  /** The attributes of the control with this id. */
  const control = (html: string, id: string) => new RegExp(`<(?:input|textarea)[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0] ?? '';
  const limits = (tag: string) => ({ min: /minlength="(\d+)"/.exec(tag)?.[1], max: /maxlength="(\d+)"/.exec(tag)?.[1] });

  it('every article form control carries the server schema’s own length limits', async () => {
    const live = await deskArticle(db, 'story-limits-live', 'published');
    const held = await deskArticle(db, 'story-limits-held', 'held');
    const livePage = await (await admin.get(`/desk/articles/${live.articleId}`)).text();
    const heldPage = await (await admin.get(`/desk/articles/${held.articleId}`)).text();
    expect(limits(control(livePage, 'edit-title'))).toEqual({ min: String(INPUT_LIMITS.title.min), max: String(INPUT_LIMITS.title.max) });
    expect(limits(control(livePage, 'edit-dek'))).toEqual({ min: String(INPUT_LIMITS.dek.min), max: String(INPUT_LIMITS.dek.max) });
    expect(limits(control(livePage, 'correction-text'))).toEqual({ min: String(INPUT_LIMITS.paragraph.min), max: String(INPUT_LIMITS.paragraph.max) });
    expect(limits(control(livePage, 'correction-note'))).toEqual({ min: String(INPUT_LIMITS.correctionNotice.min), max: String(INPUT_LIMITS.correctionNotice.max) });
    expect(limits(control(livePage, 'unpublish-reason'))).toEqual({ min: String(INPUT_LIMITS.reason.min), max: String(INPUT_LIMITS.reason.max) });
    expect(limits(control(heldPage, 'publish-reason'))).toEqual({ min: String(INPUT_LIMITS.reason.min), max: String(INPUT_LIMITS.reason.max) });
    // …and they are the numbers the server enforces.
    expect(INPUT_LIMITS.title).toEqual({ min: 30, max: 110 });
    expect(INPUT_LIMITS.correctionNotice.max).toBe(2000);
  });

  it('a refused edit or correction is explained in plain sentences, not validator text', async () => {
    const live = await deskArticle(db, 'story-limits-refused', 'published');
    const page = `/desk/articles/${live.articleId}`;
    const edit = await flashAfter(admin, (await admin.submit(page, `${page}/edit`, { title: 'Too short a headline' })).res);
    expect(edit).toBe('<p>Nothing was done: The headline needs at least 30 characters.</p>');
    const correction = await flashAfter(admin, (await admin.submit(page, `${page}/correct`, { place: 's1p0', text: 'Too short.', note: 'Fixed.' })).res);
    expect(correction).toBe('<p>Nothing was done: The correction notice needs at least 10 characters.</p>');
    const paragraph = await flashAfter(admin, (await admin.submit(page, `${page}/correct`, { place: 's1p0', text: 'Too short.', note: 'An earlier version gave the wrong figure.' })).res);
    expect(paragraph).toBe('<p>Nothing was done: Paragraph 1 of section 2 needs at least 40 characters.</p>');
    expect(await versionsOf(live.articleId)).toBe(1);
  });
});

describe('odd bytes and invisible characters', () => {
  it('refuses a form that is not UTF-8 and a reason with a bidi override, and does nothing', async () => {
    const live = await deskArticle(db, 'story-odd-bytes', 'published');
    const page = `/desk/articles/${live.articleId}`;
    const action = `${page}/unpublish`;
    const html = await (await admin.get(page)).text();
    const field = (name: string) => `${name}=${encodeURIComponent(hiddenField(html, name, action) ?? '')}`;
    const res = await admin.post(action, `${field('csrf')}&${field('nonce')}&reason=Reviewed%FF%FE+ok+raw`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('The form was not sent as UTF-8 text, so nothing was done.');
    const bidi = await flashAfter(admin, (await admin.submit(page, action, { reason: 'Reviewed \u202e ko won' })).res);
    expect(bidi).toContain('Nothing was done: The reason contains an invisible control character (U+202E)');
    expect((await statusOf(live.articleId)).status).toBe('published');
    expect(await auditCount('unpublish', live.articleId)).toBe(0);
  });
});

describe('source actions', () => {
  it('adds a source from a site URL once, audited once', async () => {
    const { first, again } = await submitTwice('/desk/sources', '/desk/sources', { url: `${inject('newswireUrl')}/sites/harbor-signal/`, publisher: 'Harbor Signal' });
    expect(first).toContain('Added');
    expect(again).toContain('submitted before');
    const added = await db.select().from(sources).where(eq(sources.publisher, 'Harbor Signal'));
    expect(added).toHaveLength(1);
    expect(await auditCount('add-source', added[0]!.id)).toBe(1);
  });

  it('adds a source by its feed URL; the same feed again is refused in words, and nothing is added twice', async () => {
    const url = `${inject('newswireUrl')}/feeds/lattice-dispatch.json`;
    expect(await flashAfter(admin, (await admin.submit('/desk/sources', '/desk/sources', { url, publisher: 'Lattice Dispatch' })).res)).toContain('Added');
    const again = await flashAfter(admin, (await admin.submit('/desk/sources', '/desk/sources', { url, publisher: 'Lattice Dispatch' })).res);
    expect(again).toContain('Nothing was done');
    expect(again).toContain('in the registry already');
    const added = await db.select().from(sources).where(eq(sources.feedUrl, url));
    expect(added).toHaveLength(1);
    expect(await auditCount('add-source', added[0]!.id)).toBe(1);
  });

  it('disables and enables a source, each once', async () => {
    await db.insert(sources).values({ id: 'wire-toggle', name: 'Wire Toggle', publisher: 'Wire Toggle', feedUrl: 'https://toggle.example/feed' });
    const action = '/desk/sources/wire-toggle/enabled';
    const off = await submitTwice('/desk/sources', action, { enabled: 'false' });
    expect(off.first).toContain('Wire Toggle is disabled');
    expect(off.again).toContain('submitted before');
    expect((await db.query.sources.findFirst({ where: eq(sources.id, 'wire-toggle') }))!.enabled).toBe(false);
    expect(await auditCount('update-source', 'wire-toggle')).toBe(1);
    const on = await submitTwice('/desk/sources', action, { enabled: 'true' });
    expect(on.first).toContain('Wire Toggle is enabled');
    expect(await auditCount('update-source', 'wire-toggle')).toBe(2);
  });

  it('imports an OPML file once, audited once, and exports the registry', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Reader</title></head><body>
      <outline text="Tech"><outline type="rss" text="Kestrel Wire" xmlUrl="https://kestrel-wire.example.com/feed.xml" htmlUrl="https://kestrel-wire.example.com/"/></outline>
    </body></opml>`;
    const html = await (await admin.get('/desk/sources')).text();
    const action = '/desk/sources/opml';
    const form = () => {
      const data = new FormData();
      data.set('csrf', hiddenField(html, 'csrf', action)!);
      data.set('nonce', hiddenField(html, 'nonce', action)!);
      data.set('opml', new File([opml], 'reader.opml', { type: 'text/x-opml' }));
      return data;
    };
    expect(await flashAfter(admin, await admin.post(action, form()))).toContain('Imported 1 new sources');
    expect(await flashAfter(admin, await admin.post(action, form()))).toContain('submitted before');
    expect(await db.select().from(sources).where(eq(sources.feedUrl, 'https://kestrel-wire.example.com/feed.xml'))).toHaveLength(1);
    expect(await auditCount('import-sources')).toBe(1);
    const exported = await admin.get('/desk/sources/opml');
    expect(exported.headers.get('content-type')).toContain('opml');
    expect(await exported.text()).toContain('https://kestrel-wire.example.com/feed.xml');
  });
});

describe('runs and tokens', () => {
  it('starts a run now, once, audited with its record', async () => {
    // Nothing to fetch: the run finishes at once instead of outliving the test.
    await env.DB.prepare('UPDATE sources SET enabled = 0').run();
    const { first, again } = await submitTwice('/desk/runs', '/desk/runs', {});
    expect(first).toMatch(/Run run_\S+ started/);
    expect(again).toContain('submitted before');
    expect(await auditCount('run')).toBe(1);
    const runId = /Run (run_\S+) started/.exec(first)![1]!;
    expect(await auditCount('run', runId)).toBe(1);
    await vi.waitUntil(async () => (await env.DB.prepare('SELECT status FROM runs WHERE id = ?').bind(runId).first<{ status: string }>())?.status !== 'running', { timeout: 10_000 });
  });

  it('creates a token shown once, audited once; revoking it signs its editor out', async () => {
    const { res, keys } = await admin.submit('/desk/tokens', '/desk/tokens', { name: 'Weekend desk', role: 'editor' });
    const shown = await flashAfter(admin, res);
    const token = /<code>([A-Za-z0-9_-]{43})<\/code>/.exec(shown)?.[1];
    expect(token).toBeTruthy();
    expect(await (await admin.get('/desk/tokens')).text()).not.toContain(token!);
    expect(await flashAfter(admin, await admin.post('/desk/tokens', { ...keys, name: 'Weekend desk', role: 'editor' }))).toContain('submitted before');
    const made = await db.select().from(editors).where(eq(editors.name, 'Weekend desk'));
    expect(made).toHaveLength(1);
    expect(await auditCount('create-token', made[0]!.id)).toBe(1);

    const weekend = await signedIn(token);
    expect((await weekend.get('/desk')).status).toBe(200);
    const revoke = await submitTwice('/desk/tokens', `/desk/tokens/${made[0]!.id}/revoke`, {});
    expect(revoke.first).toContain('is revoked');
    expect(revoke.again).toContain('submitted before');
    expect(await auditCount('revoke-token', made[0]!.id)).toBe(1);
    expect((await weekend.get('/desk')).status).toBe(303);
  });
});
