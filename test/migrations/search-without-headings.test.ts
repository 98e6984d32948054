// Migration 0007 rebuilds the search rows of published articles without section headings.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftSearchText } from '../../src/lib/draft-text';
import { sampleDraft, seedArticle } from '../helpers/seed';

const migration = () => env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0007_'))!;

beforeAll(async () => {
  await seedArticle({ slug: 'old-row', draft: sampleDraft('Quillon ships the Q7') });
  await seedArticle({ slug: 'held-row', title: 'A held story', status: 'held' });
  // The row as the publish step wrote it before: headings first in the body.
  await env.DB.prepare(`UPDATE articles_fts SET body = 'What Quillon announced' || char(10) || char(10) || body`).run();
});

describe('0007_search_without_headings', () => {
  it('rewrites each published article’s body as draftSearchText does, and indexes nothing else', async () => {
    for (const query of migration().queries) await env.DB.prepare(query).run();
    const rows = await env.DB.prepare('SELECT a.slug, f.title, f.body FROM articles_fts AS f JOIN articles AS a ON a.id = f.article_id').all<{ slug: string; title: string; body: string }>();
    expect(rows.results.map((r) => r.slug)).toEqual(['old-row']);
    expect(rows.results[0]!.body).toBe(draftSearchText(sampleDraft('Quillon ships the Q7')));
    expect(rows.results[0]!.body).not.toContain('What Quillon announced');
  });
});
