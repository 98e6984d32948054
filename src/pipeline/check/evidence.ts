/**
 * The evidence for an article: every checkable claim of a cited paragraph (figures, dates and
 * weekdays, quotations, names and status words) with the sentence of a cited source that
 * supports it — the one that holds the claim and best reports what the paragraph's sentence
 * reports (./align). Claims without support are what the checks report; they have no evidence.
 */
import { alignments } from './align';
import { stem } from '../../lib/text';
import { type CheckContext, type IndexedSource, lowerCased, matchTokens, type SourceSentence, sourcesFor } from './context';
import { type Figure, supportKeys, withinHedge } from './extract/numbers';
import { nameCore } from './extract/names';
import { type DraftSentence, passageQuotes, passageSentences, sentenceEntities, sentenceFigures, sentenceStatusClaims } from './passages';
import { quoteSource } from './quotes';
import { sentenceWeekdays } from './when';
import type { Evidence } from '../types';

// Passages are cut to this many characters: the evidence is shown beside every claim.
const MAX_PASSAGE = 240;

function cut(text: string): string {
  return text.length <= MAX_PASSAGE ? text : `${text.slice(0, MAX_PASSAGE - 1).trimEnd()}…`;
}

/** The cited sentence holding a claim that best reports what the draft sentence reports, else the first that holds it. */
function bestHolding(ctx: CheckContext, part: DraftSentence, pool: IndexedSource[], holds: (s: SourceSentence) => boolean, candidates?: number[]): SourceSentence | null {
  for (const a of alignments(ctx, part, pool)) if (holds(a.sentence)) return a.sentence;
  // A claim whose sentence shares no other word with the draft sentence: the first candidate that holds it.
  const inPool = new Set(pool.map((s) => s.doc.n));
  if (candidates) {
    for (const id of candidates) if (inPool.has(ctx.sentences[id]!.n) && holds(ctx.sentences[id]!)) return ctx.sentences[id]!;
    return null;
  }
  for (const s of pool) for (let id = s.firstSentence; id < s.firstSentence + s.sentenceCount; id++) if (holds(ctx.sentences[id]!)) return ctx.sentences[id]!;
  return null;
}

/** A source sentence's words in lower case, found once per call. */
function lowerWords(s: SourceSentence): Set<string> {
  return lowerCased(s).lowerWords;
}

/** A source sentence as " w1 w2 … " in match tokens, for locating a quotation's words; found once per call. */
export function matchString(s: SourceSentence): string {
  return (s.matchString ??= ` ${matchTokens(s.text).join(' ')} `);
}

/** The ids of the source sentences that give any figure, found once per call. */
function figureSentences(ctx: CheckContext): number[] {
  return (ctx.figureSentenceIds ??= ctx.sentences.flatMap((s, id) => (s.figures.length ? [id] : [])));
}

/** The keys a source sentence's figures support (./extract/numbers `supportKeys`), found once per call. */
function figureKeys(s: SourceSentence): Set<string> {
  return (s.figureKeys ??= new Set(s.figures.flatMap(supportKeys)));
}

function figureHeld(f: Figure) {
  return (s: SourceSentence) => figureKeys(s).has(f.key) || (f.hedge !== undefined && s.figures.some((g) => withinHedge(f, g)));
}

/**
 * The evidence of every supported claim of the draft's cited paragraphs and answers.
 * Shape: { where: "section 1, paragraph 2", claim, kind: figure|date|quote|name|status, source: n, passage }.
 */
export function collectEvidence(ctx: CheckContext): Evidence[] {
  const out: Evidence[] = [];
  for (const p of ctx.passages) {
    if (p.citations === null) continue;
    const pool = sourcesFor(ctx, p);
    const add = (claim: string, kind: Evidence['kind'], s: SourceSentence | null) => {
      if (s) out.push({ where: p.where, claim, kind, source: s.n, passage: cut(s.text) });
    };
    const quotes = passageQuotes(p);
    for (const q of quotes) {
      const at = quoteSource(ctx, p, q.inner);
      if (!at) continue;
      const needle = ` ${at.fragment.slice(0, 4).join(' ')} `;
      let sentence: SourceSentence | null = null;
      for (let id = at.source.firstSentence; id < at.source.firstSentence + at.source.sentenceCount && !sentence; id++) {
        if (matchString(ctx.sentences[id]!).includes(needle)) sentence = ctx.sentences[id]!;
      }
      add(`“${q.inner}”`, 'quote', sentence ?? ctx.sentences[at.source.firstSentence]!);
    }
    for (const part of passageSentences(p)) {
      for (const f of sentenceFigures(part)) {
        if (f.soft || f.kind === 'year') continue;
        add(f.raw, f.kind === 'date' || f.kind === 'time' ? 'date' : 'figure', bestHolding(ctx, part, pool, figureHeld(f), figureSentences(ctx)));
      }
      for (const w of sentenceWeekdays(part)) add(w.day, 'date', bestHolding(ctx, part, pool, (s) => s.text.includes(w.day), ctx.postings.get(stem(w.day.toLowerCase())) ?? []));
      for (const e of sentenceEntities(part)) {
        const key = nameCore(e.words).at(-1);
        if (!key) continue;
        add(e.raw, 'name', bestHolding(ctx, part, pool, (s) => lowerWords(s).has(key), ctx.postings.get(stem(key)) ?? []));
      }
      for (const c of sentenceStatusClaims(part)) {
        const surname = c.name.split(/\s+/).at(-1)!.toLowerCase();
        const holds = (s: SourceSentence) => lowerWords(s).has(surname) && [...lowerWords(s)].some((w) => w === c.status || w.startsWith(`${c.status}-`));
        add(c.raw, 'status', bestHolding(ctx, part, pool, holds, ctx.postings.get(stem(surname)) ?? []));
      }
    }
  }
  return out;
}
