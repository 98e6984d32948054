/**
 * The long article the check and page benchmarks share: two demo newswire stories whose
 * sources add up to six, each drafted by the extractive writer, merged into one draft and
 * grown with its own paragraphs to 1,200 words; and the article page's view model for it.
 */
import type { ArticleView } from '../../src/db/queries/views';
import { categorySlug } from '../../src/env';
import { draftBodyText } from '../../src/lib/draft-text';
import { DRAFT_LIMITS } from '../../src/pipeline/draft-schema';
import type { CheckPolicy, RecentArticle } from '../../src/pipeline/check';
import type { ArticleDraft, CheckReport, Cited, SourceDoc } from '../../src/pipeline/types';
import { composeArticle } from '../../src/pipeline/synthesize/writers/extractive';
import { newswireSources } from '../fixtures/checks/newswire-stories';
import { EVAL_CATEGORIES, EVAL_NOW, EVAL_SITE } from '../fixtures/checks/story';
import type { SiteView } from '../../templates/Layout';
import { independentPublishers } from '../../src/lib/publishers';

export interface LongArticle {
  draft: ArticleDraft;
  sources: SourceDoc[];
  words: number;
  /** The policy production would pass: the other demo stories' drafts are the recent articles. */
  policy: Partial<CheckPolicy>;
  /** Keys of the two demo stories merged. */
  stories: [string, string];
}

export const wordCount = (draft: ArticleDraft) => draftBodyText(draft).split(/\s+/).filter(Boolean).length;

/** The 1,200-word article against 6 sources of issue 5's speed target. */
export function longArticle(targetWords = 1_200, sourceCount = 6): LongArticle {
  const drafted = newswireSources().map(({ key, sources }) => ({ key, sources, draft: composeArticle(sources, EVAL_CATEGORIES) }));
  // The pair with exactly `sourceCount` sources between them and the most words already written.
  let best: [(typeof drafted)[number], (typeof drafted)[number]] | undefined;
  for (const a of drafted) {
    for (const b of drafted) {
      if (a === b || a.sources.length + b.sources.length !== sourceCount) continue;
      if (!best || wordCount(a.draft) + wordCount(b.draft) > wordCount(best[0].draft) + wordCount(best[1].draft)) best = [a, b];
    }
  }
  if (!best) throw new Error(`no two demo stories have ${sourceCount} sources between them`);
  const [a, b] = best;
  const shift = a.sources.length;
  const sources = [...a.sources, ...b.sources.map((s) => ({ ...s, n: s.n + shift }))];
  const moved = (c: Cited): Cited => ({ text: c.text, citations: c.citations.map((n) => n + shift) });
  const draft: ArticleDraft = {
    ...a.draft,
    tags: [...new Set([...a.draft.tags, ...b.draft.tags])].slice(0, DRAFT_LIMITS.tags.max),
    sections: [...a.draft.sections, ...b.draft.sections.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs.map(moved) }))]
      .slice(0, DRAFT_LIMITS.sections.max)
      .map((s) => ({ heading: s.heading, paragraphs: [...s.paragraphs] })),
    // One story's closing parts only: the writer's stock sentences there ("the accounts differ…")
    // would read as the other story's and fail `citations`, which a real one-story article never meets.
    whatThisMeans: b.draft.whatThisMeans.map(moved),
    faq: b.draft.faq.map((f) => ({ question: f.question, answer: moved(f.answer) })),
  };
  growTo(draft, targetWords);
  const recentArticles: RecentArticle[] = drafted
    .filter((d) => d !== a && d !== b)
    .map((d) => ({ id: d.key, slug: d.key, title: d.draft.title, text: draftBodyText(d.draft) }));
  const policy: Partial<CheckPolicy> = { now: EVAL_NOW, siteName: EVAL_SITE, siteUrl: SITE.url, categories: EVAL_CATEGORIES, recentArticles };
  return { draft, sources, words: wordCount(draft), policy, stories: [a.key, b.key] };
}

/** Repeats the draft's own paragraphs, round-robin into sections with room, until it has `target` words. */
function growTo(draft: ArticleDraft, target: number): void {
  const pool = draft.sections.flatMap((s) => s.paragraphs);
  let words = wordCount(draft);
  for (let i = 0; words < target; i++) {
    const section = draft.sections.find((s) => s.paragraphs.length < DRAFT_LIMITS.paragraphsPerSection.max);
    if (!section) throw new Error(`the merged draft cannot grow past ${words} words within the schema`);
    const paragraph = pool[i % pool.length]!;
    section.paragraphs.push(paragraph);
    words += paragraph.text.split(/\s+/).filter(Boolean).length;
  }
}

export const SITE: SiteView = {
  name: EVAL_SITE,
  url: 'https://news.example',
  categories: EVAL_CATEGORIES.map((name) => ({ name, slug: categorySlug(name) })),
};

/**
 * The article page's view model as getPublishedArticle builds it from D1, here built by hand
 * (the read model needs a D1 binding): a second version after a correction, every check listed.
 */
export function articleView(article: LongArticle, report: CheckReport): ArticleView {
  const { draft, sources } = article;
  const first = new Date(Date.parse(EVAL_NOW) - 5 * 3_600_000).toISOString();
  const updated = new Date(Date.parse(EVAL_NOW) - 2 * 3_600_000).toISOString();
  const slug = draft.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    slug,
    title: draft.title,
    dek: draft.dek,
    category: draft.category,
    tags: draft.tags,
    publishedAt: updated,
    firstPublishedAt: first,
    updatedAt: updated,
    publishers: independentPublishers(sources.map((s) => s.publisher)),
    coverPath: `/media/${slug}/cover.svg`,
    wordCount: article.words,
    version: 2,
    draft: { sections: draft.sections, whatThisMeans: draft.whatThisMeans, faq: draft.faq },
    readingMinutes: Math.max(1, Math.round(article.words / 230)),
    sources: sources.map(({ n, publisher, url, title, publishedAt }) => ({ n, publisher, url, title, publishedAt })),
    writer: 'extractive',
    model: null,
    checks: report.results.map((r) => ({ name: r.name, passed: r.passed, severity: r.severity, details: r.details })),
    evidence: report.evidence,
    versions: [
      { version: 2, reason: 'correction', writer: 'extractive', model: null, checksPassed: report.passed, createdAt: updated },
      { version: 1, reason: 'initial', writer: 'extractive', model: null, checksPassed: true, createdAt: first },
    ],
    corrections: [{ version: 2, text: 'An earlier version gave the wrong day for the announcement.', createdAt: updated }],
    editorActions: [{ at: updated, action: 'correction', reason: 'A reader pointed out the wrong day.' }],
    overrideReason: null,
  };
}
