/** `quotes`: every quotation, a one-word one included, is verbatim in a cited source, from the speaker the text names. */
import { escapeRegExp, startsUpper } from '../../lib/text';
import { acronymOf, aliasesOf, inOneName, outletByShortName, personName, samePlace } from './extract/names';
import { nameWords } from './extract/entities';
import { holdsRole } from './speaker-phrases';
import { attributionsOf } from './extract/attribution';
import { attributedAfter, extractQuotes, pronounAfter, sameSpeaker, speakerOf } from './extract/quotes';
import { type CheckContext, excerpt, type IndexedSource, labels, matchTokens, type SourceQuote, sourcesFor } from './context';
import { type LocatedQuote, type Passage, passageQuotes, type QuoteSource } from './passages';

/** Quotations shorter than this do not count toward a source's quoted share (./verbatim) nor place a figure (./numbers). */
export const MIN_QUOTE_WORDS = 3;

/** A quotation of the draft found in a source, for the quote-share measure of `verbatim`. */
export interface QuoteMatch {
  source: number;
  words: number;
}

export function checkQuotes(ctx: CheckContext): string[] {
  const details: string[] = [];
  for (const p of ctx.passages) {
    const pool = sourcesFor(ctx, p);
    for (const q of passageQuotes(p)) {
      // A scare-quoted word or two ("reckless") is still a quotation: a source must have said it.
      const { fragments, words } = quoteWords(p, q.inner);
      if (words < 1) continue;
      const found = quoteSource(ctx, p, q.inner);
      if (!found) {
        const elsewhere = locate([...ctx.byNumber.values()].filter((s) => !pool.includes(s)), fragments);
        const hint = elsewhere ? ` (it is in ${elsewhere.source.label}, which the paragraph does not cite)` : '';
        details.push(`${p.where}: the quotation ${excerpt(q.inner, 90)} is not word for word in the cited ${labels(pool)}${hint}`);
        continue;
      }
      // A word or two in quotation marks is checked for presence; who said it is checked on real quotations.
      // A title in quotation marks ("Good Morning America", "The Art of the Deal") names a work; nobody said it.
      if (words < MIN_QUOTE_WORDS || isTitle(q.inner)) continue;
      const said = speakerOf(p.text, q.start, q.end);
      if (!said) continue;
      const other = otherSpeaker(ctx, pool, quoteWords(p, q.inner).fragments, found.fragment, said);
      // "Director" where a report names "Tim Murtaugh, communications director for the campaign": the role is the person.
      // "Ghani wrote that …, the Meridian Times said, signing off with "…"": an outlet of the story credited beside the
      // quotation reports it; the speaker its source names is the one the sentence names.
      if (other && !holdsRole(ctx.sentences, said, other.speaker) && !(isOutletOf(ctx, said) && namedOutsideQuotes(p.text, other.speaker))) details.push(`${p.where}: the quotation ${excerpt(q.inner, 70)} is attributed to ${said}, but ${other.source.label} attributes it to ${other.speaker}`);
    }
  }
  return details;
}

/** The words of a quotation, split at ellipses ("we will … ship" = two fragments that must appear in order). */
export function fragmentsOf(inner: string): string[][] {
  return inner
    .split(/\s*(?:…|\.\.\.|\[\.\.\.\])\s*/)
    .map((f) => matchTokens(f))
    .filter((f) => f.length);
}

/** A quotation of the passage (by its inner text): its fragments and word count. Several checks ask; it is worked out once. */
export function quoteWords(passage: Passage, inner: string): LocatedQuote {
  const located = (passage.located ??= new Map());
  let quote = located.get(inner);
  if (!quote) {
    const fragments = fragmentsOf(inner);
    let words = 0;
    for (const f of fragments) words += f.length;
    located.set(inner, (quote = { fragments, words }));
  }
  return quote;
}

/** The first of the passage's sources that gives the quotation (`locate`), looked up on the first ask. */
export function quoteSource(ctx: CheckContext, passage: Passage, inner: string): QuoteSource {
  const quote = quoteWords(passage, inner);
  if (quote.at === undefined) quote.at = locate(sourcesFor(ctx, passage), quote.fragments);
  return quote.at;
}

