// Realistic newsroom rows for reader tests, written through drizzle the way the publish step writes them.
import { env } from 'cloudflare:workers';
import { runBatch, type Statement } from '../../src/db/batch';
import { openDb, type Db } from '../../src/db/client';
import { articleSources, articles, articleVersions, auditLog, checks, corrections, runs, sources, stories } from '../../src/db/schema';
import { draftBodyText } from '../../src/lib/draft-text';
import { searchEntry } from '../../src/pipeline/publish';
import type { ArticleDraft, CheckResult } from '../../src/pipeline/types';

export const db: Db = openDb(env.DB);

const HOUR = 3_600_000;
export const hoursAgo = (h: number, now = Date.now()) => new Date(now - h * HOUR).toISOString();

const CHECK_NAMES = ['schema', 'citations', 'source-diversity', 'numbers', 'quotes', 'entities', 'verbatim', 'freshness', 'duplicate', 'injection', 'links'];

export interface SeedSourceRef {
  publisher: string;
  url: string;
  title: string;
  publishedAt?: string;
}

export interface SeedArticleInput {
  slug: string;
  title?: string;
  dek?: string;
  category?: string;
  tags?: string[];
  status?: 'published' | 'held' | 'ready' | 'unpublished';
  /** First publication time; later versions are an hour apart after it. */
  publishedAt?: string;
  /** How many versions the article has had (the last is current). */
  versions?: number;
  writer?: 'extractive' | 'workers-ai' | 'openai-compatible';
  model?: string | null;
  draft?: ArticleDraft;
  sources?: SeedSourceRef[];
  checks?: CheckResult[];
  corrections?: { text: string; at?: string }[];
  /** Editor actions for the provenance panel (audit_log rows on the article). */
  actions?: { action: string; reason?: string; at?: string; actor?: string }[];
  overrideReason?: string | null;
  /** SVG text to store at media/{slug}/cover.svg in R2. */
  coverSvg?: string;
  /** Skip the FTS row (as for an article that was never live). */
  noSearchRow?: boolean;
}

/** Two fictional publishers' reports, the default sources of a seeded article. */
export function defaultSources(at: string): SeedSourceRef[] {
  return [
    { publisher: 'Northwind Ledger', url: 'https://northwind-ledger.demo.invalid/tech/quillon-chip', title: 'Quillon shows a low-power inference chip', publishedAt: at },
    { publisher: 'Harbor Signal', url: 'https://harbor-signal.demo.invalid/2026/quillon', title: 'Quillon Systems details its new accelerator', publishedAt: at },
    { publisher: 'Copperline Daily', url: 'https://copperline.demo.invalid/news/quillon-q7', title: 'Q7 accelerator ships to early customers', publishedAt: at },
  ];
}

/** A complete, valid draft about a fictional company, citing sources 1..3. */
export function sampleDraft(title = 'Quillon Systems ships the Q7, a low-power inference chip'): ArticleDraft {
  return {
    title,
    dek: 'Three outlets report that the fictional chipmaker is sending its first accelerators to customers this month.',
    category: 'Industry',
    tags: ['Quillon Systems', 'chips'],
    sections: [
      {
        heading: 'What Quillon announced',
        paragraphs: [
          { text: 'Quillon Systems said its Q7 accelerator runs language models at 40 watts, about half the power of its previous part.', citations: [1, 2] },
          { text: 'The company said the first units shipped to early customers on Monday.', citations: [3] },
        ],
      },
      {
        heading: 'Why power matters',
        paragraphs: [{ text: 'Operators of small data centres have said that power, not floor space, limits how many accelerators they can install.', citations: [2] }],
      },
    ],
    whatThisMeans: [{ text: 'If the figures hold up, smaller operators could run more inference per rack without new power contracts.', citations: [1, 3] }],
    faq: [
      { question: 'When does the Q7 ship?', answer: { text: 'Quillon said early customers received units on Monday.', citations: [3] } },
      { question: 'How much power does the Q7 draw?', answer: { text: 'About 40 watts, according to the company.', citations: [1] } },
    ],
  };
}

/** A draft of roughly `words` words of varied, fictional prose (for size and speed targets). */
export function longDraft(words: number, title = 'Harborview council approves a shared computing centre for local colleges'): ArticleDraft {
  const sentence = (i: number) =>
    `Officials in the fictional town of Harborview said phase ${i} of the computing centre would add ${10 + (i % 7)} racks, and that students from ${3 + (i % 4)} colleges would book time on it through a shared calendar.`;
  const perParagraph = 3;
  const wordsPerSentence = sentence(1).split(' ').length;
  const paragraphs = Math.max(1, Math.round(words / (wordsPerSentence * perParagraph)));
  const sections: ArticleDraft['sections'] = [];
  for (let p = 0; p < paragraphs; p++) {
    if (p % 4 === 0) sections.push({ heading: `Part ${sections.length + 1} of the plan`, paragraphs: [] });
    const text = Array.from({ length: perParagraph }, (_, k) => sentence(p * perParagraph + k)).join(' ');
    sections.at(-1)!.paragraphs.push({ text, citations: [(p % 3) + 1] });
  }
  return { ...sampleDraft(title), title, sections };
}

function passingChecks(): CheckResult[] {
  return CHECK_NAMES.map((name) => ({ name, passed: true, severity: name === 'entities' || name === 'freshness' ? 'warn' : 'block', details: [] }));
}

/**
 * Inserts a story, its article, every version with numbered sources and checks, corrections,
 * audit entries and (for live articles) the FTS row, in one batch as the publish step does.
 */
