/**
 * Status and tense: whether the draft reports as done what its sources report as planned,
 * expected, nearly done or not done ("has passed" where the vote is still ahead, "resigned" where
 * she "was close to resigning", "is seeking" where he "is not seeking"), and whether it drops or adds
 * a status a source gives a person's role ("FBI Director James Comey" for the former director).
 */
import { clauseAt, stem } from '../../lib/text';
import { type Alignment, alignments } from './align';
import { type CheckContext, excerpt, type IndexedSource, type SourceSentence, sentencesOf } from './context';
import type { DraftSentence, Passage } from './passages';
import type { SourceDoc } from '../types';
import { droppedElect, droppedStatus, seatsIn, swappedTitle } from './status';
import { type StageUse, stagesConflict, stageUses } from './outcomes';
import { agentAfter, isLight, lemma, objectOf, objectsMatch, pendingClauses, sameAct, type VerbUse, verbUses } from './verbs';

// Below this share of the draft sentence's content words, no cited sentence reports the same thing.
const MIN_SUPPORT = 0.35;
// Below it, not even the same verb with the same object is taken for the same report.
const WEAK_SUPPORT = 0.25;
// A sentence other than the best that has a planned act done must share this much: the same verb then ties them.
const PLAN_DONE_SUPPORT = 0.15;

// Words that negate or withhold without "not" ("declined to commit", "seen no evidence", "cannot vote").
// "should be barred from voting" for "should not be allowed to vote": a verb of barring negates as "not" would.
const NEGATIVE_WORDS = /\b(?:no|none|nothing|cannot|declined|refused|failed|without|little|neither|nor|denied|rejected|alternative|instead|unable|unwilling|unprepared|unready|unlikely|barred|banned|prohibited|prevented|forbidden|blocked|oppos(?:e|es|ed|ing))\b/i;
// Verb forms: a past, an -ing form or a plain verb word; adjectives and adverbs a marker happens to precede are not ("not exactly", "not eligible").
const VERB_LIKE = /^(?!.*(?:ly|ble|ent|ant|ous|ive|ful|less)$)\p{L}+$/u;
const AUXILIARY = new Set(['have', 'has', 'had', 'been', 'being', 'be', 'do', 'does', 'did', 'get', 'make']);

// The seats the story's sources give each surname, found once per check (keyed by its array of sources).
const SEATS = new WeakMap<readonly SourceDoc[], Map<string, Set<string>>>();

function seatsOf(docs: readonly SourceDoc[], surname: string): Set<string> {
  let known = SEATS.get(docs);
  if (!known) SEATS.set(docs, (known = new Map()));
  let seats = known.get(surname);
  if (!seats) known.set(surname, (seats = seatsIn(docs.map((d) => d.text), surname)));
  return seats;
}

// A law in force, and the words for legislation not (yet) enacted: a bill passed by one chamber is no law, a resolution binds
// no one. "law enforcement", "law firm": the word describes another noun.
// "stricter gun laws", "election law" are kinds of law, no claim about this bill: "the law", "a new law", "became law" are.
const LAW = /(?<=\b(?:the|a|an|new|into|become|became|becomes|becoming|such|this|that|its)\s+(?:(?!(?:on|of|in|for|to|by|with|and|or|under|about|over)\s)[\p{L}-]+\s+){0,2})law\b(?!\s+(?:enforcement|firms?|schools?|students?|professors?|clerks?|partners?|makers?)\b)/iu;
// A source that calls it a law in any words ("under Texas law") bears the draft's "the law" out.
const ANY_LAW = /\blaws?\b(?!\s+(?:enforcement|firms?|schools?|students?|professors?|clerks?|partners?|makers?)\b)/i;
const PENDING_LEGISLATION = /\b(?:bill|resolution|legislation|measure|proposal)s?\b/i;
const SIGNED_INTO_LAW = /\bsign(?:ed|s)\b[^.;]{0,80}\binto law\b/i;

/** Whether a cited sentence that reports the same thing calls it a law. */
function supportedLaw(ranked: readonly Alignment[]): boolean {
  return ranked.some((a) => a.score >= MIN_SUPPORT && ANY_LAW.test(a.sentence.text));
}

/** How the cited sentences that report the same thing frame each verb, found once per sentence. */
function sourceUses(s: SourceSentence): VerbUse[] {
  return (s.verbs ??= [...verbUses(s.text), ...pendingClauses(s.text, s.headline)]);
}

