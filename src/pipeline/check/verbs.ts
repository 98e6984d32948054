/**
 * How a text frames its verbs: done (a past or perfect), not (yet) done (a future, a plan, a modal, a schedule, a pending
 * clause) or negated, each verb with its base form and the object words that tell one act from another. Read by the
 * tense check (./tense) on a draft sentence and on the cited sentences that report the same thing.
 */
import { contentWords, STOPWORDS } from '../../lib/text';

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
// Prepositions after which a past form is an adjective; "to" only as part of "due to", for "expected to cut" is a verb.
const PREPOSITION_BEFORE = /\b(?:of|for|with|without|amid|amidst|over|despite|(?:due|owing|thanks)\s+to)\s+$/i;
// Verbs of expectation and intent report a state of mind, as speech verbs report words: "had anticipated that the economy
// would add", "aimed at solidifying" say nothing done of what they are about.
const NOT_ACTIONS = new Set([
  'said', 'told', 'added', 'noted', 'reported', 'stated', 'according', 'based', 'related', 'called', 'named', 'used', 'needed', 'expected', 'planned', 'scheduled',
  'anticipated', 'predicted', 'forecast', 'projected', 'estimated', 'hoped', 'intended', 'aimed', 'promised', 'pledged', 'vowed', 'wanted',
  // "is poised to withdraw", "was slated to vote": readiness, the act still to come. "was supposed to moderate": so is a duty.
  'poised', 'slated', 'supposed',
]);

