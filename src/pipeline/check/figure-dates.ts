/**
 * Figures paired with the wrong date: "down from 6.6m in the week ending March 28" where the source gives "6.6 million …
 * the week ending April 4 and 6.8 million … the week ending March 28". The figure and the date are each in the sources, each
 * beside another: a model writing out a run of dated figures pairs them wrongly, and neither "not in the sources" nor a
 * shifted date sees it. Only the cross is read as an error: the source pairs the figure with another date and the date with
 * another figure, in clauses of their own, and no cited clause pairs the two.
 */
import { type CheckContext, type IndexedSource, type SourceSentence, sentencesOf } from './context';
import { type Figure, supportsKey } from './extract/numbers';

/** A clause's dates and counted figures. */
export interface DatedClause {
  dates: string[];
  figures: Figure[];
}

// Where one dated report ends and the next begins: "6.6 million … April 4 and 6.8 million … March 28". Not at a comma, which
// also sets an opening date off from its figure ("For the March 28 week, 6.9 million claims were filed").
const CLAUSE_BREAK = /;|\s(?:and|while|but|whereas)\s/g;
const COUNTED = new Set<Figure['kind']>(['number', 'percent', 'points']);
// A figure given as the base of a comparison ("up from 39,800", "compared with 38%") belongs to an earlier period than the
// clause's date, unless the date follows it at once ("down from 6.6 million in the week ending March 28").
const BASE_BEFORE = /\b(?:from|compared\s+(?:with|to)|against|versus|vs\.?|than)\s+(?:[\p{L}$€£]+\s+){0,2}$/iu;
const DATE_RIGHT_AFTER = /^[^\d,;]{0,32}$/;

/** The clauses of a text, each with the dates and counted figures inside it (`figures` found in that text). */
export function datedClauses(text: string, figures: readonly Figure[]): DatedClause[] {
  const bounds = [0, ...[...text.matchAll(CLAUSE_BREAK)].map((m) => m.index), text.length];
  const out: DatedClause[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const inside = figures.filter((f) => f.start >= bounds[i]! && f.start < bounds[i + 1]!);
    const dates = inside.filter((f) => f.kind === 'date').map((f) => f.key);
    const counted = inside.filter((f) => COUNTED.has(f.kind) && !f.soft);
    if (dates.length || counted.length) out.push({ dates, figures: counted });
  }
  return out;
}

const sourceClauses = (s: SourceSentence) => (s.datedClauses ??= datedClauses(s.text, s.figures));

/**
 * The date `date` (a figure of kind "date" of the draft sentence `text`) given to a figure of its clause that the cited
 * sentences give for another date, while they give this date to another figure: { figure, theirs, s } (the figure, the
 * date the source pairs it with, and that sentence), or null. The draft's clause must hold one date and a counted figure.
 */
export function misdatedFigure(ctx: CheckContext, text: string, figures: readonly Figure[], date: Figure, pool: IndexedSource[]): { figure: Figure; theirs: Figure; s: SourceSentence } | null {
  const mine = datedClauses(text, figures).find((c) => c.dates.includes(date.key));
  if (!mine || mine.dates.length !== 1 || !mine.figures.length) return null;
  const sentences = sentencesOf(ctx, pool);
  const gives = (c: DatedClause, f: Figure) => c.figures.some((g) => supportsKey(g, f.key));
  for (const f of mine.figures) {
    const base = BASE_BEFORE.test(text.slice(Math.max(0, f.start - 40), f.start));
    if (base && !(date.start > f.start && DATE_RIGHT_AFTER.test(text.slice(f.start + f.raw.length, date.start)))) continue;
    if (sentences.some((s) => sourceClauses(s).some((c) => c.dates.includes(date.key) && gives(c, f)))) continue;
    // The date beside another figure somewhere in the cited sentences, and this figure beside another date.
    const dateElsewhere = sentences.some((s) => sourceClauses(s).some((c) => c.dates.includes(date.key) && c.figures.length > 0 && !gives(c, f)));
    if (!dateElsewhere) continue;
    for (const s of sentences) {
      const c = sourceClauses(s).find((x) => gives(x, f) && x.dates.length === 1 && !x.dates.includes(date.key));
      if (c) return { figure: f, theirs: s.figures.find((g) => g.key === c.dates[0])!, s };
    }
  }
  return null;
}
