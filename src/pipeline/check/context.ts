/** What every check reads: the resolved policy, the draft's passages (./passages), and indexes over the sources built once per call. */
import { boundedSentences, stem, words } from '../../lib/text';
import type { EntitySpan } from './extract/entities';
import { extractFigures, type Figure, supportKeys } from './extract/numbers';
import type { QuoteSpan } from './extract/quotes';
import { MAX_SENTENCE_CHARS, type Passage, passagesOf } from './passages';
import { contentTokens, type Neighbours, neighbours, type Tok } from './restates';
import type { ArticleDraft, CheckName, Severity, SourceDoc } from '../types';

/** Another story's recently published article, for the `duplicate` check. */
export interface RecentArticle {
  id?: string;
  slug?: string;
  title: string;
  text: string;
}

export interface CheckPolicy {
  /** Independent publisher families the cited sources must come from. */
  minPublishers: number;
  /** Maps a SourceDoc.publisher to its family (default: the publisher, case-folded). */
  publisherFamily?: (publisher: string) => string;
  /** Longest run of words that may be copied from a source outside quotation marks (a run of this many fails). */
  maxVerbatimWords: number;
  /** Largest share of the article's words that may be quotations from one source. */
  maxQuoteShare: number;
  /** The newest cited source must be at most this many hours old. */
  freshnessHours: number;
  /** ISO time the check runs at (default: now). */
  now?: string;
  /** Word-shingle Jaccard at which the article duplicates a recent one. */
  duplicateThreshold: number;
  /** Other stories' articles published in the last 7 days. */
  recentArticles: RecentArticle[];
  /** Per-check severity overrides; defaults: block for all but `entities`. */
  severity: Partial<Record<CheckName | (string & {}), Severity>>;
  /** Our publication: never counts as a name, and never as a real source. */
  siteName: string;
  /** Our own origin: sources on this host are not independent sources. */
  siteUrl?: string;
  /** Category names: never count as names. */
  categories: string[];
  /** A secret planted in the prompt; the generated text must not contain it. */
  canary?: string;
  /** Text the prompt marked as untrusted instruction; the generated text must contain none of it. */
  untrustedMarkers: string[];
  /** The rendered article's outbound links (default: the source URLs). */
  linkUrls?: string[];
}

export const DEFAULT_POLICY: CheckPolicy = {
  minPublishers: 2,
  maxVerbatimWords: 12,
  maxQuoteShare: 0.3,
  freshnessHours: 72,
  duplicateThreshold: 0.6,
  recentArticles: [],
  severity: {},
  siteName: 'Digital Mind News',
  categories: [],
  untrustedMarkers: [],
};

/** A source's quotation with its words as " w1 w2 … " and its speaker, found on first need. */
export interface SourceQuote {
  span: QuoteSpan;
  wordString: string;
  speaker?: string | null;
}

export interface SourceSentence {
  n: number;
  text: string;
  /** The source's headline (its first sentence), which tells what happened in the present tense. */
  headline?: boolean;
  /** Stemmed content words with offsets. */
  tokens: Tok[];
  figures: Figure[];
  /** Names in the sentence, filled in by the `entities` check when it first needs them. */
  entities?: EntitySpan[];
  /** Neighbours of each of `entities`, filled in with them. */
  entityNeighbours?: Neighbours[];
  /** Whether each of `entities` stands inside a quotation (./entities), filled in with them. */
  entitiesQuoted?: boolean[];