const CALLED_FOR = /^\s+(?:for|on)\b/;
// Speech acts done by saying them ("I want to thank …", "we would like to apologise").
const PERFORMATIVE = /^(?:thank|congratulate|apologi[sz]e|welcome|commend|salute|applaud|acknowledge|recogni[sz]e)$/;
const PERFORMED_BY_SAYING = /\b(?:I|we)\s+(?:just\s+|also\s+)?(?:want|wanted|would\s+like|['’]d\s+like|wish)\s+to\s+$/i;

// Words within three before a verb that make it not (yet) done: plans, expectations, modals, near misses.
// What makes a verb not (yet) done: the future, a plan or an expectation, a modal, a near miss ("close to resigning").
// A necessity ("needs to review") is still to be met; an appearance ("appears to have taken") is not yet established.
// A day may sit between the plan and its act ("plans Wednesday to accuse"). "was to have marked": a plan that did not happen.
const NOT_DONE_MARK = /\b(?:will|would|'ll|shall|could|may|might|must|(?:plans?|planning|expects?|expected|set|going|due|scheduled|poised|supposed|preparing|prepares|aims?|seeks?|intends?|wants?|hopes?|likely|close|about|ready|committed|agreed|pledged|vowed|promised|threatened|certain|meant|designed|intended|aimed|sure|bound|needs?|appears?|seems?)\s+(?:(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tomorrow|tonight)\s+)?to|(?:considering|weighing|mulling)(?:\s+whether\s+to)?|(?:was|were)\s+to(?=\s+have\s)|verge\s+of|(?:sets?|setting|paves?|paved|paving|clears?|cleared|clearing)\s+the\s+(?:stage|way)\s+for\s+(?:[A-Za-z.'’-]+\s+){0,4}?to)\b/gi;
// A negation right before the verb ("did not expect", "is not seeking").
// A refusal or failure to act negates the act as "not" does ("its refusal so far to approve it", "failed to pass").
// "chose not to take": a decision not to act negates the act ("warned them not to back" only asks). "won't", "didn't": the
// contraction is one word.
// (Its words start with one of n, r, i, d, f or a contraction's letters: the lookahead turns most words away before the
// alternatives are tried.)
const NEGATION_MARK = /\b(?=[nridfwcahsmoev])(?:not|never|(?:cho(?:se|ose|oses|osing)|decid(?:ed|es|ing)|opt(?:ed|s|ing)|elect(?:ed|s|ing)|vot(?:ed|es|ing))\s+not\s+to|[a-z]+n['’]t|no\s+longer|rather\s+than|instead\s+of|(?:refus(?:al|e|es|ed|ing)|declin(?:e|es|ed|ing)|fail(?:s|ed|ing|ure)?)\s+(?:(?:so\s+far|yet|again)\s+)?to)\b/gi;
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
  /** A past in a condition or an open question ("whether Trump asked Comey"): reported neither way. */
  supposed?: boolean;
  /** Its object words, found when first compared (`objectOf`). */
  object?: string[];
  /** Whether a passive's agent follows it (`agentAfter`). */
  byAgent?: boolean;
}

/** Words of quantity and degree that open a noun phrase ("due to several reports", "due to heavy rain"): no verb's plain form. */
export const QUANTITY = /^(?:several|many|few|numerous|multiple|various|some|more|most|much|less|fewer|high|low|higher|lower|lack|heavy|poor|strong|weak|severe|bad|ongoing|recent)$/;

/** The verbs of a text in past or -ing form, or governed by a marker of the future or a negation, each with how the text frames it. */
export function verbUses(text: string): VerbUse[] {
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
    if (word.length < 3 && (word.length < 2 || (word !== 'go' && word !== 'Go'))) continue;
    const raw = word.toLowerCase();
    if (ADVERB.test(raw)) continue;
    const past = isPastForm(raw);
    if (!past && !marked && !raw.endsWith('ing')) continue;
    // "due to “the flood”": a marker's next word may be a function word, which reports no act.
    // "called for more spending", "called on Congress" is a demand made, not a name given ("a group called …").
    if ((NOT_ACTIONS.has(raw) && !(raw === 'called' && CALLED_FOR.test(text.slice(m.index + word.length, m.index + word.length + 5)))) || (!past && STOPWORDS.has(raw))) continue;
    // "due to several reports", "due to rising costs", "due to increased demand": after "due to", a quantity or a word that is
    // no verb's plain form opens a cause; only "due to vote" schedules an act.
    if ((past || raw.endsWith('ing') || QUANTITY.test(raw)) && /\bdue\s+to\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    // "would probably have fought and won", "would have fought the case and won": a verb joined by "and" or "or" to a governed
    // one, its object between, shares its marker.
    const joined = out.at(-1);
    let notDone = marked && (governs(governed, text, m.index) || (joined?.notDone === true && JOINED.test(text.slice(joined.end, m.index))));
    // "X may have won the election by a comfortable margin, but …": a concession grants the act; it does not doubt it.
    if (notDone && past && /\bmay\s+(?:well\s+)?have\s+$/i.test(text.slice(Math.max(0, m.index - 16), m.index)) && /^[^,.;]*,\s+but\b/i.test(text.slice(m.index + word.length))) notDone = false;
    // "I want to thank Mayor Durkan": a thanks, a welcome or an apology is given by saying one wants to give it.
    if (notDone && PERFORMATIVE.test(raw) && PERFORMED_BY_SAYING.test(text.slice(Math.max(0, m.index - 30), m.index))) notDone = false;
    // "Schiff would later explain": a narrative's future in the past tells what came after, done by the time it is told.
    if (notDone && /\bwould\s+later\s+$/i.test(text.slice(Math.max(0, m.index - 14), m.index))) notDone = false;
    const negated = marked && governs(negatedAt, text, m.index);
    if (!past && !raw.endsWith('ing') && !negated && !notDone) continue;
    // "appeared to show", "seemed to back": how something looked, no act.
    if ((raw === 'appeared' || raw === 'seemed') && /^\s+to\s/.test(text.slice(m.index + word.length, m.index + word.length + 5))) continue;
    // "with 12 days left in his term": what remains, no one leaving.
    if (raw === 'left' && /\b(?:days|weeks|months|years|hours|minutes|seconds|time|games|races|seats|votes)\s+$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
    // "a Democratic-backed bill", "state-run media": a participle hyphened onto a word describes a noun; it reports no act.
    if (text[m.index - 1] === '-') continue;
    // "must be “audited …”": a quotation that opens on the participle leaves it after its copula.
    const before = text.slice(Math.max(0, m.index - 24), m.index).replace(/["“]$/, '');
    // "the affected jobs", "a planned vote": a participle after a determiner describes a noun; it reports no act.
    if (DETERMINER_BEFORE.test(before)) continue;
    // "due to suspected under-reporting", "over disputed ballots": a past participle right after a preposition describes a noun.
    if (past && PREPOSITION_BEFORE.test(before)) continue;
    // "Expanded deferred action programs …", "Released in 2019, the report …": a past participle that opens the sentence has no
    // subject before it; it describes, it reports no act.
    if (past && /^\W*$/.test(text.slice(0, m.index))) continue;
    // "released rather than expelled": a negated verb is not reported as done.
    // "even if the outcome still hinged on …", "if governors did not act": a past in a condition is supposed, not reported.
    // "it remains unclear how many were killed": an act inside a question the text leaves open is not reported either way.
    const supposed = past && (CONDITION_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index)) || OPEN_QUESTION_BEFORE.test(text.slice(Math.max(0, m.index - 120), m.index)));
    // "wants negotiations restarted", "needed the road reopened": a participle after a wish's object is the wish, not the act
    // done; nor is it marked as a plan, since "need a booster shot" may hold a noun.
    const wished = past && WISHED_BEFORE.test(text.slice(Math.max(0, m.index - 70), m.index));
    out.push({ base: lemma(raw), raw, end: m.index + word.length, done: past && !supposed && !wished && !notDone && !negated && (PERFECT.test(before) || !/\b(?:be|being|is|are)\s+$/i.test(before)), notDone, negated, ...(supposed ? { supposed } : {}) });
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

// A headline's plan: "to sign", "will reopen", "set to", "plans to" (not "won't", a reported outcome).
const HEADLINE_PLAN = /\b(?:to|will|shall)\s+\p{L}{2,}/iu;

// A verb of wishing and its object, up to five words, right before a participle ("wants the talks on the bill restarted").
// "the $15 billion the administration wants canceled": the object may stand before the wish.
const WISHED_BEFORE = /\b(?:wants?|wanted|wanting|needs?|needed|would\s+like|prefers?|preferred)\s+(?:(?!(?:and|but|or|then|so|who|which|that|before|after|when|while|than|if|until|once|because|it|he|she|they|we|i)\b)[\p{L}'’-]+\s+){0,5}$/iu;

// A verb joined to the one before by "and" or "or", with at most that verb's short object between ("fought the case and won").
const JOINED = /^(?:\s+(?:the|a|an|his|her|its|their|[\p{L}'’-]+)){0,3}\s+(?:and|or)\s+$/u;
// A question the text leaves open ("unclear exactly how many Americans … were", "not known whether"), up to a clause break.
const OPEN_QUESTION_BEFORE = /\b(?:unclear|uncertain|unknown|not\s+(?:clear|known|certain)|no\s+one\s+knows|remains\s+to\s+be\s+seen)\s+(?:exactly\s+)?(?:how\s+(?:many|much)|whether|if|who|what|when|why|how)\b[^.;:!?]*$/i;
// A condition's opening word and its subject, up to six words with no clause break, right before a verb.
const CONDITION_BEFORE = /\b(?:if|unless|whether)\s+(?:[\p{L}\p{N}.'’-]+\s+){0,6}$/iu;

// A clause that a time or condition word opens, in the present, tells what has yet to happen or is still under way:
// "after the agency grants approval", "while the administration reviews its role".
const OPEN_CLAUSE = /\b(?:after|once|until|unless|if|while|when|before)\s+((?:[\p{L}.'’-]+\s+){0,6}?)(\p{Ll}{3,}[^s\W]s)\b/gu;

/** The present-tense verbs of a source's time or condition clauses and of its schedules, as not (yet) done uses. */
export function pendingClauses(text: string, headline = false): VerbUse[] {
  const out: VerbUse[] = [];
  for (const m of text.matchAll(OPEN_CLAUSE)) {
    const raw = m[2]!;
    // A headline tells what happened in the present: "… after Cohen admits lying", "… after legislature fails to override";
    // not when it announces a plan ("Mayberry to sign bill after Senate passes it", "… will reopen once inspections end").
    if (headline && /^(?:after|once)\b/i.test(m[0]) && !HEADLINE_PLAN.test(text.slice(0, m.index))) continue;
    // "after the grants", "while its reviews", "if senators' questions": a determiner or an owner before the -s word makes it
    // a plural noun; "if governors do not act": so does nothing before it, for a clause's verb follows its subject.
    if (!m[1] || /(?:\b(?:the|a|an|its|their|his|her|our|these|those)|['’]s?)\s+$/i.test(m[1])) continue;
    out.push(pendingPresent(raw, m.index + m[0].length));
  }
  // "The contest comes to a head on Tuesday": a present with a day or time ahead is a schedule.
  if (!TIME_AHEAD.test(text)) return out;
  for (const m of text.matchAll(SCHEDULED_PRESENT)) {
    const raw = m[1]!;
    // "held talks on Tuesday", "the votes on Friday", "planning visits next week": a noun after a verb or a determiner.
    const before = /([\p{L}'’]+)\s+$/u.exec(text.slice(Math.max(0, m.index - 24), m.index))?.[1]?.toLowerCase() ?? '';
    // "four hours and 127 questions on Tuesday": a count before the word makes it a noun.
    if (DETERMINER_BEFORE.test(`${before} `) || isPastForm(before) || before.endsWith('ing') || (STOPWORDS.has(before) && !/^(?:it|he|she|who|that|which)$/.test(before)) || /\d\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    out.push(pendingPresent(raw, m.index + raw.length));
  }
  return out;
}

/** A present -s form ("grants", "reaches") as a use still to come, met only by the same verb. */
function pendingPresent(raw: string, end: number): VerbUse {
  // "testifies" is "testify", as "testified" is.
  const base = lemma(/[^aeiou]ies$/.test(raw) ? `${raw.slice(0, -3)}y` : /(?:ss|sh|ch|x|z)es$/.test(raw) ? raw.slice(0, -2) : raw.slice(0, -1));
  return { base, raw, end, done: false, notDone: true, negated: false, lemmaOnly: true };
}

// A day or time ahead: most sentences have none, and this test costs far less than the pattern.
const TIME_AHEAD = /\b(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|tomorrow|next\s+(?:week|month|year)|later\s+this)\b/;
const SCHEDULED_PRESENT = /\b(\p{Ll}{3,}[^s\W]s)\b(?=(?:\s+[\p{L}'’-]+){0,5}?\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|tomorrow|next\s+(?:week|month|year)|later\s+this\s+(?:week|month|year))\b)/gu;

/** The offsets at which a marker's matches end. */
function markerEnds(text: string, marker: RegExp): number[] {
  const out: number[] = [];
  marker.lastIndex = 0;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    // "Senate Republicans in May blocked": a capitalised "May" inside a sentence is the month (or Theresa May), no modal.
    if (m[0] === 'May' && m.index > 0) continue;
    out.push(m.index + m[0].length);
  }
  return out;
}

// Adverbs that stand between a modal and its verb ("will now vote", "would also immediately pay"): never a verb themselves.
const ADVERB_WORDS = 'now|also|then|still|soon|again|already|just|even|only|further|first|later|instead|once|finally|formally|officially|immediately|likely|probably|eventually|ultimately|quickly|publicly|personally|possibly|certainly|definitely|shortly|swiftly|almost|most|very|quite';
const ADVERB = new RegExp(`^(?:${ADVERB_WORDS})$`);
const ADVERBS_BETWEEN = new RegExp(`^\\s+(?:(?:${ADVERB_WORDS}|\\w+ly)\\s+){1,2}(?:(?:be|been|have|have\\s+been)\\s+)?$`, 'i');

/** Whether a word at `at` is the first or second word after one of the marker ends (a "be", "soon" or -ly adverb may stand between). */
function governs(ends: number[], text: string, at: number): boolean {
  for (const end of ends) {
    if (end > at) break;
    const between = text.slice(end, at);
    // "could have afforded", "would have been …": a modal's perfect is no more done than the modal.
    // "will stay locked", "could remain closed": a copula carries the modal to the participle.
    // "might be able to raise", "will have to pay": the ability or obligation the modal governs carries it to the verb.
    // "will now immediately vote": adverbs between a modal and its verb leave the verb governed; "must be forcibly
    // deported": an -ly adverb after the copula leaves the participle governed too.
    if (/^\s+$/.test(between) || /^\s+(?:be|soon|been|have|have\s+been|stay|remain|get|become|be\s+able\s+to|have\s+to|\w+ly|(?:be|been|have\s+been|stay|remain|get|become)\s+\w+ly)\s+$/i.test(between) || ADVERBS_BETWEEN.test(between)) return true;
  }
  return false;
}

/** A verb's base form, near enough to meet its other forms: "arraigned" / "arraign", "held" / "hold", "resigning" / "resign". */
export function lemma(raw: string): string {
  // The base of an irregular past loses its silent e as a regular form's does: "took" and "take" meet.
  const irregular = IRREGULAR.get(raw);
  if (irregular) return irregular.replace(/e$/, '');
  let w = raw;
  if (w.endsWith('ied') && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  // "planned" / "plan", "voted" / "vote": a doubled last consonant or a silent e does not tell verbs apart.
  if (/([b-df-hj-np-tv-z])\1$/.test(w)) w = w.slice(0, -1);
  // "apologised" / "apologize": British and American spellings are one verb.
  if (w.length > 5 && /is$/.test(w) && /is(?:e|ed|es|ing)$/.test(raw)) w = `${w.slice(0, -2)}iz`;
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

/** A use's object words, found once per use: a verb is compared with every verb of the sentences that report the same thing. */
export function objectOf(u: VerbUse, text: string): string[] {
  return (u.object ??= objectWords(text, u.end));
}

export function isPastForm(raw: string): boolean {
  return (raw.length > 4 && raw.endsWith('ed')) || IRREGULAR.has(raw);
}

// Verbs whose meaning is in their object ("made up" / "would make a better president", "took office" / "take a vote").
const LIGHT_VERBS = new Set(['mak', 'tak', 'giv', 'get', 'hav', 'do', 'go', 'com', 'put', 'keep', 'set']);

/** Whether either use is a light verb, whose object says what the act is. */
export function isLight(x: VerbUse, u: VerbUse): boolean {
  return LIGHT_VERBS.has(x.base) || LIGHT_VERBS.has(u.base);
}

/** Whether two uses report the same act: the same verb, and for a light verb the same object too. */
export function sameAct(x: VerbUse, xText: string, u: VerbUse, uText: string): boolean {
  // "started clearing the debris" / "began clearing the debris so rescuers could start searching": one verb on another
  // object the source reports as done is another act (see otherObjects).
  if (!isLight(x, u)) return x.base === u.base && !otherObjects(x, xText, u, uText);
  // "took effect" / "will take effect" / "expected to go into effect", "claimed responsibility" / "appears to have taken
  // responsibility": a light verb's noun right after it makes the act, whatever verb the other text gives it.
  // "sworn in by Vice President …": who acted is no object.
  if (agentAfter(x, xText) || agentAfter(u, uText)) return false;
  const mine = objectOf(x, xText);
  const theirs = objectOf(u, uText);
  return (mine.length > 0 && mine[0] === theirs[0]) || (x.base === u.base && objectsMatch(mine, theirs));
}

// An object given by a pronoun ("expected to sign it") may be any of the other's; a passive's agent is no object.
const PRONOUN_OBJECT = /^\s+(?:it|its|them|this|that|these|those|him|her|us|one)\b/i;
// Days and times after a verb say when, not what ("objected Wednesday"), as stems.
const WHEN_WORDS = new Set(['monda', 'tuesd', 'wedne', 'thurs', 'frida', 'satur', 'sunda', 'today', 'tonig', 'yeste', 'tomor', 'morn', 'even', 'night', 'week', 'month', 'year', 'later', 'earli']);

/**
 * Two uses whose objects each have content words and share none (a short word, such as "new", does not join them), where the
 * other text reports the first's object before its own verb: "crews began clearing the debris so rescuers could start
 * searching" has "started clearing the debris" done. An object only reworded ("signed the measure" / "expected to sign the
 * bill") is not told apart so: no list of synonyms says a measure is a bill.
 */
function otherObjects(x: VerbUse, xText: string, u: VerbUse, uText: string): boolean {
  if (agentAfter(x, xText) || agentAfter(u, uText) || PRONOUN_OBJECT.test(xText.slice(x.end, x.end + 8)) || PRONOUN_OBJECT.test(uText.slice(u.end, u.end + 8))) return false;
  const a = objectOf(x, xText).filter((w) => !WHEN_WORDS.has(w));
  const b = objectOf(u, uText).filter((w) => !WHEN_WORDS.has(w));
  if (!a.length || !b.length || a.some((w) => w.length > 2 && b.includes(w))) return false;
  const before = new Set(contentWords(uText.slice(0, u.end - u.raw.length)));
  return a.some((w) => w.length > 2 && before.has(w));
}

/** Two objects are one when they share two content words, or the one word a short object has. */
export function objectsMatch(a: readonly string[], b: readonly string[]): boolean {
  const shared = a.filter((w) => w.length > 2 && b.includes(w)).length;
  return shared >= Math.max(1, Math.min(2, a.length, b.length));
}

// "the vaccine developed by Pfizer", "sworn in by the vice president": the words after a passive's "by" name who acted, not what
// was acted on, so they cannot tie the participle to a plan's object.
const AGENT_AFTER = /^\s+(?:(?:in|up|out|off|down)\s+)?by\b/i;

/** Whether a passive's "by" follows the use, found once per use. */
export function agentAfter(u: VerbUse, text: string): boolean {
  return (u.byAgent ??= AGENT_AFTER.test(text.slice(u.end, u.end + 12)));
}
