/** `citations`: every paragraph and answer cites existing sources that actually carry its content, causal links included; at least two sources are cited. */
import { contentWordsOf, stem } from '../../lib/text';
import { checkCauses } from './causes';
import { attributionWords, type CheckContext, excerpt, isOwnSource, sourcesFor } from './context';
import { type Passage, passageSentences, passageWords } from './passages';

// A paragraph is misattributed when its cited sources cover under half of its content words
// while the story's other sources cover at least this much more.
const MIN_COVERAGE = 0.5;
const MISSING_MARGIN = 0.2;
// …and at least this many words: two shared words ("account", "ratings") are chance in a short paraphrase.
const MIN_EXTRA_WORDS = 3;
const SOURCE_WORDS = ['headline', 'headlines', 'commentary', 'column', 'columnist', 'editorial', 'op-ed', 'piece', 'article', 'author', 'writer', 'published', 'outlet', 'outlets', 'coverage', 'framed', 'framing'].map(stem);

export function checkCitations(ctx: CheckContext): string[] {
  const details: string[] = [];
  const cited = new Set<number>();
  for (const p of ctx.passages) {
    if (p.citations === null) continue;
    if (!p.citations.length) {
      details.push(`${p.where}: cites no source — ${excerpt(p.text, 80)}`);
      continue;
    }
    const missing = p.citations.filter((n) => !ctx.byNumber.has(n));
    for (const n of missing) details.push(`${p.where}: cites [${n}], but there is no source [${n}] (sources are ${[...ctx.byNumber.keys()].map((k) => `[${k}]`).join(', ') || 'none'})`);
    for (const n of p.citations) if (ctx.byNumber.has(n)) cited.add(n);
    const wrong = misattribution(ctx, p);
    if (wrong) details.push(wrong);
    const pool = sourcesFor(ctx, p);
    for (const part of passageSentences(p)) details.push(...checkCauses(ctx, p, part, pool));
  }
  if (cited.size < 2) {
    details.push(`the article cites ${cited.size === 0 ? 'no source' : `only one source (${[...cited].map((n) => ctx.byNumber.get(n)!.label).join('')})`}; it must cite at least two`);
  }
  const real = [...cited].filter((n) => !isOwnSource(ctx, ctx.byNumber.get(n)!.doc));
  if (cited.size > 0 && real.length === 0) {
    details.push(`every cited source is ${ctx.policy.siteName} itself: no real source behind the claims`);
  }
  return details;
}

/** The numbers of the sources that hold a stemmed content word, in the order of their sentences; found once per word and call. */
function sourcesHolding(ctx: CheckContext, w: string): number[] {
  const known = (ctx.wordSources ??= new Map());
  let holders = known.get(w);
  if (!holders) {
    const set = new Set<number>();
    for (const id of ctx.postings.get(w) ?? []) set.add(ctx.sentences[id]!.n);
    for (const n of compoundParts(ctx).get(w) ?? []) set.add(n);
    known.set(w, (holders = [...set]));
  }
  return holders;
}

const COMPOUND = /\p{L}+(?:-\p{L}+)+/gu;

/**
 * The later parts of the sources' hyphened words ("foster-care", "long-range"), stemmed, with the sources holding them: the
 * sentence index keeps such a word as one (its stem is its first part's), and "foster care" is the same words.
 */
function compoundParts(ctx: CheckContext): Map<string, Set<number>> {
  if (ctx.compoundParts) return ctx.compoundParts;
  const out = new Map<string, Set<number>>();
  for (const s of ctx.sources) {
    for (const m of `${s.title} ${s.text}`.matchAll(COMPOUND)) {
      for (const part of m[0].toLowerCase().split('-').slice(1)) {
        if (part.length < 3) continue;
        const w = stem(part);
        let set = out.get(w);
        if (!set) out.set(w, (set = new Set()));
        set.add(s.n);
      }
    }
  }
  return (ctx.compoundParts = out);
}

/** Whether the paragraph's words come from sources it does not cite. */
function misattribution(ctx: CheckContext, p: Passage): string | null {
  if (ctx.byNumber.size < 2) return null;
  const content = new Set(contentWordsOf(passageWords(p)));
  // "…, the Coastal Herald reported": crediting one of our sources is not content a source must carry.
  for (const w of attributionWords(ctx)) content.delete(w);
  // "A commentary published by the Herald …; its author wrote": words about a source, not what it reports, unless a cited
  // source has them too.
  for (const w of SOURCE_WORDS) if (content.has(w) && !sourcesHolding(ctx, w).some((n) => p.citations!.includes(n))) content.delete(w);
  if (content.size < 6) return null;
  const citedSet = new Set(p.citations);
  let inCited = 0;
  const inOthers = new Map<number, number>();
  for (const w of content) {
    const holders = sourcesHolding(ctx, w);
    let covered = false;
    for (const n of holders) if (citedSet.has(n)) covered = true;
    if (covered) inCited++;
    else for (const n of holders) inOthers.set(n, (inOthers.get(n) ?? 0) + 1);
  }
  const coverage = inCited / content.size;
  if (coverage >= MIN_COVERAGE) return null;
  let bestN = -1;
  let bestExtra = 0;
  for (const [n, c] of inOthers) if (c > bestExtra) [bestN, bestExtra] = [n, c];
  if (bestExtra / content.size < MISSING_MARGIN || bestExtra < MIN_EXTRA_WORDS) return null;
  const cites = p.citations!.map((n) => ctx.byNumber.get(n)?.label ?? `[${n}]`).join(', ');
  return `${p.where}: only ${Math.round(coverage * 100)}% of its content is in the cited ${cites}; it reads like ${ctx.byNumber.get(bestN)!.label}, which it does not cite — ${excerpt(p.text, 80)}`;
}
