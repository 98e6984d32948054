/** The offline writer: a full cited article assembled from source sentences, each quoted or closely attributed. No model. */
import { shingles, wordCount, words } from '../../../lib/text';
import type { ArticleDraft, Cited, SourceDoc, Writer } from '../../types';
import { disagreements, figures, leadClause, properWordsOf, sourceSentences, speakerQuotes, type SourceSentence } from './source-facts';
import { chooseCategory, chooseTags } from './topics';

/** How an article page names this writer in its provenance. */
export const EXTRACTIVE_PROVENANCE = 'written by the extractive writer (no language model)';

export interface ExtractiveLimits {
  /** A run of this many words copied outside quotation marks fails the `verbatim` check. */
  maxVerbatimWords: number;
  /** Quoted words from one source must stay under this share of the article. */
  maxQuoteShare: number;
}

const DEFAULT_LIMITS: ExtractiveLimits = { maxVerbatimWords: 12, maxQuoteShare: 0.3 };
// Margins below the checks' limits, so that a neighbouring word that happens to match cannot tip a run over.
const CLAUSE_MARGIN = 3;
const SHARE_MARGIN = 0.04;

/** One sentence of a paragraph, where it comes from, how many words it quotes, and how readily it is dropped. */
interface Piece {
  text: string;
  source?: SourceDoc;
  quoted: number;
  /** Lower ranks are dropped first when a source's quotes exceed their share. */
  rank: number;
}
type Para = Piece[];

interface Plan {
  title: string;
  dek: string;
  sections: { heading: string; paras: Para[] }[];
  whatThisMeans: Para[];
  faq: { question: string; answer: Para }[];
}

/**
 * The extractive writer: deterministic, needs no binding and no network.
 *
 * @example const draft = await synthesizeStory(sources, extractiveWriter())
 */
export function extractiveWriter(limits: Partial<ExtractiveLimits> = {}): Writer {
  return { name: 'extractive', write: async (request) => composeArticle(request.sources, request.categories, limits) };
}