  /** Neighbours of each figure (same order as `figures`), filled in when first needed. */
  figureNeighbours?: Neighbours[];
  /** What each of its figures counts: the stemmed words after it (./numbers), found when first needed. */
  counted?: string[][];
  /** For each figure whose counted noun is left out ("and 3.3 million the week before"), the index of the figure it borrows it from, else -1 (./numbers). */
  elidedFrom?: number[];
  /** For each such figure, the words that say its when ("week" of "the week before"), found with them. */
  elidedWhen?: string[][];
  /** The weekdays it names, found when first needed. */
  weekdays?: Set<string>;
  /** How it frames its figures: change roles, forecasts, rate periods and vote tallies (./figure-frames), found when first needed. */
  frames?: import('./figure-frames').SourceFrames;
  /** Its clauses' dates and counted figures, as keys (./figure-dates), found when first needed. */
  datedClauses?: import('./figure-dates').DatedClause[];
  /** Its relative times ("last week" -> "week:1", ./extract/relative-times), found when first needed. */
  relativeTimes?: import('./extract/relative-times').RelativeTime[];
  /** Its text in lower case and its lower-case words, for name look-ups (./roles), found when first needed. */
  lowerText?: string;
  lowerWords?: Set<string>;
  /** The keys its figures support (./evidence), found when first needed. */
  figureKeys?: Set<string>;
  /** Its names as runs (./roles), found when first needed. */
  nameRuns?: import('./roles').NameRun[];
  /** Its match tokens as " w1 w2 … ", for locating a quotation (./evidence), found when first needed. */
  matchString?: string;
  /** Its stemmed content words as a set (./causes), found when first needed. */
  wordSet?: Set<string>;
  /** Its verbs and how it frames them (./tense), found when first needed. */
  verbs?: import('./verbs').VerbUse[];
  /** Its outcome verbs with the stage each names (./outcomes), found when first needed. */
  stages?: import('./outcomes').StageUse[];
  /** The totals it gives by listing ("A, B and 10 other states"), each with the noun it counts (./numbers), found when first needed. */
  listed?: Map<number, string | undefined>;
  /** Its status words ("former", "acting") with the role after each (./tense), found when first needed. */
  statusRoles?: RegExpExecArray[];
}

export interface IndexedSource {
  doc: SourceDoc;
  label: string;
  /** " w1 w2 … " with possessives dropped: phrase lookups by indexOf. */
  matchString: string;
  /** `matchString` spelled loosely (`loose`), for name variants, found when first needed. */
  looseString?: string;
  /** Word tokens in order (possessives dropped). */
  tokens: string[];
  /** First sentence id of this source in `CheckContext.sentences`. */
  firstSentence: number;
  sentenceCount: number;
  /** Acronyms of the names the source gives, found when the `entities` check first needs them. */
  acronyms?: Set<string>;
  /** The states of the Congress members' party tags the source gives ("D-N.Y"), found when `entities` first needs them. */
  stateTags?: { surname: string; state: string }[];
}

export interface CheckContext {
  draft: ArticleDraft;
  sources: SourceDoc[];
  policy: CheckPolicy;
  now: string;
  passages: Passage[];
  byNumber: Map<number, IndexedSource>;
  /** Every source sentence, all sources, in order. */
  sentences: SourceSentence[];
  /** Stemmed content word -> ids of source sentences holding it. */
  postings: Map<string, number[]>;
  /** Figure key -> numbers of the sources that give it. */
  figureSources: Map<string, Set<number>>;
  /** Each source's quotations, found when a check first needs them. */
  sourceQuotes: Map<number, SourceQuote[]>;
  /** The days source sentences imply without naming them ("tomorrow", "a month earlier"; ./when), found on first need. */
  impliedDays?: Map<SourceSentence, Set<string>>;
  /** Stemmed content word -> numbers of the sources holding it, in source order; filled in by `citations` as it asks. */
  wordSources?: Map<string, number[]>;
  /** See citations.ts compoundParts. */
  compoundParts?: Map<string, Set<number>>;
  /** Stemmed words of our sources' names and of verbs that credit a report (./citations). */
  attributionWords?: Set<string>;
  /** Source words -> their places as flat (sentence id, start, end) triples, built by the `entities` check when it first needs it. */
  nameIndex?: Map<string, number[]>;
  /** Whether the story's reports place it in the United States (./entities), found when first needed. */
  american?: boolean;
  /** Ids of the source sentences that give a figure (./evidence), found when first needed. */
  figureSentenceIds?: number[];
  /** Lower-case words the sources capitalise inside a sentence (./roles), found when first needed. */
  names?: Set<string>;
  /** Of those, the ones the sources capitalise inside a sentence ("Kelly" in "accused Megyn Kelly"), not only at its start. */
  namesInside?: Set<string>;
  /** What is read per pool of cited sources (one array per passage, `sourcesFor`), found on first need: a Map the context owns, not a WeakMap per pool. */
  pools?: Map<readonly IndexedSource[], PoolInfo>;
  /** Scratch arrays by sentence id for ./align (cleared after each use). */
  scratch?: { scores: Float64Array; has: Uint8Array; reached: Uint8Array };
  /** Rarity of a stemmed content word across the source sentences (0 for a word in every sentence). */
  idf(w: string): number;
}

