/** The draft as located passages, and what several checks read from a passage (sentences, words, quotations), found once per call. */
import { boundedSentences, normalizeWhitespace, words } from '../../lib/text';
import { extractEntities, extractStatusClaims, type StatusClaim } from './extract/entities';
import { extractFigures } from './extract/numbers';
import { extractQuotes, type QuoteSpan } from './extract/quotes';
import type { Alignment, Overlap } from './align';
import type { EntitySpan } from './extract/entities';
import type { Figure } from './extract/numbers';
import type { Weekday } from './when';
import type { IndexedSource } from './context';
import { contentTokens, type Tok } from './restates';
import type { ArticleDraft, Cited } from '../types';

/** One piece of generated text and where it sits. `citations` is null for text that cites nothing (title, dek, headings, questions). */
export interface Passage {
  where: string;
  kind: 'title' | 'dek' | 'heading' | 'paragraph' | 'question' | 'answer';
  text: string;
  citations: number[] | null;
  /** For an answer, its question: an answer ("More than 25 million.") is read with what it answers. */
  question?: string;
  // What several checks read from the passage, found on first need and kept for the call:
  /** The sources it is checked against (`sourcesFor`). */
  pool?: IndexedSource[];
  /** Its text with whitespace normalised, cut into sentences (`passageSentences`). */
  normalized?: string;
  sentences?: DraftSentence[];
  /** Its lower-case words (`passageWords`). */
  words?: string[];
  /** Its quotations (`passageQuotes`). */
  quotes?: QuoteSpan[];
  /** Each quotation's words and the first cited source that gives them, by the quotation's inner text (`quoteWords`, `quoteSource`). */
  located?: Map<string, LocatedQuote>;
}

/** A sentence of a passage; `tokens` are found on first need (`sentenceTokens`). */
export interface DraftSentence {
  text: string;
  /** Offset in the passage's whitespace-normalised text. */
  offset: number;
  /** Text read before the sentence for its context words only: an answer's question, before the answer's first sentence. */
  lead?: string;
  tokens?: Tok[];
  /** Source sentences that support it, best first, per pool of sources and left-out words (./align `alignments`). */
  aligned?: Map<string, Alignment[]>;
  /** The same, with nothing left out, by the pool's array. */
  alignedByPool?: Map<readonly IndexedSource[], Alignment[]>;
  /** Its idf-weighted overlap with every source sentence (./align). */
  overlap?: Overlap;
  /** Its figures and names, found once (./extract). */
  figures?: Figure[];
  entities?: EntitySpan[];
  /** Its status words on names (./extract/entities `extractStatusClaims`) and weekdays (./when), found once. */
  statusClaims?: StatusClaim[];
  weekdays?: Weekday[];
}

/** A quotation's words (split at ellipses), how many there are, and (once asked) where a cited source gives them in order. */
export interface LocatedQuote {
  fragments: string[][];
  words: number;
  at?: QuoteSource;
}

/** The source that gives a quotation and the quotation's longest fragment, or null when no source does. */
export type QuoteSource = { source: IndexedSource; fragment: string[] } | null;

function arrayOr<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function cited(c: Partial<Cited> | undefined): { text: string; citations: number[] } {
  return { text: str(c?.text), citations: arrayOr<number>(c?.citations).filter((n) => typeof n === 'number') };
}