/** Builds the article for a story's sources (at least one; two publishers make a real article). */
export function composeArticle(sources: readonly SourceDoc[], categories: readonly string[], overrides: Partial<ExtractiveLimits> = {}): ArticleDraft {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  if (!sources.length) throw new Error('composeArticle needs at least one source');
  const all = [...sources].sort((a, b) => a.n - b.n);
  const byCentrality = rankSources(all);
  const sentencesOf = new Map(all.map((s) => [s.n, sourceSentences(s)]));
  const copied = copyDetector(all, limits.maxVerbatimWords);
  const maxClause = limits.maxVerbatimWords - CLAUSE_MARGIN;
  // Keyed by the words, not the position: a syndicated copy's sentence is the same sentence.
  const used = new Set<string>();
  const keyOf = (text: string) => words(text).join(' ');
  const take = (s: { text: string }) => used.add(keyOf(s.text));
  const isUsed = (s: { text: string }) => used.has(keyOf(s.text));

  const proper = properWordsOf([...sentencesOf.values()].flat());
  const clauseOf = (s: SourceSentence) => {
    const clause = isUsed(s) ? undefined : leadClause(s.text, maxClause, proper);
    return clause && !copied(clause) ? clause : undefined;
  };

  // What the reports say: each publisher's lede, quoted, then one short attributed clause.
  const ledes: Para[] = [];
  for (const source of byCentrality.slice(0, 4)) {
    const own = sentencesOf.get(source.n) ?? [];
    const lede = own.find((s) => !s.hasQuote && between(wordCount(s.text), 8, 45));
    if (!lede) continue;
    take(lede);
    const para: Para = [{ text: `${source.publisher} reported: "${lede.text}"`, source, quoted: words(lede.text).length, rank: 5 }];
    const next = own.find((s) => clauseOf(s));
    if (next) {
      para.push({ text: `The outlet adds that ${clauseOf(next)}.`, source, quoted: 0, rank: 9 });
      take(next);
    }
    ledes.push(para);
  }

  // In their own words: named speakers' quotes, at most two per publisher.
  const quotes = speakerQuotes([...sentencesOf.values()].flat());
  const quoteParas = new Map<number, Para>();
  for (const [i, q] of quotes.entries()) {
    const para = quoteParas.get(q.source.n) ?? [];
    if (para.length >= 2 || used.has(keyOf(q.quote))) continue;
    used.add(keyOf(q.quote));
    para.push({ text: `"${q.quote}" ${q.speaker} said, according to ${q.source.publisher}.`, source: q.source, quoted: words(q.quote).length, rank: 2 + 1 / (i + 1) });
    quoteParas.set(q.source.n, para);
  }

  // Where the accounts differ: the same quantity, different figures, each attributed.
  const conflicts = disagreements(figures([...sentencesOf.values()].flat())).slice(0, 3);
  const conflictParas: Para[] = conflicts.map(([a, b], i) => [
    ...(i === 0 ? [{ text: 'The reports do not agree on every figure.', quoted: 0, rank: 9 }] : []),
    { text: `${a.source.publisher} reports ${a.phrase}, while ${b.source.publisher} reports ${b.phrase}.`, source: a.source, quoted: 0, rank: 9 },
    { text: '', source: b.source, quoted: 0, rank: 9 },
  ]);

  // Other details: further short clauses, attributed to their publisher.
  const details: Para[] = [];
  for (const source of byCentrality) {
    const clauses = (sentencesOf.get(source.n) ?? []).filter((s) => clauseOf(s)).slice(0, 2);
    if (!clauses.length) continue;
    details.push(
      clauses.map((s, i) => {
        const text = i === 0 ? `According to ${source.publisher}, ${clauseOf(s)}.` : `${source.publisher} also reports that ${clauseOf(s)}.`;
        take(s);
        return { text, source, quoted: 0, rank: 9 };
      }),
    );
  }

  const pubList = listOf(unique(byCentrality.map((s) => s.publisher)));
  const everyone: Piece[] = byCentrality.map((source) => ({ text: '', source, quoted: 0, rank: 9 }));
  const lookingAhead = forwardLooking([...sentencesOf.values()].flat(), isUsed, clauseOf);
  const whatThisMeans: Para[] = [];
  if (lookingAhead) {
    take(lookingAhead.sentence);
    whatThisMeans.push([lookingAhead.piece]);
  }
  whatThisMeans.push([
    {
      text: conflicts.length
        ? 'Because the accounts differ on some figures, those figures are attributed to each outlet rather than stated as settled fact.'
        : `The event is reported independently by ${pubList}; this article quotes and attributes their accounts rather than adding facts of its own.`,
      quoted: 0,
      rank: 9,
    },
    ...(conflicts.length ? conflicts.flatMap(([a, b]) => [{ text: '', source: a.source, quoted: 0, rank: 9 }, { text: '', source: b.source, quoted: 0, rank: 9 }]) : everyone),
  ]);

  const faq: Plan['faq'] = [
    {
      question: 'Which outlets reported this story?',
      answer: [{ text: `${pubList} reported it. Each paragraph of this article cites the report it comes from.`, quoted: 0, rank: 9 }, ...everyone],
    },
  ];
  if (conflicts[0]) {
    const [a, b] = conflicts[0];
    faq.push({ question: 'Do the reports agree on the figures?', answer: [{ text: `Not on every figure: ${a.source.publisher} reports ${a.phrase}, while ${b.source.publisher} reports ${b.phrase}.`, source: a.source, quoted: 0, rank: 9 }, { text: '', source: b.source, quoted: 0, rank: 9 }] });
  }
  faq.push({
    question: 'How was this article written?',
    answer: [{ text: 'It was assembled from the cited reports without a language model: every sentence is quoted from, or closely attributed to, the outlet that published it.', quoted: 0, rank: 9 }, ...everyone],
  });

  const conflictTags = chooseTags(all);
  const plan: Plan = {
    title: chooseTitle(byCentrality, copied, conflictTags, pubList),
    dek: `${pubList} report on ${conflictTags[0] ?? 'this story'}; this article quotes and attributes each account${conflicts.length ? ' and shows where they differ' : ''}.`,
    sections: [
      { heading: 'What the reports say', paras: ledes },
      { heading: 'In their own words', paras: [...quoteParas.values()] },
      { heading: 'Where the accounts differ', paras: conflictParas },
      { heading: 'Other details', paras: details },
    ],
    whatThisMeans,
    faq,
  };
  keepQuotesUnderShare(plan, limits.maxQuoteShare - SHARE_MARGIN, all);
  splitWhenTooFewSections(plan);
  return render(plan, chooseCategory(all, categories.length ? categories : ['News']), conflictTags, all);
}

