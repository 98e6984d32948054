/**
 * Status and tense: whether the draft reports as done what its sources report as planned,
 * expected, nearly done or not done ("has passed" where the vote is still ahead, "resigned" where
 * she "was close to resigning", "is seeking" where he "is not seeking"), and whether it drops or adds
 * a status a source gives a person's role ("FBI Director James Comey" for the former director).
 */
import { contentWords, stem, STOPWORDS } from '../../lib/text';
import { droppedElect, droppedStatus, seatsIn, swappedTitle } from './status';
import { type Alignment, alignments } from './align';
import { type CheckContext, excerpt, type IndexedSource, type SourceSentence, sentencesOf } from './context';
import type { DraftSentence, Passage } from './passages';

// Below this share of the draft sentence's content words, no cited sentence reports the same thing.
const MIN_SUPPORT = 0.35;
// Below it, not even the same verb with the same object is taken for the same report.
const WEAK_SUPPORT = 0.25;

/** Irregular past forms, to their base form: "held" meets "hold", "won" meets "win". */
export const IRREGULAR_PAST: Readonly<Record<string, string>> = {
  held: 'hold', won: 'win', took: 'take', taken: 'take', made: 'make', gave: 'give', given: 'give', left: 'leave', met: 'meet', sent: 'send',
  paid: 'pay', brought: 'bring', struck: 'strike', began: 'begin', begun: 'begin', fell: 'fall', fallen: 'fall', rose: 'rise', risen: 'rise',
  ran: 'run', wrote: 'write', written: 'write', spoke: 'speak', spoken: 'speak', chose: 'choose', chosen: 'choose', sold: 'sell', bought: 'buy',
  lost: 'lose', kept: 'keep', found: 'find', stood: 'stand', became: 'become', came: 'come', went: 'go', gone: 'go', saw: 'see', seen: 'see',
  led: 'lead', fled: 'flee', spent: 'spend', built: 'build', sought: 'seek', caught: 'catch', fought: 'fight', withdrew: 'withdraw',
  withdrawn: 'withdraw', drew: 'draw', grew: 'grow', knew: 'know', threw: 'throw', froze: 'freeze', frozen: 'freeze', broke: 'break',
  broken: 'break', shot: 'shoot', sank: 'sink', signed: 'sign', done: 'do', did: 'do', got: 'get', bore: 'bear', swore: 'swear', sworn: 'swear',
  stole: 'steal', hid: 'hide', bent: 'bend', dealt: 'deal', meant: 'mean', felt: 'feel', slid: 'slide', rode: 'ride', woke: 'wake', beat: 'beat',
};
const IRREGULAR: ReadonlyMap<string, string> = new Map(Object.entries(IRREGULAR_PAST));
const VERB_WORD = /[\p{L}'’]+/gu;
const DETERMINER_BEFORE = /\b(?:the|a|an|its|their|his|her|our|this|these|those|every|each)\s+$/i;
const NOT_ACTIONS = new Set(['said', 'told', 'added', 'noted', 'reported', 'stated', 'according', 'based', 'related', 'called', 'named', 'used', 'needed', 'expected', 'planned', 'scheduled']);

// Words within three before a verb that make it not (yet) done: plans, expectations, modals, near misses.
// What makes a verb not (yet) done: the future, a plan or an expectation, a modal, a near miss ("close to resigning").
// A necessity ("needs to review") is still to be met; an appearance ("appears to have taken") is not yet established.
const NOT_DONE_MARK = /\b(?:will|would|'ll|shall|could|may|might|must|(?:plans?|planning|expects?|expected|set|going|due|scheduled|poised|aims?|seeks?|intends?|wants?|hopes?|likely|close|about|ready|committed|agreed|pledged|vowed|promised|threatened|certain|meant|designed|intended|aimed|sure|bound|needs?|appears?|seems?)\s+to|considering|weighing|mulling|verge\s+of)\b/gi;
// A negation right before the verb ("did not expect", "is not seeking").
// A refusal or failure to act negates the act as "not" does ("its refusal so far to approve it", "failed to pass").
const NEGATION_MARK = /\b(?:not|n't|never|no\s+longer|rather\s+than|instead\s+of|(?:refus(?:al|e|es|ed|ing)|declin(?:e|es|ed|ing)|fail(?:s|ed|ing|ure)?)\s+(?:(?:so\s+far|yet|again)\s+)?to)\b/gi;
const PERFECT = /\b(?:has|have|had|was|were|been)\s+(?:\w+ly\s+)?(?:already\s+)?$/i;

/** A verb of a text: its stemmed base form, as written, and whether the text has it done, not (yet) done or negated. */
export interface VerbUse {
  base: string;
  raw: string;
  /** Offset just past the verb in its text: what follows is its object. */
  end: number;
  done: boolean;
  notDone: boolean;
  negated: boolean;
  /** A present verb of a time or condition clause, told from a plural noun only by meeting the same verb in the draft. */
  lemmaOnly?: boolean;
}

/** The verbs of a text in past or -ing form, or governed by a marker of the future or a negation, each with how the text frames it. */
function verbUses(text: string): VerbUse[] {
  // Where the markers end: the one or two words after each are what they govern.
  const governed = markerEnds(text, NOT_DONE_MARK);
  const negatedAt = markerEnds(text, NEGATION_MARK);
  const out: VerbUse[] = [];
  // Most words are neither past nor -ing forms and follow no marker: those are skipped before any slicing.
  const marked = governed.length > 0 || negatedAt.length > 0;
  VERB_WORD.lastIndex = 0;
  for (let m = VERB_WORD.exec(text); m; m = VERB_WORD.exec(text)) {
    const word = m[0];
    // Two-letter words are function words, but for "go" ("expected to go into effect").
    if (word.length < 3 && !/^go$/i.test(word)) continue;
    const raw = word.toLowerCase();
    const past = isPastForm(raw);
    if (!past && !marked && !raw.endsWith('ing')) continue;
    // "due to “the flood”": a marker's next word may be a function word, which reports no act.
    if (NOT_ACTIONS.has(raw) || (!past && STOPWORDS.has(raw))) continue;
    const notDone = marked && governs(governed, text, m.index);
    const negated = marked && governs(negatedAt, text, m.index);
    if (!past && !raw.endsWith('ing') && !negated && !notDone) continue;
    // "a Democratic-backed bill", "state-run media": a participle hyphened onto a word describes a noun; it reports no act.
    if (text[m.index - 1] === '-') continue;
    // "must be “audited …”": a quotation that opens on the participle leaves it after its copula.
    const before = text.slice(Math.max(0, m.index - 24), m.index).replace(/["“]$/, '');
    // "the affected jobs", "a planned vote": a participle after a determiner describes a noun; it reports no act.
    if (DETERMINER_BEFORE.test(before)) continue;
    // "released rather than expelled": a negated verb is not reported as done.
    out.push({ base: lemma(raw), raw, end: m.index + word.length, done: past && !notDone && !negated && (PERFECT.test(before) || !/\b(?:be|being|is|are)\s+$/i.test(before)), notDone, negated });
  }
  if (PLAN_WORD.test(text)) out.push(...plannedNouns(text));
  return out;
}

// A plan, a proposal or a call names the act it is about as a noun: "is weighing a ban", "plans a vote", "calls for an inquiry".
const PLANNED_NOUN = /\b(?:considering|weighing|mulling|plans?|planning|proposes|proposing|seeks|seeking|calls?\s+for|calling\s+for|pushing\s+for|urging)\s+(?:a|an|the|new)\s+(?:possible\s+|new\s+)?(\p{L}{3,})/giu;
// Their stems alone: most texts have none, and this test costs far less than the pattern.
const PLAN_WORD = /consider|weigh|mull|plan|propos|seek|call|push|urg/i;

/** The acts a text names as planned or proposed nouns ("weighing a ban" -> ban), as not (yet) done uses. */
function plannedNouns(text: string): VerbUse[] {
  return [...text.matchAll(PLANNED_NOUN)].map((m) => {
    const raw = m[1]!.toLowerCase();
    return { base: lemma(raw), raw, end: m.index + m[0].length, done: false, notDone: true, negated: false };
  });
}

// A clause that a time or condition word opens, in the present, tells what has yet to happen or is still under way:
// "after the agency grants approval", "while the administration reviews its role".
const OPEN_CLAUSE = /\b(?:after|once|until|unless|if|while|when|before)\s+((?:[\p{L}.'’-]+\s+){0,6}?)(\p{Ll}{3,}[^s\W]s)\b/gu;

/** The present-tense verbs of a source's time or condition clauses, as not (yet) done uses. */
function pendingClauses(text: string): VerbUse[] {
  const out: VerbUse[] = [];
  for (const m of text.matchAll(OPEN_CLAUSE)) {
    const raw = m[2]!;
    // "after the grants", "while its reviews": a determiner before the -s word makes it a plural noun.
    if (/\b(?:the|a|an|its|their|his|her|our|these|those)\s+$/i.test(m[1]!)) continue;
    const base = lemma(/(?:ss|sh|ch|x|z)es$/.test(raw) ? raw.slice(0, -2) : raw.slice(0, -1));
    out.push({ base, raw, end: m.index + m[0].length, done: false, notDone: true, negated: false, lemmaOnly: true });
  }
  // "The contest comes to a head on Tuesday": a present with a day or time ahead is a schedule.
  if (!TIME_AHEAD.test(text)) return out;
  for (const m of text.matchAll(SCHEDULED_PRESENT)) {
    const raw = m[1]!;
    // "held talks on Tuesday", "the votes on Friday", "planning visits next week": a noun after a verb or a determiner.
    const before = /([\p{L}'’]+)\s+$/u.exec(text.slice(Math.max(0, m.index - 24), m.index))?.[1]?.toLowerCase() ?? '';
    if (DETERMINER_BEFORE.test(`${before} `) || isPastForm(before) || before.endsWith('ing') || STOPWORDS.has(before) && !/^(?:it|he|she|who|that|which)$/.test(before)) continue;
    const base = lemma(/(?:ss|sh|ch|x|z)es$/.test(raw) ? raw.slice(0, -2) : raw.slice(0, -1));
    out.push({ base, raw, end: m.index + raw.length, done: false, notDone: true, negated: false, lemmaOnly: true });
  }
  return out;
}

// A day or time ahead: most sentences have none, and this test costs far less than the pattern.
const TIME_AHEAD = /\b(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|tomorrow|next\s+(?:week|month|year)|later\s+this)\b/;
const SCHEDULED_PRESENT = /\b(\p{Ll}{3,}[^s\W]s)\b(?=(?:\s+[\p{L}'’-]+){0,5}?\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|tomorrow|next\s+(?:week|month|year)|later\s+this\s+(?:week|month|year))\b)/gu;

/** The offsets at which a marker's matches end. */
function markerEnds(text: string, marker: RegExp): number[] {
  const out: number[] = [];
  marker.lastIndex = 0;
  for (let m = marker.exec(text); m; m = marker.exec(text)) out.push(m.index + m[0].length);
  return out;
}

/** Whether a word at `at` is the first or second word after one of the marker ends (a "be", "soon" or -ly adverb may stand between). */
function governs(ends: number[], text: string, at: number): boolean {
  for (const end of ends) {
    if (end > at) break;
    const between = text.slice(end, at);
    // "could have afforded", "would have been …": a modal's perfect is no more done than the modal.
    // "will stay locked", "could remain closed": a copula carries the modal to the participle.
    // "might be able to raise", "will have to pay": the ability or obligation the modal governs carries it to the verb.
    if (/^\s+$/.test(between) || /^\s+(?:be|soon|been|have|have\s+been|stay|remain|get|become|be\s+able\s+to|have\s+to|\w+ly)\s+$/i.test(between)) return true;
  }
  return false;
}

/** A verb's base form, near enough to meet its other forms: "arraigned" / "arraign", "held" / "hold", "resigning" / "resign". */
function lemma(raw: string): string {
  // The base of an irregular past loses its silent e as a regular form's does: "took" and "take" meet.
  const irregular = IRREGULAR.get(raw);
  if (irregular) return irregular.replace(/e$/, '');
  let w = raw;
  if (w.endsWith('ied') && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  // "planned" / "plan", "voted" / "vote": a doubled last consonant or a silent e does not tell verbs apart.
  if (/([b-df-hj-np-tv-z])\1$/.test(w)) w = w.slice(0, -1);
  return w.replace(/e$/, '');
}

// Where a verb's object ends: a clause break or a word that starts another clause.
const CLAUSE_END = /[,;:—–()]|\b(?:after|before|when|while|but|as|because|which|who|that|than|although|though|until|since|if)\b/i;
// Content words of an object that tell one action from another ("the measure", "emergency use authorization").
const OBJECT_WORDS = 3;

// Words that hedge a quantity, not what is acted on ("somewhere between 5-10 inches", "roughly 1,000 troops"), as stems.
const APPROXIMATORS = new Set(['somew', 'betwe', 'rough', 'nearl', 'almos', 'appro', 'aroun', 'estim']);

/** The first content words (stemmed) after a verb, up to the end of its clause. */
function objectWords(text: string, from: number): string[] {
  let rest = text.slice(from, from + 120);
  const stop = rest.search(CLAUSE_END);
  if (stop >= 0) rest = rest.slice(0, stop);
  // The next verb starts another predicate ("scheduled to testify endured …"): the object ends before it.
  const next = [...rest.matchAll(/[\p{L}'’]+/gu)].find((m) => m.index > 0 && isPastForm(m[0].toLowerCase()));
  return contentWords(next ? rest.slice(0, next.index) : rest)
    .filter((w) => !APPROXIMATORS.has(w))
    .slice(0, OBJECT_WORDS);
}

function isPastForm(raw: string): boolean {
  return (raw.length > 4 && raw.endsWith('ed')) || IRREGULAR.has(raw);
}

// Verbs whose meaning is in their object ("made up" / "would make a better president", "took office" / "take a vote").
const LIGHT_VERBS = new Set(['mak', 'tak', 'giv', 'get', 'hav', 'do', 'go', 'com', 'put', 'keep', 'set']);

/** Whether either use is a light verb, whose object says what the act is. */
function isLight(x: VerbUse, u: VerbUse): boolean {
  return LIGHT_VERBS.has(x.base) || LIGHT_VERBS.has(u.base);
}

/** Whether two uses report the same act: the same verb, and for a light verb the same object too. */
function sameAct(x: VerbUse, xText: string, u: VerbUse, uText: string): boolean {
  if (!isLight(x, u)) return x.base === u.base;
  // "took effect" / "will take effect" / "expected to go into effect", "claimed responsibility" / "appears to have taken
  // responsibility": a light verb's noun right after it makes the act, whatever verb the other text gives it.
  // "sworn in by Vice President …": who acted is no object.
  if (AGENT_AFTER.test(xText.slice(x.end, x.end + 12)) || AGENT_AFTER.test(uText.slice(u.end, u.end + 12))) return false;
  const mine = objectWords(xText, x.end);
  const theirs = objectWords(uText, u.end);
  return (mine.length > 0 && mine[0] === theirs[0]) || (x.base === u.base && objectsMatch(mine, theirs));
}

/** Two objects are one when they share two content words, or the one word a short object has. */
function objectsMatch(a: readonly string[], b: readonly string[]): boolean {
  const shared = a.filter((w) => w.length > 2 && b.includes(w)).length;
  return shared >= Math.max(1, Math.min(2, a.length, b.length));
}

// Words that negate or withhold without "not" ("declined to commit", "seen no evidence", "cannot vote").
const NEGATIVE_WORDS = /\b(?:no|none|nothing|cannot|declined|refused|failed|without|little|neither|nor|denied|rejected|alternative|instead|unable|unwilling|unprepared|unready|unlikely)\b/i;
// Verb forms: a past, an -ing form or a plain verb word; adjectives and adverbs a marker happens to precede are not ("not exactly", "not eligible").
const VERB_LIKE = /^(?!.*(?:ly|ble|ent|ant|ous|ive|ful|less)$)\p{L}+$/u;
const AUXILIARY = new Set(['have', 'has', 'had', 'been', 'being', 'be', 'do', 'does', 'did', 'get', 'make']);

// The seats a passage's cited sources give each surname, found once per pool (one array per passage, ./context `sourcesFor`).
const SEATS = new WeakMap<readonly IndexedSource[], Map<string, Set<string>>>();

function seatsOf(pool: readonly IndexedSource[], surname: string): Set<string> {
  let known = SEATS.get(pool);
  if (!known) SEATS.set(pool, (known = new Map()));
  let seats = known.get(surname);
  if (!seats) known.set(surname, (seats = seatsIn(pool.map((s) => s.doc.text), surname)));
  return seats;
}

// A law in force, and the words for legislation not (yet) enacted: a bill passed by one chamber is no law, a resolution binds
// no one. "law enforcement", "law firm": the word describes another noun.
const LAW = /\blaws?\b(?!\s+(?:enforcement|firms?|schools?|students?|professors?|clerks?|partners?|makers?)\b)/i;
const PENDING_LEGISLATION = /\b(?:bill|resolution|legislation|measure|proposal)s?\b/i;

/** Whether a cited sentence that reports the same thing calls it a law. */
function supportedLaw(ranked: readonly Alignment[]): boolean {
  return ranked.some((a) => a.score >= MIN_SUPPORT && LAW.test(a.sentence.text));
}

/** How the cited sentences that report the same thing frame each verb, found once per sentence. */
function sourceUses(s: SourceSentence): VerbUse[] {
  return (s.verbs ??= [...verbUses(s.text), ...pendingClauses(s.text)]);
}

/** Whether a cited sentence other than the best, reporting the same thing, has the verb done. */
function doneElsewhere(ranked: readonly Alignment[], best: SourceSentence, base: string): boolean {
  return ranked.some((a) => a.sentence !== best && a.score >= MIN_SUPPORT && sourceUses(a.sentence).some((u) => u.done && u.base === base));
}

// Verbs whose "to" aims at an act without doing it ("tried to", "sought to", "moved to", "offered to", "declined to"): a
// closed class of trying, wanting, asking, promising and refusing.
const CONATIVE = /^(?:(?:tri|want|hop|attempt|wish|aim|intend|plann|expect|mov|push|urg|ask|propos|offer|threaten|vow|pledg|promis|prepar|agre|call|seem|appear|need|requir|order|invit|schedul|design|committ|refus|declin|fail|us)ed|sought|meant|set)$/;

/**
 * A verb the source sentence frames as planned or negated that the draft sentence, framing nothing so, reports plainly: the
 * same verb, or (planned) a done verb with the plan's object ("unveiled the effort called …" / "expected to formally announce
 * the effort, dubbed …"), or (negated) any verb with its object ("is seeking reelection" / "is not running for reelection").
 * `strict`: the sentences share little else, so only the same verb with the same object counts.
 */
function droppedFrame(uses: readonly VerbUse[], text: string, ranked: readonly Alignment[], best: SourceSentence, strict: boolean): { v: VerbUse; u: VerbUse } | undefined {
  if (!uses.every((v) => !v.notDone && !v.negated)) return undefined;
  for (const u of sourceUses(best)) {
    if ((!u.notDone && !u.negated) || u.lemmaOnly || !VERB_LIKE.test(u.raw) || AUXILIARY.has(u.raw)) continue;
    const theirs = objectWords(best.text, u.end);
    const sameObject = (x: VerbUse) => objectsMatch(objectWords(text, x.end), theirs);
    // "will plead guilty to falsifying a document": a verb of the draft inside the plan's object is what the plan is about, not the plan.
    const v = uses.find((x) =>
      strict
        ? (u.negated || x.done) && sameAct(x, text, u, best.text) && (isLight(x, u) || sameObject(x))
        : u.negated
          ? sameAct(x, text, u, best.text) || (theirs.length > 1 && VERB_LIKE.test(x.raw) && !/^(?:un|in|dis|non)/.test(x.raw) && sameObject(x))
          : x.done && (sameAct(x, text, u, best.text) || (!AGENT_AFTER.test(text.slice(x.end, x.end + 12)) && sameObject(x) && !theirs.includes(stem(x.raw)))),
    );
    // "declined to commit", "has seen no evidence": a negative word by the verb withholds it as "not" would; one in another
    // clause ("… without her consent") does not.
    if (!v || NEGATIVE_WORDS.test(clauseAround(text, v))) continue;
    // Another cited sentence that reports the same thing has it done ("were sworn in" after "will take"): a later report.
    if (!u.negated && doneElsewhere(ranked, best, v.base)) continue;
    return { v, u };
  }
  return undefined;
}

/** The clause a verb stands in: from the clause break before it to the one after its object. */
function clauseAround(text: string, v: VerbUse): string {
  const start = Math.max(text.lastIndexOf(',', v.end - v.raw.length), text.lastIndexOf(';', v.end - v.raw.length)) + 1;
  const rest = text.slice(v.end);
  const stop = rest.search(/[,;]/);
  return text.slice(start, stop < 0 ? text.length : v.end + stop);
}

/** The finding for a plan or negation the draft sentence dropped. */
function framingFinding(ctx: CheckContext, p: Passage, part: DraftSentence, s: SourceSentence, { v, u }: { v: VerbUse; u: VerbUse }): string {
  const how = u.negated ? 'as happening what' : 'as done what';
  return `${p.where}: "${v.raw}" reports ${how} ${ctx.byNumber.get(s.n)!.label} reports as ${u.negated ? 'not happening' : 'not yet done'} ("${u.raw}") — ${excerpt(s.text, 90)} — ${excerpt(part.text)}`;
}

// A schedule or an expectation right before a verb ("is expected to surrender", "is set to issue"); not a modal, which reported
// speech puts on done acts ("said they would be expelled").
const SCHEDULED_BEFORE = /\b(?:expected|set|scheduled|slated|due|poised|about|going|planning|plans?|preparing)\s+to\s+$/i;

/**
 * A verb the draft frames as still to come ("is expected to surrender") that the sentence best reporting the same thing has
 * done ("surrendered"), where no cited sentence reporting the same thing has it still to come (an earlier report would).
 */
function planAfterTheFact(uses: readonly VerbUse[], text: string, ranked: readonly Alignment[], best: SourceSentence): { v: VerbUse; u: VerbUse } | undefined {
  for (const v of uses) {
    if (!v.notDone || v.negated || !VERB_LIKE.test(v.raw) || AUXILIARY.has(v.raw)) continue;
    if (!SCHEDULED_BEFORE.test(text.slice(Math.max(0, v.end - v.raw.length - 40), v.end - v.raw.length))) continue;
    const u = sourceUses(best).find((x) => x.done && sameAct(v, text, x, best.text));
    if (!u) continue;
    if (ranked.some((a) => a.score >= MIN_SUPPORT && sourceUses(a.sentence).some((x) => (x.notDone || x.negated) && x.base === v.base))) continue;
    return { v, u };
  }
  return undefined;
}

// "the vaccine developed by Pfizer", "sworn in by the vice president": the words after a passive's "by" name who acted, not what
// was acted on, so they cannot tie the participle to a plan's object.
const AGENT_AFTER = /^\s+(?:(?:in|up|out|off|down)\s+)?by\b/i;

/** Findings for the tense and polarity of one sentence of a cited passage. */
export function checkTense(ctx: CheckContext, p: Passage, part: DraftSentence, pool: IndexedSource[]): string[] {
  const uses = verbUses(part.text);
  // A person's past role, given wherever the cited sources name them ("fired FBI director James Comey"), written as current.
  for (const s of sentencesOf(ctx, pool)) {
    const named = droppedStatus(s, part.text, true) ?? droppedElect(s.text, part.text);
    if (named) return [`${p.where}: "${named.role}" without "${named.status}", which ${ctx.byNumber.get(s.n)!.label} gives it — ${excerpt(s.text, 90)} — ${excerpt(part.text)}`];
  }
  const titled = swappedTitle(part.text, (surname) => seatsOf(pool, surname));
  if (titled) return [`${p.where}: "${titled.title}" gives ${titled.name} an office the cited sources do not; they say ${titled.theirs} — ${excerpt(part.text)}`];
  const mine = uses.filter((v) => v.done);
  if (!uses.length) return [];
  const ranked = alignments(ctx, part, pool);
  const best = ranked[0];
  if (!best || best.score < WEAK_SUPPORT) return [];
  // A weaker match still reports the same thing where the same verb takes the same object ("need to review those messages").
  if (best.score < MIN_SUPPORT) {
    const lost = droppedFrame(uses, part.text, ranked, best.sentence, true);
    return lost ? [framingFinding(ctx, p, part, best.sentence, lost)] : [];
  }
  const label = ctx.byNumber.get(best.sentence.n)!.label;
  const dropped = droppedStatus(best.sentence, part.text);
  if (dropped) {
    return [`${p.where}: "${dropped.role}" without "${dropped.status}", which ${label} gives it — ${excerpt(best.sentence.text, 90)} — ${excerpt(part.text)}`];
  }
  const enacted = LAW.exec(part.text);
  if (enacted && !PENDING_LEGISLATION.test(part.text) && PENDING_LEGISLATION.test(best.sentence.text) && !supportedLaw(ranked)) {
    return [`${p.where}: "${enacted[0]}" reports as enacted what ${label} reports as a ${PENDING_LEGISLATION.exec(best.sentence.text)![0].toLowerCase()} — ${excerpt(best.sentence.text, 90)} — ${excerpt(part.text)}`];
  }
  const lost = droppedFrame(uses, part.text, ranked, best.sentence, false);
  if (lost) return [framingFinding(ctx, p, part, best.sentence, lost)];
  const early = planAfterTheFact(uses, part.text, ranked, best.sentence);
  if (early) {
    return [`${p.where}: "${early.v.raw}" reports as still to come what ${label} reports as done ("${early.u.raw}") — ${excerpt(best.sentence.text, 90)} — ${excerpt(part.text)}`];
  }
  if (!mine.length) return [];
  // The sentence that best reports the same thing says how it stands; the others may report an earlier or later step.
  const context = [best.sentence];
  const out: string[] = [];
  // A plan of the source whose verb the draft names as done, or names at all beside a verb it reports as done ("held a vote" for "will vote").
  // "held a vote", "made the announcement": a verb reported as done with the planned action as its object.
  const doneObjects = new Set<string>();
  // "voted to accept", "decided to keep": a done decision on the planned act, unless the verb before "to" only aims at it.
  for (const m of part.text.toLowerCase().matchAll(/\b([\p{L}]+)\s+(a|an|the|its|their|to)\s+([\p{L}]+)/gu)) {
    if (m[2] === 'to' && CONATIVE.test(m[1]!)) continue;
    if (mine.some((v) => v.raw === m[1])) doneObjects.add(lemma(m[3]!));
  }
  const planned = sourceUses(best.sentence).find((u) => u.notDone && doneObjects.has(u.base));
  if (planned) {
    out.push(`${p.where}: "${mine[0]!.raw}" reports as done what ${ctx.byNumber.get(best.sentence.n)!.label} reports as not yet done ("${planned.raw}") — ${excerpt(best.sentence.text, 90)} — ${excerpt(part.text)}`);
    return out;
  }
  for (const v of mine) {
    const theirs = context.flatMap((s) => sourceUses(s).filter((u) => sameAct(v, part.text, u, s.text)).map((u) => ({ u, s })));
    if (!theirs.length) continue;
    const at = theirs[0]!.s;
    const label = ctx.byNumber.get(at.n)!.label;
    if (v.done && theirs.every(({ u }) => u.notDone) && !doneElsewhere(ranked, best.sentence, v.base)) {
      out.push(`${p.where}: "${v.raw}" reports as done what ${label} reports as not yet done ("${theirs[0]!.u.raw}") — ${excerpt(at.text, 90)} — ${excerpt(part.text)}`);
    }
  }
  return out;
}
