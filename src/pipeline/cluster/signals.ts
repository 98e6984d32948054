/**
 * What the learned clusterer reads from one item, computed once and cheaply (tens of microseconds):
 * headline and lede terms, name tokens, figures, labels, kinds of event and copy keys. The costly
 * signals (text shingles, the roundup test) are computed only for the few items about to join a story.
 */
import { fnv1a64 } from '../../lib/hash';
import { words } from '../../lib/text';
import type { ClusterItem } from '../types';
import { eventKinds } from './events';
import { canonicalUrl, distinctiveNames, isTitleCase, lede, shingleHashes } from './features';
import { isLabelKey, isMoneyKey, labelEntities, numberEntities } from './figures';
import { isRoundup } from './roundup';
import { foldWord, STOPWORDS, terms } from './terms';

/** Everything pair scoring needs of one item. */
export interface Signals {
  item: ClusterItem;
  /** Position in time order within the batch (the index the blocking postings hold). */
  index: number;
  time: number;
  /** Headline terms with counts. */
  title: Map<string, number>;
  /** Headline (counted twice) and lede terms with counts. */
  body: Map<string, number>;
  /** Name tokens (capitalised words that do not merely open a sentence, acronyms), folded lower-case. */
  names: Set<string>;
  /** Figures with a unit or currency ("usd:2000000", "12%", "62500 refugee"), bare numbers as "n:…". */
  figures: Set<string>;
  /** Generic labels ("lbl:series c", "lbl:quarter 3"). */
  labels: Set<string>;
  /** Letter-digit tokens of the headline (model names, versions): "kite-3", "h200". */
  codes: Set<string>;
  /** Kinds of event the headline names. */
  events: Set<string>;
  urlKey?: string;
  titleKey?: string;
  /** Unit-length embedding of headline + lede, when the item has one. */
  vector?: Float32Array;
  shingles?: Set<number>;
  roundup?: boolean;
}

/** Words of the text that count as its lede. */
export const LEDE_WORDS = 60;

// A token with its leading punctuation, so a sentence start can be seen ("… said. Officials").
const TOKEN = /(\S*?)([\p{L}\p{N}][\p{L}\p{N}'’.&-]*)/gu;

/**
 * Name tokens of a text: capitalised words that do not open a sentence, acronyms ("DACA"), and
 * letter-digit codes. A capitalised sentence opener counts only when it is no stopword ("The").
 * In a title-case headline capitals say nothing, so only the tokens `known` already holds count.
 */
export function nameTokens(text: string, into: Set<string>, known?: ReadonlySet<string>): void {
  let sentenceStart = true;
  for (const m of text.matchAll(TOKEN)) {
    const lead = m[1]!;
    const raw = m[2]!.replace(/['’]s$|[.'’-]+$/u, '');
    const startsSentence = sentenceStart || /[.!?:]["”’)]*$/.test(lead);
    sentenceStart = /[.!?:]["”’)]*$/.test(m[0]!) || /[.!?:]$/.test(m[2]!);
    if (!raw || !/^\p{Lu}/u.test(raw)) {
      if (/\p{L}/u.test(raw) && /\d/.test(raw)) into.add(foldWord(raw.toLowerCase()));
      continue;
    }
    const w = foldWord(raw.toLowerCase());
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    if (known) {
      if (known.has(w)) into.add(w);
      continue;
    }
    const acronym = raw.length >= 2 && raw === raw.toUpperCase() && /\p{L}/u.test(raw);
    if (acronym || !startsSentence || raw.length >= 3) into.add(w);
  }
}

function counts(list: readonly string[], weight: number, into: Map<string, number>): Map<string, number> {
  for (const t of list) into.set(t, (into.get(t) ?? 0) + weight);
  return into;
}

/** A bare year ("n:2021") is the date of many events, not a fact of one. */
const YEAR = /^n:(?:19|20)\d\d$/;

/** Computes the signals of one item. */
export function itemSignals(item: ClusterItem, index: number, vector?: Float32Array): Signals {
  const time = Date.parse(item.publishedAt);
  if (Number.isNaN(time)) throw new TypeError(`clusterItems: item ${item.id} has an invalid publishedAt "${item.publishedAt}"`);
  const head = lede(item.text, LEDE_WORDS);
  const titleTerms = terms(item.title);
  const names = new Set<string>();
  nameTokens(head, names);
  if (isTitleCase(item.title) || item.title === item.title.toUpperCase()) nameTokens(item.title, names, names);
  else nameTokens(item.title, names);
  const figures = new Set<string>();
  const labels = new Set<string>();
  for (const text of [item.title, head]) {
    for (const f of numberEntities(text)) if (!YEAR.test(f)) figures.add(f);
    for (const l of labelEntities(text)) if (isLabelKey(l)) labels.add(l);
  }
  const codes = new Set<string>();
  for (const w of words(item.title)) if (/\p{L}/u.test(w) && /\d/.test(w) && /^\p{L}[\p{L}\d-]*\d[\p{L}\d]*$/u.test(w)) codes.add(foldWord(w));
  const titleWords = words(item.title);
  return {
    item,
    index,
    time,
    title: counts(titleTerms, 1, new Map()),
    body: counts(terms(head), 1, counts(titleTerms, 2, new Map())),
    names,
    figures,
    labels,
    codes,
    events: eventKinds(item.title, titleTerms),
    urlKey: canonicalUrl(item.url),
    titleKey: titleWords.length >= 5 ? fnv1a64(titleWords.join(' ')) : undefined,
    vector,
  };
}

/** Money amounts among an item's figures. */
export function money(s: Signals): string[] {
  return [...s.figures].filter(isMoneyKey);
}

/** Hashed word 3-shingles of the item's opening, computed on first use. */
export function shinglesOf(s: Signals): Set<number> {
  return (s.shingles ??= shingleHashes(`${s.item.title} ${s.item.text}`));
}

/** True when the item is a roundup of several events (it then joins no story), computed on first use. */
export function isRoundupItem(s: Signals): boolean {
  // Several subjects need several sentences: a shorter text is judged by its announcing phrases alone.
  const short = (s.item.text.match(/[.!?](?:\s|$)/g)?.length ?? 0) < 3;
  return (s.roundup ??= isRoundup(s.item.title, s.item.text, short ? noNames : distinctiveNames));
}

const noNames = (): [string[], string[]] => [[], []];