// Whether two uses' objects share a word of three or more letters.
const sharesObject = ([x, text]: [VerbUse, string], u: VerbUse, uText: string) => {
  const theirs = objectOf(u, uText);
  return objectOf(x, text).some((w) => w.length > 2 && theirs.includes(w));
};

/**
 * Whether a cited sentence other than the best, reporting the same thing, has the verb done; or a cited headline has it in the
 * plain present, as headlines tell what happened ("Pete Buttigieg ends his campaign" above a lede written before it: "will end
 * his campaign on Sunday").
 */
function doneElsewhere(ctx: CheckContext, ranked: readonly Alignment[], best: SourceSentence, base: string, act?: [VerbUse, string]): boolean {
  return ranked.some((a) => {
    if (a.sentence === best) return false;
    if (a.score >= MIN_SUPPORT && sourceUses(a.sentence).some((u) => u.done && u.base === base)) return true;
    // "The fund ran dry, as Lin warned it would": a sentence of two reports, whose outcome another cited sentence gives as
    // done with the same object, reads as weaker support overall and is still the report of the act. The object must share
    // a word: "approved a smaller utility deal" is no report of "approved the merger".
    if (act && a.score >= WEAK_SUPPORT && sourceUses(a.sentence).some((u) => u.done && !u.negated && sameAct(act[0], act[1], u, a.sentence.text) && sharesObject(act, u, a.sentence.text))) return true;
    return a.score >= PLAN_DONE_SUPPORT && a.id === ctx.byNumber.get(a.sentence.n)!.firstSentence && headlinePresent(a.sentence.text, base);
  });
}

// What makes a verb form after it no present-tense report: "to end", "will end", "is set to end"; and what makes it a plan's
// or a relative clause's ("plan that closes two stations", "Council plan closes …").
const NOT_REPORTED_BEFORE = /\b(?:to|will|would|could|may|might|should|must|can|not|no|that|which|who|plans?|proposals?|bills?)\s+$/i;

/** Whether a headline has the verb of stem `base` in the present ("ends", "is ending"), not as a plan or a denial. */
function headlinePresent(text: string, base: string): boolean {
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const w = m[0].toLowerCase();
    if ((w.endsWith('s') || w.endsWith('ing')) && stem(w) === base && !NOT_REPORTED_BEFORE.test(text.slice(Math.max(0, m.index - 14), m.index))) return true;
  }
  return false;
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
function droppedFrame(ctx: CheckContext, uses: readonly VerbUse[], text: string, ranked: readonly Alignment[], best: SourceSentence, strict: boolean): { v: VerbUse; u: VerbUse } | undefined {
  if (!uses.every((v) => !v.notDone && !v.negated)) return undefined;
  for (const u of sourceUses(best)) {
    if ((!u.notDone && !u.negated) || u.lemmaOnly || !VERB_LIKE.test(u.raw)) continue;
    const theirs = objectOf(u, best.text);
    const sameObject = (x: VerbUse) => objectsMatch(objectOf(x, text), theirs);
    // "is expected to make a formal announcement": a light verb's act is its object, so only the same object counts.
    const light = AUXILIARY.has(u.raw);
    if (light && (u.negated || theirs.length < 2)) continue;
    // "hinted at tariffs on French wine" for "hinting that he would tax French wine": the source sentence has the draft's verb
    // itself, not framed as a plan, so the draft reports that act and not the plan it shares an object with.
    // "moved to vote on the second article" for "will now vote on the second article": a verb that only aims at an act keeps it to come.
    const ownAct = (x: VerbUse) => sourceUses(best).some((y) => y.base === x.base && !y.notDone && !y.negated) || (CONATIVE.test(x.raw) && /^\s+to\b/.test(text.slice(x.end)));
    // "will plead guilty to falsifying a document": a verb of the draft inside the plan's object is what the plan is about, not the plan.
    const v = uses.find((x) =>
      light
        ? x.done && x.base === u.base && sameObject(x)
        : strict
        ? (u.negated || x.done) && sameAct(x, text, u, best.text) && (isLight(x, u) || sameObject(x))
        : u.negated
          ? !gerund(x, text) && !x.supposed && (sameAct(x, text, u, best.text) || (theirs.length > 1 && VERB_LIKE.test(x.raw) && !/^(?:un|in|dis|non)/.test(x.raw) && sameObject(x) && !ownAct(x)))
          : x.done && (sameAct(x, text, u, best.text) || (!agentAfter(x, text) && sameObject(x) && !theirs.includes(stem(x.raw)) && !ownAct(x) && !aboutAct(x.raw))),
    );
    // "declined to commit", "has seen no evidence": a negative word by the verb withholds it as "not" would; one in another
    // clause ("… without her consent") does not.
    if (!v || NEGATIVE_WORDS.test(clauseAround(text, v))) continue;
    // Another cited sentence that reports the same thing has it done ("were sworn in" after "will take"): a later report.
    if (!u.negated && doneElsewhere(ctx, ranked, best, v.base, [v, text])) continue;
    return { v, u };
  }
  return undefined;
}

