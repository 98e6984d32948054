/**
 * Who a headline is about, and the vetoes that keep two parties' events of one kind apart
 * ("fines Tamsin Freight" / "fines Oakmere Buses", "Corvid Labs cuts 120 jobs" / "Cinderfall Studios
 * cuts 120 jobs"): the fitted model cannot learn these, because such negatives are easy ones on NeuS.
 */
import type { Corpus, Weighted } from './pair';
import { placedNamesOf, WORD, type Signals } from './signals';
import { foldWord, GENERIC_NAME_WORDS, stem, STOPWORDS } from './terms';

/** What pair scoring knows of an item's parties (part of Weighted). */
export interface Parties {
  /** The headline's rare subjects (Signals.subjects at RARE_SUBJECT_IDF or rarer, its opener left out): name id, then term id of its stem. */
  rareSubjects: [name: number, term: number][];
  /**
   * Ascending ids of the names that can tie two parties together (see partiesApart): rare ones
   * (RARE_NAME_IDF), neither a generic name word nor a capital only the headline's opening gave. Only
   * items with a rare subject or an actor have them: the others never reach partiesApart or actorsApart.
   */
  partyNames: readonly number[];
  /** The words of partyNames, in the same order. */
  partyWords: string[];
  /**
   * The party that opens the headline and what it does ("Corvid Labs cuts ..."): the actor's party
   * words (4+ letters, at least as rare as RARE_NAME_IDF; name id, then term id of the stem) and the
   * stem of the word after them. Empty when the headline opens otherwise.
   */
  actor: [name: number, term: number][];
  act: string;
  /** The name id of the headline's first word (-1 when it is no name): a capital there may only open the sentence. */
  opener: number;
  /** Demonym keys of each rare subject (see demonymKeys), in rareSubjects' order; empty without rare subjects. */
  subjectKeys: string[][];
  /**
   * Demonym keys of all the item's names, only for an item with rare subjects (the only ones partiesApart
   * reads); computed on first use (see nameKeysOf): few pairs get that far.
   */
  nameKeys?: ReadonlySet<string>;
}

const NO_KEYS: ReadonlySet<string> = new Set();
// Suffixes that make a people or an adjective of a place ("Iranians", "Brazilian", "Chinese", "Israeli").
const DEMONYM_SUFFIX = ['ians', 'ian', 'ans', 'an', 'ese', 'is', 'i'];
const MIN_DEMONYM_BASE = 4;

/**
 * The keys a name shares with its demonym: the word, and the word without a demonym suffix and
 * without final vowels, where at least four letters stay ("Iran" / "Iranians": both give "iran";
 * "Pakistan" / "Pakistani": "pakistan"; "Russia" / "Russian": "russ"). Two names are kin when their
 * keys meet. Irregular pairs ("France" / "French") are not found, and near names meet ("Niger" /
 * "Nigeria"): either way a veto is only kept or lifted, and the fitted model still decides.
 */
export function demonymKeys(name: string): string[] {
  const keys = [name];
  const add = (k: string) => {
    if (k.length >= MIN_DEMONYM_BASE && !keys.includes(k)) keys.push(k);
  };
  for (const suffix of DEMONYM_SUFFIX) if (name.endsWith(suffix)) add(name.slice(0, -suffix.length));
  for (const k of [...keys]) add(k.replace(/[aeiouy]+$/, ''));
  return keys;
}

/** Shared names at least this rare (idf) count as rare names. */
export const RARE_NAME_IDF = 3;

/** A headline subject at least this rare (name idf: in about 1 item in 30 of a window, or fewer) identifies a party. */
const RARE_SUBJECT_IDF = 4;

const NO_IDS: readonly number[] = [];

/** A name word that can tell a party: not a generic one ("Institute", "Series"), not the tail of a grouped number ("000-qubit" of "1,000-qubit"). */
const isPartyWord = (name: string) => !GENERIC_NAME_WORDS.has(name) && !/^\d{3}-/.test(name);

/**
 * The headline's first word, folded as names are, when only its place may have capitalised it: the
 * lede's opening never writes it capitalised ("Transport regulator fines ..." / "The transport regulator").
 */
function headlineOpener(s: Signals): string | undefined {
  const first = s.item.title.match(/[\p{L}\p{N}]+/u)?.[0];
  if (first === undefined || s.item.text.slice(0, 600).includes(first)) return undefined;
  return foldWord(first.toLowerCase());
}

/** Of an item's names (id, idf, word; ascending ids), those that can tell a party (see Weighted.partyNames), and their words. */
function partyNameIds(named: readonly [number, number, string][], opener: number): [number[], string[]] {
  const found = named.filter(([id, idf, name]) => idf >= RARE_NAME_IDF && id !== opener && isPartyWord(name));
  return [found.map(([id]) => id), found.map(([, , name]) => name)];
}

