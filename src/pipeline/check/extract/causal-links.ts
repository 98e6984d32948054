/**
 * Reads the causal link a sentence makes — its marker ("because of", "prompted by", "led to", "in an effort to"),
 * which side names the cause, and the two sides as text — for the `causes` check (../causes).
 */
import { extractQuotes } from './quotes';

/** A causal link of a sentence: its marker, where it stands, which side it names first and what it claims. */
export interface CausalLink {
  marker: string;
  index: number;
  end: number;
  /** "X led to Y" names the cause first; "Y because of X" and "Y, prompted by X" name it last. */
  causeFirst: boolean;
  /** A cause ("because", "prompted by") must be linked by a source; a purpose ("in an effort to") only reported. */
  claim: 'cause' | 'purpose';
}

/** The two sides of a link as text; a cause before its verb may be read narrowly or as the whole phrase before it. */
export interface LinkSides {
  cause: string;
  wideCause?: string;
  effect: string;
}

/** How much a cause is said to weigh: "largely because", "in large part because". */
export const DEGREE = String.raw`(?:(?:largely|partly|mainly|mostly|chiefly|in\s+(?:large\s+)?part|primarily|apparently|possibly|likely|probably|directly|only)\s+)?`;
const LEADING_DEGREE = new RegExp(`^${DEGREE}`, 'i');
// The causal verbs of English news as participles: "Y, prompted by X", "violence sparked by X", "deterred by X, Y".
const CAUSAL_PARTICIPLE = String.raw`(?:prompted|spurred|forced|driven|triggered|fuell?ed|sparked|pushed|deterred|motivated|caused|provoked|compelled|inspired|dictated)`;
// Purposes: "in an effort to X", "designed to X", "timed to X", and a sentence that opens with one ("To fill the gaps, Y").
const PURPOSE = String.raw`(?<=^)to(?=\s+\p{Ll}+\s[^,]{3,80},)|in\s+an?\s+(?:effort|bid|attempt)\s+to|in\s+order\s+to|so\s+as\s+to|(?:designed|intended|timed)\s+to`;
const PURPOSE_MARKER = /^(?:to$|in\s+an?\s+(?:effort|bid|attempt)|in\s+order|so\s+as|designed|intended|timed)\b/i;

// Markers that name the cause after them: connectives, reactions and grounds, causal participles with "by", purposes.
const CAUSE_AFTER = new RegExp(
  String.raw`\b${DEGREE}(?:because(?:\s+of)?|due\s+to|owing\s+to|as\s+a\s+(?:direct\s+)?result\s+of|thanks\s+to|in\s+(?:direct\s+)?(?:response|reaction|retaliation)\s+(?:to|for)|(?:in\s+)?retaliation\s+for|in\s+protest\s+(?:of|against|over)|on\s+the\s+strength\s+of|on\s+the\s+grounds\s+that|for\s+fear\s+(?:of|that)|out\s+of\s+fear|bowing\s+to|${CAUSAL_PARTICIPLE}(?:\s+\w+ly)?(?:\s+(?:out|back|away|off|in))?(?:\s+\w+ly)?\s+by|${PURPOSE})\b`,
  'iu',
);
// Markers that name the cause before them: causal verbs ("X led to Y", "which has led some to waver") and "X is why Y".
const CAUSE_BEFORE = new RegExp(
  String.raw`\b(?:led\s+to|leading\s+to|(?:has|have|had|is\s+what|was\s+what|which)\s+led\s+\w+(?:\s+\w+)?\s+to|resulted\s+in|resulting\s+in|caused|causing|prompted|prompting|forced|forcing|drove|spurred|triggered|fuell?ed|sparked|sparking|provoked|(?:that|which|this)?\s*(?:is|was)\s+why)\b`,
  'i',
);

/**
 * The first causal link of a sentence, or null. A link inside a quotation ("fired Flynn “because he lied”") is the
 * speaker's claim, which the `quotes` check holds to the source's words.
 */
export function causalLink(text: string): CausalLink | null {
  const after = CAUSE_AFTER.exec(text);
  const before = CAUSE_BEFORE.exec(text);
  if (!after && !before) return null;
  const quoted = extractQuotes(text);
  const ours = (m: RegExpExecArray | null): m is RegExpExecArray => m !== null && !notACause(text, m) && !quoted.some((q) => q.start <= m.index && m.index < q.end);
  const first = [after, before].filter(ours).sort((a, b) => a.index - b.index)[0];
  if (!first) return null;
  const marker = first[0].trim();
  return { marker, index: first.index, end: first.index + first[0].length, causeFirst: first === before, claim: PURPOSE_MARKER.test(marker) ? 'purpose' : 'cause' };
}

/** The marker without its degree ("largely because of" -> "because of"). */
export function bareMarker(marker: string): string {
  return marker.replace(LEADING_DEGREE, '');
}