// Verbs that speak of an act, or put it forward, without doing it: "warned of possible tornadoes", "floated a commutation",
// "it meant passing the bill" (what a word stood for).
const SPEECH_ABOUT = /^(?:warned|predicted|forecast|floated|suggested|hinted|signaled|signalled|urged|demanded|proposed|threatened|promised|vowed|pledged|meant)$/;

/** Whether a verb (as written, lower case) reports speech about the act or a stance on it (TOPIC_VERBS, SPEECH_ABOUT), not the act itself. */
function aboutAct(verb: string): boolean {
  return TOPIC_VERBS.test(verb) || SPEECH_ABOUT.test(verb);
}

/**
 * Whether an -ing form names an act rather than reports one: no form of "be" before it ("said blocking critics infringes on
 * their rights"), so it is a gerund, not a progressive ("is blocking").
 */
function gerund(x: VerbUse, text: string): boolean {
  return x.raw.endsWith('ing') && !x.done && !x.notDone && !PROGRESSIVE.test(text.slice(Math.max(0, x.end - x.raw.length - 40), x.end - x.raw.length));
}

const PROGRESSIVE = /\b(?:is|are|was|were|be|been|being|am|['’]s|['’]re|keeps?|kept|continues?|continued)\s+(?:\p{L}+ly\s+|still\s+|not\s+)?$/iu;

// How many of the best-aligned cited sentences a stage the draft moves is looked for in.
const STAGE_SEARCH = 3;

/**
 * A verb the draft reports as done that puts an action at a stage (./outcomes) the cited sentence best reporting the same
 * thing contradicts on the same object ("have passed S. 1" / "have introduced S. 1"), where no cited sentence gives the
 * draft's stage with any word of that object: { x, u, s } or undefined.
 */
function movedStage(ctx: CheckContext, text: string, done: readonly VerbUse[], ranked: readonly Alignment[], pool: readonly IndexedSource[]): { x: StageUse; u: StageUse; s: SourceSentence } | undefined {
  if (!done.length) return undefined;
  const mine = stageUses(text).filter((x) => x.object.length > 0 && done.some((v) => v.end === x.end));
  for (const x of mine) {
    for (const a of ranked.slice(0, STAGE_SEARCH)) {
      if (a.score < PLAN_DONE_SUPPORT) break;
      const u = (a.sentence.stages ??= stageUses(a.sentence.text)).find((t) => stagesConflict(x.stage, t.stage) && objectsMatch(x.object, t.object));
      if (!u) continue;
      const told = sentencesOf(ctx, pool).some((s) => (s.stages ??= stageUses(s.text)).some((t) => t.stage === x.stage && (!t.object.length || t.object.some((w) => x.object.includes(w)))));
      if (!told) return { x, u, s: a.sentence };
    }
  }
  return undefined;
}

// How many of the best-aligned cited sentences a plan the draft reports as done is looked for in.
const PLAN_SEARCH = 3;

/**
 * A plan or negation of one of the best-aligned cited sentences (from rank `from`, score at least WEAK_SUPPORT) that the
 * draft sentence reports plainly with the same verb on the same object (`droppedFrame`, strict): { v, u, s } or undefined.
 */
