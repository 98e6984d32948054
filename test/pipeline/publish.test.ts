import { env } from 'cloudflare:workers';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client';
import { articleSources, articleVersions, articles, auditLog, checks, stories } from '../../src/db/schema';
import { decideStatus, publishArticle, type PublishInput } from '../../src/pipeline/publish';
import { sampleDraft, sampleReport, sampleSources } from '../helpers/draft';

const db = openDb(env.DB);
const now = new Date('2026-11-27T12:00:00Z');
let storyN = 0;

async function newStory(): Promise<string> {
  const id = `s_test_${++storyN}`;
  await db.insert(stories).values({ id, key: id, title: 'A story', firstSeenAt: now.toISOString(), lastSeenAt: now.toISOString(), status: 'ready' });
  return id;
}

function input(storyId: string, over: Partial<PublishInput> = {}): PublishInput {
  return {
    storyId,
    sourceSetHash: 'h1',
    sources: sampleSources(now),
    draft: sampleDraft(),
    report: sampleReport(),
    writer: { name: 'extractive' },
    coverSvg: (slug) => `<svg xmlns="http://www.w3.org/2000/svg"><title>${slug}</title></svg>`,
    socialCard: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    ...over,
  };
}

const ftsCount = async (articleId: string) =>
  (await env.DB.prepare('SELECT count(*) AS n FROM articles_fts WHERE article_id = ?').bind(articleId).first<{ n: number }>())?.n;

describe('decideStatus', () => {
  it('publishes, readies or holds by the report and the auto-publish switch', () => {
    expect(decideStatus(sampleReport(), true)).toBe('published');
    expect(decideStatus(sampleReport(), false)).toBe('ready');
    expect(decideStatus(sampleReport(['numbers']), true)).toBe('held');
    expect(decideStatus(sampleReport(['entities']), true)).toBe('published');
  });
});