/** The first source holding every fragment in order. */
export function locate(pool: IndexedSource[], fragments: string[][]): QuoteSource {
  // A quotation without words ("…") quotes nothing that a source could hold.
  if (!fragments.length) return null;
  const needles = fragments.map((f) => f.join(' '));
  for (const source of pool) {
    let at = 0;
    let ok = true;
    for (const needle of needles) {
      const i = source.matchString.indexOf(` ${needle} `, at);
      if (i < 0) {
        ok = false;
        break;
      }
      at = i + needle.length;
    }
    if (ok) return { source, fragment: fragments.reduce((a, b) => (b.length > a.length ? b : a)) };
  }
  return null;
}

/** The source's quotations, found once per call. */
function sourceQuotesOf(ctx: CheckContext, source: IndexedSource): SourceQuote[] {
  let quotes = ctx.sourceQuotes.get(source.doc.n);
  if (!quotes) {
    quotes = extractQuotes(closedText(source.doc.text)).map((span) => ({ span, wordString: ` ${matchTokens(span.inner).join(' ')} ` }));
    ctx.sourceQuotes.set(source.doc.n, quotes);
  }
  return quotes;
}

/**
 * The text with a quotation left open at its end closed: feeds and excerpts are cut mid-quotation
 * (`Trump said Thursday: "I hope he's doing a great job.` and nothing more), and the words are still his.
 */
export function closedText(text: string): string {
  const open = text.lastIndexOf('“');
  if (open > text.lastIndexOf('”')) return `${text}”`;
  let straight = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) straight++;
  return straight % 2 === 1 ? `${text}"` : text;
}

/** Who the source names as the speaker right at one of its quotations. */
function speakerAt(text: string, q: SourceQuote): string | null {
  if (q.speaker === undefined) q.speaker = speakerOf(text, q.span.start, q.span.end);
  return q.speaker;
}

/**
 * The speaker a cited source gives a quotation to when no cited source that gives it names `said`:
 * every source holding the words is asked, not only the first, so one that names nobody hides no one.
 */
export function otherSpeaker(ctx: CheckContext, pool: IndexedSource[], fragments: string[][], fragment: string[], said: string): { source: IndexedSource; speaker: string } | null {
  let other: { source: IndexedSource; speaker: string } | null = null;
  for (const source of pool) {
    if (!locate([source], fragments)) continue;
    const speaker = sourceSpeaker(ctx, source, fragment);
    if (!speaker) continue;
    if (sameSpeaker(said, speaker) || namedInQuotation(ctx, source, fragment, said) || oneName(ctx, said, speaker) || sameReferent(said, speaker) || initialsOf(said, speaker) || initialsOf(speaker, said)) return null;
    other ??= { source, speaker };
  }
  return other;
}

/** Whether a speaker is one of the story's outlets, by its name or its short name ("the Herald"). */
function isOutletOf(ctx: CheckContext, said: string): boolean {
  const words = nameWords(said).filter((w) => w !== 'the');
  if (!words.length) return false;
  const own = ctx.sources.some((s) => nameWords(s.publisher).filter((w) => w !== 'the').join(' ') === words.join(' '));
  return own || (words.length === 1 && outletByShortName(ctx.sources, words[0]!) !== undefined);
}