function plannedElsewhere(ctx: CheckContext, uses: readonly VerbUse[], text: string, ranked: readonly Alignment[], from = 0): { v: VerbUse; u: VerbUse; s: SourceSentence } | undefined {
  for (const a of ranked.slice(from, from + PLAN_SEARCH)) {
    if (a.score < WEAK_SUPPORT) break;
    const lost = droppedFrame(ctx, uses, text, ranked, a.sentence, true);
    // Read away from the best sentence, an earlier report's plan stands against any cited sentence that has it done, or
    // reports it in the present as headlines do ("Trump signs order").
    if (lost && !ranked.some((b) => b.score >= PLAN_DONE_SUPPORT && sourceUses(b.sentence).some((x) => !x.notDone && !x.negated && x.base === lost.v.base))) return { ...lost, s: a.sentence };
  }
  return undefined;
}

/** The clause a verb stands in: from the clause break before it to the one after its object. */
function clauseAround(text: string, v: VerbUse): string {
  return clauseAt(text, v.end - v.raw.length, v.end);
}

/** The finding for a plan or negation the draft sentence dropped. */
function framingFinding(ctx: CheckContext, p: Passage, part: DraftSentence, s: SourceSentence, { v, u }: { v: VerbUse; u: VerbUse }): string {
  const how = u.negated ? 'as happening what' : 'as done what';
  return `${p.where}: "${v.raw}" reports ${how} ${ctx.byNumber.get(s.n)!.label} reports as ${u.negated ? 'not happening' : 'not yet done'} ("${u.raw}") — ${excerpt(s.text, 90)} — ${excerpt(part.text)}`;
}

// Verbs of saying, judging and waiting take an act as their topic: "described the gathering" is no gathering done, "welcomed the
// vote" no vote held. ("reported", "noted", "predicted" and the like are no verb uses at all: ./verbs NOT_ACTIONS.)
const TOPIC_VERBS = /^(?:described|discussed|mentioned|previewed|detailed|outlined|explained|recounted|recalled|praised|criticized|criticised|questioned|welcomed|condemned|defended|debated|addressed|cited|awaited|denounced|hailed|mocked|blasted|slammed|decried|lamented|celebrated)$/;

// A schedule or an expectation right before a verb ("is expected to surrender", "is set to issue"); not a modal, which reported
// speech puts on done acts ("said they would be expelled").
const SCHEDULED_BEFORE = /\b(?:(?:expected|set|scheduled|slated|due|poised|about|going|planning|plans?|preparing)\s+to|(?:weighing|considering|mulling|deciding)\s+whether\s+to)\s+$/i;

/**
 * A verb the draft frames as still to come ("is expected to surrender") that the sentence best reporting the same thing has
 * done ("surrendered"), where no cited sentence reporting the same thing has it still to come (an earlier report would).
 */
function planAfterTheFact(uses: readonly VerbUse[], text: string, ranked: readonly Alignment[], best: SourceSentence): { v: VerbUse; u: VerbUse; s: SourceSentence } | undefined {
  for (const v of uses) {
    if (!v.notDone || v.negated || !VERB_LIKE.test(v.raw) || AUXILIARY.has(v.raw)) continue;
    if (!SCHEDULED_BEFORE.test(text.slice(Math.max(0, v.end - v.raw.length - 40), v.end - v.raw.length))) continue;
    // The sentence best reporting the same thing, or another that reports it well enough ("has apologised after snapping at …"
    // below a present-tense headline), has the act done.
    let u: VerbUse | undefined;
    let at = best;
    for (const a of ranked) {
      if (a.sentence !== best && a.score < PLAN_DONE_SUPPORT) break;
      // Away from the best sentence the same verb must act on the same thing: "documents released Thursday" is no release of "a final report".
      u = sourceUses(a.sentence).find((x) => x.done && sameAct(v, text, x, a.sentence.text) && (a.sentence === best || objectsMatch(objectOf(v, text), objectOf(x, a.sentence.text))));
      at = a.sentence;
      if (u) break;
    }
    if (!u) continue;
    if (ranked.some((a) => a.score >= MIN_SUPPORT && sourceUses(a.sentence).some((x) => (x.notDone || x.negated) && x.base === v.base))) continue;
    return { v, u, s: at };
  }
  return undefined;
}


