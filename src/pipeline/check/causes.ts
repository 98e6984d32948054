/**
 * Causal claims: "because", "due to", "led to", "forced", "after … prompted" link two facts, and a
 * cited source must state both sides and a link between them in one place (a sentence, or two
 * sentences side by side). A cause the draft adds to two facts the sources report apart is its own
 * inference, not reporting.
 */
import { contentWords } from '../../lib/text';
import { attributionWords, type CheckContext, excerpt, type IndexedSource, type SourceSentence, sentencesOf } from './context';
import { alignments } from './align';
import type { DraftSentence, Passage } from './passages';
import { QUANTITY } from './verbs';

const CAUSAL = /\b(?:(?:largely|partly|mainly|mostly|chiefly|in\s+part|primarily)\s+)?(?:because(?:\s+of)?|due\s+to|owing\s+to|as\s+a\s+(?:direct\s+)?result\s+of|thanks\s+to|in\s+response\s+to|(?:prompted|caused|triggered|spurred|sparked|forced|fuell?ed|driven)\s+by|led\s+to|leading\s+to|resulted\s+in|resulting\s+in|caused|causing|prompted|prompting|forced|forcing|drove|spurred|triggered|sparked|sparking|that\s+is\s+why|in\s+an\s+effort\s+to|in\s+a\s+bid\s+to|in\s+order\s+to|so\s+as\s+to|(?:timed|designed|intended)\s+to|(?:swayed|stung|deterred|motivated|pushed(?:\s+out)?|brought\s+on|angered|emboldened|alarmed|pressured|driven\s+\w+ly)\s+by|bowing\s+to|in\s+protest\s+(?:of|against)|in\s+retaliation\s+for|retaliation\s+for|on\s+the\s+strength\s+of|acting\s+on|crediting|in\s+anger\s+(?:over|at)|after\s+(?:finding|concluding|determining|learning|deciding)|is\s+why|(?:has|have|had)\s+led|(?<!-)led\s+(?:[\p{L}'’-]+\s+){1,4}?to)\b/iu;

// Causal links by family, as a source may word them in any tense: a draft's "because of" is the source's
// "because" or "due to", its "forcing" the source's "would force" — not a "forced" of some other kind.
const LINK_FAMILIES: [RegExp, RegExp][] = [
  [/^(?:(?:\w+\s+)?because|due|owing|as\s+a|thanks)/i, /\b(?:because|due\s+to|owing\s+to|as\s+a\s+(?:direct\s+)?result\s+of|thanks\s+to|in\s+light\s+of)\b/i],
  [/^forc/i, /\bforc(?:e|es|ed|ing)\b(?!\s+(?:their|his|her|its|our|my|your)\s+way)/i],
  [/^(?:led|leading|resulted|resulting|caused|causing|prompted|prompting|drove|driven|spurred|triggered|sparked|sparking|motivated|fuel)/i, /\b(?:lead(?:s|ing)?\s+to|led\s+to|result(?:s|ed|ing)?\s+in|caus(?:e|es|ed|ing)|prompt(?:s|ed|ing)?|drove|drive[sn]?|driving|spurr?(?:s|ed|ing)?|trigger(?:s|ed|ing)?|spark(?:s|ed|ing)?|motivat(?:e|es|ed|ing)|fuel(?:s|l?ed|l?ing)?)\b/i],
  [/^(?:in\s+an?\s+(?:effort|bid)|in\s+order|so\s+as|timed|designed|intended)/i, /\b(?:in\s+an?\s+(?:effort|bid)\s+to|in\s+order\s+to|aim(?:s|ed)?\s+(?:at|to)|(?:designed|intended|meant|timed)\s+to)\b/i],
];

// The words of the phrase after a link, up to its clause's end: what the link names as the cause.
const causeWords = (text: string) => new Set((/^[^,;.]{0,60}/.exec(text)?.[0].toLowerCase().match(/\p{L}{4,}/gu) ?? []));

/** Whether a source sentence links two facts the way the draft's marker does (`cause`: the draft's words after it). */
function linksAlike(marker: string, source: string, cause: string): boolean {
  // "emboldened by", "swayed by": the source's own verb of the passive link, in the same form, naming the same cause.
  const byVerb = /^(\p{L}+)\s+by$/u.exec(marker.trim());
  const theirs = byVerb && new RegExp(String.raw`\b${byVerb[1]}\s+by\b`, 'i').exec(source);
  if (theirs) {
    const mine = causeWords(cause);
    if ([...causeWords(source.slice(theirs.index + theirs[0].length))].some((w) => mine.has(w))) return true;
  }
  const family = LINK_FAMILIES.find(([draft]) => draft.test(marker.replace(/^(?:largely|partly|mainly|mostly|chiefly|in\s+part|primarily)\s+/i, '')));
  return family !== undefined && family[1].test(source);
}

// "X prompted Y" names the cause first; the passive "Y was prompted by X" names it last.
const FORWARD = /^(?!.*\sby$).*(?:led|leading|resulted|resulting|caused|causing|prompt|forc|drove|spurred|triggered|sparked|sparking|why)/i;

// Words that state a cause or a reason: "because", "led to", "blamed", "citing", "fears".
const CAUSE_WORDS = String.raw`because|due|owing|result|results|resulted|thanks|response|respond|responded|led|lead|leads|leading|caused?|causing|prompt(?:ed|ing|s)?|forc(?:ed|ing|es)|drove|driven|driving|spurr?(?:ed|ing)?|trigger(?:ed|ing|s)?|spark(?:ed|ing|s)?|fuel(?:l?ed|ling|s)?|so|therefore|reason|reasons|blam(?:ed|es|ing)|attribut(?:ed|es|ing)|citing|cited|enraged|angered|fears?|concerns?|why`;
// Any word a source may use to link two facts: causes, reactions, sequence and reasons.
const LINK = new RegExp(String.raw`\b(?:${CAUSE_WORDS}|after|amid|following|since|as|over|from|by)\b`, 'i');
// The links that state a cause, not only an order in time ("after", "amid", "as", "from", "by"): "fined … over" and "fined
// … after finding that" give a reason, an aim ("in an effort to") a purpose, an enabling verb ("allowed", "let") a cause.
const CAUSAL_LINK = new RegExp(
  String.raw`\b(?:${CAUSE_WORDS}|aim(?:s|ed)?|effort|bid|order|designed|intended|meant|retaliat(?:e|ed|ion)|credit(?:ed|ing)?|allow(?:s|ed|ing)?|enabl(?:e|es|ed|ing)|let|lets|means|given|over|after\s+(?:finding|concluding|determining|learning))\b`,
  'i',
);

// Shares of each side's content words one source passage must hold.
const CAUSE_SHARE = 0.4;
// Below this share of its content words in any cited passage, the cause is not reported at all.
const MIN_CAUSE_REPORTED = 0.34;
const EFFECT_SHARE = 0.25;
// From this alignment score a cited sentence reports the same thing as the draft sentence (./align).
const SAME_REPORT = 0.35;

/** The share of `words` that a source sentence, or the one after it (when given), holds. */
function share(words: readonly string[], s: SourceSentence, next: SourceSentence | undefined): number {
  if (!words.length) return 1;
  const held = wordsOf(s);
  const more = next && wordsOf(next);
  let n = 0;
  for (const w of words) if (held.has(w) || more?.has(w)) n++;
  return n / words.length;
}

/** A source sentence's stemmed content words as a set, found once per call. */
function wordsOf(s: SourceSentence): Set<string> {
  return (s.wordSet ??= new Set(s.tokens.map((t) => t.w)));
}

// A noun phrase that opens on a demonstrative and has one content word: "that requirement", "such moves".
const DEMONSTRATIVE = /\b(?:this|that|these|those|such)\s+\p{L}+/iu;
// The same after "the" where the noun is a shell noun, one that stands for a stretch of text ("the change", "the move";
// Schmid, English Abstract Nouns as Conceptual Shells, 2000), or where the text before names it: "the downpour" may be new.
const DEFINITE = /\bthe\s+(\p{L}+)/iu;
const SHELL_NOUNS = new Set(
  ('change changes move moves decision decisions step steps shift development developments action actions announcement ruling order ' +
    'measure measures policy plan proposal fact situation problem issue incident episode event events news report result outcome ' +
    'effort attempt request process approach matter case claim claims remarks comments').split(' '),
);
// A relative pronoun that opens the cause's clause ("…, which has led some to waver"): the cause is the clause before it.
const RELATIVE = /^\s*(?:which|that|something\s+that|a\s+move\s+that)\s*$/i;

/** Whether "the X" names a shell noun or a word (stemmed: `word`) the text before it has used. */
function definiteBack(written: string, word: string, before: () => string): boolean {
  const noun = DEFINITE.exec(written)?.[1]?.toLowerCase();
  return noun !== undefined && (SHELL_NOUNS.has(noun) || contentWords(before()).includes(word));
}

/** A causal claim of a draft sentence, and how well the cited sources bear it out. */
export interface CausalClaim {
  /** The causal marker as written ("because of", "led to"). */
  marker: string;
  /** Stemmed content words of the cause and of the effect (the credit to our outlets left out). */
  cause: string[];
  effect: string[];
  /** The most of the cause's words one cited passage (a sentence, or it and the next) holds, 0–1. */
  causeHeld: number;
  /**
   * The most of both sides one cited passage with a linking word holds: max over passages of
   * min(cause share / CAUSE_SHARE, effect share / EFFECT_SHARE), so 1 or more means a passage holds both.
   */
  linked: number;
  /** As `linked`, counting only passages whose linking word states a cause (CAUSAL_LINK), not an order in time. */
  causallyLinked: number;
  /** Whether the sentence best reporting the same thing (./align) links it the way the marker does. */
  sameLink: boolean;
}

// "Roads leading to the airport", "the steps leading to the stage": a way that leads somewhere, no cause.
const WAY_BEFORE = /\b(?:roads?|streets?|routes?|paths?|highways?|lanes?|avenues?|bridges?|tunnels?|stairs|steps|doors?|gates?|corridors?|ramps?|tracks?|trails?|entrances?)\s+$/i;

/** The sentence's first CAUSAL match that is not a way leading somewhere, with its index in the sentence. */
function causalMatch(text: string): RegExpExecArray | null {
  let from = 0;
  for (;;) {
    const m = CAUSAL.exec(text.slice(from));
    if (!m) return null;
    m.index += from;
    if (!(/^leading/i.test(m[0]) && WAY_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index)))) return m;
    from = m.index + m[0].length;
  }
}

/** The causal claim of one draft sentence, or null when it makes none (or only a schedule, a denial, a compulsion). */
export function causalClaim(ctx: CheckContext, part: DraftSentence, pool: IndexedSource[], earlier: () => string = () => ''): CausalClaim | null {
  const m = causalMatch(part.text);
  if (!m) return null;
  const before = part.text.slice(Math.max(0, m.index - 20), m.index);
  const after = part.text.slice(m.index + m[0].length, m.index + m[0].length + 30);
  // "is due to open", "the rules due to take effect": "due to" before a verb is a schedule, not a cause.
  // A quantity or a participle ("due to several reports", "due to reduced staffing") opens a cause.
  const opener = /^\s+(\p{L}+)/u.exec(after)?.[1]?.toLowerCase() ?? '';
  const causeOpens = QUANTITY.test(opener) || /[^e]ed$/.test(opener) || /^\s+(?:(?:the|a|an|its|their|his|her|this|these|those)\b|\d|\p{Lu}|\p{L}+(?:ing|ion|ions|ness|ment|ments|ity|ies|s)\b)/u.test(after);
  if (/^due/i.test(m[0]) && (/\b(?:is|are|was|were|be|been|now)\s+$/i.test(before) || !causeOpens)) return null;
  // "not because …" denies a cause rather than claiming one; "caused no serious injury" states that nothing followed.
  if (/\bnot\s+$/i.test(before) || /^\s+(?:no|little|nothing|none)\b/i.test(after)) return null;
  // "may be forced to leave", "were forced out": compulsion of someone, no cause linking two facts.
  // "had forced their way into the store" is a manner of entering, no cause.
  if (/^forc/i.test(m[0]) && !/\sby$/i.test(m[0]) && (/^\s+(?:to|out|into|from|back)\b/i.test(after) || /^\s+(?:their|his|her|its|our|my|your)\s+way\b/i.test(after) || /\b(?:be|been|being|was|were|is|are)\s+(?:\w+\s+)?$/i.test(before))) return null;
  // "whether Chauvin's actions caused Floyd's death": a question the sentence asks, not a link it states.
  if (/\bwhether\b/i.test(part.text.slice(0, m.index).split(/[,;:—–(]/).at(-1)!)) return null;
  // "X led to Y" names the cause first; "Y because of X" names it last.
  const causeFirst = FORWARD.test(m[0]);
  // Each side is its own clause, without the credit to our outlet ("…, the Labor Department reported Thursday" is no cause).
  const credit = attributionWords(ctx);
  const clause = (text: string) => contentWords(text).filter((w) => !credit.has(w));
  const head = part.text.slice(0, m.index);
  const tail = part.text.slice(m.index + m[0].length);
  const tailStop = tail.search(/[,;:—–(]/);
  // "because of his travel rather than because of a known exposure": the clause stops where a denied cause begins.
  const denied = tail.search(/\s(?:rather\s+than|instead\s+of|but\s+not|and\s+not)\s+(?:because|due\s+to|owing\s+to|out\s+of|for)\b/i);
  const tailEnd = denied >= 0 && (tailStop < 0 || denied < tailStop) ? denied : tailStop;
  const clauseStart = (text: string) => Math.max(...[',', ';', '—', '–', '('].map((c) => text.lastIndexOf(c))) + 1;
  let headStart = clauseStart(head);
  // "…, which has led some Republicans to waver": the relative pronoun stands for the clause before its comma.
  if (causeFirst && headStart > 0 && RELATIVE.test(head.slice(headStart))) headStart = clauseStart(head.slice(0, headStart - 1));
  const [first, last] = [clause(causeFirst ? head.slice(headStart) : head), clause(tailEnd < 0 ? tail : tail.slice(0, tailEnd))];
  // "Swayed by the deaths, ten Republicans joined …": a cause that opens the sentence has its effect after the comma.
  const opening = !causeFirst && !first.length && tailStop >= 0;
  const [cause, effect] = causeFirst ? [first, last] : [last, opening ? clause(tail.slice(tailStop + 1)) : first];
  if (!effect.length || !cause.length) return null;
  // "As a result of the change", "that requirement is why": a cause named by one word after a demonstrative, or after
  // "the" where the text before names it, refers back to what the text has just said, which is checked where it is said.
  if (cause.length === 1) {
    const written = causeFirst ? head.slice(headStart) : tailEnd < 0 ? tail : tail.slice(0, tailEnd);
    if (DEMONSTRATIVE.test(written) || definiteBack(written, cause[0]!, () => `${earlier()} ${head}`)) return null;
  }
  // The cited sentence that reports what the draft sentence reports links it the same way, in its own words:
  // "most likely because of the enormous sums he has spent" for "because of the massive amount of money he's poured".
  const best = alignments(ctx, part, pool)[0];
  const sameLink = best !== undefined && best.score >= SAME_REPORT && linksAlike(m[0], best.sentence.text, part.text.slice(m.index + m[0].length));
  const list = sentencesOf(ctx, pool);
  let causeHeld = 0;
  let linked = 0;
  let causallyLinked = 0;
  for (let i = 0; i < list.length; i++) {
    // A sentence and the next of the same source ("… X. That prompted Y.") hold both sides and a link.
    const s = list[i]!;
    const next = list[i + 1]?.n === s.n ? list[i + 1] : undefined;
    const c = share(cause, s, next);
    causeHeld = Math.max(causeHeld, c);
    if (!LINK.test(s.text) && !(next !== undefined && LINK.test(next.text))) continue;
    const both = Math.min(c / CAUSE_SHARE, share(effect, s, next) / EFFECT_SHARE);
    linked = Math.max(linked, both);
    // Of the linked passages, those whose link states a cause (an enabling verb alone, with no linking word, does not).
    if (CAUSAL_LINK.test(s.text) || (next !== undefined && CAUSAL_LINK.test(next.text))) causallyLinked = Math.max(causallyLinked, both);
  }
  return { marker: m[0].trim(), cause, effect, causeHeld, linked, causallyLinked, sameLink };
}

// A draft sentence's causal claim, read once: `citations` holds on it and `entities` warns on it. A passage's sentences and
// its pool are fixed for the call (./passages, ./context `sourcesFor`), so the sentence alone keys it.
const CLAIMS = new WeakMap<DraftSentence, CausalClaim | null>();

function claimOf(ctx: CheckContext, p: Passage, part: DraftSentence, pool: IndexedSource[]): CausalClaim | null {
  let claim = CLAIMS.get(part);
  if (claim === undefined) CLAIMS.set(part, (claim = causalClaim(ctx, part, pool, () => textBefore(ctx, p, part))));
  return claim;
}

/** The draft's text before a sentence: the passages before its passage, then its passage up to it. */
function textBefore(ctx: CheckContext, p: Passage, part: DraftSentence): string {
  const at = ctx.passages.indexOf(p);
  return [...ctx.passages.slice(0, Math.max(0, at)).map((q) => q.text), (p.normalized ?? p.text).slice(0, part.offset)].join(' ');
}

/** Findings for the causal links of one sentence of a cited passage. */
export function checkCauses(ctx: CheckContext, p: Passage, part: DraftSentence, pool: IndexedSource[]): string[] {
  const claim = claimOf(ctx, p, part, pool);
  if (!claim || claim.sameLink || claim.linked >= 1) return [];
  // Only a cause the cited sources do not report at all is held: two reported facts linked by the draft are too
  // often a fair paraphrase of a link the source makes in other words ("amid", "as", a following sentence).
  if (claim.causeHeld >= MIN_CAUSE_REPORTED) return [];
  return [`${p.where}: "${claim.marker}" gives a cause that the cited sources do not report — ${excerpt(part.text)}`];
}

/**
 * Warnings for a cause the draft gives between two things the cited sources report but never link as cause and effect
 * (they report them apart, or only one after the other: "the letter comes after a flood of criticism" for "the letter was
 * prompted by …"). A warning, not a hold: a source may state the link in words no list holds. Left out: a purpose ("in an
 * effort to", "intended to"), which states an aim, not a cause; the analysis of "What This Means", which draws
 * implications by design; and FAQ answers, which restate the body, where the same sentence is read.
 */
export function checkLinks(ctx: CheckContext, p: Passage, part: DraftSentence, pool: IndexedSource[]): string[] {
  if (p.kind !== 'paragraph' || p.where.startsWith(ANALYSIS)) return [];
  // "spoke on condition of anonymity because they were not authorized": the wire convention, which sources state in any order.
  if (ANONYMITY.test(part.text)) return [];
  const claim = claimOf(ctx, p, part, pool);
  // An unreported cause is held by `checkCauses` (./citations); a link a cited passage states is borne out.
  if (!claim || claim.sameLink || claim.causeHeld < MIN_CAUSE_REPORTED || claim.causallyLinked >= 1 || PURPOSE.test(claim.marker) || /^(?:has|have|had)\s+led$/i.test(claim.marker)) return [];
  return [`${p.where}: "${claim.marker}" links what the cited sources report without stating that link — ${excerpt(part.text)}`];
}

const ANALYSIS = 'What This Means';
const ANONYMITY = /\bcondition\s+of\s+anonymity\b/i;
const PURPOSE = /^(?:in\s+an?\s+(?:effort|bid)|in\s+order|so\s+as|timed|designed|intended)/i;