function forwardLooking(all: readonly SourceSentence[], isUsed: (s: SourceSentence) => boolean, clauseOf: (s: SourceSentence) => string | undefined) {
  const ahead = all.filter((s) => !s.hasQuote && !isUsed(s) && /\b(?:will|would|plans?|intends?|expects?)\b/.test(s.text));
  const withClause = ahead.find((s) => clauseOf(s) && /\b(?:will|would|plans?|intends?|expects?)\b/.test(clauseOf(s)!));
  if (withClause) {
    return { sentence: withClause, piece: { text: `Looking ahead, ${withClause.source.publisher} reports that ${clauseOf(withClause)}.`, source: withClause.source, quoted: 0, rank: 9 } };
  }
  const short = ahead.find((s) => between(wordCount(s.text), 6, 40));
  if (!short) return undefined;
  return { sentence: short, piece: { text: `Looking ahead, ${short.source.publisher} reported: "${short.text}"`, source: short.source, quoted: words(short.text).length, rank: 1 } };
}

// Drops the most expendable quotes of whichever source is over its share until none is.
// A quote counts against every source that holds its words, so a syndicated copy cannot double a share unseen.
function keepQuotesUnderShare(plan: Plan, share: number, sources: readonly SourceDoc[]): void {
  const haystacks = sources.map((s) => ({ n: s.n, text: ` ${words(s.text).join(' ')} ` }));
  const ownersOf = (piece: Piece): number[] => {
    const inner = /"([^"]*)"/.exec(piece.text)?.[1] ?? '';
    const needle = ` ${words(inner).join(' ')} `;
    const owners = haystacks.filter((h) => h.text.includes(needle)).map((h) => h.n);
    return owners.length ? owners : piece.source ? [piece.source.n] : [];
  };
  for (;;) {
    const quoted = new Map<number, number>();
    for (const piece of piecesOf(plan)) {
      if (piece.quoted) for (const n of ownersOf(piece)) quoted.set(n, (quoted.get(n) ?? 0) + piece.quoted);
    }
    const total = totalWords(plan);
    const over = [...quoted].filter(([, q]) => q / total >= share).sort((a, b) => b[1] - a[1])[0];
    if (!over) return;
    const candidates = [...piecesOf(plan)].filter((p) => p.quoted > 0 && ownersOf(p).includes(over[0])).sort((a, b) => a.rank - b.rank);
    const victim = candidates[0];
    if (!victim) return;
    removePiece(plan, victim);
  }
}

// Sparse sources may leave only the ledes: the schema wants two sections, so the later accounts get their own.
function splitWhenTooFewSections(plan: Plan): void {
  const filled = plan.sections.filter((s) => s.paras.length);
  if (filled.length >= 2 || (filled[0]?.paras.length ?? 0) < 2) return;
  const [first] = filled;
  plan.sections = [
    { heading: first!.heading, paras: first!.paras.slice(0, 1) },
    { heading: 'Other accounts', paras: first!.paras.slice(1) },
  ];
}