// A verb right after "already", past an auxiliary ("had already voted", "has already been moved").
const ALREADY_VERB = /\balready\s+(?:(?:been|be|have|had)\s+)?(?:\p{L}+ly\s+)?$/iu;
const REGARD = /^(?:seen|viewed|regarded|considered|known|thought|deemed|perceived)$/;
// Words that say as much as "already": the act lies in the past.
const ALREADY_WORDS = /\b(?:already|long\s+ago|previously|earlier\s+this|so\s+far|to\s+date)\b/i;
// What a cited sentence says of an act still to come: a plan or an expectation, a schedule, or a wait ("awaiting", "still", "yet to").
const STILL_TO_COME = /\b(?:will|would|to\s+be|expected|set\s+to|scheduled|plans?|planned|planning|proposed|stands?\s+to|due|upcoming|awaiting|pending|still|yet\s+to|next\s+(?:week|month|year)|on\s+track|preparing|weighing|considering|could|may|might|must|likely)\b/i;

/**
 * A verb the draft reports as "already" done ("has already been moved") that no cited sentence has done, where a cited sentence
 * reporting the same thing has something still to come ("is expected to be moved"): a model's way of moving a plan forward.
 */
function alreadyDone(ctx: CheckContext, text: string, mine: readonly VerbUse[], ranked: readonly Alignment[], pool: readonly IndexedSource[]): { v: VerbUse; s: SourceSentence } | undefined {
  // "had already been seen as shrinking": a verb of regard reports a view, no act moved forward.
  const v = mine.find((x) => !REGARD.test(x.raw) && ALREADY_VERB.test(text.slice(Math.max(0, x.end - x.raw.length - 24), x.end - x.raw.length)));
  if (!v) return undefined;
  // Any cited sentence saying "already" in its words, or with the act done (the word itself, not planned or negated, or as
  // a compound: "the House-passed resolution"), bears the draft out.
  const word = new RegExp(`(?:\\b|-)${v.raw}\\b`, 'i');
  const told = (s: SourceSentence) => ALREADY_WORDS.test(s.text) || (word.test(s.text) && !sourceUses(s).some((u) => (u.notDone || u.negated) && u.base === v.base)) || sourceUses(s).some((u) => u.done && u.base === v.base);
  // Any cited sentence, not only those that report the same thing: a model's "already" often sums up a sentence further off
  // (reading only the best-aligned ones flagged one more faithful dev draft).
  if (sentencesOf(ctx, pool).some(told)) return undefined;
  const pending = ranked.slice(0, STAGE_SEARCH).find((a) => a.score >= WEAK_SUPPORT && STILL_TO_COME.test(a.sentence.text));
  return pending ? { v, s: pending.sentence } : undefined;
}

/** Findings for the tense and polarity of one sentence of a cited passage. */
export function checkTense(ctx: CheckContext, p: Passage, part: DraftSentence, pool: IndexedSource[]): string[] {
  const all = verbUses(part.text);
  const out = tenseAndPolarity(ctx, p, part, pool, all);
  // "Already" is read last, where nothing more telling was found: most drafts that write it have it from a source.
  if (out.length || !/\balready\b/i.test(part.text)) return out;
  const already = alreadyDone(ctx, part.text, all.filter((v) => v.done), alignments(ctx, part, pool), pool);
  if (!already) return out;
  return [`${p.where}: "already ${already.v.raw}" reports as done what ${ctx.byNumber.get(already.s.n)!.label} reports as not yet done, and no cited source has it done — ${excerpt(already.s.text, 90)} — ${excerpt(part.text)}`];
}