describe('publishArticle', () => {
  let storyId: string;
  beforeEach(async () => {
    storyId = await newStory();
  });

  it('lands the article, its version, sources, checks, search entry, cover and version JSON together', async () => {
    const out = await publishArticle({ db, store: env.STORE, autoPublish: true, now }, input(storyId));
    expect(out).toMatchObject({ status: 'published', gate: 'published', version: 1, created: true });
    const article = await db.query.articles.findFirst({ where: eq(articles.id, out.articleId) });
    expect(article).toMatchObject({ status: 'published', slug: out.slug, currentVersion: 1, publishedAt: now.toISOString() });
    expect(out.slug).toMatch(/^lumen-forge-opens-its-atlas-model-to-everyone-[0-9a-f]{6}$/);
    expect(await db.select().from(articleSources).where(eq(articleSources.articleId, out.articleId))).toHaveLength(2);
    expect(await db.select().from(checks).where(eq(checks.articleId, out.articleId))).toHaveLength(11);
    expect(await ftsCount(out.articleId)).toBe(1);
    const version = await env.STORE.get(`articles/${out.slug}/v1.json`);
    const record = (await version!.json()) as { sources: unknown[]; report: { passed: boolean } };
    expect(record.sources).toHaveLength(2);
    expect(record.report.passed).toBe(true);
    const cover = await env.STORE.get(`media/${out.slug}/cover.svg`);
    expect(cover?.httpMetadata?.contentType).toBe('image/svg+xml');
    const card = await env.STORE.get(`media/${out.slug}/card.png`);
    expect(card?.httpMetadata?.contentType).toBe('image/png');
    expect([...new Uint8Array(await card!.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const story = await db.query.stories.findFirst({ where: eq(stories.id, storyId) });
    expect(story?.status).toBe('written');
  });

  it('a retried step finds the version it wrote instead of writing a second one', async () => {
    const first = await publishArticle({ db, store: env.STORE, autoPublish: true, now }, input(storyId));
    const again = await publishArticle({ db, store: env.STORE, autoPublish: true, now }, input(storyId));
    expect(again).toMatchObject({ articleId: first.articleId, version: 1, created: false });
    expect(await db.select().from(articleVersions).where(eq(articleVersions.articleId, first.articleId))).toHaveLength(1);
    expect(await ftsCount(first.articleId)).toBe(1);
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, first.articleId));
    expect(audits).toHaveLength(1);
  });

  it('holds a failing article with the reasons, out of search', async () => {
    const out = await publishArticle({ db, store: env.STORE, autoPublish: true, now }, input(storyId, { report: sampleReport(['numbers', 'quotes']) }));
    expect(out.status).toBe('held');
    const article = await db.query.articles.findFirst({ where: eq(articles.id, out.articleId) });
    expect(article?.heldReasons).toEqual([
      'numbers: section 1, paragraph 1: "numbers" finding for the editor',
      'quotes: section 1, paragraph 1: "quotes" finding for the editor',
    ]);
    expect(article?.publishedAt).toBeNull();
    expect(await ftsCount(out.articleId)).toBe(0);
  });

  it('waits for an editor when auto-publish is off', async () => {
    const out = await publishArticle({ db, store: env.STORE, autoPublish: false, now }, input(storyId));
    expect(out.status).toBe('ready');
    expect(await ftsCount(out.articleId)).toBe(0);
  });

  it('a story that grew becomes version 2 of the same article at the same URL', async () => {
    const v1 = await publishArticle({ db, store: env.STORE, autoPublish: true, now }, input(storyId));
    const later = new Date(now.getTime() + 3_600_000);
    const v2 = await publishArticle(
      { db, store: env.STORE, autoPublish: true, now: later },
      input(storyId, { sourceSetHash: 'h2', draft: sampleDraft('Lumen Forge opens Atlas, and a third outlet confirms it') }),
    );
    expect(v2).toMatchObject({ articleId: v1.articleId, slug: v1.slug, version: 2, status: 'published' });
    const article = await db.query.articles.findFirst({ where: eq(articles.id, v1.articleId) });
    expect(article).toMatchObject({ currentVersion: 2, title: 'Lumen Forge opens Atlas, and a third outlet confirms it', firstPublishedAt: now.toISOString(), publishedAt: later.toISOString() });
    expect(await ftsCount(v1.articleId)).toBe(1);
  });

  it('a held rewrite leaves the published article on its last good version', async () => {
    const v1 = await publishArticle({ db, store: env.STORE, autoPublish: true, now }, input(storyId));
    const v2 = await publishArticle(
      { db, store: env.STORE, autoPublish: true, now },
      input(storyId, { sourceSetHash: 'h2', report: sampleReport(['verbatim']), draft: sampleDraft('A rewrite that copied too much from its sources') }),
    );
    expect(v2).toMatchObject({ version: 2, gate: 'held', status: 'published' });
    const article = await db.query.articles.findFirst({ where: eq(articles.id, v1.articleId) });
    expect(article).toMatchObject({ currentVersion: 1, title: sampleDraft().title, status: 'published' });
    expect(article?.heldReasons?.[0]).toMatch(/^verbatim:/);
  });

  it("a rewrite after an editor's correction waits for an editor instead of undoing it", async () => {
    const v1 = await publishArticle({ db, store: env.STORE, autoPublish: true, now }, input(storyId));
    // The editor's correction is version 2 and what readers see.
    const corrected = sampleDraft('Lumen Forge opens Atlas, as corrected by an editor');
    await db.insert(articleVersions).values({
      id: `${v1.articleId}_v2`, articleId: v1.articleId, version: 2, draft: corrected, sourceSetHash: 'h1', writer: 'extractive',
      checksPassed: true, reason: 'correction', createdAt: now.toISOString(),
    });
    await db.update(articles).set({ currentVersion: 2, title: corrected.title }).where(eq(articles.id, v1.articleId));
    const v3 = await publishArticle(
      { db, store: env.STORE, autoPublish: true, now },
      input(storyId, { sourceSetHash: 'h2', draft: sampleDraft('A rewrite from a third outlet') }),
    );
    expect(v3).toMatchObject({ version: 3, gate: 'held', status: 'published' });
    const article = await db.query.articles.findFirst({ where: eq(articles.id, v1.articleId) });
    expect(article).toMatchObject({ currentVersion: 2, title: corrected.title, status: 'published' });
    expect(article?.heldReasons?.[0]).toMatch(/after an editor's correction \(version 2\)/);
    const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, v1.articleId));
    expect(audit.map((a) => a.action)).toEqual(['auto-publish', 'hold']);
  });

  it('nothing lands when the batch fails (no half-published article)', async () => {
    // A source row with a duplicate number violates the primary key inside the batch.
    const bad = input(storyId, { sources: [...sampleSources(now), { ...sampleSources(now)[0]! }] });
    await expect(publishArticle({ db, store: env.STORE, autoPublish: true, now }, bad)).rejects.toThrow();
    const count = await db.select({ n: sql<number>`count(*)` }).from(articles).where(eq(articles.storyId, storyId));
    expect(count[0]?.n).toBe(0);
    const versions = await db.select({ n: sql<number>`count(*)` }).from(articleVersions).where(sql`${articleVersions.articleId} NOT IN (SELECT id FROM articles)`);
    expect(versions[0]?.n).toBe(0);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM checks WHERE article_id NOT IN (SELECT id FROM articles)").first<{ n: number }>()).toEqual({ n: 0 });
  });
});

