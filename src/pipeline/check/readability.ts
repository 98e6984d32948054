/**
 * `readability`: the article reads as prose a reader can follow. No sentence is cut off
 * mid-clause; no paragraph opens on a pronoun that nothing before it resolves; no sentence is
 * stated twice; quotations are at most 40% of the body's words.
 */
import { contentWords, jaccard, wordCount } from '../../lib/text';
import { type CheckContext, excerpt } from './context';
import { type Passage, passageQuotes, passageSentences } from './passages';
import { IRREGULAR_PAST } from './verbs';

/** Largest share of the article's words (sections, What This Means, FAQ answers) that may stand inside quotation marks. */
export const MAX_QUOTED_SHARE = 0.4;

// Content-word overlap (Jaccard) at which two sentences say the same thing.
const SAME_SENTENCE = 0.75;
const MIN_COMPARED_WORDS = 5;

// Words a finished English sentence does not end on: articles, conjunctions, possessives (prepositions may: "the report it comes from").
const DANGLING_END = new Set('the a an and or but nor that whose its their his our your my than because if whether'.split(' '));
// "the choice was his", "rather than his", "a friend of his": "his" standing for what he owns, as "hers" and "theirs" do.
const OWNER_HIS = /\b(?:is|was|are|were|be|been|being|remains|remained|became|becomes|than|of|not|as)\s+his[.!?…]*$/i;
// Verbs of saying or finding, whose "that" opens a clause.
const SAYING = 'said|says|say|warned|warns|added|adds|argued|argues|noted|notes|reported|reports|told|tells|claimed|claims|believes?|believed|wrote|writes|found|finds|announced|announces|stated|states|insisted|insists|suggested|suggests|showed|shows|acknowledged|confirmed|confirms|alleged|alleges';
// "that" after a verb of saying or finding, "because", "whether": each opens a clause that needs a verb of its own.
const CLAUSE_OPENER = new RegExp(String.raw`\b(?:(?:${SAYING})((?:\s+\w+){0,3}?)\s+that|because(?!\s+of\b)|whether)\s+`, 'gi');
const AUXILIARY = new Set(
  ('is are was were be been being am has have had having do does did will would shall should can could may might must ' +
    "isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't won't wouldn't can't couldn't shouldn't").split(' '),
);
const DETERMINER = /^(?:the|a|an|of|this|that|these|those|its|their|his|her|our|for|in|on|by|with|from|affected|some|many|any)$/i;