/** Markers that read as causal but link no two facts here: schedules, denials, compulsion and intent without a cause. */
function notACause(text: string, m: RegExpExecArray): boolean {
  const marker = bareMarker(m[0].trim());
  const before = text.slice(Math.max(0, m.index - 20), m.index);
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
  // "is due to open", "the rules due to take effect": "due to" before a verb is a schedule, not a cause.
  if (/^due/i.test(marker) && (/\b(?:is|are|was|were|be|been|now)\s+$/i.test(before) || !/^\s+(?:the|a|an|its|their|his|her|this|these|those|some|many|high|low|rising|falling|\d|\p{Lu}|\p{L}+(?:ing|ion|ions|ness|ment|ments|ity|ies|s)\b)/u.test(after))) return true;
  // "not because …" denies a cause rather than claiming one.
  if (/\bnot\s+$/i.test(before)) return true;
  // "may be forced to leave", "were forced out": compulsion of someone, no cause linking two facts;
  // "had forced their way into the store" is a manner of entering. "was forced by X" names its cause.
  if (/^forc/i.test(marker) && !/\bby$/i.test(marker) && (/^\s+(?:to|out|into|from|back)\b/i.test(after) || /^\s+(?:their|his|her|its|our|my|your)\s+way\b/i.test(after) || /\b(?:be|been|being|was|were|is|are)\s+(?:\w+\s+)?$/i.test(before))) return true;
  // "prosecutors had intended to leave that to Congress": an agent's intent, no link between two facts.
  if (/^(?:intended|designed)\s+to$/i.test(marker) && /\b(?:had|has|have|he|she|they|it|we|i|who)\s+$/i.test(before)) return true;
  // "caused by", "prompted by": the passive, which CAUSE_AFTER reads with its cause after it.
  return /^(?:prompted|forced|caused|triggered|spurred|fuell?ed|sparked|provoked)$/i.test(marker) && /^\s+(?:\w+ly\s+)?by\b/i.test(after);
}

// Where a clause ends: punctuation, or a conjunction that opens another clause ("…, though the law closes…").
const CLAUSE_END = /[,;:—–(]|\s(?:though|although|while|whereas|but)\s/i;
// Words that open a clause; the clause naming a cause before its verb starts after the last of them (or of a break):
// "the complaint that the campaign's letter led to…", "at a moment when the rules have caused…".
const OPENERS = String.raw`that|which|who|when|while|where|as|because|if|although|though|but|and`;
const CLAUSE_START = new RegExp(String.raw`(?:[,;:—–(]|\b(?:${OPENERS})\s)(?!.*(?:[,;:—–(]|\b(?:${OPENERS})\s))`, 'is');
const TRAILING_OPENERS = new RegExp(String.raw`(?:[\s,;:—–(]|\b(?:${OPENERS})\b)+$`, 'i');
// "was prompted by", "had been driven largely by": a passive whose subject is the effect.
const BE_BEFORE = /\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+ly\s+)?$/i;
// "prompted by", "driven largely by": a participle with its agent.
const PARTICIPLE_BY = /^\w+(?:\s+\w+ly)?\s+by$/i;

/** The text of a side after the marker: up to where its clause ends. */
function clauseAfter(text: string): string {
  const stop = text.search(CLAUSE_END);
  return stop < 0 ? text : text.slice(0, stop);
}

/** The text of a side before the marker: from where its clause starts. */
function clauseBefore(text: string): string {
  const m = CLAUSE_START.exec(text);
  return m ? text.slice(m.index + m[0].length) : text;
}

/** The text after the last punctuation break. */
function afterBreak(text: string): string {
  return text.slice(Math.max(...[',', ';', '—', '–', '('].map((c) => text.lastIndexOf(c))) + 1);
}

/** The cause named before its verb: its own clause, or for "…, which led to" the clause "which" stands for. */
function causeBefore(head: string, count: (t: string) => number): string {
  const own = clauseBefore(head);
  return count(own) ? own : clauseBefore(head.slice(0, head.length - own.length).replace(TRAILING_OPENERS, ''));
}

/**
 * The cause and the effect of a link as text, each its own clause, or null where the cause cannot be read. A marker
 * that opens the sentence ("Because of the rain, Y"; "Deterred by X, Y") has its cause up to the first break and its
 * effect after it; an effect before the marker is its nearest clause when that says something ("…, noting that he
 * lifted the sanctions because…"). `count` tells how many words of a text a source could be searched for.
 */
export function linkSides(text: string, link: CausalLink, count: (t: string) => number): LinkSides | null {
  const head = text.slice(0, link.index);
  const tail = text.slice(link.end);
  const own = clauseAfter(tail);
  if (!count(head) && !link.causeFirst) return { cause: own, effect: clauseAfter(tail.slice(own.length).replace(/^[,;:—–(]\s*/, '')) };
  if (link.causeFirst) {
    // "divided the country, tested norms and fueled the race": the cause is the subject of verbs strung before, too far back to read.
    if (/\b(?:and|or)\s+$/i.test(head)) return null;
    // A cause before its verb may be a noun phrase with its relative clause ("the storms that battered Texas have led
    // to…") or only the clause after "that" ("his acknowledgment that the complaint led to…"): both are read.
    return { cause: causeBefore(head, count), wideCause: afterBreak(head), effect: own };
  }
  // "violence sparked by the strikes": a participle right after a noun says what caused that noun.
  if (PARTICIPLE_BY.test(bareMarker(link.marker)) && /[\p{L}\p{N}]\s*$/u.test(head) && !BE_BEFORE.test(head)) return { cause: own, effect: head.trim().split(/\s+/).slice(-3).join(' ') };
  const near = afterBreak(head);
  return { cause: own, effect: count(near) >= 2 ? near : head };
}
