/**
 * The per-story stages the workflow runs as durable steps: write, check (with one
 * revision for model writers), and the inputs the publish step needs. Bindings come
 * in as arguments; every result is plain JSON so a step's result can be replayed.
 */
import { and, eq, gte, ne } from 'drizzle-orm';
import { runBatch } from '../db/batch';
import type { Db } from '../db/client';
import { articleVersions, articles, items } from '../db/schema';
import type { Config } from '../env';
import { draftBodyText } from '../lib/draft-text';
import { checkArticle } from './check';
import { reviseStory, SynthesisError, writeStory } from './synthesize';
import type { ArticleDraft, CheckReport, SourceDoc, Writer } from './types';

export type StorySource = SourceDoc & { itemId: string };

export interface Written {
  ok: true;
  draft: ArticleDraft;
  writer: { name: string; model?: string };
  /** Sources the draft was written from (flagged ones left out, instruction-like sentences taken out). */
  sources: StorySource[];
  notes: string[];
}

export interface WriteFailed {
  ok: false;
  reason: string;
}

const WEEK_MS = 7 * 24 * 3_600_000;

/** Writes the story's article; a writer that cannot produce a valid draft is a recorded failure, not a crash. */
export async function writeArticle(
  deps: { db: Db; writer: Writer; config: Config },
  sources: StorySource[],
): Promise<Written | WriteFailed> {
  const { db, writer, config } = deps;
  try {
    const out = await writeStory(sources, writer, { categories: config.CATEGORIES, siteName: config.SITE_NAME });
    const flaggedN = new Set(out.flagged.map((f) => f.n));
    const flaggedItems = sources.filter((s) => flaggedN.has(s.n));
    if (flaggedItems.length) {
      // Recorded on the item so the editor sees why it was left out, and later runs skip it.
      await runBatch(
        db,
        flaggedItems.map((s) =>
          db
            .update(items)
            .set({ injectionFlag: out.flagged.find((f) => f.n === s.n)?.reasons.join('; ') || 'instruction-like text' })
            .where(eq(items.id, s.itemId)),
        ),
      );
    }
    return {
      ok: true,
      draft: out.draft,
      writer: { name: writer.name, ...(writer.model ? { model: writer.model } : {}) },
      // The texts the writer saw: checks and evidence never quote a sentence that was taken out.
      sources: out.sources.map((s) => ({ ...s, itemId: sources.find((o) => o.n === s.n)!.itemId })),
      notes: [
        ...out.flagged.map((f) => `Source ${f.n} (${f.publisher}) was left out: its text reads as instructions to a model (${f.reasons.join('; ')}).`),
        ...out.cleaned.flatMap((c) =>
          c.dropped.map((d) => `A sentence of source ${c.n} (${c.publisher}) was taken out before writing, the rest of the report kept: "${d.text.slice(0, 200)}" (${d.reason}).`),
        ),
        ...out.leftOut.map((l) => `A sentence of source ${l.n} (${l.publisher}) was left out (${l.reason}).`),
        ...(out.repaired.length ? [`The first answer was invalid and repaired once (${out.repaired.slice(0, 3).join('; ')}).`] : []),
      ],
    };
  } catch (err) {
    if (err instanceof SynthesisError) return { ok: false, reason: `${err.code}: ${err.message}` };
    throw err;
  }
}

/** Other stories' articles published in the last 7 days, for the `duplicate` check. */
export async function recentArticles(db: Db, storyId: string, now: Date) {
  const since = new Date(now.getTime() - WEEK_MS).toISOString();
  const rows = await db
    .select({ id: articles.id, slug: articles.slug, title: articles.title, draft: articleVersions.draft })
    .from(articles)
    .innerJoin(articleVersions, and(eq(articleVersions.articleId, articles.id), eq(articleVersions.version, articles.currentVersion)))
    .where(and(eq(articles.status, 'published'), ne(articles.storyId, storyId), gte(articles.publishedAt, since)));
  return rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, text: draftBodyText(r.draft as ArticleDraft) }));
}

/** The check policy the configuration asks for. */
export function checkPolicy(config: Config, now: Date, recent: { id: string; slug: string; title: string; text: string }[]) {
  return {
    minPublishers: config.MIN_PUBLISHERS,
    maxVerbatimWords: config.MAX_VERBATIM_WORDS,
    freshnessHours: config.FRESHNESS_HOURS,
    now: now.toISOString(),
    recentArticles: recent,
    severity: config.CHECK_SEVERITY,
    siteName: config.SITE_NAME,
    siteUrl: config.SITE_URL,
    categories: config.CATEGORIES,
  };
}

export interface Checked {
  draft: ArticleDraft;
  report: CheckReport;
  /** Whether the model was asked for one revision with the findings. */
  revised: boolean;
  notes: string[];
}

/**
 * Checks the draft; a model writer whose draft fails gets one revision request with
 * the findings, then the revision is checked the same way. The extractive writer is
 * deterministic, so asking it again would give the same text: it is checked once.
 */
export async function checkWithRevision(
  deps: { writer: Writer; config: Config },
  written: Written,
  policy: ReturnType<typeof checkPolicy>,
): Promise<Checked> {
  const report = checkArticle(written.draft, written.sources, policy);
  if (report.passed || deps.writer.name === 'extractive') return { draft: written.draft, report, revised: false, notes: [] };
  const findings = report.results.filter((r) => !r.passed && r.severity === 'block').flatMap((r) => r.details.map((d) => `${r.name}: ${d}`));
  try {
    const revision = await reviseStory(written.sources, deps.writer, written.draft, findings, {
      categories: deps.config.CATEGORIES,
      siteName: deps.config.SITE_NAME,
    });
    const second = checkArticle(revision.draft, written.sources, policy);
    return { draft: revision.draft, report: second, revised: true, notes: ['Checks failed on the first draft; the model revised it once with the findings.'] };
  } catch (err) {
    if (!(err instanceof SynthesisError)) throw err;
    return { draft: written.draft, report, revised: true, notes: [`The revision request failed (${err.message}); the first draft is held.`] };
  }
}