export async function seedArticle(input: SeedArticleInput): Promise<{ id: string; slug: string }> {
  const id = `art-${input.slug}`;
  const storyId = `story-${input.slug}`;
  const status = input.status ?? 'published';
  const first = input.publishedAt ?? hoursAgo(2);
  const versionCount = input.versions ?? 1;
  const versionAt = (v: number) => new Date(Date.parse(first) + (v - 1) * HOUR).toISOString();
  const base = input.draft ?? sampleDraft(input.title);
  const draft: ArticleDraft = {
    ...base,
    title: input.title ?? base.title,
    dek: input.dek ?? base.dek,
    category: input.category ?? base.category,
    tags: input.tags ?? base.tags,
  };
  const refs = input.sources ?? defaultSources(hoursAgo(3, Date.parse(first)));
  const checkResults = input.checks ?? passingChecks();
  const updatedAt = versionAt(versionCount);
  const live = status === 'published';
  const body = draftBodyText(draft);
  const coverKey = input.coverSvg ? `media/${input.slug}/cover.svg` : null;
  if (input.coverSvg) {
    await env.STORE.put(coverKey!, input.coverSvg, { httpMetadata: { contentType: 'image/svg+xml' } });
  }

  const statements: Statement[] = [
    db.insert(stories).values({ id: storyId, key: `key-${input.slug}`, title: draft.title, category: draft.category, publisherCount: refs.length, itemCount: refs.length, status: 'written', firstSeenAt: first, lastSeenAt: updatedAt }),
    db.insert(articles).values({
      id,
      storyId,
      slug: input.slug,
      status,
      title: draft.title,
      dek: draft.dek,
      category: draft.category,
      tags: draft.tags,
      wordCount: body.split(/\s+/).length,
      currentVersion: versionCount,
      heldReasons: status === 'held' ? ['numbers: 12 percent does not appear in any source'] : null,
      overrideReason: input.overrideReason ?? null,
      coverKey,
      firstPublishedAt: status === 'held' ? null : first,
      publishedAt: status === 'held' ? null : updatedAt,
      createdAt: first,
      updatedAt,
    }),
  ];
  for (let v = 1; v <= versionCount; v++) {
    const current = v === versionCount;
    statements.push(
      db.insert(articleVersions).values({
        id: `${id}-v${v}`,
        articleId: id,
        version: v,
        draft,
        sourceSetHash: `hash-${v}`,
        writer: input.writer ?? 'extractive',
        model: input.model ?? null,
        checksPassed: current ? checkResults.every((r) => r.passed || r.severity !== 'block') : true,
        reason: v === 1 ? 'initial' : input.corrections?.length && current ? 'correction' : 'resynthesis',
        r2Key: `articles/${input.slug}/v${v}.json`,
        createdAt: versionAt(v),
      }),
      db.insert(articleSources).values(refs.map((s, i) => ({ articleId: id, version: v, n: i + 1, publisher: s.publisher, url: s.url, title: s.title, publishedAt: s.publishedAt ?? first }))),
      db.insert(checks).values((current ? checkResults : passingChecks()).map((r) => ({ articleId: id, version: v, name: r.name, passed: r.passed, severity: r.severity, details: r.details, createdAt: versionAt(v) }))),
    );
  }
  for (const [i, c] of (input.corrections ?? []).entries()) {
    statements.push(db.insert(corrections).values({ id: `${id}-c${i}`, articleId: id, version: versionCount, text: c.text, createdAt: c.at ?? updatedAt }));
  }
  for (const a of input.actions ?? []) {
    statements.push(db.insert(auditLog).values({ at: a.at ?? updatedAt, actor: a.actor ?? 'editor-1', action: a.action, targetType: 'article', targetId: id, details: a.reason ? { reason: a.reason } : {} }));
  }
  if (live && !input.noSearchRow) statements.push(...searchEntry(id, draft));
  await runBatch(db, statements);
  return { id, slug: input.slug };
}

/** Trusted sources with their fetch health, as the ingest step records it. */
export async function seedSources(list: { id: string; name: string; publisher: string; homepage?: string; tier?: number; failures?: number; lastStatus?: number | null; enabled?: boolean }[]): Promise<void> {
  await db.insert(sources).values(
    list.map((s) => ({
      id: s.id,
      name: s.name,
      publisher: s.publisher,
      feedUrl: `https://${s.id}.demo.invalid/feed.xml`,
      homepage: s.homepage ?? `https://${s.id}.demo.invalid/`,
      trustTier: s.tier ?? 2,
      enabled: s.enabled ?? true,
      lastFetchedAt: hoursAgo(0.25),
      lastStatus: s.lastStatus === undefined ? 200 : s.lastStatus,
      consecutiveFailures: s.failures ?? 0,
    })),
  );
}

/** A finished newsroom run with its counts. */
export async function seedRun(run: { id: string; status?: 'succeeded' | 'failed' | 'running'; startedAt?: string; stats?: Record<string, unknown>; errors?: string[] }): Promise<void> {
  await db.insert(runs).values({
    id: run.id,
    trigger: 'cron',
    status: run.status ?? 'succeeded',
    startedAt: run.startedAt ?? hoursAgo(0.5),
    finishedAt: run.status === 'running' ? null : hoursAgo(0.4),
    stats: run.stats ?? { ingest: { sourcesFetched: 6, itemsNew: 14 }, workflows: { started: 2 } },
    errors: run.errors ?? [],
  });
}