/** The draft's text as located passages; tolerant of a malformed draft (the `schema` check reports that). */
export function passagesOf(draft: ArticleDraft): Passage[] {
  const out: Passage[] = [];
  const d = (draft ?? {}) as Partial<ArticleDraft>;
  out.push({ where: 'title', kind: 'title', text: str(d.title), citations: null });
  out.push({ where: 'dek', kind: 'dek', text: str(d.dek), citations: null });
  arrayOr<ArticleDraft['sections'][number]>(d.sections).forEach((s, i) => {
    const heading = str(s?.heading);
    out.push({ where: `section ${i + 1} heading`, kind: 'heading', text: heading, citations: null });
    const short = heading.length > 40 ? `${heading.slice(0, 39)}…` : heading;
    arrayOr<Cited>(s?.paragraphs).forEach((p, j) => {
      out.push({ where: `section ${i + 1} ("${short}"), paragraph ${j + 1}`, kind: 'paragraph', ...cited(p) });
    });
  });
  arrayOr<Cited>(d.whatThisMeans).forEach((p, j) => {
    out.push({ where: `What This Means, paragraph ${j + 1}`, kind: 'paragraph', ...cited(p) });
  });
  arrayOr<ArticleDraft['faq'][number]>(d.faq).forEach((f, j) => {
    out.push({ where: `FAQ ${j + 1} question`, kind: 'question', text: str(f?.question), citations: null });
    out.push({ where: `FAQ ${j + 1} answer`, kind: 'answer', ...cited(f?.answer), question: str(f?.question) });
  });
  return out.filter((p) => p.text.trim() !== '');
}

/** The passage's whitespace-normalised text. */
export function normalizedText(passage: Passage): string {
  return (passage.normalized ??= normalizeWhitespace(passage.text));
}

/**
 * Longest sentence the checks read whole; a longer one is read in pieces. News sentences run to a few hundred characters;
 * several checks compare every pair of figures or attributions within a sentence, so this bounds what a feed body or a
 * draft without sentence ends can cost.
 */
export const MAX_SENTENCE_CHARS = 1_000;

/** The sentences of the passage, with their offsets in its normalised text. */
export function passageSentences(passage: Passage): DraftSentence[] {
  if (passage.sentences) return passage.sentences;
  const text = normalizedText(passage);
  const out: DraftSentence[] = [];
  let at = 0;
  for (const sentence of boundedSentences(text, MAX_SENTENCE_CHARS)) {
    const offset = text.indexOf(sentence, at);
    at = offset + sentence.length;
    out.push({ text: sentence, offset, ...(out.length === 0 && passage.question ? { lead: passage.question } : {}) });
  }
  return (passage.sentences = out);
}

/**
 * The stemmed content words of a passage's sentence, offsets in the sentence. A sentence with a
 * `lead` starts with the lead's words at negative offsets: context for what is near a value or
 * which source sentence reports the same thing, never part of the sentence itself.
 */
export function sentenceTokens(sentence: DraftSentence): Tok[] {
  if (sentence.tokens) return sentence.tokens;
  const own = contentTokens(sentence.text);
  if (!sentence.lead) return (sentence.tokens = own);
  const shift = sentence.lead.length + 1;
  return (sentence.tokens = [...contentTokens(sentence.lead).map((t) => ({ w: t.w, start: t.start - shift, end: t.end - shift })), ...own]);
}

/** The words of the passage's text as written (lib/text `words`). */
export function passageWords(passage: Passage): string[] {
  return (passage.words ??= words(passage.text));
}

/** The quotations of the passage's text as written (offsets in `passage.text`). */
export function passageQuotes(passage: Passage): QuoteSpan[] {
  return (passage.quotes ??= extractQuotes(passage.text));
}

/** The figures of a passage's sentence (./extract/numbers `extractFigures`), found once per call. */
export function sentenceFigures(sentence: DraftSentence): Figure[] {
  return (sentence.figures ??= extractFigures(sentence.text));
}

/** The names of a passage's sentence (./extract/entities `extractEntities`, nothing ignored), found once per call. */
export function sentenceEntities(sentence: DraftSentence): EntitySpan[] {
  return (sentence.entities ??= extractEntities(sentence.text));
}

/** The status words on names of a passage's sentence (./extract/entities `extractStatusClaims`), found once per call. */
export function sentenceStatusClaims(sentence: DraftSentence): StatusClaim[] {
  return (sentence.statusClaims ??= extractStatusClaims(sentence.text));
}