/** The names that open the headline, when the lede writes them so too, and the stem of the word after them. */
function headlineActor(s: Signals): [string[], string] {
  const actor: string[] = [];
  for (const m of s.item.title.matchAll(WORD)) {
    const bare = foldWord(m[0].toLowerCase().replace(/'s$|’s$/, ''));
    if (s.titleNames.has(bare) && /^\p{Lu}/u.test(m[0])) {
      if (!actor.length && headlineOpener(s) === bare) return [[], ''];
      actor.push(bare);
      continue;
    }
    if (!actor.length || STOPWORDS.has(bare) || /\d/.test(bare)) return [[], ''];
    return [actor, stem(bare)];
  }
  return [[], ''];
}

/** An item's parties under a corpus; `named` is its names as (id, idf, word), ascending ids. */
export function parties(s: Signals, corpus: Corpus, named: readonly [number, number, string][]): Parties {
  // Only a headline with a rare subject can set two parties apart (see partiesApart): the others skip this.
  const rareSubjects: [number, number][] = [];
  const subjectKeys: string[][] = [];
  let opener = -1;
  let partyNames: readonly number[] = NO_IDS;
  let partyWords: string[] = [];
  if (s.subjects.length) {
    const first = headlineOpener(s);
    for (const name of s.subjects) {
      const term = corpus.term(name, true);
      if (name !== first && term.idf >= RARE_SUBJECT_IDF && isPartyWord(name)) {
        rareSubjects.push([term.id, corpus.term(stem(name)).id]);
        subjectKeys.push(demonymKeys(name));
      }
    }
    if (first !== undefined && s.names.has(first)) opener = corpus.term(first, true).id;
    if (rareSubjects.length) [partyNames, partyWords] = partyNameIds(named, opener);
  }
  const [actorWords, act] = headlineActor(s);
  const actor: [number, number][] = [];
  for (const name of actorWords) {
    const term = corpus.term(name, true);
    if (name.length >= 4 && term.idf >= RARE_NAME_IDF && isPartyWord(name)) actor.push([term.id, corpus.term(stem(name)).id]);
  }
  if (actor.length && !rareSubjects.length) [partyNames, partyWords] = partyNameIds(named, opener);
  return { rareSubjects, partyNames, partyWords, opener, actor, act, subjectKeys };
}

/** True when ascending ids hold id (binary search: vectors are short, and this runs for every pair). */
export function holds(ids: readonly number[], id: number): boolean {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = ids[mid]!;
    if (x === id) return true;
    if (x < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** True when a's headline names a rare party (see RARE_SUBJECT_IDF) that b never mentions, as a name or as a word. */
export function rareOutsider(a: Weighted, b: Weighted): boolean {
  for (const [name, term] of a.rareSubjects) if (!holds(b.names.ids, name) && !holds(b.body.ids, term)) return true;
  return false;
}

/**
 * True when each headline is about its own rare party and the items share no rare name that could
 * tell a party ("fines Tamsin Freight" / "fines Oakmere Buses"; "Lindqvist Institute" / "Velmora
 * Institute" share only a generic word): two events of one kind, however alike the texts. Only
 * 1% of the same-event pairs the blocking proposes on NeuS windows look like this (mostly title-case
 * headlines), against 18% of the different-event ones; the fitted model cannot learn it as a weight,
 * because those negatives are easy ones on NeuS, so it is a veto like `contradicts`.
 */
export function partiesApart(a: Weighted, b: Weighted): boolean {
  if (!a.rareSubjects.length || !b.rareSubjects.length || !rareOutsider(a, b) || !rareOutsider(b, a)) return false;
  const [an, bn] = [a.partyNames, b.partyNames];
  let i = 0;
  let j = 0;
  while (i < an.length && j < bn.length) {
    if (an[i] === bn[j]) return false;
    if (an[i]! < bn[j]!) i++;
    else j++;
  }
  // "Iran" in one headline, "Iranians" in the other item: one party, named as a people (asked last: string keys).
  return !kinNamed(a, b) && !kinNamed(b, a);
}

/** An item's Parties.nameKeys, computed on first use. */
function nameKeysOf(w: Weighted): ReadonlySet<string> {
  return (w.nameKeys ??= w.rareSubjects.length ? new Set([...w.s.names].flatMap(demonymKeys)) : NO_KEYS);
}

/** True when b names one of a's rare subjects by a kin name: its demonym, or the place of a's demonym. */
function kinNamed(a: Weighted, b: Weighted): boolean {
  const nameKeys = nameKeysOf(b);
  for (const keys of a.subjectKeys) for (const k of keys) if (nameKeys.has(k)) return true;
  return false;
}

/** True when none of a's party words is named or written by b. */
function outsiderParty(a: readonly [number, number][], b: Weighted): boolean {
  for (const [name, term] of a) if (holds(b.names.ids, name) || holds(b.body.ids, term)) return false;
  return true;
}

/**
 * True when both headlines open with a party doing the same thing ("Corvid Labs cuts 120 jobs" /
 * "Cinderfall Studios cuts 120 jobs"), neither item names the other's party, and they share no name
 * that could tell a party: one act by two parties, so two events.
 */
export function actorsApart(a: Weighted, b: Weighted): boolean {
  if (!a.act || a.act !== b.act || !a.actor.length || !b.actor.length) return false;
  if (!outsiderParty(a.actor, b) || !outsiderParty(b.actor, a)) return false;
  // A shared word tells a party when one of the items writes it as a name mid-sentence, not only
  // where a sentence opens ("Affected staff will ...").
  const [an, bn] = [a.partyNames, b.partyNames];
  let i = 0;
  let j = 0;
  while (i < an.length && j < bn.length) {
    if (an[i] === bn[j]) {
      const word = a.partyWords[i]!;
      if (placedNamesOf(a.s).has(word) || placedNamesOf(b.s).has(word)) return false;
      i++;
      j++;
    } else if (an[i]! < bn[j]!) i++;
    else j++;
  }
  return true;
}