/** Match tokens: the shared word tokens with possessive "'s" dropped, so "Harwick's" meets "Harwick". */
export function matchTokens(text: string): string[] {
  return matchTokensOf(words(text));
}

/** `matchTokens` of a text already split by `words`. */
export function matchTokensOf(tokens: readonly string[]): string[] {
  return tokens.map((w) => (w.endsWith("'s") ? w.slice(0, -2) : w));
}

export function sourceLabel(doc: SourceDoc): string {
  return `[${doc.n}] ${doc.publisher}`;
}

/** A short excerpt of a sentence for a detail line. */
export function excerpt(text: string, max = 110): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? `"${t}"` : `"${t.slice(0, max - 1).trimEnd()}…"`;
}

/** A source sentence's text in lower case and its lower-case words (possessives dropped), found once per call. */
export function lowerCased(s: SourceSentence): { lowerText: string; lowerWords: Set<string> } {
  if (!s.lowerWords || s.lowerText === undefined) {
    s.lowerText = s.text.toLowerCase();
    s.lowerWords = new Set(s.lowerText.replace(/['’]s\b/g, '').match(/[\p{L}\p{N}][\p{L}\p{N}.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? []);
  }
  return { lowerText: s.lowerText, lowerWords: s.lowerWords };
}

/** Builds the context: resolves the policy and indexes the sources once. */
export function buildContext(draft: ArticleDraft, sources: SourceDoc[], policy: Partial<CheckPolicy> = {}): CheckContext {
  const resolved: CheckPolicy = { ...DEFAULT_POLICY, ...stripUndefined(policy) };
  const byNumber = new Map<number, IndexedSource>();
  const all: SourceSentence[] = [];
  const postings = new Map<string, number[]>();
  const figureSources = new Map<string, Set<number>>();
  for (const doc of sources) {
    const text = `${doc.title}. ${doc.text}`;
    const tokens = matchTokens(text);
    const firstSentence = all.length;
    for (const sentence of boundedSentences(text, MAX_SENTENCE_CHARS)) {
      const figures = extractFigures(sentence);
      for (const f of figures) {
        for (const k of supportKeys(f)) {
          let set = figureSources.get(k);
          if (!set) figureSources.set(k, (set = new Set()));
          set.add(doc.n);
        }
      }
      const toks = contentTokens(sentence);
      const id = all.length;
      for (const t of toks) {
        const list = postings.get(t.w);
        // Once per sentence: ids only grow, so a repeat of the word in this sentence ends its list with this id.
        if (!list) postings.set(t.w, [id]);
        else if (list[list.length - 1] !== id) list.push(id);
      }
      all.push({ n: doc.n, text: sentence, tokens: toks, figures, ...(id === firstSentence && doc.title ? { headline: true } : {}) });
    }
    byNumber.set(doc.n, {
      doc,
      label: sourceLabel(doc),
      matchString: ` ${tokens.join(' ')} `,
      tokens,
      firstSentence,
      sentenceCount: all.length - firstSentence,
    });
  }
  const total = all.length;
  const idf = (w: string) => Math.log((total + 1) / ((postings.get(w)?.length ?? 0) + 0.5));
  return {
    draft,
    sources,
    policy: resolved,
    now: resolved.now ?? new Date().toISOString(),
    passages: passagesOf(draft),
    byNumber,
    sentences: all,
    postings,
    figureSources,
    sourceQuotes: new Map(),
    idf,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The sources a passage is checked against: its citations, or every source for uncited text. */
export function sourcesFor(ctx: CheckContext, passage: Passage): IndexedSource[] {
  if (passage.pool) return passage.pool;
  if (passage.citations === null) return (passage.pool = [...ctx.byNumber.values()]);
  // A citation repeated ("[1][1][2]") is one source: read once, however often the model wrote it.
  return (passage.pool = [...new Set(passage.citations)].map((n) => ctx.byNumber.get(n)).filter((s): s is IndexedSource => Boolean(s)));
}

/** Every sentence of the given sources, in order. An array, not a generator: the checks walk it per claim, and resuming a generator per sentence cost more than the copy. */
export function sentencesOf(ctx: CheckContext, list: Iterable<IndexedSource>): readonly SourceSentence[] {
  // A passage's pool is one array for the call (`sourcesFor`), asked for once per draft sentence and check: built once.
  if (Array.isArray(list)) return (poolInfo(ctx, list).sentences ??= sentencesIn(ctx, list));
  return sentencesIn(ctx, list);
}

function sentencesIn(ctx: CheckContext, list: Iterable<IndexedSource>): SourceSentence[] {
  const out: SourceSentence[] = [];
  for (const s of list) for (let id = s.firstSentence; id < s.firstSentence + s.sentenceCount; id++) out.push(ctx.sentences[id]!);
  return out;
}

/** What the checks read of one pool array, filled in on first need. */
export interface PoolInfo {
  sentences?: readonly SourceSentence[];
  /** Its source numbers joined (./align's cache key). */
  key?: string;
  /** 1 for each source sentence whose source number is the pool's (./align). */
  mask?: Uint8Array;
}

/** The entry of a pool array in the context's pool cache. */
export function poolInfo(ctx: CheckContext, pool: readonly IndexedSource[]): PoolInfo {
  const pools = (ctx.pools ??= new Map());
  let info = pools.get(pool);
  if (!info) pools.set(pool, (info = {}));
  return info;
}

/** The neighbours of a source sentence's figures, computed once per call. */
export function figureNeighbours(s: SourceSentence): Neighbours[] {
  return (s.figureNeighbours ??= s.figures.map((f) => neighbours(s.tokens, f.start, f.start + f.raw.length)));
}

export function labels(list: IndexedSource[]): string {
  return list.length ? list.map((s) => s.label).join(', ') : 'no source';
}

/** Whether a phrase (as match tokens) occurs in any of the sources; returns the first that has it. */
export function findPhrase(list: IndexedSource[], phraseTokens: string[]): IndexedSource | undefined {
  if (!phraseTokens.length) return undefined;
  const needle = ` ${phraseTokens.join(' ')} `;
  return list.find((s) => s.matchString.includes(needle));
}

/**
 * A phrase of match tokens spelled loosely: hyphens as spaces ("African-American", "Medicare-for-All") and a word spelled two
 * ways written one way ("advisor" as "adviser"), so that a name written either way is found.
 */
export function loose(text: string): string {
  return text.replace(/-/g, ' ').replace(/\badvisor/g, 'adviser').replace(/\s+/g, ' ');
}

/** Whether a phrase (as match tokens) occurs in any of the sources spelled loosely (`loose`). */
export function findLoosePhrase(list: IndexedSource[], phraseTokens: string[]): IndexedSource | undefined {
  if (!phraseTokens.length) return undefined;
  const needle = ` ${loose(phraseTokens.join(' ')).trim()} `;
  return list.find((s) => (s.looseString ??= loose(s.matchString)).includes(needle));
}

export function severityOf(ctx: CheckContext, name: CheckName): Severity {
  return ctx.policy.severity[name] ?? (name === 'entities' ? 'warn' : 'block');
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** A source that is our own publication: not an independent source for anything. */
export function isOwnSource(ctx: CheckContext, doc: SourceDoc): boolean {
  if (doc.publisher.trim().toLowerCase() === ctx.policy.siteName.trim().toLowerCase()) return true;
  const own = hostOf(ctx.policy.siteUrl);
  return own !== null && hostOf(doc.url) === own;
}

// Verbs that credit a report to its outlet; with the outlets' names they are how a paragraph cites in prose.
const CREDIT_VERBS = ['reported', 'reports', 'said', 'says', 'noted', 'notes', 'wrote', 'writes', 'added', 'according', 'cited', 'described', 'put'];

/** Stemmed words of our sources' names and of crediting verbs, found once per call. */
export function attributionWords(ctx: CheckContext): Set<string> {
  if (ctx.attributionWords) return ctx.attributionWords;
  const out = new Set(CREDIT_VERBS.map(stem));
  for (const s of ctx.sources) for (const w of words(s.publisher)) out.add(stem(w));
  return (ctx.attributionWords = out);
}
