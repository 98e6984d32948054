/** checkArticle: the verification gate — twelve mechanical checks of a draft against its sources, with the evidence for every claim. */
import { checkCitations } from './check/citations';
import { buildContext, type CheckContext, type CheckPolicy, severityOf } from './check/context';
import { checkDuplicate } from './check/duplicate';
import { collectEvidence } from './check/evidence';
import { checkEntities } from './check/entities';
import { checkFreshness } from './check/freshness';
import { checkInjection } from './check/injection';
import { checkLinks } from './check/links';
import { checkNumbers } from './check/numbers';
import { checkQuotes } from './check/quotes';
import { checkReadability } from './check/readability';
import { checkSchema } from './check/schema';
import { checkSourceDiversity } from './check/source-diversity';
import { checkVerbatim } from './check/verbatim';
import type { ArticleDraft, CheckName, CheckReport, Evidence, SourceDoc } from './types';

export type { CheckPolicy, RecentArticle } from './check/context';
export { DEFAULT_POLICY } from './check/context';

/** The checks in report order; names are stable (../shared/DESIGN.md). */
export const CHECKS: readonly [CheckName, (ctx: CheckContext) => string[]][] = [
  ['schema', checkSchema],
  ['citations', checkCitations],
  ['source-diversity', checkSourceDiversity],
  ['numbers', checkNumbers],
  ['quotes', checkQuotes],
  ['entities', checkEntities],
  ['verbatim', checkVerbatim],
  ['freshness', checkFreshness],
  ['duplicate', checkDuplicate],
  ['injection', checkInjection],
  ['links', checkLinks],
  ['readability', checkReadability],
];

/**
 * Checks a draft against its sources. Pure: no bindings, no clock unless
 * `policy.now` is absent. `passed` is true when every blocking check passed.
 *
 * @example
 * const report = checkArticle(draft, sources, { siteName: 'Digital Mind News', now: new Date().toISOString() });
 * if (!report.passed) hold(report.results.filter((r) => !r.passed && r.severity === 'block'));
 */
export function checkArticle(draft: ArticleDraft, sources: SourceDoc[], policy: Partial<CheckPolicy> = {}): CheckReport {
  let ctx: CheckContext;
  try {
    ctx = buildContext(draft, sources, policy);
  } catch (error) {
    // Sources that cannot be read (a missing entry, a field of another type): no check can run, so the draft is held.
    const why = `the check could not run: the sources could not be read (${error instanceof Error ? error.message : String(error)})`;
    return { passed: false, results: CHECKS.map(([name]) => ({ name, passed: false, severity: 'block' as const, details: [why] })), evidence: [] };
  }
  const oversized = oversizedText(draft);
  const results = CHECKS.map(([name, run]) => {
    let details: string[];
    try {
      // The schema check names the over-long text; the others would only spend CPU on a draft already held.
      details = oversized && name !== 'schema' ? [`not run: ${oversized}`] : run(ctx);
    } catch (error) {
      // A check that cannot run has not passed: hold the article and say why.
      details = [`the check could not run: ${error instanceof Error ? error.message : String(error)}`];
    }
    return { name, passed: details.length === 0, severity: severityOf(ctx, name), details };
  });
  // Evidence is gathered for what the checks could read; a draft too long to check has none.
  let evidence: Evidence[] = [];
  if (!oversized) {
    try {
      evidence = collectEvidence(ctx);
    } catch {
      // Evidence explains a report; a failure to gather it must not change the verdict.
    }
  }
  return { passed: results.every((r) => r.passed || r.severity === 'warn'), results, evidence };
}

/** Longest text the checks read in one field: several times the schema's paragraph limit. */
const MAX_FIELD_CHARS = 5_000;

/** Why a draft is too long for the checks to read, or null. Bounds the CPU a hostile draft can cost. */
function oversizedText(draft: ArticleDraft): string | null {
  // The draft is not yet validated (the schema check does that): any part of it may be missing or of another type.
  const list = <T>(x: T[] | undefined): T[] => (Array.isArray(x) ? x : []);
  const fields = [
    draft?.title,
    draft?.dek,
    ...list(draft?.sections).flatMap((s) => [s?.heading, ...list(s?.paragraphs).map((p) => p?.text)]),
    ...list(draft?.whatThisMeans).map((p) => p?.text),
    ...list(draft?.faq).flatMap((f) => [f?.question, f?.answer?.text]),
  ];
  const longest = Math.max(0, ...fields.map((f) => (typeof f === 'string' ? f.length : 0)));
  return longest > MAX_FIELD_CHARS ? `a text field of ${longest} characters is longer than the ${MAX_FIELD_CHARS} the checks read` : null;
}
