/** The brief's own headline, standfirst and reader questions: composed for the event, never a source's headline word for word. */
import { escapeRegExp, sentences, STOPWORDS, words } from '../../../lib/text';
import { extractQuotes } from '../../check/extract/quotes';
import { DRAFT_LIMITS } from '../../draft-schema';
import type { Account, Sentence } from './sentences';
import { breakCopiedRuns, type CopyTest, listOf } from './restate';

// "Brief:", "Exclusive —", "WATCH:": feed labels, not part of what happened.
const LABEL = /^(?:brief|exclusive|analysis|opinion|update[d]?|breaking(?: news)?|watch|video|live|explainer|comment|editorial|review|interview|podcast|report|factbox|fact check|new)\s*[:|—–-]\s*/i;

/** A headline without its feed label or trailing outlet name. */
export function cleanHeadline(title: string, publisher: string): string {
  let t = title.trim().replace(LABEL, '').replace(LABEL, '');
  const tail = new RegExp(`\\s+[|—–-]\\s+(?:the\\s+)?${escapeRegExp(publisher.replace(/^the\s+/i, ''))}\\s*$`, 'i');
  t = t.replace(tail, '').replace(/\s*\((?:video|photos?|watch|updated?)\)\s*$/i, '').trim();
  return t.replace(/[.]+$/, '');
}

/**
 * The article's headline: the main clause of the most central report's headline,
 * marked as reported ("…, three outlets report"), so it is ours and says whose account it is.
 */
export function composeTitle(accounts: readonly Account[], lede: Account, copied: CopyTest): { text: string; account: Account } | undefined {
  const ordered = [lede, ...accounts.filter((a) => a !== lede)];
  for (const a of ordered) {
    for (const main of headlineClauses(cleanHeadline(a.sources[0]!.title, a.publisher), copied)) {
      // A question is no report: "Will X happen?, reports say" reads as nonsense.
      for (const title of main.endsWith('?') ? [main] : [`${main}, reports say`, main]) {
        if (accounts.some((x) => x.sources.some((s) => normal(s.title) === normal(title)))) continue;
        if (title.length >= DRAFT_LIMITS.title.min && title.length <= DRAFT_LIMITS.title.max) return { text: title, account: a };
      }
    }
  }
  return undefined;
}

/**
 * The standfirst: a second outlet's headline as a sentence, attributed ("…, according to P."),
 * so that the top of the article gives two accounts of the event. `titled` (the title's report) is tried last.
 */
export function composeDek(accounts: readonly Account[], titled: Account, properWords: ReadonlySet<string>, copied: CopyTest): { text: string; account: Account } | undefined {
  for (const a of [...accounts.filter((x) => x !== titled), titled]) {
    const clean = headlineClause(cleanHeadline(a.sources[0]!.title, a.publisher), copied);
    // A headline's quotation is someone's words: attributed to the outlet it would name the wrong speaker.
    if (!clean || extractQuotes(clean).length || clean.includes('?')) continue;
    const text = clean && breakCopiedRuns(`${sentenceCase(clean, properWords)}, according to ${a.publisher}.`, copied);
    if (text && text.length >= DRAFT_LIMITS.dek.min && text.length <= DRAFT_LIMITS.dek.max && !/https?:|www\.|[<>[\]@]/.test(text)) return { text, account: a };
  }
  return undefined;
}

// A headline that stops on one of these was cut off by the feed.
const ENDS_OPEN = /\b(?:the|a|an|of|to|and|or|but|for|with|in|on|at|by|from|as|these|those|this|that|its|their|his|her|our|is|are|was|were)$/i;
const TRAILING_PHRASE = /\s+(?:in|at|on|over|for|after|with|as|amid|from|to|by|during|despite|against)\s+[^\s]+(?:\s+[^\s]+){0,4}$/i;

/**
 * The headline's main statement in words of our own: the clause before a colon, dash or comma
 * (or after a short label before a colon), shortened by trailing phrases while it is a long copied run.
 */