/** Whether a clause (lower-case words, in order) has a verb by its form: an auxiliary, a past form, "to" + verb, or -s/-ed after a noun. */
function hasVerb(words: string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (AUXILIARY.has(w) || w in IRREGULAR_PAST || (w === 'to' && i + 1 < words.length)) return true;
    if (i > 0 && DETERMINER.test(words[i - 1]!)) continue;
    if (/^[a-z]{3,}(?:ed|es|s)$/.test(w) && !/(?:ss|us|is|'s)$/.test(w)) return true;
  }
  return false;
}

// A final "that" after a preposition or a verb that takes an object stands for a thing ("take little comfort from that",
// "the toll has now surpassed that", "could change that"); after a verb of saying ("warned that.")
// it opens a clause that never came.
const OBJECT_THAT = new RegExp(
  String.raw`\b(?:(?:from|of|about|beyond|after|before|like|than|with|for|on|at|by|over|under|into|to|past|despite|against|below|above|behind|near|around|toward|towards|within|without|beside|besides|among|through|across|beneath|inside|outside|upon|onto|unlike|including|amid|since|until|along)|` +
    String.raw`(?:(?:to|will|would|could|can|may|might|should|must|not|never|n['’]t)\s+)(?!(?:${SAYING})\b)\p{Ll}{2,}|(?!(?:${SAYING})\b)\p{Ll}{3,}ed|did|does|do|done)\s+that[.!?…]*$`,
  'u',
);

/** Whether a sentence's final "that" is a demonstrative pronoun, the object of a preposition or verb. */
function demonstrativeObject(prose: string): boolean {
  return OBJECT_THAT.test(prose.trim().toLowerCase());
}

const OPENS_NOUN_PHRASE = /^(?:the|a|an|its|their|his|her|this|these|those|some|many|every|each|our)$/;
const QUOTATION = /[“"‘][^”"’]*[”"’]/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.:-]*/gu;

/**
 * Why a sentence reads as cut off mid-clause, or null: it ends on a word a sentence cannot end on
 * ("… warned that the."), has no closing mark, or its last clause ("that …", "which …") is a few
 * words with no verb ("… have warned for months that assistants."). Quotations are the speaker's
 * words and are not judged.
 */
export function cutOff(sentence: string): string | null {
  const text = sentence.trim();
  // A sentence split inside a quotation is the speaker's words.
  if ((text.match(/[“”"]/g) ?? []).length % 2 === 1) return null;
  if (!/[.!?…:]["”’')\]]*$|["”’]$/.test(text)) return 'has no closing full stop';
  // A quotation stands for words: "said that “…”." ends on the quotation, not on "that".
  const prose = text.replace(QUOTATION, ' quoted ');
  if (/["”’][.!?…]?["”’)]*$/.test(text)) return null;
  // Only the last word is read: the others are not trimmed.
  const last = prose.toLowerCase().match(WORD)?.at(-1)?.replace(/[.:]+$/, '');
  if (!last) return null;
  if (DANGLING_END.has(last) && !(last === 'that' && demonstrativeObject(prose)) && !(last === 'his' && OWNER_HIS.test(prose))) return `ends on "${last}"`;
  let at = -1;
  if (!/\b(?:that|because|whether)\b/i.test(prose)) return null;
  CLAUSE_OPENER.lastIndex = 0;
  for (let m = CLAUSE_OPENER.exec(prose); m; m = CLAUSE_OPENER.exec(prose)) {
    // "says it could derail that effort": a verb between the saying and "that" makes "that" a determiner, not a clause.
    if (m[1] && m[1].trim().split(/\s+/).some((w) => AUXILIARY.has(w.toLowerCase()))) continue;
    at = m.index + m[0].length;
  }
  if (at < 0) return null;
  const clause = (prose.slice(at).toLowerCase().match(WORD) ?? []).map((w) => w.replace(/[.:]+$/, ''));
  // Only a short clause is judged: a longer one without a verb by its form is more likely a verb we cannot see.
  // A subject alone ("that assistants.") or a determiner and a noun ("that the company's count.") has no verb;
  // a longer clause, or one not opening on a determiner, may hold a base-form verb we cannot tell by its form.
  // "also reported that date.": "that" before one lower-case singular noun is a determiner and the noun its object.
  if (clause.length === 1 && /^\s*\p{Ll}/u.test(prose.slice(at)) && !/s$/.test(clause[0]!)) return null;
  const bare = clause.length === 1 || (clause.length <= 3 && OPENS_NOUN_PHRASE.test(clause[0]!) && !hasVerb(clause.slice(1)));
  return bare ? `breaks off after "${prose.slice(Math.max(0, at - 24), at).trim()} ${clause.join(' ')}"` : null;
}

// A pronoun, or a demonstrative standing alone as the subject ("This is", "It was"), not one before a noun ("This year's").
// "It is uncommon for a chief justice to …", "It was unclear whether …": an "it" that stands for the clause after it.
const EXPLETIVE_IT = /^it\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be)\s+(?:(?:not|still|also|now|far|rare|very|too|increasingly|highly)\s+)?\p{Ll}+\s+(?:for|to|that|whether|how|why|what|when|if)\b/iu;
// "It was Peter Strzok's lawyer who made the news public": a cleft, whose "it" stands for the clause after the name.
const CLEFT_IT = /^It\s+(?:is|was)\s+(?:not\s+|only\s+)?(?:the\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:[\p{L}'’-]+\s+){0,3}?(?:who|that|which)\b/u;
const PRONOUN_OPENING = /^(?:(?:he|she|they|his|her|their|him|them)\b|(?:it|this|these|those)\s+(?:is|was|are|were|has|had|will|would|could|can|may|might|comes?|came|means?|meant|shows?|showed)\b)/i;
const PERSONAL = /^(?:he|she|his|her|him)\b/i;
const NAMED = /[^\s]\s+\p{Lu}[\p{L}'’-]+/u;

/** The passages a reader sees as the body: sections, What This Means and the FAQ's answers, in order. */
function body(ctx: CheckContext): Passage[] {
  return ctx.passages.filter((p) => p.kind === 'paragraph' || p.kind === 'answer');
}

export function checkReadability(ctx: CheckContext): string[] {
  const details: string[] = [];
  const passages = ctx.passages;
  for (const [i, p] of passages.entries()) {
    if (p.kind !== 'paragraph' && p.kind !== 'answer') continue;
    for (const s of passageSentences(p)) {
      const why = cutOff(s.text);
      if (why) details.push(`${p.where}: a sentence ${why}, as if cut off — ${excerpt(s.text)}`);
    }
    const opening = PRONOUN_OPENING.exec(p.text.trim());
    if (opening && !resolved(passages, i, opening[0]) && !EXPLETIVE_IT.test(p.text.trim()) && !CLEFT_IT.test(p.text.trim())) {
      details.push(`${p.where}: opens on "${opening[0]}", which nothing before it names — ${excerpt(p.text, 80)}`);
    }
  }
  details.push(...repeated(ctx));
  const paragraphs = body(ctx);
  let words = 0;
  let quoted = 0;
  for (const p of paragraphs) {
    words += wordCount(p.text);
    for (const q of passageQuotes(p)) quoted += wordCount(q.inner);
  }
  if (words && quoted / words > MAX_QUOTED_SHARE) {
    details.push(`${Math.round((quoted / words) * 100)}% of the article's words are quotations (at most ${MAX_QUOTED_SHARE * 100}%): the article should report, not stitch quotes`);
  }
  return details;
}

/**
 * Whether the text before a paragraph gives its opening pronoun something to refer to: the
 * paragraph before it (naming someone, for "he" or "she"), or the FAQ question it answers.
 * The article's first paragraph and What This Means start afresh.
 */
function resolved(passages: Passage[], i: number, pronoun: string): boolean {
  const p = passages[i]!;
  if (p.kind === 'answer') return true;
  // What This Means stands apart from the body, so its opening resolves nothing by what came before; only "This is …",
  // "This means …", which stand for the news itself (discourse deixis), need no name, and "These are the first charges …",
  // "These are early numbers …", whose noun after the verb names what it stands for.
  if (p.where.startsWith('What This Means, paragraph 1')) return /^this\b/i.test(pronoun) || /^these\s+(?:are|were)\s+(?:(?:the|a|an)\s|\p{Ll}+\s+\p{Ll}{2,}s\b)/iu.test(p.text.trim());
  const before = passages.slice(0, i).reverse().find((x) => x.kind === 'paragraph');
  if (!before) return false;
  return PERSONAL.test(pronoun) ? NAMED.test(before.text) : true;
}

/**
 * Whether two sets of these sizes can reach SAME_SENTENCE: their Jaccard is shared / (a + b - shared),
 * which for shared = min is min / max and only falls as shared falls.
 */
function mayReach(a: number, b: number): boolean {
  return Math.min(a, b) / Math.max(a, b) >= SAME_SENTENCE;
}

/** Sentences of the body that say again what an earlier sentence of the body said. */
function repeated(ctx: CheckContext): string[] {
  const seen: { words: Set<string>; where: string }[] = [];
  const out: string[] = [];
  // FAQ answers restate the article's facts by design: only sections and What This Means are compared.
  for (const p of ctx.passages.filter((x) => x.kind === 'paragraph')) {
    for (const s of passageSentences(p)) {
      const words = new Set(contentWords(s.text));
      if (words.size < MIN_COMPARED_WORDS) continue;
      // Jaccard is at most the smaller set's size over the larger's: sets too unequal in size are skipped uncounted.
      const twin = seen.find((x) => mayReach(x.words.size, words.size) && jaccard(x.words, words) >= SAME_SENTENCE);
      if (twin) out.push(`${p.where}: says again what ${twin.where} says — ${excerpt(s.text)}`);
      else seen.push({ words, where: p.where });
    }
  }
  return out;
}
