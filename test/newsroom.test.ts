// End to end on the demo newswire: a cron run ingests, clusters and starts story
// workflows; they write, check and publish; readers see the articles; a repeated
// run starts nothing; a story that grows becomes version 2 at the same URL.
import { introspectWorkflow } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { openDb } from '../src/db/client';
import { articleVersions, articles, runs, sources, stories } from '../src/db/schema';
import { runScheduled } from '../src/newsroom';
import { addSources } from '../src/pipeline/ingest/sources';
import { items as demoItems, publishers } from './fixtures/newswire';
import { sourceRows } from './fixtures/newswire/render';

declare module 'vitest' {
  export interface ProvidedContext {
    newswireUrl: string;
  }
}

const db = openDb(env.DB);
const base = inject('newswireUrl');
const familiesByStory = new Map<string, Set<string>>();
for (const item of demoItems) {
  if (!item.storyKey || item.phase !== 1 || item.syndicatedFrom) continue; // a syndicated copy is no independent publisher
  const family = publishers.find((p) => p.id === item.publisherId)!.publisher;
  familiesByStory.set(item.storyKey, (familiesByStory.get(item.storyKey) ?? new Set()).add(family));
}
const multiPublisherStories = [...familiesByStory].filter(([, families]) => families.size >= 2).map(([key]) => key);

/** The run once its sources have landed through the ingest queue and it has closed. */
async function closed(opened: { id: string; status: string }) {
  const until = Date.now() + 60_000;
  for (;;) {
    const [run] = await db.select().from(runs).where(eq(runs.id, opened.id));
    if (run && run.status !== 'running') return run;
    if (Date.now() > until) throw new Error(`run ${opened.id} did not close within a minute`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs the newsroom once (its ingest fanned out over the queue) and waits for every story workflow it started to finish. */
async function runAndSettle() {
  const introspector = await introspectWorkflow(env.STORY_WORKFLOW);
  try {
    const run = await closed(await runScheduled(env));
    const instances = await introspector.get();
    for (const instance of instances) await instance.waitForStatus('complete');
    return { run, instances: instances.length };
  } finally {
    await introspector.dispose();
  }
}

describe('the newsroom on the demo newswire', () => {
  it('publishes a checked, cited article for the multi-publisher stories of the first fetch', async () => {
    await addSources(db, sourceRows(base), { allowLoopback: true });

    const { run, instances } = await runAndSettle();
    expect(run.status).toBe('succeeded');
    const stats = run.stats as { ingest: { itemsNew: number; failed: number }; workflows: { started: number } };
    expect(stats.ingest.failed).toBe(0);
    expect(stats.ingest.itemsNew).toBeGreaterThanOrEqual(40);
    expect(stats.workflows.started).toBe(instances);

    const written = await db.select().from(articles);
    const published = written.filter((a) => a.status === 'published');
    // Every demo story that two independent publishers report is written, checked and published.
    expect(published).toHaveLength(multiPublisherStories.length);
    expect(written.filter((a) => a.status !== 'published')).toEqual([]);

    const row = await db.select().from(runs).where(eq(runs.id, run.id));
    expect(row[0]).toMatchObject({ status: 'succeeded' });
    expect(row[0]?.finishedAt).toBeTruthy();

    const sample = published[0]!;
    const page = await exports.default.fetch(`https://news.test/articles/${sample.slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Written by AI');
    expect(html).toContain('extractive writer (no language model)');
    const cover = await exports.default.fetch(`https://news.test/media/${sample.slug}/cover.svg`);
    expect(cover.status).toBe(200);
    expect(cover.headers.get('content-type')).toContain('image/svg+xml');
    // The social card was rasterised when the article was published, and the page points og:image at it.
    const card = await exports.default.fetch(`https://news.test/media/${sample.slug}/card.png`);
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await card.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect(html).toContain(`<meta property="og:image" content="https://news.test/media/${sample.slug}/card.png"/>`);
  }, 60_000); // every demo story goes through the ingest queue, clustering, writing, twelve checks and publishing: seconds on a busy 2-core runner

  it('a repeated run starts nothing new and publishes nothing twice', async () => {
    const before = await db.select().from(articleVersions);
    const { run, instances } = await runAndSettle();
    expect(instances).toBe(0);
    expect((run.stats as { workflows: { started: number } }).workflows.started).toBe(0);
    expect(await db.select().from(articleVersions)).toHaveLength(before.length);
  }, 60_000);

  it('a story that grows on a later fetch becomes version 2 of the same article', async () => {
    const late = demoItems.find((i) => i.phase === 2)!;
    const lateSource = publishers.find((p) => p.id === late.publisherId)!;
    const grown = demoItems.filter((i) => i.storyKey === late.storyKey && i.phase === 1);
    expect(grown.length).toBeGreaterThan(0);
    // The story's article as it stands before the late item arrives.
    const firstItemStory = await db.query.stories.findMany();
    const byStory = new Map((await db.select().from(articles)).map((a) => [a.storyId, a]));

    await db
      .update(sources)
      .set({ feedUrl: `${base}${lateSource.feedPath}?phase=2`, etag: null, lastModified: null, nextFetchAt: null })
      .where(eq(sources.id, lateSource.id));
    const { run } = await runAndSettle();
    expect((run.stats as { ingest: { itemsNew: number } }).ingest.itemsNew).toBe(
      demoItems.filter((i) => i.phase === 2 && i.publisherId === lateSource.id).length,
    );

    const lateRow = await env.DB.prepare('SELECT story_id FROM items WHERE title = ?').bind(late.title).first<{ story_id: string }>();
    expect(lateRow?.story_id).toBeTruthy();
    const story = firstItemStory.find((s) => s.id === lateRow!.story_id);
    expect(story, 'the late item joined a story that existed before').toBeDefined();
    const before = byStory.get(story!.id);
    expect(before, 'the story had an article before it grew').toBeDefined();
    const after = await db.query.articles.findFirst({ where: eq(articles.storyId, story!.id) });
    expect(after).toMatchObject({ id: before!.id, slug: before!.slug, currentVersion: 2, status: 'published' });
    const versions = await db.select().from(articleVersions).where(eq(articleVersions.articleId, after!.id));
    expect(versions.map((v) => [v.version, v.reason])).toEqual([
      [1, 'initial'],
      [2, 'resynthesis'],
    ]);
    const page = await (await exports.default.fetch(`https://news.test/articles/${before!.slug}`)).text();
    expect(page).toContain(lateSource.name);
    const storyRow = await db.query.stories.findFirst({ where: eq(stories.id, story!.id) });
    expect(storyRow?.status).toBe('written');
  }, 60_000);
});
