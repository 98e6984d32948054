/**
 * Who did what: the people and organisations a draft sentence names, one-word names included,
 * against the cited sentences that report the same thing. A name those sentences do not give,
 * where they give another, stands in for someone else ("Barr praised Durham" where the source
 * says Trump did); two names the draft orders around a verb the other way round from the source
 * swap who acted and who was acted on.
 */
import { contentWords, escapeRegExp, startsUpper, STOPWORDS, stem } from '../../lib/text';
import { type Alignment, alignments } from './align';
import { IRREGULAR_PAST } from './verbs';
import { type CheckContext, excerpt, type IndexedSource, lowerCased, type SourceSentence } from './context';
import { nameWords, NOT_NAMES } from './extract/entities';
import { aliasesOf, inOneName, isPartyStateTag, isPlace, personName, samePlace, TITLE_WORDS } from './extract/names';
import type { QuoteSpan } from './extract/quotes';
import { type DraftSentence, type Passage, sentenceTokens } from './passages';
import type { SourceDoc } from '../types';

const CAPITAL_WORD = /\p{Lu}[\p{L}'’.-]*\p{L}|\p{Lu}/gu;
// Below this share of the draft sentence's content words, no cited sentence reports the same thing.
const MIN_SUPPORT = 0.3;
// A weaker share still ties the two sentences when they share the verb whose agent is compared (see otherAgent).
const AGENT_SUPPORT = 0.2;

/** A name of a draft sentence (a run of capitalised words) and the words that identify it. */
export interface NameRun {
  raw: string;
  start: number;
  end: number;
  /** Lower-case words that tell this name from others: titles, given names' partners and generic words left out. */
  keys: string[];
}

/**
 * Lower-case words the sources use as names: written with a capital inside a sentence, or written
 * only with a capital ("Oracle" opening every sentence it is in), function words left out.
 */
export function sourceNames(ctx: CheckContext): Set<string> {
  if (ctx.names) return ctx.names;
  const capitalised = new Set<string>();
  const inside = new Set<string>();
  const lower = new Set<string>();
  for (const s of ctx.sentences) {
    SOURCE_WORD.lastIndex = 0;
    for (let m = SOURCE_WORD.exec(s.text); m; m = SOURCE_WORD.exec(s.text)) {
      const word = normal(m[0]);
      if (!startsUpper(m[0])) lower.add(word);
      else {
        capitalised.add(word);
        if (m.index > 0 && !/[.!?:“"‘(—–-]\s*$/.test(s.text.slice(Math.max(0, m.index - 3), m.index))) inside.add(word);
      }
    }
  }
  const out = new Set<string>();
  // "Speaking from the Rose Garden, …": a participle is capitalised only where it opens a sentence.
  for (const w of capitalised) if (!lower.has(w) && !STOPWORDS.has(w) && !NOT_NAMES.has(w) && (inside.has(w) || !w.endsWith('ing'))) out.add(w);
  ctx.namesInside = new Set([...out].filter((w) => inside.has(w)));
  return (ctx.names = out);
}

// An exec loop over one hoisted pattern: matchAll copies its pattern on every call, and this reads every source word.
const SOURCE_WORD = /[\p{L}][\p{L}'’.-]*/gu;

const isApostrophe = (c: string | undefined) => c === "'" || c === '’';

/** Lower case, a final "'s" or apostrophe dropped, then a final full stop: the replaces of /['’]s?$/ and /\.$/, without a regex per word. */
function normal(word: string): string {
  let w = word.toLowerCase();
  const n = w.length;
  if (isApostrophe(w[n - 1])) w = w.slice(0, -1);
  else if (w[n - 1] === 's' && isApostrophe(w[n - 2])) w = w.slice(0, -2);
  return w.endsWith('.') ? w.slice(0, -1) : w;
}

/** The names of a sentence outside quotations: runs of capitalised words the sources use as names, titles and calendar words left out. */
function namesOf(ctx: CheckContext, text: string, quotes: QuoteSpan[], ignore: ReadonlySet<string>): NameRun[] {
  const known = sourceNames(ctx);
  const out: NameRun[] = [];
  let run: NameRun | null = null;
  CAPITAL_WORD.lastIndex = 0;
  for (let m = CAPITAL_WORD.exec(text); m; m = CAPITAL_WORD.exec(text)) {
    const word = normal(m[0]);
    const initial = m.index === 0 || /[.!?:“"‘(—]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index));
    // "Officials said …", "Really, …" opening a sentence: a word for people or an adverb, not a name, though the
    // sources only ever open sentences with it; "Kelly", which they capitalise inside a sentence too, is a name.
    const usable =
      word.length >= 2 && !NOT_NAMES.has(word) && !ignore.has(word) && !quotes.some((q) => q.start <= m!.index && m!.index < q.end) && (!initial || (known.has(word) && !PEOPLE.test(word) && (!/ly$/.test(word) || ctx.namesInside!.has(word))));
    // "Food and Drug Administration", "Department of Justice": connectors inside a name keep the run going.
    const adjacent = run !== null && /^\s+(?:(?:of|and|for|the|de|&)\s+)?$/.test(text.slice(run.end, m.index));
    if (!usable && !TITLE_WORDS.has(word)) {
      run = null;
      continue;
    }
    if (!adjacent) out.push((run = { raw: '', start: m.index, end: m.index, keys: [] }));
    run!.end = m.index + m[0].length;
    run!.raw = text.slice(run!.start, run!.end);
    if (usable && !TITLE_WORDS.has(word) && !GENERIC.has(word)) run!.keys.push(word);
  }
  return out.filter((r) => r.keys.length);
}

// A holiday names a day: it does nothing, so it stands in no one's place ("… by Easter" / "Speaking at a town hall, Trump …").
const HOLIDAY = /^(?:Thanksgiving|Christmas|Easter|Hanukkah|Passover|Ramadan|Eid|Diwali|Halloween|Juneteenth|Memorial Day|Labor Day|Labour Day|Independence Day|Veterans Day|Presidents Day|New Year's(?: Day| Eve)?|Inauguration Day|Election Day)$/;

// Words of organisation names too generic to tell one from another.
const GENERIC = new Set(
  ('department committee house senate court office agency party group university city county state states national federal ' +
    'united american republican democrat democratic new north south east west').split(' '),
);

function gives(s: SourceSentence, word: string): boolean {
  return s.lowerWords!.has(word) || aliasesOf(word).some((a) => s.lowerText!.includes(a));
}

function prepare(s: SourceSentence): SourceSentence {
  lowerCased(s);
  return s;
}

/**
 * Findings for who did what in one sentence of a cited passage, against the cited sentence that
 * best reports the same thing. The two are aligned on the content words they share; a name of the
 * draft that the source sentence (or the sentence before it, where a pronoun carries the name)
 * does not give, standing between the same shared words as a name the source gives instead, was
 * put in that name's place; two names in the opposite order around shared words swap who did what.
 */
export function checkRoles(ctx: CheckContext, p: Passage, part: DraftSentence, pool: IndexedSource[], quotes: QuoteSpan[], ignore: ReadonlySet<string>): string[] {
  const names = namesOf(ctx, part.text, quotes, ignore);
  if (!names.length) {
    // "Republicans withheld the votes": parties and chambers are no names, but who acted is still theirs.
    if (!SIDE_WORD.test(part.text)) return [];
    const ranked = alignments(ctx, part, pool);
    const side = otherSide(part.text, ranked);
    if (side) return [agentFinding(ctx, p, part, side.source!, side)];
    const best = ranked[0];
    if (!best || best.score < STRONG || p.kind === 'answer') return [];
    const source = prepare(best.sentence);
    const swapped = sideInSlot(part.text, source.text, sharedAnchors(part, [], source, (source.nameRuns ??= namesOf(ctx, source.text, [], ignore))));
    return swapped ? [sideFinding(ctx, p, part, source, swapped)] : [];
  }
  const leaveOut = new Set(names.flatMap((n) => n.keys.map(stem)));
  // Headlines are in title case: their capitals are not names.
  const ranked = alignments(ctx, part, pool, leaveOut).filter((a) => a.id !== ctx.byNumber.get(a.sentence.n)!.firstSentence);
  const best = ranked[0];
  if (!best || best.score < AGENT_SUPPORT) return [];
  const source = prepare(best.sentence);
  const theirs = (source.nameRuns ??= namesOf(ctx, source.text, [], ignore));
  // Below MIN_SUPPORT only the agent of a verb the two sentences share is compared: the verb itself ties them.
  if (best.score < MIN_SUPPORT) {
    const agent: Agent | null = otherAgent(ctx, part.text, names, source, theirs) ?? otherPassiveAgent(ctx, part.text, names, ranked, ignore);
    return agent ? [agentFinding(ctx, p, part, agent.source ?? source, agent)] : [];
  }
  const before = ctx.sentences[best.id - 1];
  const carried = before && before.n === source.n ? prepare(before) : null;
  const anchors = sharedAnchors(part, names, source, theirs);
  if (!anchors.length) return [];
  const out: string[] = [];
  const mine = new Set(names.flatMap((n) => n.keys));
  const mineStems = new Set([...mine].map(stem));
  for (const n of names) {
    if (n.keys.some((k) => gives(source, k))) continue;
    // "Rep. Alexandria Ocasio-Cortez, D-N.Y.": Congress's party-and-state tag describes the member before it; it does no act.
    if (isPartyStateTag(n.raw)) continue;
    // "CBP" where the source spells out "Customs and Border Protection": the same name.
    if (theirs.some((r) => variants(r, n))) continue;
    // "He also warned…": the name stands in the sentence before.
    if (carried && n.keys.some((k) => gives(carried, k)) && PRONOUN.test(source.text)) continue;
    // The slot must be closed on both sides by shared words, and the rival a name of the same shape that is not a variant.
    const [from, to] = slot(anchors, n.start, n.end);
    const rival = theirs.find(
      (r) => r.start >= from && r.start < to && !aside(source.text, r) && sameShape(r, n) && kindsMeet(ctx, r, n) && !HOLIDAY.test(r.raw) && !r.keys.some((k) => mineStems.has(stem(k)) || aliasesOf(k).some((x) => mine.has(x))) && !variants(r, n),
    );
    // An FAQ answer is a fragment ("Deborah Ramirez, who came forward Sunday …"): too few words around a name to tell its slot.
    if (!rival || best.score < STRONG || p.kind === 'answer' || givenNameOf(ctx, rival.raw, n.raw)) continue;
    // "the capital of Afghanistan could fall" for "Kabul could fall": the slot holds a description
    // with the rival name inside it, not the rival alone.
    if (describes(source.text, from, to, rival) || modifies(source.text, rival, part.text, n) || spelledAfter(source.text, rival, n)) continue;
    out.push(`${p.where}: "${n.raw}" stands where ${ctx.byNumber.get(source.n)!.label} names ${rival.raw} — ${excerpt(source.text, 90)} — ${excerpt(part.text)}`);
  }
  const agent: Agent | null = otherAgent(ctx, part.text, names, source, theirs) ?? otherPassiveAgent(ctx, part.text, names, ranked, ignore);
  if (agent) out.push(agentFinding(ctx, p, part, agent.source ?? source, agent));
  const side = otherSide(part.text, ranked);
  if (side) out.push(agentFinding(ctx, p, part, side.source!, side));
  else if (best.score >= STRONG && p.kind !== 'answer') {
    const swapped = sideInSlot(part.text, source.text, anchors);
    if (swapped) out.push(sideFinding(ctx, p, part, source, swapped));
  }
  const swap = swappedRoles(names, theirs, anchors, part.text, source.text);
  if (swap) out.push(`${p.where}: ${swap} (${ctx.byNumber.get(source.n)!.label} has them the other way round) — ${excerpt(source.text, 90)} — ${excerpt(part.text)}`);
  return out;
}

const PRONOUN = /\b(?:he|she|they|it|his|her|their)\b/i;

const inName = (runs: NameRun[], at: number) => runs.some((r) => r.start <= at && at < r.end);

/** Content words (outside names) the draft sentence shares with the source sentence, as [draft offset, source offset], in draft order. */
function sharedAnchors(part: DraftSentence, names: NameRun[], source: SourceSentence, theirs: NameRun[]): [number, number][] {
  const anchors: [number, number][] = [];
  for (const t of sentenceTokens(part)) {
    if (t.start < 0 || inName(names, t.start)) continue;
    const u = source.tokens.find((x) => x.w === t.w && !inName(theirs, x.start));
    if (u) anchors.push([t.start, u.start]);
  }
  return anchors;
}

// A party or chamber as a text names it, the chamber before a party optional ("Senate Republicans", "Democratic-led").
// A side as an adjective of control ("Republican-held seat") describes a thing, not who acted: left out.
const SIDE_RUN = /(?<!White\s)\b(?:(House|Senate)\s+)?(Democrats?|Democratic|Republicans?|GOP|[Ll]iberals?|[Cc]onservatives?|House|Senate)\b(?!-(?:held|controlled|leaning|majority))/g;

/** The sides a text names, each with its family, chamber and offsets. */
function sidesIn(text: string, from = 0): { family: string; chamber?: string; raw: string; start: number; end: number }[] {
  const out = [];
  for (const m of text.matchAll(SIDE_RUN)) {
    const word = m[2]!.toLowerCase();
    const family = word === 'democratic' ? 'democrat' : word === 'liberal' || word === 'conservative' ? word : SIDES[word]?.family;
    if (family) out.push({ family, chamber: m[1]?.toLowerCase(), raw: m[0], start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

const OPPOSITE: Record<string, string> = { democrat: 'republican', republican: 'democrat', liberal: 'conservative', conservative: 'liberal', house: 'senate', senate: 'house' };

/**
 * A side the draft puts where the source sentence reporting the same thing has the other side, in the slot between the same
 * shared words ("working with Georgia Democrats to" / "working with Georgia Republicans to"; "Senate Republicans tabled" /
 * "the Democratic-led Senate tabled"), and the draft's side nowhere in that slot: { mine, theirs } or null.
 */
function sideInSlot(text: string, sourceText: string, anchors: [number, number][]): { mine: string; theirs: string } | null {
  const sides = sidesIn(text);
  for (const side of sides) {
    const [from, to] = slot(anchors, side.start, side.end);
    if (to < 0) continue;
    const next = anchors.find(([d]) => d >= side.end)!;
    // "Democrats said the Republicans carried": a slot holding two sides does not tell which one the source's stands for.
    const left = anchors.filter(([d]) => d < side.start).at(-1)?.[0] ?? 0;
    if (sides.some((o) => o !== side && o.start >= left && o.end <= next[0])) continue;
    // A side opening the sentence is a subject: the shared word after it must be its verb, not a noun the sentences share.
    if (!anchors.some(([d]) => d < side.start) && !VERB_SHAPE.test(/^\p{L}+/u.exec(text.slice(next[0]))?.[0].toLowerCase() ?? '')) continue;
    const theirs = sidesIn(sourceText.slice(from, to), from);
    if (!theirs.length || theirs.some((t) => t.family === side.family && (!side.chamber || !t.chamber || t.chamber === side.chamber))) continue;
    // "the Democratic-led Senate": a party leading a chamber is the chamber's side, read whole.
    const rival = theirs.find((t) => t.family === OPPOSITE[side.family] || (t.family === side.family && t.chamber && side.chamber && t.chamber !== side.chamber));
    if (rival) return { mine: side.raw, theirs: rival.raw };
  }
  return null;
}

function sideFinding(ctx: CheckContext, p: Passage, part: DraftSentence, source: SourceSentence, swapped: { mine: string; theirs: string }): string {
  return `${p.where}: "${swapped.mine}" stands where ${ctx.byNumber.get(source.n)!.label} has ${swapped.theirs} — ${excerpt(source.text, 90)} — ${excerpt(part.text)}`;
}

/** Someone else doing what the draft has a name do: the draft's name, the source's, the verb, and the source sentence when not the best. */
interface Agent {
  mine: string;
  theirs: string;
  verb: string;
  source?: SourceSentence;
}

// The two sides of American politics and of Congress, each word's family and its opposite.
const SIDES: Record<string, { family: string; other: string }> = {
  democrats: { family: 'democrat', other: 'republican' }, democrat: { family: 'democrat', other: 'republican' },
  republicans: { family: 'republican', other: 'democrat' }, republican: { family: 'republican', other: 'democrat' }, gop: { family: 'republican', other: 'democrat' },
  liberals: { family: 'liberal', other: 'conservative' }, conservatives: { family: 'conservative', other: 'liberal' },
  house: { family: 'house', other: 'senate' }, senate: { family: 'senate', other: 'house' },
};
// The words of SIDES as a text writes them.
const SIDE_NAMES = String.raw`Democrats?|Republicans?|GOP|[Ll]iberals|[Cc]onservatives|House|Senate`;
const SIDE_WORD = new RegExp(String.raw`\b(?:${SIDE_NAMES})\b`);
const CHAMBER = /^(?:house|senate)$/;

/** A party or chamber a text has act: its family, the other family, the chamber before it, as written. */
interface Side {
  family: string;
  other: string;
  chamber?: string;
  raw: string;
}

/** The side named right before offset `at`, with the chamber before it ("Senate Republicans": family republican, chamber senate), or null. */
function sideOf(text: string, at: number, planned = false): Side | null {
  // "Senate Republicans in May blocked": a time between the side and its verb.
  const before = text.slice(Math.max(0, at - 48), at).replace(/['’]s\s*$/, ' ').replace(TIME_BEFORE_VERB, ' ');
  const words = before.split(/[,;:—–(]/).at(-1)!.match(/[\p{L}-]+/gu) ?? [];
  while (words.length && (skippedBeforeVerb(words.at(-1)!) || (planned && PLAN_BEFORE_VERB.has(words.at(-1)!.toLowerCase())))) words.pop();
  const w = words.at(-1)?.toLowerCase().replace(/-led$/, '');
  const side = w ? SIDES[w] : undefined;
  const prev = words.at(-2)?.toLowerCase();
  // "the White House agreed": the administration, no chamber.
  if (!side || (w === 'house' && prev === 'white')) return null;
  const chamber = prev && CHAMBER.test(prev) ? prev : undefined;
  return { ...side, chamber, raw: words.slice(chamber ? -2 : -1).join(' ') };
}

/**
 * A party or chamber the draft has act ("Republicans withheld", "House Republicans blocked") where the cited sentences that
 * report the same thing with the same verb have the other side act ("Democrats withheld", "Senate Republicans blocked") and
 * none has the draft's side act.
 */
function otherSide(text: string, ranked: readonly Alignment[]): Agent | null {
  SIDE_THEN_WORD.lastIndex = 0;
  for (let m = SIDE_THEN_WORD.exec(text); m; m = SIDE_THEN_WORD.exec(text)) {
    // The word after the side is what it did: a verb of any form ("withheld", "blocked", "opposed", "voted").
    const verb = m[2]!;
    if (STOPWORDS.has(verb) || !VERB_SHAPE.test(verb)) continue;
    const at = m.index + m[0].length - verb.length;
    const mine = sideOf(text, at);
    if (!mine) continue;
    const forms = verbForms(verb);
    let rival: { raw: string; s: SourceSentence } | null = null;
    let same = false;
    for (const a of ranked) {
      if (a.score < MIN_SUPPORT) break;
      for (const hit of a.sentence.text.matchAll(forms)) {
        // "was seized upon by Democrats": the passive's agent acted.
        const theirs = sideOf(a.sentence.text, hit.index) ?? sideAfterBy(a.sentence.text.slice(hit.index + hit[0].length, hit.index + hit[0].length + 48));
        if (!theirs) continue;
        const swapped = theirs.family === mine.other || (theirs.family === mine.family && mine.chamber && theirs.chamber && mine.chamber !== theirs.chamber);
        if (!swapped) same = true;
        else rival ??= { raw: theirs.raw, s: a.sentence };
      }
    }
    if (rival && !same) return { mine: mine.raw, theirs: rival.raw, verb, source: rival.s };
  }
  // "Republicans are expected to block the measure" where "it is expected to be blocked by Democrats": a side's planned act.
  SIDE_PLAN_VERB.lastIndex = 0;
  for (let m = SIDE_PLAN_VERB.exec(text); m; m = SIDE_PLAN_VERB.exec(text)) {
    const verb = m[2]!;
    if (STOPWORDS.has(verb) || PLAN_BEFORE_VERB.has(verb)) continue;
    const mine = sideOf(text, m.index + m[0].length - verb.length, true);
    if (!mine) continue;
    const forms = verbForms(verb);
    let rival: { raw: string; s: SourceSentence } | null = null;
    let same = false;
    for (const a of ranked) {
      if (a.score < MIN_SUPPORT) break;
      for (const hit of a.sentence.text.matchAll(forms)) {
        const theirs = sideOf(a.sentence.text, hit.index, true) ?? sideAfterBy(a.sentence.text.slice(hit.index + hit[0].length, hit.index + hit[0].length + 48));
        if (!theirs) continue;
        if (theirs.family === mine.other) rival ??= { raw: theirs.raw, s: a.sentence };
        else same = true;
      }
    }
    if (rival && !same) return { mine: mine.raw, theirs: rival.raw, verb, source: rival.s };
  }
  return null;
}

// Words between a side and the act it plans or is expected to do: "are expected to", "will", "plan to", "vowed not to".
const PLAN_BEFORE_VERB = new Set(
  'are is was were be will would could may might not expected set poised likely planning plan plans planned vowed vow vows threatened threaten threatens going ready trying try tried seeking seek seeks hoping hope hopes to'.split(' '),
);
const SIDE_PLAN_VERB = new RegExp(
  String.raw`\b(${SIDE_NAMES})(?:-led)?\s+(?:(?:are|is|were|was|be|also|now|still)\s+)*(?:(?:expected|set|poised|likely|planning|plan|plans|planned|vowed|vow|vows|threatened|threaten|threatens|going|ready|trying|try|tried|seeking|seek|seeks|hoping|hope|hopes)\s+(?:not\s+)?to|will|would|could|may|might)\s+(\p{Ll}{3,})\b`,
  'gu',
);

const TIME_BEFORE_VERB = /\s(?:in|on|last|this|earlier|late|early)\s+(?:\p{Lu}\p{Ll}+|week|month|year)\s*$/u;
const BY_SIDE = new RegExp(String.raw`^\s+(?:(?:upon|on)\s+)?by\s+(?:the\s+)?(?:(House|Senate)\s+)?(${SIDE_NAMES})\b`);

/** The side a passive names as its agent right after a verb ("… upon by Senate Democrats"), or null. */
function sideAfterBy(after: string): Side | null {
  const m = BY_SIDE.exec(after);
  const side = m ? SIDES[m[2]!.toLowerCase()] : undefined;
  if (!m || !side) return null;
  return { ...side, chamber: m[1]?.toLowerCase(), raw: m[1] ? `${m[1]} ${m[2]}` : m[2]! };
}

// A side and the word after it (an adverb or auxiliary may stand between): "Republicans withheld", "the Senate had tabled".
const SIDE_THEN_WORD = new RegExp(String.raw`\b(${SIDE_NAMES})(?:-led)?\s+(?:(?:also|later|again|then|previously|earlier|already|just|has|have|had|\p{Ll}{2,}ly)\s+)*(\p{Ll}{3,})\b`, 'gu');
// A past verb: "-ed" or a common irregular past. A present "-s" is left out: "Republican votes" is a noun.
const VERB_SHAPE = /^(?:\p{Ll}+ed|withheld|held|won|lost|led|sought|fought|kept|struck|left|sent|took|gave|made)$/u;

// A participle and the agent a "by" names after it: "was filed by Catholic Social Services", "obtained by Fox News".
const BY_AGENT = /\b(\p{Ll}{3,})\s+by\s+(?:the\s+)?(?=\p{Lu})/gu;

/**
 * The agent a draft's passive names ("was filed by the City of Philadelphia") where every cited sentence that reports the
 * same thing with the same verb names someone else ("Catholic Social Services filed", "filed by Catholic Social Services")
 * and none names the draft's agent anywhere.
 */
function otherPassiveAgent(ctx: CheckContext, text: string, names: NameRun[], ranked: readonly Alignment[], ignore: ReadonlySet<string>): Agent | null {
  BY_AGENT.lastIndex = 0;
  for (let m = BY_AGENT.exec(text); m; m = BY_AGENT.exec(text)) {
    const verb = m[1]!;
    if (!/(?:ed|en)$/.test(verb) && !Object.hasOwn(IRREGULAR_PAST, verb)) continue;
    // The name may open on a word that is no key of it (an outlet's word: "Calder" of "Calder Transit Authority").
    const from = m.index + m[0].length;
    const run = names.find((n) => n.start >= from && /^(?:\p{Lu}[\p{L}'’.-]*\s+)*$/u.test(text.slice(from, n.start)));
    if (!run) continue;
    const forms = verbForms(verb);
    let rival: { name: NameRun; s: SourceSentence } | null = null;
    for (const a of ranked) {
      if (a.score < AGENT_SUPPORT) break;
      const s = prepare(a.sentence);
      forms.lastIndex = 0;
      const at = forms.exec(s.lowerText!);
      if (!at) continue;
      // The draft's agent anywhere in a sentence with the verb may be its agent there.
      if (run.keys.some((k) => gives(s, k)) || (s.nameRuns ??= namesOf(ctx, s.text, [], ignore)).some((r) => variants(r, run))) return null;
      const after = /^\s+(?:\p{Ll}+\s+)?by\s+(?:the\s+)?/u.exec(s.text.slice(at.index + at[0].length));
      const by = after ? at.index + at[0].length + after[0].length : -1;
      const name = after
        ? s.nameRuns.find((r) => r.start >= by && /^(?:\p{Lu}[\p{L}'’.-]*\s+)*$/u.test(s.text.slice(by, r.start)))
        : s.nameRuns.find((r) => r.end <= at.index && /^\s*(?:(?:has|have|had|was|were|also|then)\s+)*$/.test(s.text.slice(r.end, at.index)));
      if (name && !aside(s.text, name)) rival ??= { name, s };
    }
    if (rival) return { mine: run.raw, theirs: rival.name.raw, verb, source: rival.s };
  }
  return null;
}

function agentFinding(ctx: CheckContext, p: Passage, part: DraftSentence, source: SourceSentence, agent: { mine: string; theirs: string; verb: string; theirVerb?: string }): string {
  return `${p.where}: "${agent.mine}" ${agent.verb} where ${ctx.byNumber.get(source.n)!.label} has ${agent.theirs} ${agent.theirVerb ?? agent.verb} — ${excerpt(source.text, 90)} — ${excerpt(part.text)}`;
}

/** Whether a source writes the two names as one ("Bill Barr"): the first is the other's given name, the same person. */
function givenNameOf(ctx: CheckContext, given: string, surname: string): boolean {
  const full = `${given} ${surname.replace(/['’]s?$/, '')}`;
  return !given.includes(' ') && ctx.sentences.some((s) => s.text.includes(full));
}

/** Whether the rival is the object of a noun in the source slot ("the capital of Afghanistan"): a description, not a name in its place. */
function describes(text: string, from: number, to: number, rival: NameRun): boolean {
  const before = text.slice(from, rival.start);
  return /\b\p{Ll}{3,}\s+(?:of|in|for|from)\s+(?:the\s+)?$/u.test(before) && to > rival.start;
}

// Verbs whose subject is who acted or spoke: said, told, warned … and any past form.
const ACTING_VERB = /^(?:said|says|told|tells|warned|warns|added|argued|wrote|called|described|tweeted|posted|declared|claimed|urged|announced|asked|insisted|suggested|vowed|pledged|promised|\p{Ll}{3,}ed)$/u;
const PEOPLE = /^(?:aides?|officials?|advisers?|advisors?|spokes(?:man|woman|person)|lawmakers?|senators?|leaders?|critics?|supporters?|officers?|police|prosecutors?|lawyers?|attorneys?|analysts?|experts?|residents?|witnesses?|sources?|democrats?|republicans?|members?|organizers?|activists?|protesters?|workers?|employees?|executives?|investors?|voters?|scientists?|researchers?|doctors?|judges?|justices?)$/;
// Parties' people are a rival to an organisation's name too ("Republicans said" is not "the White House said").
const PARTY_PEOPLE = /^(?:democrats?|republicans?)$/;
// Organisations that act, when the source makes them someone's ("his campaign", "Biden's administration"); "the company" refers back.
const ORGANISATION = /^(?:campaign|administration|government|company|agency|committee|council|board|union|team|office)$/;
const SKIP_BEFORE_VERB = new Set(['also', 'later', 'again', 'then', 'previously', 'earlier', 'already', 'just', 'has', 'have', 'had']);
// An adverb in "-ly" between a subject and its verb ("narrowly", "reportedly", "unanimously"): lower case, so not "Italy".
const LY_ADVERB = /^\p{Ll}{2,}ly$/u;
const skippedBeforeVerb = (w: string) => SKIP_BEFORE_VERB.has(w.toLowerCase()) || LY_ADVERB.test(w);

/** The word or name right before a verb in a text (adverbs and auxiliaries skipped), as lower-case words. */
function subjectBefore(text: string, at: number): string | null {
  // "The maker, based in Dunmore, said": after a comma the subject is out of reach.
  if (/,\s*(?:(?:also|later|again|then|has|have|had)\s+)*$/.test(text.slice(Math.max(0, at - 30), at))) return null;
  // The subject stands in the verb's own clause: "… for city hall: Reuter had announced" is Reuter's.
  // "Pelosi (D-Calif.) said": a closed aside before the verb describes the subject and is skipped.
  const before = withoutAside(text.slice(Math.max(0, at - 60), at));
  const words = before.split(/[:;—–(]/).at(-1)!.match(/[\p{L}'’.-]+/gu) ?? [];
  while (words.length && skippedBeforeVerb(words.at(-1)!)) words.pop();
  const w = words.at(-1);
  // "Trump's estimated worth": a possessive owns a noun, it does not act.
  if (!w || /['’]s$/.test(w)) return null;
  // "A lawyer for President Trump said", "an inquiry into President Trump said": a name after a preposition is
  // its object, not the subject (read within the verb's comma-free stretch: "On Tuesday, Trump said" is Trump's).
  const stretch = before.split(',').at(-1)!.match(/[\p{L}'’.-]+/gu) ?? [];
  if (stretch.slice(-4, -1).some((x) => OBJECT_OF.has(x.toLowerCase()))) return null;
  // "told the Sunday Times that researchers say": words reported inside someone else's statement.
  if (words.slice(-3, -1).some((x) => x.toLowerCase() === 'that')) return null;
  return normal(w);
}

// Prepositions whose object a name right before a verb is: "a lawyer for", "an inquiry into".
const OBJECT_OF = new Set(['for', 'of', 'to', 'into', 'against', 'about', 'toward', 'towards', 'than']);

/** The text without a parenthetical aside that closes it: "Pelosi (D-Calif.) " is "Pelosi ". */
function withoutAside(text: string): string {
  return /\)\s*$/.test(text) ? text.replace(/\s*\([^()]*\)\s*$/, ' ') : text;
}

/** Whether a name stands in the clause before offset `at`, spelled out or as the initials of its capitalised words. */
function namedBefore(text: string, at: number, run: NameRun): boolean {
  const clause = withoutAside(text.slice(Math.max(0, at - 80), at)).split(/[,;:—–(]|\.\s/).at(-1)!;
  const words = clause.match(/[\p{L}'’.-]+/gu) ?? [];
  const lower = new Set(words.map(normal));
  // "the Republican lawmakers" names "Republicans": a party or people in either number.
  if (run.keys.some((k) => lower.has(k) || lower.has(k.replace(/s$/, '')))) return true;
  // "Defense Department officials said" names the Pentagon: an alias of the name in the clause is the same agent.
  const spaced = ` ${words.map(normal).join(' ')} `;
  if (aliasesOf(run.keys.join(' ')).some((a) => spaced.includes(` ${a} `))) return true;
  const initials = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]!.toLowerCase()).join('');
  return run.keys.length === 1 && run.keys[0]!.length >= 2 && initials.includes(run.keys[0]!.replace(/\./g, ''));
}

/** Whether the organisation word right before offset `at` is someone's: "his campaign", "Biden's campaign". */
function ownedBefore(text: string, word: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at).toLowerCase();
  const i = before.lastIndexOf(word);
  return i >= 0 && /(?:\b(?:his|her|their)|['’]s)\s+$/.test(before.slice(0, i));
}

// Every lower-case word of a draft sentence is tried as a verb: one hoisted pattern (matchAll copied it per sentence).
const LOWER_WORD = /\p{Ll}+/gu;

/**
 * A verb the draft and its source sentence share whose subject in the draft is a name the source
 * does not give it to: "Biden also warned that …" where the source has "Xi warned that …".
 */
function otherAgent(ctx: CheckContext, text: string, names: NameRun[], source: SourceSentence, theirs: NameRun[]): { mine: string; theirs: string; verb: string; theirVerb?: string } | null {
  const sourceText = source.text;
  // The cited sentence's lower case, kept with it (./context `lowerCased`): not lower-cased again per draft sentence.
  const lower = lowerCased(source).lowerText;
  LOWER_WORD.lastIndex = 0;
  for (let m = LOWER_WORD.exec(text); m; m = LOWER_WORD.exec(text)) {
    // "Democrats withheld", "Biden led": irregular past forms act as the -ed ones do, but for light and motion verbs
    // ("the town hall came", "prices fell"), whose subjects are seldom agents.
    if (!ACTING_VERB.test(m[0]) && !(Object.hasOwn(IRREGULAR_PAST, m[0]) && !NOT_AGENTIVE.has(m[0]))) continue;
    const mine = subjectBefore(text, m.index);
    const run = names.find((n) => n.keys.includes(mine ?? ''));
    if (!run) continue;
    // Every place the source uses the verb: the draft's name must be the subject of one of them.
    const subjects: string[] = [];
    let unknown = false;
    const relation = relationAfter(text, m.index + m[0].length);
    for (const at of lower.matchAll(verbForms(m[0]))) {
      // "Handel finished ahead of Ossoff" for "Ossoff finished behind Handel": a converse relation turns subject and object.
      const converse = relationAfter(lower, at.index + at[0].length);
      if (relation && converse && relation.pair === converse.pair && relation.side !== converse.side) {
        const object = sourceText.slice(at.index + at[0].length + converse.length, at.index + at[0].length + converse.length + 60);
        if (namedBefore(sourceText, at.index, run) && !run.keys.some((k) => object.toLowerCase().includes(k))) return { mine: run.raw, theirs: run.raw, verb: `${m[0]} ${relation.words}`, theirVerb: `${at[0]} ${converse.words}` };
        unknown = true;
        continue;
      }
      // "an image of Bloomberg posted by Dan Scavino": a participle with its agent after it; the name before is no subject.
      if (/^\s+by\b/.test(lower.slice(at.index + at[0].length, at.index + at[0].length + 5))) {
        unknown = true;
        continue;
      }
      // "Senate Minority Leader Mitch McConnell of Kentucky said", "Centers for Disease Control and Prevention said":
      // the draft's name anywhere in the words before the verb, or as their initials, is the same subject.
      if (namedBefore(sourceText, at.index, run)) {
        unknown = true;
        continue;
      }
      const other = subjectBefore(sourceText, at.index);
      // "The Kentucky Republican said": a party member described with "the" is someone named before.
      if (other && /^(?:democrat|republican|independent)$/.test(other) && /\bthe\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+\s+$/iu.test(sourceText.slice(Math.max(0, at.index - 45), at.index))) {
        unknown = true;
        continue;
      }
      if (!other) unknown = true;
      // "the official refused": one person described with "the" is someone named before, maybe the draft's name.
      // "the Atomic Energy Organization's spokesman warned": so is one described by whose they are.
      // "the president's former personal attorney said": a few describing words, an owner among them, still one person ("his
      // lawyer said" is not: the owner is the person named).
      else if (PEOPLE.test(other) && !other.endsWith('s') && /(?:\bthe\s+(?:[\p{Ll}'’-]+\s+){0,3}|\p{Lu}[\p{L}'’.-]*\s+)$/u.test(sourceText.slice(Math.max(0, at.index - 60), at.index).replace(/[\p{L}'’.-]+\s*$/u, ''))) unknown = true;
      else if (!ORGANISATION.test(other) || ownedBefore(sourceText, other, at.index)) subjects.push(other);
      // "the company said": the organisation is named elsewhere; it may be the draft's name.
      else unknown = true;
    }
    // "One Republican, Sen. Mitt Romney, voted": a use whose subject is out of reach may be the draft's name.
    // "CDC recommended" for "Centers for Disease Control and Prevention recommended": an acronym is the same agent.
    const acronym = (x: string) => acronymOfRun(run, { raw: x.toUpperCase(), start: 0, end: 0, keys: [x] });
    if (unknown || !subjects.length || subjects.some((x) => run.keys.includes(x) || aliasesOf(x).some((a) => run.keys.includes(a)) || PRONOUN.test(x) || acronym(x))) continue;
    // Only a name or a word for people is someone else who acted; "been", "commission", "who" are not. Unnamed
    // people ("officials said", "union leaders reached") may be an organisation's own: a rival only to a person.
    const words = nameWords(run.raw);
    // An organisation by its shape: an acronym ("UAW") or several words that are no person's name ("Customs and Border Protection").
    const person = !/^\p{Lu}[\p{Lu}.&]+$/u.test(run.raw) && (words.length < 2 || personName(words, run.raw) !== null);
    const rival = subjects.find((x) => theirs.some((r) => r.keys.includes(x)) || (PEOPLE.test(x) && (person || PARTY_PEOPLE.test(x))) || ORGANISATION.test(x));
    if (!rival) continue;
    // "Biden said …, hours after Pelosi said …" for "Biden said …, after Pelosi told …": the source's use is the draft's other one.
    if (otherUseBy(text, m.index, m[0], rival)) continue;
    // "Rennick vetoed" where the source has "Tate vetoed": one person, whose whole name a source gives ("Gov. Tate Rennick").
    // "The LAPD said" where it has "Lee said": an organisation speaks through its people, one a source of the story names
    // with it ("LAPD Public Information Officer Jeff Lee").
    const saying = Object.hasOwn(IRREGULAR, m[0]);
    if (ctx.sources.some((d) => run.keys.some((k) => inOneName(d.text, k, rival, 'adjacent') || (saying && inOneName(d.text, k, rival, 'before'))))) continue;
    // "Trump signed four orders …, while Obama signed five": another sentence of the story has the draft's name do it to the
    // same thing (its object shares a content word with the draft's: "Obama signed five" is no "Trump signed four orders").
    const object = objectWords(text.slice(m.index + m[0].length));
    if (!saying && object.size && ctx.sources.some((d) => [...d.text.matchAll(verbForms(m![0]))].some((at) => namedBefore(d.text, at.index, run) && [...objectWords(d.text.slice(at.index + at[0].length))].some((w) => object.has(w))))) continue;
    return { mine: run.raw, theirs: theirs.find((r) => r.keys.includes(rival))?.raw ?? rival, verb: m[0] };
  }
  return null;
}

/** Whether the draft sentence has the verb again, at another place than `at`, with `subject` (a lower-case key) as its subject. */
function otherUseBy(text: string, at: number, verb: string, subject: string): boolean {
  for (const m of text.toLowerCase().matchAll(verbForms(verb))) if (m.index !== at && subjectBefore(text, m.index) === subject) return true;
  return false;
}

/** The content words of the few words after a verb, up to a clause break: what it acts on, roughly. */
function objectWords(after: string): Set<string> {
  const clause = after.slice(0, 60).split(/[,;:—–(]|\.\s/)[0]!;
  return new Set(contentWords(clause).filter((w) => !/\d/.test(w)));
}

// Irregular past forms whose subject seldom acts on anyone: light verbs, motion, change and perception.
const NOT_AGENTIVE = new Set('came went got had made took gave put set kept left became begun began fell fallen rose risen grew saw found thought felt knew stood sat seemed been done'.split(' '));

// Irregular forms of the verbs that attribute words: "Experts say" is the "said" of "Biden said".
const IRREGULAR: Record<string, string> = { said: 'say|says|said', says: 'say|says|said', told: 'tell|tells|told', tells: 'tell|tells|told', wrote: 'write|writes|wrote', writes: 'write|writes|wrote' };

// Relations with a converse: "ahead of" / "behind", "more than" / "fewer than".
const RELATIONS: [string, string][] = [['ahead of', 'behind'], ['above', 'below'], ['more than', 'fewer than|less than'], ['higher than', 'lower than']];
const RELATION_AFTER = new RegExp(String.raw`^\s+(${RELATIONS.flat().join('|')})\b`, 'i');

/** The converse relation right after a verb, as its pair, its side and its words, or null. */
function relationAfter(text: string, at: number): { pair: number; side: number; words: string; length: number } | null {
  const m = RELATION_AFTER.exec(text.slice(at, at + 20));
  if (!m) return null;
  const words = m[1]!.toLowerCase();
  const pair = RELATIONS.findIndex(([a, b]) => a === words || b.split('|').includes(words));
  return { pair, side: RELATIONS[pair]![0] === words ? 0 : 1, words, length: m[0].length };
}

/** A pattern for a verb's present and past forms ("warned" -> warn, warns, warned). */
function verbForms(verb: string): RegExp {
  // Asked per draft verb and cited sentence: one pattern per verb. matchAll starts at the pattern's lastIndex and
  // otherPassiveAgent execs it, so it is handed out at 0 as a new one would be.
  let known = VERB_FORMS.get(verb);
  if (!known) VERB_FORMS.set(verb, (known = verbFormsPattern(verb)));
  known.lastIndex = 0;
  return known;
}

const VERB_FORMS = new Map<string, RegExp>();

function verbFormsPattern(verb: string): RegExp {
  const irregular = IRREGULAR[verb];
  if (irregular) return new RegExp(`\\b(?:${irregular})\\b`, 'g');
  // "led" is "lead", "leads" and "led"; its -ed stem would be "l".
  if (Object.hasOwn(IRREGULAR_PAST, verb)) {
    const base = IRREGULAR_PAST[verb]!;
    return new RegExp(`\\b(?:${verb}|${base}|${base}s|${base}es)\\b`, 'g');
  }
  const stemmed = verb.replace(/(?:ed|s)$/, '');
  return new RegExp(`\\b${stemmed}(?:s|es|ed|d)?\\b`, 'g');
}

/**
 * The source offsets between the shared words either side of a draft name: where the same slot
 * lies in the source. A name that opens the sentence is closed on the left by the sentence start.
 * Empty when a side is open or the shared words cross over.
 */
function slot(anchors: [number, number][], start: number, end: number): [number, number] {
  const left = anchors.filter(([d]) => d < start).at(-1);
  const right = anchors.find(([d]) => d >= end);
  if (!right || (!left && start > 0)) return [0, -1];
  // Only words right next to the name close its slot: "X, a former Y, said" keeps its apposition.
  if (right[0] - end > 30 || (left && start - left[0] > 40)) return [0, -1];
  const from = left ? left[1] : 0;
  return from < right[1] ? [from, right[1]] : [0, -1];
}

// Only a source sentence this close to the draft sentence vouches for who is in which slot.
const STRONG = 0.45;

/**
 * A name's kind, as far as its words tell: a place (a country or US state), a person (several words of a person's shape, or one
 * word the story writes after a given name or a title: "Krebs" for "Christopher Krebs"), an institution of several words ("White
 * House"), or a lone word that may be anything ("Apple", "Latest").
 */
function kindOf(ctx: CheckContext, run: NameRun): 'place' | 'person' | 'body' | 'word' | 'unknown' {
  const raw = run.raw.replace(/['’]s?$/, '');
  if (isPlace(raw)) return 'place';
  const words = raw.split(/\s+/);
  if (words.length > 1) return personName(words.map((w) => w.toLowerCase()), raw) ? 'person' : 'body';
  let known = SURNAMES.get(ctx.sources);
  if (!known) SURNAMES.set(ctx.sources, (known = new Map()));
  let kind = known.get(raw);
  if (kind === undefined) {
    const after = new RegExp(String.raw`(?:^|[^\p{L}'’.-])(\p{Lu}[\p{L}'’.-]*)\s+${escapeRegExp(raw)}(?![\p{L}-])`, 'gu');
    const surname = ctx.sources.some((d) => [...d.text.matchAll(after)].some((m) => !STOPWORDS.has(m[1]!.toLowerCase()) && !NOT_NAMES.has(m[1]!.toLowerCase().replace(/\.$/, ''))));
    // A word no report of the story has ("Mahdavi" for "General Suleimani") may be anyone's name.
    const anywhere = new RegExp(String.raw`(?<![\p{L}-])${escapeRegExp(raw)}(?![\p{L}-])`, 'u');
    known.set(raw, (kind = surname ? 'person' : ctx.sources.some((d) => anywhere.test(d.text) || anywhere.test(d.title)) ? 'word' : 'unknown'));
  }
  return kind;
}

const SURNAMES = new WeakMap<readonly SourceDoc[], Map<string, 'person' | 'word' | 'unknown'>>();

/**
 * Whether one name may stand in another's place: a place only for a place, and a person not for a lone word the story never
 * gives as anyone's surname ("Culverhouse" is no rival of "Latest"). A person and an institution may ("the White House said").
 */
function kindsMeet(ctx: CheckContext, a: NameRun, b: NameRun): boolean {
  const [x, y] = [kindOf(ctx, a), kindOf(ctx, b)];
  if ((x === 'place') !== (y === 'place')) return false;
  return !((x === 'person' && y === 'word') || (x === 'word' && y === 'person'));
}

function sameShape(a: NameRun, b: NameRun): boolean {
  return Math.min(a.keys.length, 2) === Math.min(b.keys.length, 2);
}

// Words after a name that make it the subject of a verb, not a modifier of a noun.
const VERB_AFTER = /^(?:\p{Ll}+ed|said|says|has|have|had|is|are|was|were|will|would|could|can|may|might|should|must|did|does|do|also|not|never|told|took|made|gave|went|won|lost|sent|met|led|began|came|saw|got|left|ran|put|set|kept|held|brought|wrote|spoke|struck|chose|rose|fell|\p{Ll}+s)$/u;

/**
 * Whether a source name stands before a common noun it describes ("the top U.S. general") that the
 * draft names instead ("McKenzie"): a description put as a name. Where the draft keeps the noun
 * ("the Trump administration" for "the Biden administration"), the name itself was swapped.
 */
function modifies(text: string, rival: NameRun, draft: string, mine: NameRun): boolean {
  const next = /^\.?\s+(\p{Ll}{3,})/u.exec(text.slice(rival.end, rival.end + 30))?.[1];
  if (next === undefined || VERB_AFTER.test(next)) return false;
  return !new RegExp(`^\\.?\\s+${next}\\b`, 'u').test(draft.slice(mine.end, mine.end + 30));
}

/** "GDP" where the source has "U.S. gross domestic product": the draft's acronym spells the words after the rival name. */
function spelledAfter(text: string, rival: NameRun, mine: NameRun): boolean {
  const acronym = mine.raw.replace(/\./g, '');
  if (!/^\p{Lu}{2,6}$/u.test(acronym)) return false;
  const words = text.slice(rival.end, rival.end + 80).match(/[\p{L}]+/gu) ?? [];
  return words.slice(0, acronym.length).map((w) => w[0]!.toUpperCase()).join('') === acronym;
}

/**
 * One name is the other's acronym ("FDA" / "Food and Drug Administration"), abbreviation or
 * demonym ("Wis." / "Wisconsin", "Iraqi" / "Iraq's"), or inside it ("BioNTech" / "Pfizer-BioNTech").
 */
function variants(a: NameRun, b: NameRun): boolean {
  const [fa, fb] = [formsOf(a), formsOf(b)];
  for (const sx of fa.stems) {
    for (const sy of fb.stems) {
      if (sx.length >= 3 && sy.length >= 3 && (sx.startsWith(sy) || sy.startsWith(sx))) return true;
    }
  }
  if (fa.lower.includes(fb.lower) || fb.lower.includes(fa.lower)) return true;
  // "Soleimani" / "Suleimani", "al-Qaida" / "al-Qaeda": one name transliterated two ways.
  if (a.keys.some((x) => b.keys.some((y) => spelledAlike(x, y)))) return true;
  // "U.S.-China" / "China-U.S.": the same pair of names; "Pyongyang" / "North Korea": a capital for its country.
  if (a.raw.includes('-') && fa.parts === fb.parts) return true;
  if (samePlace(a.raw, b.raw)) return true;
  return acronymOfRun(a, b);
}

/**
 * Whether two name words are one name spelled two ways: the same first letter, five letters or more, and at most one letter
 * in five changed (Levenshtein distance); "Qaida" / "Qaeda" is 1 in 5, "Soleimani" / "Suleimani" 1 in 9, "Biden" / "Baden" too.
 */
function spelledAlike(x: string, y: string): boolean {
  // Past 30 letters a word is no name a writer transliterates (and the table would grow with its square).
  if (x === y || x[0] !== y[0] || Math.min(x.length, y.length) < 5 || Math.max(x.length, y.length) > 30 || Math.abs(x.length - y.length) > 1) return false;
  return editDistance(x, y) <= Math.max(1, Math.floor(Math.max(x.length, y.length) / 5));
}

/** Levenshtein distance between two short words (a two-row table). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** One name is the other's acronym ("FDA" / "Food and Drug Administration"). */
function acronymOfRun(a: NameRun, b: NameRun): boolean {
  const [fa, fb] = [formsOf(a), formsOf(b)];
  return (fa.short !== '' && fb.initials.includes(fa.short)) || (fb.short !== '' && fa.initials.includes(fb.short));
}

/** What `variants` compares of a name run. */
interface RunForms {
  /** Its keys without full stops or a demonym's ending. */
  stems: string[];
  lower: string;
  /** Its hyphenated parts in order ("china-us" for "U.S.-China"). */
  parts: string;
  /** The initials of its capitalised words. */
  initials: string;
  /** The name as an acronym ("fda"), when it reads as one; else "". */
  short: string;
}

/** A name run's forms, worked out once per run: runs are compared pairwise, each draft name against every cited one. */
function formsOf(r: NameRun): RunForms {
  let forms = FORMS.get(r);
  if (forms) return forms;
  const stemOf = (k: string) => k.replace(/\./g, '').replace(/(?:ian|ans?|is?|ese)$/, '');
  const lower = r.raw.toLowerCase();
  // "ICE and CBP" for "Immigration and Customs Enforcement and Customs and Border Protection": acronyms joined as the names are.
  const acronyms = r.raw.split(/\s+/).every((w) => w === 'and' || w === '&' || /^[\p{Lu}.]{2,6}$/u.test(w));
  forms = {
    stems: r.keys.map(stemOf),
    lower,
    parts: lower.replace(/\./g, '').split('-').sort().join('-'),
    initials: r.raw.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]!.toLowerCase()).join(''),
    short: r.keys.length === 1 || acronyms ? r.keys.join('').replace(/\./g, '') : '',
  };
  FORMS.set(r, forms);
  return forms;
}

// Keyed by the run: a run is not changed once namesOf has returned it.
const FORMS = new WeakMap<NameRun, RunForms>();

/** Two names of the draft on either side of a shared word that the source has the other way round. */
function swappedRoles(names: NameRun[], theirs: NameRun[], anchors: [number, number][], text: string, sourceText: string): string | null {
  const at = (runs: NameRun[], keys: string[]) => runs.find((r) => r.keys.some((k) => keys.includes(k)))?.start ?? -1;
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const [a, b] = [names[i]!, names[j]!];
      const sa = at(theirs, a.keys);
      const sb = at(theirs, b.keys);
      if (sa < 0 || sb < 0 || sa <= sb) continue;
      // A shared word between them in the draft that the source has between them the other way round.
      const between = anchors.find(([d, s]) => d > a.end && d < b.start && s > sb && s < sa);
      if (!between || b.start - a.end > 40 || sa - sb > 60) continue;
      // "Dean Baquet, the executive editor of The New York Times": an apposition describes, nobody acts.
      // "X was formalized by Y" in the source for "Y formalized X": the voice turned, not the roles.
      if (PASSIVE.test(text.slice(a.end, b.start)) || PASSIVE.test(sourceText.slice(sb, sa)) || /^\s*[,(—–]/.test(text.slice(a.end, b.start))) continue;
      // "When reached by CNN, a spokesperson for the Big 12 said": the outlet that asked for the comment acts on nobody.
      // ("The lawsuit filed by Ortiz accuses Dorr": an agent of other verbs can still be the one who acts.)
      if (ASKED_BY.test(text.slice(Math.max(0, a.start - 40), a.start)) || ASKED_BY.test(sourceText.slice(Math.max(0, sb - 40), sb))) continue;
      // "Barrett's nomination to the Supreme Court": a possessive owns the noun after it; it acts on nobody.
      if (/^['’]s?\b/.test(text.slice(a.end, a.end + 2)) || /['’]s?$/.test(a.raw)) continue;
      // "Speaking at the White House, Biden said" / "Biden, in a speech at the White House": a place, or what a name is of or
      // on ("the Supreme Court seat of the late Justice Ginsburg" / "Ginsburg's seat on the Supreme Court"), is no actor to
      // swap with one; two places ("tied in Georgia and ahead in Iowa") still swap.
      const placed = (t: string, r: NameRun) => PLACE_BEFORE.test(t.slice(Math.max(0, r.start - 24), r.start));
      const [ta, tb] = [theirs.find((r) => r.start === sa)!, theirs.find((r) => r.start === sb)!];
      // "Islamic State leader Abu Bakr" for "Abu Bakr al-Baghdadi, the leader of the Islamic State": the source's apposition
      // turns the order of a title and its holder, not who acted.
      if (APPOSED_OF.test(sourceText.slice(tb.end, sa)) || APPOSED_OF.test(text.slice(a.end, b.start))) continue;
      if (placed(text, a) !== placed(text, b) || placed(sourceText, ta) !== placed(sourceText, tb)) continue;
      // "Thomas R. Sankey III, Chris E. Dush and Daryl D. Metcalfe": items of one list, in any order, do nothing to each other.
      if (/^[\s,]*(?:and\s+)?$/.test(text.slice(a.end, b.start).replace(/\b\p{Lu}[\p{L}.'’-]*/gu, ' '))) continue;
      return `"${a.raw}" and "${b.raw}" swap who did what`;
    }
  }
  return null;
}

const PASSIVE = /\b(?:by|was|were|been|being)\b/i;
const ASKED_BY = /\b(?:reached|contacted|asked|interviewed|approached|questioned)\s+by\s+(?:the\s+)?$/i;
// An apposition that gives a name a title of another ("…, the leader of the"), up to that other name.
// A name's lower-case particle may come first ("Abu Bakr al-Baghdadi, the leader of the").
const APPOSED_OF = /^(?:\s+\p{Ll}+-[\p{L}'’-]+)?\s*[,(—–]\s*(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{L}'’-]+\s+){0,3}(?:of|for|at)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}$/u;
// A preposition of place or of belonging before a name, "the" and one describing word allowed ("at the", "of the late").
const PLACE_BEFORE = /\b(?:at|in|inside|outside|near|from|on|of)\s+(?:the\s+)?(?:\p{Ll}+\s+)?$/u;

/**
 * Whether a source name is an aside rather than an actor: a dateline ("ST. LOUIS (AP) —"), a
 * parenthesis, a state after a place ("Provincetown, Mass.") or a party-and-state tag ("D-Conn.").
 */
function aside(text: string, r: NameRun): boolean {
  if (isDateline(r.raw) || /^[DRI]-\p{Lu}/u.test(r.raw)) return true;
  // "The California Democrat opened …": a party member described with "the" is someone named before.
  if (PARTY_DESCRIPTION.test(r.raw) && /\bthe\s+(?:[\p{L}-]+\s+)?$/iu.test(text.slice(Math.max(0, r.start - 25), r.start))) return true;
  const before = text.slice(Math.max(0, r.start - 2), r.start);
  const after = text.slice(r.end, r.end + 2);
  if (/\($/.test(before) && /^\)/.test(after)) return true;
  return r.keys.length === 1 && r.raw.length <= 6 && /,\s$/.test(before) && /^\.[\s,]/.test(after);
}

const PARTY_DESCRIPTION = /(?:Democrat|Republican|Independent)$/;

/** An all-capitals place word that opens a wire story ("ST. LOUIS (AP) —"). */
function isDateline(raw: string): boolean {
  return raw.length >= 4 && raw === raw.toUpperCase() && /\p{Lu}{4}/u.test(raw);
}
