// Every desk screen for an editor and an administrator: what each shows, who may see it, and how it is served.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../src/db/client';
import { editors, runs, sources, stories } from '../../../src/db/schema';
import { sha256Hex } from '../../../src/lib/hash';
import { CLOSEST_PASSAGE, HELD_CLAIM, HELD_NOTE, deskArticle, unlabelledControls } from '../../helpers/desk-articles';
import { deskFetch, signedIn, type DeskBrowser } from '../../helpers/desk';

const db = openDb(env.DB);
const EDITOR_TOKEN = 'editor-token-for-the-desk-0123456789';
let held: Awaited<ReturnType<typeof deskArticle>>;
let ready: Awaited<ReturnType<typeof deskArticle>>;
let live: Awaited<ReturnType<typeof deskArticle>>;
const as: Record<'editor' | 'admin', DeskBrowser> = {} as never;

beforeAll(async () => {
  await db.insert(editors).values({ id: 'ed_night', name: 'Night editor', role: 'editor', tokenHash: await sha256Hex(EDITOR_TOKEN) });
  live = await deskArticle(db, 'story-live', 'published', new Date(Date.now() - 3 * 60_000));
  held = await deskArticle(db, 'story-held', 'held', new Date(Date.now() - 2 * 60_000));
  ready = await deskArticle(db, 'story-ready', 'ready', new Date(Date.now() - 60_000));
  await db.insert(sources).values({ id: 'wire-x', name: 'Wire X', publisher: 'Wire X', feedUrl: 'https://wire-x.example/feed', lastStatus: 200, lastFetchedAt: new Date().toISOString(), consecutiveFailures: 2, lastError: 'HTTP 503' });
  await db.insert(runs).values({ id: 'run_1', trigger: 'cron', status: 'succeeded', startedAt: new Date().toISOString(), stats: { ingest: { fetched: 7 } } });
  const at = new Date().toISOString();
  await db.insert(stories).values({
    id: 'st-not-written', key: 'not-written', title: 'Kestrel arm recall: Orvane Robotics pulls 3,200 units', status: 'failed',
    failureReason: 'no-usable-sources: every source was flagged as instruction-like text', firstSeenAt: at, lastSeenAt: at,
  });
  as.editor = await signedIn(EDITOR_TOKEN);
  as.admin = await signedIn();
});

async function page(who: 'editor' | 'admin', path: string) {
  const res = await as[who].get(path);
  const html = await res.text();
  return { res, html };
}