/** Whether the text names a speaker (by the last word of the name, capitalised, three letters or more) outside its quotations. */
function namedOutsideQuotes(text: string, speaker: string): boolean {
  const surname = speaker.trim().split(/\s+/).at(-1)!.replace(/['’]s?$/, '');
  if (!/^\p{Lu}[\p{L}'’-]{2,}$/u.test(surname)) return false;
  return new RegExp(`(?<![\\p{L}])${escapeRegExp(surname)}(?![\\p{L}])`, 'u').test(text.replace(/[“"][^”"]*[”"]/g, ' '));
}

/**
 * Whether `short` is written as the initials of `long` (its acronym, names.ts `acronymOf`) or of their first two or more:
 * "CDC" for "Centers for Disease Control and Prevention", "HHS" for "Department of Health and Human Services" ("Department"
 * left out).
 */
function initialsOf(short: string, long: string): boolean {
  const acronym = short.replace(/\./g, '').replace(/^the\s+/i, '');
  if (!/^\p{Lu}{2,6}$/u.test(acronym)) return false;
  const initials = acronymOf(nameWords(long));
  if (!initials) return false;
  const letters = acronym.toLowerCase();
  return initials.startsWith(letters) || initials.slice(1).startsWith(letters);
}

/** Whether two speakers name one government or institution ("Beijing" and "China", "the White House" and "WH"). */
function sameReferent(a: string, b: string): boolean {
  const [x, y] = [a, b].map((s) => s.toLowerCase().replace(/^the\s+/, '').replace(/\./g, ''));
  return samePlace(x!, y!) || aliasesOf(x!).includes(y!);
}

/**
 * Whether a speaker a source names by one word ("Tate", "Kanye") is the draft's by the whole name a report of the story
 * writes, in its headline or text ("Gov. Tate Reeves", "Kanye West").
 */
function oneName(ctx: CheckContext, said: string, speaker: string): boolean {
  const theirs = speaker.trim().split(/\s+/);
  if (theirs.length !== 1) return false;
  const mine = said.trim().split(/\s+/).at(-1)!;
  return oneNameInStory(ctx, theirs[0]!, mine);
}

/**
 * Whether a report of the story writes the two words in one name: side by side, in its headline or text ("Kanye" and
 * "West"), or `second` first and `first` last in a three-word name of its text ("Tedros" for "Tedros Adhanom
 * Ghebreyesus"; not headlines, whose title case runs several names into one: "Biden Putin Summit").
 */
export function oneNameInStory(ctx: CheckContext, first: string, second: string): boolean {
  return ctx.sources.some((s) => inOneName(`${s.title}. ${s.text}`, first, second, 'adjacent') || inOneName(s.text, first, second, 'long'));
}

/**
 * Whether the source's quotation holding the words names the draft's speaker as the one who speaks: a statement
 * put out for someone ("It is with deep sorrow that Her Majesty The Queen announces …") is that person's words too.
 */
function namedInQuotation(ctx: CheckContext, source: IndexedSource, fragment: string[], said: string): boolean {
  const needle = ` ${fragment.join(' ')} `;
  const last = said.split(/\s+/).at(-1)!;
  if (last.length < 3) return false;
  const name = new RegExp(String.raw`\b${escapeRegExp(last)}\b`, 'u');
  return sourceQuotesOf(ctx, source).some((q) => q.wordString.includes(needle) && name.test(q.span.inner));
}

/** Who the source attributes the quoted words to, if it names anyone. */
export function sourceSpeaker(ctx: CheckContext, source: IndexedSource, fragment: string[]): string | null {
  const spans = sourceQuotesOf(ctx, source);
  const needle = ` ${fragment.join(' ')} `;
  const text = source.doc.text;
  for (const q of spans) {
    if (!q.wordString.includes(needle)) continue;
    const direct = speakerAt(text, q);
    if (direct) return direct;
    // "“…,” ABC's campaign reporter said": the words have a speaker of their own, unnamed here; not the last one named.
    if (attributedAfter(text, q.span.start, q.span.end)) return null;
    // "Brightwater said the plan leaned on borrowing. “…,” he said.": the pronoun is the speaker the sentence before reports.
    const antecedent = pronounAfter(text, q.span.end) ? reportedBefore(text, q.span.start, q.span.end, true) : null;
    if (antecedent) return antecedent;
    // "She said:" or a pronoun: the last speaker the source named before this quotation.
    let last: string | null = null;
    for (const earlier of spans) {
      if (earlier.span.start >= q.span.start) break;
      last = speakerAt(text, earlier) ?? last;
    }
    // A quotation that opens a sentence with no speaker of its own continues the reported speech before it ("McConnell
    // said he would back Trump. "There's a lot to happen …"): the wire's way of running a quote on.
    return last ?? reportedBefore(text, q.span.start, q.span.end);
  }
  return null;
}

/** The speaker of the reported speech in the sentence right before a quotation that opens its own sentence, or null. */
function reportedBefore(text: string, at: number, end: number, pronoun = false): string | null {
  const before = text.slice(Math.max(0, at - REPORTED_REACH), at);
  if (!/[.!?]["”’]?\s+$/.test(before)) return null;
  const sentence = before.replace(/\s+$/, '').split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})/u).at(-1)!;
  // "McConnell … said he would back Trump": the words reported after the verb; "…, his campaign said." names its speaker last.
  const said = attributionsOf(sentence).filter((a) => SPEECH_VERB.test(a.verb) && a.content[0] >= a.end).at(-1);
  if (!said) return pronoun ? introducedSpeaker(sentence, text.slice(0, at)) : null;
  // "… consistent," he said: a quotation with its own attribution is that speaker's, named or not.
  const rest = text.slice(end, end + REPORTED_REACH).split(/(?<=[.!?])\s+(?=["“‘]?\p{Lu})/u)[0]!;
  // `pronoun`: the caller has found "he said" and asks for its antecedent.
  if (!pronoun && (attributionsOf(`"…" ${rest}`).length || /\b(?:he|she|they|it)\s+(?:said|says|added|adds|told|wrote|writes)\b/i.test(rest))) return null;
  // The verb's own speaker when it is a person's name ("…, and Reyes said afterward …"); else the sentence's subject, a
  // person's name that opens it ("Senate Minority Leader Mitch McConnell (R-Ky.), who …, said"), where the reader's nearest
  // phrase before the verb is a clause inside the subject's apposition. Not a possessive ("Lin's chief of staff, …, said"),
  // nor a subject whose clause a coordination ends ("Lin met Reyes, and …").
  if (CAPITALISED_NAME.test(said.speaker) && (personName(nameWords(said.speaker), said.speaker) || surnameIn(before, said.speaker))) return said.speaker;
  // A pronoun's antecedent is a name the sentence before reports speaking, not any capitalised words that open it ("On Saturday"):
  // the subject of its main clause, past an opening phrase ("In a statement, Cummings confirmed the break-in, …").
  if (pronoun) return introducedSpeaker(sentence, text.slice(0, at));
  const name = LEADING_NAME.exec(sentence)?.[0];
  if (!name || /['’]s?$/.test(name) || /['’]s\b/.test(sentence.slice(name.length, name.length + 3))) return null;
  if (/,\s+(?:and|but)\s|;/.test(sentence.slice(name.length, said.start))) return null;
  return personName(nameWords(name), name) ? name : null;
}

/**
 * The person a sentence opens on past an introductory phrase, where a verb of saying or confirming follows the name ("In a
 * statement, Cummings confirmed the break-in, …"), or null: who "he wrote" after it is.
 */
function introducedSpeaker(sentence: string, before: string): string | null {
  const m = INTRODUCED_NAME.exec(sentence);
  const subject = m?.[1];
  if (!subject || /['’]s?$/.test(subject) || !SPEECH_LIKE.test(sentence.slice(m[0].length))) return null;
  return personName(nameWords(subject), subject) || surnameIn(before, subject) ? subject : null;
}

/** Whether a one-word speaker ("Reyes") is a surname the text gives after a given name ("Omar Reyes"). */
function surnameIn(text: string, word: string): boolean {
  return /^\p{Lu}[\p{L}'’-]+$/u.test(word) && new RegExp(String.raw`\p{Lu}[\p{L}'’.-]+\s+${word}\b`, 'u').test(text);
}

// A speaker written as a name alone, titles included ("city attorney Ben Ash", "Reyes"): no clause or place after it.
const CAPITALISED_NAME = /^(?:[\p{Ll}-]+\s+){0,2}(?:\p{Lu}[\p{L}.'’-]*\s+){0,4}\p{Lu}[\p{L}'’-]*\p{L}$/u;
// Capitalised words that open a sentence: a name among titles ("Senate Minority Leader Mitch McConnell").
const LEADING_NAME = /^(?:\p{Lu}[\p{L}.'’-]*\s+){1,5}\p{Lu}[\p{L}'’-]*\p{L}/u;

// A name after an opening phrase set off by a comma ("In a statement, Cummings …", "On Friday, Rep. Ada Lin …").
const INTRODUCED_NAME = /^(?:(?:In|On|At|After|Later|Earlier)\b[^,]{0,40},\s+)((?:\p{Lu}[\p{L}.'’-]*\s+){0,4}\p{Lu}[\p{L}'’-]*\p{L})/u;
// The verb right after that subject makes it the one who speaks: a verb of saying, confirming or announcing.
const SPEECH_LIKE = /^\s+(?:\p{Ll}+ly\s+)?(?:said|says|told|wrote|confirmed|announced|stated|explained|revealed|disclosed|acknowledged|described|recalled|posted|tweeted|insisted|added|argued|warned)\b/u;

// How far back the sentence before a quotation is read, and the verbs that report words said.
const REPORTED_REACH = 400;
const SPEECH_VERB = /^(?:said|says|told|tells|added|adds|wrote|writes|argued|argues|warned|warns|stated|states|declared|declares|insisted|insists)$/;

// Short words a title leaves in lower case.
const TITLE_SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from']);

/** Whether quoted words are a title: at most six words, each capitalised but for short function words, no sentence punctuation. */
export function isTitle(inner: string): boolean {
  // "told "Good Morning America," that …": American punctuation puts the clause's comma inside the marks.
  const text = inner.trim().replace(/,$/, '');
  const words = text.split(/\s+/);
  if (words.length > 6 || /[.!?,;:]$/.test(text)) return false;
  return startsUpper(words[0]!) && words.every((w) => startsUpper(w) || TITLE_SMALL.has(w));
}
