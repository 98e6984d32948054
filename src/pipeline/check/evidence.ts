/**
 * The evidence for an article: every checkable claim of a cited paragraph (figures, dates and
 * weekdays, quotations, names and status words) with the sentence of a cited source that
 * supports it — the one that holds the claim and best reports what the paragraph's sentence
 * reports (./align). Claims without support are what the checks report; they have no evidence.
 */
import { alignments } from './align';
import { type CheckContext, type IndexedSource, type SourceSentence, sourcesFor } from './context';
import { extractEntities, extractStatusClaims } from './extract/entities';
import { extractFigures, type Figure, supportKeys, withinHedge } from './extract/numbers';
import { nameCore } from './extract/names';
import { type DraftSentence, passageQuotes, passageSentences } from './passages';
import { quoteSource } from './quotes';
import { weekdaysOf } from './when';
import type { Evidence } from '../types';

// Passages are cut to this many characters: the evidence is shown beside every claim.
const MAX_PASSAGE = 240;

function cut(text: string): string {
  return text.length <= MAX_PASSAGE ? text : `${text.slice(0, MAX_PASSAGE - 1).trimEnd()}…`;
}

/** The cited sentence holding a claim that best reports what the draft sentence reports. */
function bestHolding(ctx: CheckContext, part: DraftSentence, pool: IndexedSource[], holds: (s: SourceSentence) => boolean): SourceSentence | null {
  for (const a of alignments(ctx, part, pool)) if (holds(a.sentence)) return a.sentence;
  // A claim whose sentence shares no other word with the draft sentence: the first sentence that holds it.
  for (const s of pool) for (let id = s.firstSentence; id < s.firstSentence + s.sentenceCount; id++) if (holds(ctx.sentences[id]!)) return ctx.sentences[id]!;
  return null;
}

function figureHeld(f: Figure) {
  return (s: SourceSentence) => s.figures.some((g) => supportKeys(g).includes(f.key) || (f.hedge !== undefined && withinHedge(f, g)));
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
      const needle = at.fragment.slice(0, 4).join(' ');
      const sentence = [...Array(at.source.sentenceCount).keys()]
        .map((k) => ctx.sentences[at.source.firstSentence + k]!)
        .find((s) => ` ${s.text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ')} `.includes(` ${needle} `));
      add(`“${q.inner}”`, 'quote', sentence ?? ctx.sentences[at.source.firstSentence]!);
    }
    for (const part of passageSentences(p)) {
      for (const f of extractFigures(part.text)) {
        if (f.soft || f.kind === 'year') continue;
        add(f.raw, f.kind === 'date' || f.kind === 'time' ? 'date' : 'figure', bestHolding(ctx, part, pool, figureHeld(f)));
      }
      for (const w of weekdaysOf(part.text)) add(w.day, 'date', bestHolding(ctx, part, pool, (s) => s.text.includes(w.day)));
      for (const e of extractEntities(part.text)) {
        const core = nameCore(e.words);
        const key = core.at(-1);
        if (!key) continue;
        add(e.raw, 'name', bestHolding(ctx, part, pool, (s) => s.text.toLowerCase().includes(key)));
      }
      for (const c of extractStatusClaims(part.text)) {
        const surname = c.name.split(/\s+/).at(-1)!.toLowerCase();
        add(c.raw, 'status', bestHolding(ctx, part, pool, (s) => s.text.toLowerCase().includes(surname) && s.text.toLowerCase().includes(c.status)));
      }
    }
  }
  return out;
}
