/**
 * Causal claims: "because", "due to", "led to", "prompted by", "in an effort to" link two facts, and a cited
 * source must state both sides and a causal link between them in one place (a sentence, or two sentences side
 * by side). A cause the draft adds to two facts the sources report apart — or reads into a source's mere
 * sequence ("comes as", "follows", "after") — is its own inference, not reporting.
 */
import { contentWords } from '../../lib/text';
import { attributionWords, type CheckContext, excerpt, type IndexedSource, type SourceSentence, sentencesOf } from './context';
import { alignments } from './align';
import { bareMarker, type CausalLink, causalLink, linkSides } from './extract/causal-links';
import type { DraftSentence, Passage } from './passages';

// Causal links by family, as a source may word them in any tense: a draft's "because of" is the source's
// "because" or "due to", its "forcing" the source's "would force" — not a "forced" of some other kind.
const LINK_FAMILIES: [RegExp, RegExp][] = [
  [/^(?:because|due|owing|as\s+a|thanks)/i, /\b(?:because|due\s+(?:\w+\s+){0,2}to|owing\s+to|as\s+a\s+(?:direct\s+)?result|thanks\s+to)\b/i],
  [/^forc/i, /\b(?:forc(?:ed|ing)|(?:to|will|would|could|may|might|can)\s+force)\b(?!\s+(?:their|his|her|its|our|my|your)\s+way)/i],
  [/^(?:led|leading|has|have|had|which|is\s+what|was\s+what|resulted|resulting|caused|causing|prompted|prompting|drove|driven|spurred|triggered|fuel)/i, /\b(?:(?:lead(?:s|ing)?|led)\s+(?:[\w'’-]+\s+){0,6}?to|result(?:s|ed|ing)?\s+in|caus(?:e|es|ed|ing)|prompt(?:s|ed|ing)|drove|driven|driving|spurr?(?:s|ed|ing)?|trigger(?:s|ed|ing)?|fuel(?:l?ed|l?ing)|(?:to|will|would|could|may|might|can)\s+(?:prompt|fuel|drive))\b/i],
  [/^(?:in\s+an?\s+(?:effort|bid|attempt)|in\s+order|so\s+as|timed|designed|intended)/i, /\b(?:in\s+an?\s+(?:effort|bid|attempt)\s+to|in\s+order\s+to|aim(?:s|ed)?\s+(?:at|to)|(?:designed|intended|meant|timed)\s+to)\b/i],
];

/** Whether a source sentence links two facts the way the draft's marker does. */
function linksAlike(marker: string, source: string): boolean {
  const family = LINK_FAMILIES.find(([draft]) => draft.test(bareMarker(marker)));
  return family !== undefined && family[1].test(source);
}

// "since Aug. 23", "since last week": a time, not a reason.
const TIME = String.raw`\s+(?:(?:a|an|the|that|this|its|their|his|her|last|\d+)\s+)?(?:\d|(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|midnight|noon|dawn|weekend|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|then|\d{4})\b)`;
// How a source states a cause, in any tense. A mere sequence or setting ("after", "as", "amid", "comes as",
// "follows") is not among them: that a draft reads a cause into one is the error this check is for.
const CAUSAL_CONNECTIVES = String.raw`because|due\s+(?:\w+\s+){0,2}to|owing\s+to|as\s+a\s+(?:direct\s+)?result|thanks\s+to|so\s+that|therefore|thus|hence|consequently|so|in\s+light\s+of|on\s+the\s+basis\s+of|reasons?|why|(?<=(?:^|[,;:]\s|\bthat\s))since(?!${TIME})`;
const CAUSAL_VERBS = String.raw`result(?:s|ed|ing)?\s+in|caus(?:e|es|ed|ing)|(?:lead(?:s|ing)?|led)\s+(?:[\w'’-]+\s+){0,6}?to|prompt(?:s|ed|ing)|spurr?(?:s|ed|ing)?|trigger(?:s|ed|ing)?|fuel(?:l?ed|l?ing)|forc(?:ed|ing)|drove|driven|driving|(?:to|will|would|could|may|might|can)\s+(?:prompt|fuel|force|drive)|spark(?:s|ed|ing)?|provok(?:e|es|ed|ing)|compel(?:s|led|ling)?|deter(?:s|red|ring)?|motivat\w*|brought\s+on|stem(?:s|med|ming)?\s+from|incit\w*|unleash\w*|stok(?:e|es|ed|ing)|ignit\w*|inflam\w*|(?:set|sets|setting|touch(?:es|ed|ing)?)\s+off|(?:bring|brings|brought|bringing)\s+about|g[ai]v(?:e|es|en|ing)\s+rise\s+to|contribut(?:e|es|ed|ing)\s+to|(?:enraged|angered|outraged|alarmed|frightened|frustrated|incensed)\s+(?:by|over|at)|bow(?:s|ed|ing)?\s+to`;
// Reasons a source gives for an act: reactions, blame and credit, stated grounds, an act after another's decision
// ("would lift sanctions after Ankara agreed to stop", "fined it after finding that…").
const REASONS = String.raw`in\s+(?:response|reaction|retaliation|protest)|respond(?:s|ed|ing)?\s+to|react(?:s|ed|ing)?\s+to|retaliat\w*|protest(?:s|ed|ing)?\s+(?:against|over)|blam(?:e|es|ed|ing)|attribut(?:e|es|ed|ing)|credit(?:s|ed|ing)?|citing|after\s+(?:[\p{L}'’.-]+\s+){0,3}?(?:agree|refuse|decide|find|found|conclude|determine|learn|discover|rule)(?:s|d|ed|ing)?|over\s+(?!(?:the\s+)?(?:past|last|next|weekend|course|years?|months?|weeks?|days?|hours?|time|\d)\b)[\p{L}'’-]+`;
const PURPOSES = String.raw`in\s+an?\s+(?:effort|bid|attempt)\s+to|in\s+order\s+to|aim(?:s|ed|ing)?\s+(?:at|to)|(?:designed|intended|meant|timed|seeking|hoping)\s+to|so\s+as\s+to`;
const CAUSAL_LINK = new RegExp(String.raw`\b(?:${CAUSAL_CONNECTIVES}|${CAUSAL_VERBS}|${REASONS}|${PURPOSES})\b`, 'iu');
// A reason given with a bare preposition or a word of speech ("pulled for appearing to…", "told them to wait, saying regulators
// need time"), which links only between the sides (`joinsSides`).
const BARE_REASON = /\b(?:for\s+(?:\w+ly\s+)?\w+ing|saying)\b/giu;
// A sequence or a setting, which tells two facts apart in time rather than linking them.
const SEQUENCE = /\b(?:after|amid|following|follows?|followed|before|since|while|when|in\s+the\s+wake\s+of|(?:comes?|came|just|even)\s+as)\b|,\s+as\b/i;
// A non-restrictive relative clause on a thing: ", which was developed with the NIH," up to its closing comma or the end.
// One on a person ("Lin, who was not authorized to speak, spoke on condition of anonymity") tells what moves them.
const ASIDE = /,\s+which\b[^,;]*/giu;

// Shares of each side's content words one source passage must hold to link them.
const CAUSE_SHARE = 0.4;
const EFFECT_SHARE = 0.25;
// From this share of each side's content words, one source sentence tells both sides together.
const TOLD_TOGETHER = 0.6;
// From this share of its content words in one cited sentence, the effect is reported: half, so that a cause is held
// only where a source plainly tells what the draft says it caused.
const EFFECT_REPORTED = 0.5;
// From this share of its content words in a cited passage, a purpose is reported.
const PURPOSE_REPORTED = 0.34;
// From this alignment score a cited sentence reports the same thing as the draft sentence (./align).
const SAME_REPORT = 0.35;

/** A link's two sides as stemmed content words; the cause in each way it may be read. */
interface Sides {
  causes: string[][];
  effect: string[];
}

// A side that only points back ("that requirement is why…") names nothing a source could be searched for.
const POINTER = /^\s*(?:that|this|these|those|such)\s+[\p{L}'’-]+\s*$/iu;

/** The sides of a draft's link without the credit to our outlet ("…, the Labor Department reported Thursday" is no cause), or null. */
function sidesOf(ctx: CheckContext, text: string, link: CausalLink): Sides | null {
  const credit = attributionWords(ctx);
  const clause = (t: string) => contentWords(t).filter((w) => !credit.has(w));
  const texts = linkSides(text, link, (t) => clause(t).length);
  if (!texts) return null;
  const opener = text.slice(0, Math.max(0, text.indexOf(texts.cause))).match(/\b(?:that|this|these|those|such)\s+$/i)?.[0] ?? '';
  if (POINTER.test(opener + texts.cause) || POINTER.test(texts.effect)) return null;
  const causes = [texts.cause, ...(texts.wideCause && texts.wideCause !== texts.cause ? [texts.wideCause] : [])].map(clause).filter((c) => c.length);
  const effect = clause(texts.effect);
  return causes.length && effect.length ? { causes, effect } : null;
}

/** The share of `words` that a source sentence, or the one after it (when given), holds. */
function share(words: readonly string[], s: SourceSentence, next: SourceSentence | undefined): number {
  if (!words.length) return 1;
  const held = wordsOf(s);
  const more = next && wordsOf(next);
  let n = 0;
  for (const w of words) if (held.has(w) || more?.has(w)) n++;
  return n / words.length;
}

/** The best share of the cause, in any of its readings. */
function causeShare(causes: readonly string[][], s: SourceSentence, next: SourceSentence | undefined): number {
  let best = 0;
  for (const c of causes) best = Math.max(best, share(c, s, next));
  return best;
}

/** A source sentence's stemmed content words as a set, found once per call. */
function wordsOf(s: SourceSentence): Set<string> {
  return (s.wordSet ??= new Set(s.tokens.map((t) => t.w)));
}

/**
 * Whether a reason a source gives with a bare preposition ("pulled from Twitter for appearing to belong…") joins the
 * two sides: the side word nearest before it belongs to one side and the nearest after it to the other. Inside one
 * side ("attacked for expressing their views") it links nothing.
 */
function joinsSides({ causes, effect }: Sides, s: SourceSentence): boolean {
  const causeSet = new Set(causes.flat());
  const effectSet = new Set(effect);
  const onSide = (w: string) => causeSet.has(w) || effectSet.has(w);
  BARE_REASON.lastIndex = 0;
  for (let m = BARE_REASON.exec(s.text); m; m = BARE_REASON.exec(s.text)) {
    const at = m.index;
    const before = s.tokens.findLast((t) => t.end <= at && onSide(t.w));
    const after = s.tokens.find((t) => t.start > at && onSide(t.w));
    if (before && after && ((effectSet.has(before.w) && causeSet.has(after.w)) || (causeSet.has(before.w) && effectSet.has(after.w)))) return true;
  }
  return false;
}

/** Whether a source sentence states a cause in words, found once per call. */
function statesCause(s: SourceSentence): boolean {
  return (s.statesCause ??= CAUSAL_LINK.test(s.text));
}

/**
 * Whether a source sentence (with the next of its source) links the two sides, in a causal expression or by telling
 * them together; with each sentence's shares of the cause and of the effect, alone.
 */
function linkedIn(sides: Sides, s: SourceSentence, next: SourceSentence | undefined, [c, e]: Held, [cNext, eNext]: Held): boolean {
  // One sentence that tells both sides together, not as a mere sequence, links them as the source sees them
  // ("was not authorized to discuss the matter and spoke on condition of anonymity").
  if (c >= TOLD_TOGETHER && e >= TOLD_TOGETHER && !SEQUENCE.test(s.text) && !toldAside(sides.causes, s)) return true;
  if (c >= CAUSE_SHARE && e >= EFFECT_SHARE) return statesCause(s) || joinsSides(sides, s);
  // Sides told over two sentences ("… X. That prompted Y.") are linked in either; sides one sentence holds, only in it.
  if (!next || c + cNext < CAUSE_SHARE || e + eNext < EFFECT_SHARE || !(statesCause(s) || statesCause(next))) return false;
  return causeShare(sides.causes, s, next) >= CAUSE_SHARE && share(sides.effect, s, next) >= EFFECT_SHARE;
}

/**
 * Whether a sentence tells the cause aside, in a non-restrictive relative clause ("the first country to authorize the
 * vaccine, which was developed with the NIH"): background to the main clause, not its reason.
 */
function toldAside(causes: readonly string[][], s: SourceSentence): boolean {
  const asides: [number, number][] = [];
  ASIDE.lastIndex = 0;
  for (let m = ASIDE.exec(s.text); m; m = ASIDE.exec(s.text)) asides.push([m.index, m.index + m[0].length]);
  if (!asides.length) return false;
  const causeSet = new Set(causes.flat());
  let inside = 0;
  let held = 0;
  for (const t of s.tokens) {
    if (!causeSet.has(t.w)) continue;
    held++;
    if (asides.some(([a, b]) => a <= t.start && t.start < b)) inside++;
  }
  return held > 0 && inside / held >= 0.5;
}

/** A sentence's shares of a link's cause and effect. */
type Held = readonly [cause: number, effect: number];

/**
 * Whether the cited sources support a draft's link. A cause is supported by a cited sentence that reports the draft
 * sentence with a link of the same family, or by a passage that links both sides; it is held when the cited sources
 * report its effect and link it to nothing it names. An effect no cited sentence reports is a claim of its own, which
 * the draft may word past our matching. A purpose is held only when its aim is not reported at all.
 */
function supported(ctx: CheckContext, part: DraftSentence, pool: IndexedSource[], link: CausalLink, sides: Sides): boolean {
  // "most likely because of the enormous sums he has spent" for "because of the massive amount of money he's poured".
  const best = alignments(ctx, part, pool)[0];
  if (best && best.score >= SAME_REPORT && linksAlike(link.marker, best.sentence.text)) return true;
  const list = sentencesOf(ctx, pool);
  const held: Held[] = list.map((s) => [causeShare(sides.causes, s, undefined), share(sides.effect, s, undefined)]);
  let causeHeld = 0;
  let effectHeld = 0;
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    const next = list[i + 1]?.n === s.n ? list[i + 1] : undefined;
    if (linkedIn(sides, s, next, held[i]!, held[i + 1] ?? [0, 0])) return true;
    causeHeld = Math.max(causeHeld, link.claim === 'purpose' ? causeShare(sides.causes, s, next) : 0);
    effectHeld = Math.max(effectHeld, held[i]![1]);
  }
  return link.claim === 'purpose' ? causeHeld >= PURPOSE_REPORTED : effectHeld < EFFECT_REPORTED;
}

/** Findings for the causal link of one sentence of a cited passage. */
export function checkCauses(ctx: CheckContext, p: Passage, part: DraftSentence, pool: IndexedSource[]): string[] {
  const link = causalLink(part.text);
  const sides = link && sidesOf(ctx, part.text, link);
  if (!link || !sides || supported(ctx, part, pool, link, sides)) return [];
  return [`${p.where}: "${link.marker}" gives a cause that the cited sources do not report — ${excerpt(part.text)}`];
}