/** The findings of `checkTense` but for "already", from the sentence's verb uses (`verbUses`, quoted ones among them). */
function tenseAndPolarity(ctx: CheckContext, p: Passage, part: DraftSentence, pool: IndexedSource[], all: readonly VerbUse[]): string[] {
  // Words in quotation marks are the speaker's, in the speaker's tense ("they had "released the whirlwind""): a quoted verb is no
  // act the draft reports as done, though a quoted plan or denial still tells what the sentence is about.
  const quoted = part.text.includes('"') || part.text.includes('“') ? [...part.text.matchAll(/[“"][^”"]*[”"]/g)].map((m) => [m.index, m.index + m[0].length] as const) : [];
  const uses = all.filter((v) => !(v.done && quoted.some(([a, b]) => v.end > a && v.end <= b)));
  // A person's past role, given wherever the cited sources name them ("fired FBI director James Comey"), written as current.
  for (const s of sentencesOf(ctx, pool)) {
    const named = droppedStatus(s, part.text, true) ?? droppedElect(s.text, part.text);
    if (named) return [`${p.where}: "${named.role}" without "${named.status}", which ${ctx.byNumber.get(s.n)!.label} gives it — ${excerpt(s.text, 90)} — ${excerpt(part.text)}`];
  }
  // Any report of the story may give the title ("Justice Ruth Bader Ginsburg" where the cited one says "judge"): the
  // error is an office no report gives.
  const titled = swappedTitle(part.text, (surname) => seatsOf(ctx.sources, surname));
  if (titled) return [`${p.where}: "${titled.title}" gives ${titled.name} an office no report of the story gives; they say ${titled.theirs} — ${excerpt(part.text)}`];
  const mine = uses.filter((v) => v.done);
  if (!uses.length) return [];
  const ranked = alignments(ctx, part, pool);
  // The verb that names an action's stage is tied to its source by its object: read before the alignment thresholds.
  const moved = movedStage(ctx, part.text, mine, ranked, pool);
  if (moved) {
    return [`${p.where}: "${moved.x.raw}" puts at another stage what ${ctx.byNumber.get(moved.s.n)!.label} reports as ${moved.u.stage} ("${moved.u.raw}") — ${excerpt(moved.s.text, 90)} — ${excerpt(part.text)}`];
  }
  const best = ranked[0];
  if (!best || best.score < WEAK_SUPPORT) return [];
  // A weaker match still reports the same thing where the same verb takes the same object ("need to review those messages").
  if (best.score < MIN_SUPPORT) {
    const lost = plannedElsewhere(ctx, uses, part.text, ranked);
    return lost ? [framingFinding(ctx, p, part, lost.s, lost)] : [];
  }
  const label = ctx.byNumber.get(best.sentence.n)!.label;
  const dropped = droppedStatus(best.sentence, part.text);
  if (dropped) {
    return [`${p.where}: "${dropped.role}" without "${dropped.status}", which ${label} gives it — ${excerpt(best.sentence.text, 90)} — ${excerpt(part.text)}`];
  }
  // LAW opens on a look-behind, tried at every offset: the plain word is looked for first.
  const enacted = /law/i.test(part.text) ? LAW.exec(part.text) : null;
  // "signed the package into law" where the source has it signed: the signing is what enacts it.
  // So is a source's bill signed: "Gov. Phil Murphy signed a bill" makes the state one "to pass such a law".
  const signed = (SIGNED_INTO_LAW.test(part.text) && /\bsign(?:ed|s)\b/i.test(best.sentence.text)) || sourceUses(best.sentence).some((u) => u.done && u.base === 'sign');
  if (enacted && !signed && !PENDING_LEGISLATION.test(part.text) && PENDING_LEGISLATION.test(best.sentence.text) && !supportedLaw(ranked)) {
    return [`${p.where}: "${enacted[0]}" reports as enacted what ${label} reports as a ${PENDING_LEGISLATION.exec(best.sentence.text)![0].toLowerCase()} — ${excerpt(best.sentence.text, 90)} — ${excerpt(part.text)}`];
  }
  const lost = droppedFrame(ctx, uses, part.text, ranked, best.sentence, false);
  if (lost) return [framingFinding(ctx, p, part, best.sentence, lost)];
  // "…, and Biden made a formal announcement": a sentence of two reports aligns best with one; the other clause's act
  // may be planned in the next cited sentence, read strictly (the same verb on the same object).
  const later = plannedElsewhere(ctx, uses, part.text, ranked, 1);
  if (later) return [framingFinding(ctx, p, part, later.s, later)];
  const early = planAfterTheFact(uses, part.text, ranked, best.sentence);
  if (early) {
    return [`${p.where}: "${early.v.raw}" reports as still to come what ${ctx.byNumber.get(early.s.n)!.label} reports as done ("${early.u.raw}") — ${excerpt(early.s.text, 90)} — ${excerpt(part.text)}`];
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
    if ((m[2] === 'to' && CONATIVE.test(m[1]!)) || aboutAct(m[1]!)) continue;
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
    if (v.done && theirs.every(({ u }) => u.notDone) && !doneElsewhere(ctx, ranked, best.sentence, v.base, [v, part.text])) {
      out.push(`${p.where}: "${v.raw}" reports as done what ${label} reports as not yet done ("${theirs[0]!.u.raw}") — ${excerpt(at.text, 90)} — ${excerpt(part.text)}`);
    }
  }
  return out;
}