function headlineClause(clean: string, copied: CopyTest): string | undefined {
  return headlineClauses(clean, copied).next().value ?? undefined;
}

/** Every statement `headlineClause` could give, the whole headline's first: the next is tried when one does not fit. */
function* headlineClauses(clean: string, copied: CopyTest): Generator<string> {
  // A headline of two sentences gives its first, then (after a question: "Free trade? Economists doubt it") its second.
  // (Split as sentences are, so that "Rep. Ron Wright" or "U.S. Senate" is not taken for two.)
  const [first = clean, second] = sentences(clean);
  const candidates: string[] = [];
  for (const sentence of [first, ...(second && first.endsWith('?') ? [second] : [])]) {
    const statement = sentence.replace(/[.]$/, '');
    const parts = statement.split(/:\s|\s[—–|]\s|;\s/);
    candidates.push(parts[0]!, ...(words(parts[0]!).length <= 3 && parts[1] ? [parts[1]] : []), statement.split(/,\s/)[0]!, statement);
  }
  const given = new Set<string>();
  for (const candidate of candidates) {
    let text = candidate.trim();
    for (let i = 0; i < 3 && words(text).length >= 4; i++) {
      const done = breakCopiedRuns(text, copied);
      if (done && !/https?:|www\.|[<>[\]@#]/.test(done) && !ENDS_OPEN.test(done)) {
        // Too short a clause says too little: the next candidate, longer, may do.
        if (done.length >= 20 && !given.has(done)) {
          given.add(done);
          yield done.charAt(0).toUpperCase() + done.slice(1);
        }
        break;
      }
      const shorter = text.replace(TRAILING_PHRASE, '');
      if (shorter === text) break;
      text = shorter;
    }
  }
}

/** A Title Case headline in sentence case: capitals kept for names (capitalised mid-sentence in the sources) and acronyms. */
export function sentenceCase(headline: string, properWords: ReadonlySet<string>): string {
  const tokens = headline.split(' ');
  const capitals = tokens.filter((t) => /^\p{Lu}/u.test(t)).length;
  if (capitals < tokens.length * 0.6) return headline;
  return tokens
    .map((t, i) => {
      if (i === 0 || !/^\p{Lu}\p{Ll}/u.test(t)) return t;
      const bare = t.replace(/[^\p{L}\p{N}'’-]/gu, '').replace(/['’]s$/, '');
      return properWords.has(bare) ? t : t.toLowerCase();
    })
    .join(' ');
}

const NOT_A_TOPIC = new Set(['former', 'latter', 'latest', 'recent', 'several', 'major', 'early', 'late', 'long', 'high', 'large', 'small', 'public', 'national', 'federal', 'local', 'political', 'presidential', 'other', 'more', 'most', 'some', 'every', 'only', 'much', 'such', 'next', 'year', 'years', 'week', 'weeks', 'month', 'months', 'percent', 'time', 'times', 'report', 'reports', 'reported', 'according', 'including', 'statement', 'thing', 'things', 'way', 'days', 'last', 'first', 'told', 'people', 'story', 'news', 'day', 'part', 'made', 'make', 'many', 'like', 'while', 'since', 'would', 'could', 'should', 'still', 'even', 'well', 'back', 'over', 'think', 'want', 'going', 'know', 'take', 'says', 'said', 'also', 'just', 'been', 'being', 'them', 'what', 'when', 'where']);

/** The thing the event is about, as a reader would name it ("the nominee", "the model"): the common noun most accounts use. */
export function topicNoun(accounts: readonly Account[], usable: readonly Sentence[]): string {
  const seen = new Map<string, { accounts: Set<Account>; count: number }>();
  for (const a of accounts) {
    // The sentences the brief may use (not the junk a feed may carry), and the headline.
    const s = { title: a.sources[0]!.title, text: usable.filter((u) => u.account === a).map((u) => u.text).join(' ') };
    // Lower-case occurrences only: a capitalised word may be a name.
    // (The look back follows the first letter: tried at each lower-case letter, not at every character.)
    const lower = `${s.title} ${s.text}`.match(/\p{Ll}(?<![\p{L}'’-]\p{Ll})[\p{Ll}-]{3,}(?![\p{L}'’])/gu) ?? [];
    const title = s.title.toLowerCase();
    for (const w of lower) {
      if (STOPWORDS.has(w) || NOT_A_TOPIC.has(w) || /(?:ed|ing|ly|ous|ful|ive|able|est)$/.test(w)) continue;
      const e = seen.get(w) ?? { accounts: new Set(), count: 0 };
      e.accounts.add(a);
      e.count += title.includes(w) ? 3 : 1;
      seen.set(w, e);
    }
  }
  type Entry = [string, { accounts: Set<Account>; count: number }];
  const order = (x: Entry, y: Entry) => y[1].accounts.size - x[1].accounts.size || y[1].count - x[1].count || x[0].localeCompare(y[0]);
  // The first in that order (the earliest of equals, as a stable sort puts it), found in one pass: sorting every word cost more than counting them.
  let best: Entry | undefined;
  for (const entry of seen) if (!best || order(entry, best) < 0) best = entry;
  return best ? best[0] : 'story';
}

const AFFECTED = /\b(users|customers|passengers|residents|workers|employees|staff|students|patients|families|victims|voters|developers|businesses|consumers|citizens|children|parents|travell?ers|drivers|members|communities|taxpayers|investors|shareholders|employers|farmers|migrants|immigrants|troops|officers|tenants|homeowners|borrowers|retailers|hospitals|schools)\b/i;
export const FUTURE = /\b(?:will|would|plans?|planned|intends?|expects?|expected|is set to|are set to|next|later|upcoming|deadline|vote|hearing|trial|appeal|pending|is due|are due|scheduled|aims?|hopes?|promised|vowed|soon|coming)\b/i;

export type QuestionKind = 'happened' | 'affected' | 'figures' | 'next' | 'reaction' | 'more' | 'also';

/** The reader's question a sentence answers, worded for this event. */
export function questionFor(kind: QuestionKind, answer: Sentence, topic: string): string {
  const the = `the ${topic}`;
  switch (kind) {
    case 'happened':
      return `What happened with ${the}?`;
    case 'affected':
      return `What does it mean for ${AFFECTED.exec(answer.text)?.[1]?.toLowerCase() ?? 'those involved'}?`;
    case 'figures':
      return /\$|€|£|\b(?:dollars?|euros?|pounds?|francs?|billion|million)\b/i.test(answer.text) ? `How much money is involved in ${the}?` : `What are the numbers behind ${the}?`;
    case 'next':
      return `What happens next with ${the}?`;
    case 'reaction':
      return `What do those involved say about ${the}?`;
    case 'more':
      return `What else is known about ${the}?`;
    case 'also':
      return `What other details do the reports give on ${the}?`;
  }
}

/** Which question a sentence could answer, in the order a reader asks them. */
export function kindsOf(s: Sentence): readonly QuestionKind[] {
  // Asked once for every kind of question on every attempt: answered once a sentence.
  let out = kinds.get(s);
  if (!out) kinds.set(s, (out = questionKinds(s)));
  return out;
}
const kinds = new WeakMap<Sentence, QuestionKind[]>();

function questionKinds(s: Sentence): QuestionKind[] {
  const out: QuestionKind[] = [];
  if (s.index <= 1 && !s.quoted) out.push('happened');
  if (AFFECTED.test(s.text)) out.push('affected');
  if (s.figures.length) out.push('figures');
  if (FUTURE.test(s.text)) out.push('next');
  if (s.quoted || /\b(?:said|says|told|responded|criticis|welcomed|praised|condemned)\w*\b/.test(s.text)) out.push('reaction');
  out.push('more', 'also');
  return out;
}

export function publishersOf(accounts: readonly Account[]): string {
  return listOf(accounts.map((a) => a.publisher));
}

function normal(text: string): string {
  return words(text).join(' ');
}