function removePiece(plan: Plan, victim: Piece): void {
  const keep = (para: Para) => para.filter((p) => p !== victim);
  const hasText = (para: Para) => para.some((p) => p.text);
  for (const section of plan.sections) section.paras = section.paras.map(keep).filter(hasText);
  plan.whatThisMeans = plan.whatThisMeans.map(keep).filter(hasText);
  plan.faq = plan.faq.map((f) => ({ ...f, answer: keep(f.answer) })).filter((f) => hasText(f.answer));
}

function* piecesOf(plan: Plan): Generator<Piece> {
  for (const s of plan.sections) for (const p of s.paras) yield* p;
  for (const p of plan.whatThisMeans) yield* p;
  for (const f of plan.faq) yield* f.answer;
}

function totalWords(plan: Plan): number {
  let n = wordCount(plan.title) + wordCount(plan.dek);
  for (const s of plan.sections) if (s.paras.length) n += wordCount(s.heading);
  for (const f of plan.faq) n += wordCount(f.question);
  for (const piece of piecesOf(plan)) n += wordCount(piece.text);
  return n;
}

function render(plan: Plan, category: string, tags: string[], all: readonly SourceDoc[]): ArticleDraft {
  const cited = (para: Para): Cited => {
    const ns = unique(para.flatMap((p) => (p.source ? [p.source.n] : [])));
    return { text: para.map((p) => p.text).filter(Boolean).join(' '), citations: ns.length ? ns.sort((a, b) => a - b) : all.map((s) => s.n) };
  };
  return {
    title: plan.title,
    dek: plan.dek,
    category,
    tags,
    sections: plan.sections.filter((s) => s.paras.length).map((s) => ({ heading: s.heading, paragraphs: s.paras.map(cited) })),
    whatThisMeans: plan.whatThisMeans.map(cited),
    faq: plan.faq.map((f) => ({ question: f.question, answer: cited(f.answer) })),
  };
}

// A headline short enough not to be a copied run, and within the title limits; else a plain one of our own.
function chooseTitle(byCentrality: readonly SourceDoc[], copied: (text: string) => boolean, tags: readonly string[], pubList: string): string {
  for (const s of byCentrality) {
    const title = s.title.trim();
    if (between(title.length, 30, 110) && !copied(title) && !/https?:|www\.|[<>[\]]/.test(title)) return title;
  }
  const subject = tags.slice(0, 2).join(' and ') || 'the latest reports';
  const title = `What ${pubList} report about ${subject}`;
  return title.length <= 110 ? title : `${title.slice(0, 107).replace(/\s+\S*$/, '')}...`;
}

/** True when a text, outside quotation marks, carries a run of `n` words found in a source. */
function copyDetector(sources: readonly SourceDoc[], n: number): (text: string) => boolean {
  const grams = new Set<string>();
  for (const s of sources) for (const g of shingles(words(`${s.title}\n${s.text}`), n)) grams.add(g);
  return (text) =>
    text
      .split(/"[^"]*"/)
      .some((segment) => {
        const tokens = words(segment);
        if (tokens.length < n) return false;
        for (const g of shingles(tokens, n)) if (grams.has(g)) return true;
        return false;
      });
}

// Sources whose headline and lede share the most words with the other publishers' reports lead.
function rankSources(sources: readonly SourceDoc[]): SourceDoc[] {
  const vocab = sources.map((s) => new Set(words(`${s.title} ${s.text}`).filter((w) => w.length > 3)));
  const score = (i: number) => {
    const lead = new Set(words(`${sources[i]!.title} ${sources[i]!.text.slice(0, 400)}`).filter((w) => w.length > 3));
    let shared = 0;
    for (const w of lead) for (const [j, v] of vocab.entries()) if (j !== i && v.has(w)) shared++;
    return shared / Math.sqrt(lead.size || 1);
  };
  return sources
    .map((s, i) => ({ s, score: score(i) }))
    .sort((a, b) => b.score - a.score || a.s.n - b.s.n)
    .map(({ s }) => s);
}

function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function between(n: number, min: number, max: number): boolean {
  return n >= min && n <= max;
}