for (const who of ['editor', 'admin'] as const) {
  describe(`the desk for an ${who}`, () => {
    it('review queue: held and ready articles, newest first, each failed check in words with its claim and closest source passage', async () => {
      const { res, html } = await page(who, '/desk');
      expect(res.status).toBe(200);
      const order = [ready.articleId, held.articleId].map((id) => html.indexOf(`/desk/articles/${id}`));
      expect(order.every((i) => i > 0)).toBe(true);
      expect(order[0]).toBeLessThan(order[1]!);
      expect(html).not.toContain(`/desk/articles/${live.articleId}`);
      expect(html).toContain('Failed: Every number appears in a cited source');
      expect(html).toContain(HELD_CLAIM);
      expect(html).toContain(`“${CLOSEST_PASSAGE}”`);
    });

    it('review queue: a story that could not be written is listed with the reason, after the articles', async () => {
      const { html } = await page(who, '/desk');
      const at = html.indexOf('Stories not written');
      expect(at).toBeGreaterThan(html.indexOf(`/desk/articles/${held.articleId}`));
      const entry = html.slice(html.indexOf('Kestrel arm recall: Orvane Robotics pulls 3,200 units'));
      expect(entry).toMatch(/^[^<]*<\/h3>\s*<p class="meta">Failed · since /);
      expect(entry).toContain('no-usable-sources: every source was flagged as instruction-like text');
    });

    it('article: the draft beside its sources, the check report, evidence, versions and audit trail, with its actions', async () => {
      const { res, html } = await page(who, `/desk/articles/${held.articleId}`);
      expect(res.status).toBe(200);
      expect(html).toContain('The draft beside its sources');
      expect(html).toContain('Atlas was trained on 3 trillion tokens'); // a source's text, from the version's R2 record
      // The version's notes, also from R2: here, the sentence taken out of a source before writing.
      expect(html).toContain('How this version was written');
      expect(html).toContain(HELD_NOTE.replaceAll('"', '&quot;'));
      expect(html).toContain('Failed (blocking)');
      expect(html).toContain(CLOSEST_PASSAGE);
      expect(html).toContain('Audit trail');
      expect(html).toMatch(/action="\/desk\/articles\/[^"]+\/publish"/);
      expect(html).toMatch(/<textarea id="publish-reason" name="reason" rows="3" required=""/);
      const published = await page(who, `/desk/articles/${live.articleId}`);
      expect(published.html).toMatch(/action="\/desk\/articles\/[^"]+\/unpublish"/);
      expect(published.html).toMatch(/action="\/desk\/articles\/[^"]+\/correct"/);
    });

    it('sources: the registry with each source’s health and the forms to add, import and export', async () => {
      const { res, html } = await page(who, '/desk/sources');
      expect(res.status).toBe(200);
      expect(html).toContain('Wire X');
      expect(html).toContain('Failing: HTTP 503');
      expect(html).toMatch(/<td>2<\/td>\s*<td>0<\/td>/); // failures in a row, items in the last day
      expect(html).toContain('href="/desk/sources/opml"');
      expect(html).toContain('enctype="multipart/form-data"');
    });

    it('runs: recent runs with their figures, and the form to start one', async () => {
      const { res, html } = await page(who, '/desk/runs');
      expect(res.status).toBe(200);
      expect(html).toContain('ingest fetched: 7');
      expect(html).toContain('action="/desk/runs"');
    });

    it('every screen is private, never indexed, runs no script, and labels every form control', async () => {
      for (const path of ['/desk', `/desk/articles/${held.articleId}`, `/desk/articles/${live.articleId}`, '/desk/sources', '/desk/runs']) {
        const { res, html } = await page(who, path);
        expect(res.headers.get('cache-control'), path).toBe('private, no-store');
        expect(res.headers.get('x-robots-tag'), path).toContain('noindex');
        expect(html, path).toContain('<meta name="robots" content="noindex, nofollow"/>');
        expect(html, path).not.toMatch(/<script|\son[a-z]+=/i);
        expect(unlabelledControls(html), path).toEqual([]);
        // One h1, and no heading level skipped on the way down.
        const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
        expect(levels.filter((l) => l === 1), path).toHaveLength(1);
        levels.forEach((l, i) => i > 0 && expect(l - levels[i - 1]!, `${path} h${levels[i - 1]} → h${l}`).toBeLessThanOrEqual(1));
        expect(html, path).toMatch(/<html lang="en"/);
        expect(html, path).toContain('<main id="main"');
      }
    });
  });
}

describe('a desk address that does not exist', () => {
  it('is the desk’s own 404, private like every desk page', async () => {
    const { res, html } = await page('editor', '/desk/no-such-screen');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(html).toContain('There is no desk page at /desk/no-such-screen.');
  });
});

describe('the tokens screen', () => {
  it('is for administrators', async () => {
    const { res, html } = await page('admin', '/desk/tokens');
    expect(res.status).toBe(200);
    expect(html).toContain('Night editor');
    expect(unlabelledControls(html)).toEqual([]);
  });

  it('answers an editor 403, and its link is not in an editor’s navigation', async () => {
    const { res } = await page('editor', '/desk/tokens');
    expect(res.status).toBe(403);
    expect((await page('editor', '/desk')).html).not.toContain('href="/desk/tokens"');
    expect((await page('admin', '/desk')).html).toContain('href="/desk/tokens"');
  });

  it('refuses an editor’s post to it, even with a valid form token', async () => {
    const html = await (await as.editor.get('/desk')).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
    const res = await as.editor.post('/desk/tokens', { csrf, nonce: crypto.randomUUID(), name: 'Sneaky' });
    expect(res.status).toBe(403);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM editors WHERE name = 'Sneaky'").first<{ n: number }>()).toEqual({ n: 0 });
  });
});

describe('the desk stays out of public listings', () => {
  it('never appears in sitemaps, feeds or search, and robots.txt keeps crawlers out', async () => {
    for (const path of ['/sitemap.xml', '/news-sitemap.xml', '/feed.xml', '/atom.xml', '/feed.json', '/search?q=desk', '/search?q=Atlas', '/']) {
      const res = await deskFetch(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).not.toContain('/desk');
    }
    expect(await (await deskFetch('/robots.txt')).text()).toMatch(/^Disallow: \/desk$/m);
  });
});
