/** Finds names in prose (multi-word capitalised spans and acronyms) and status words attached to them. */
import { startsUpper, STOPWORDS } from '../../../lib/text';
import { IRREGULAR_PAST } from '../verbs';

export interface EntitySpan {
  raw: string;
  start: number;
  /** Lower-case name words, possessive "'s" dropped. */
  words: string[];
  /** The span opens a sentence (or a quotation), so its first capital may be grammar, not a name. */
  sentenceInitial: boolean;
}

export interface StatusClaim {
  /** former | acting | interim | late | ex */
  status: string;
  /** The name the status is attached to. */
  name: string;
  raw: string;
  start: number;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’&.-]*/gu;
// Not "and": "Harbor Signal and Lattice Dispatch" is two names.
const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'da', 'van', 'von', 'der', 'du', 'la', 'le', 'al', '&', 'the']);
const ACRONYM = /^(?:\p{Lu}[\p{Lu}\d&]+|\p{Lu}\d*(?:\.\p{Lu})+\.?)s?$/u;

/** Words that are capitalised for grammar or calendar, or are generic titles and terms, never names. */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  (
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    'ai ceo cfo cto coo cio ciso ceos gpu gpus cpu cpus api apis faq ipo q1 q2 q3 q4 am pm us uk eu un ' +
    'what this means why it matters how when who where frequently asked questions ' +
    "the a an i we our i've i'm i'll i'd i’ve i’m i’ll i’d " +
    // Sentence-opening adverbs: capitalised only because they open a sentence.
    'instead however meanwhile moreover furthermore nevertheless nonetheless separately additionally still yet also thus indeed ' +
    'overall finally previously currently recently later earlier then now today tonight yesterday tomorrow here there ' +
    // Conjunctions opening a clause: "Though Ellzey was better funded" names Ellzey, not "Though Ellzey".
    'though although while whereas because since unless until once after before if but and or nor so whether ' +
    // Prepositions opening a sentence: "Across the Capitol, Senate Majority Leader …" names the Capitol.
    'across amid amidst among despite during throughout toward towards upon via unlike besides alongside'
  ).split(' '),
);

// Titles written with a full stop before a name (AP style).
const TITLE_ABBREVIATIONS = new Set(['Gov', 'Sen', 'Sens', 'Rep', 'Reps', 'Gen', 'Lt', 'Col', 'Sgt', 'Capt', 'Adm', 'Cmdr', 'Maj', 'Dr', 'Mr', 'Mrs', 'Ms', 'Prof', 'Rev', 'Atty', 'Supt', 'Insp', 'Det', 'Gens']);
// "GOP-controlled", "Democratic-led", "Texas-based": a name turned into a description of the next one.
const DESCRIPTOR = /^[\p{L}.]+-(?:controlled|led|backed|run|owned|based|held|dominated|allied|aligned|funded|born|made|majority|friendly|leaning)$/u;

const isQuoteMark = (c: string | undefined) => c === "'" || c === '’';

/** Lower case, then drop a possessive "'s", a trailing apostrophe and a trailing full stop, in that order. */
function normalizeWord(token: string): string {
  let w = token.toLowerCase();
  if (w.endsWith('s') && isQuoteMark(w[w.length - 2])) w = w.slice(0, -2);
  if (isQuoteMark(w[w.length - 1])) w = w.slice(0, -1);
  return w.endsWith('.') ? w.slice(0, -1) : w;
}

/** The token without trailing full stops, apostrophes and hyphens. */
function trimToken(token: string): string {
  let end = token.length;
  while (end > 0 && isTrailing(token.charCodeAt(end - 1))) end--;
  return end === token.length ? token : token.slice(0, end);
}

// The characters of ".’'-" by code: tested for every token's end, where TRAILING.includes(token[i]) made a string per test.
const isTrailing = (c: number) => c === 46 || c === 0x2019 || c === 39 || c === 45;
// What may end the text before a span that opens a sentence (or a quotation).
const OPENERS = '.!?:;“"‘(—';
const QUOTE_FIRST = /^['"“‘]/;

/** The last character before `at` that is not whitespace, or '' at the start of the text. */
function lastBefore(text: string, at: number): string {
  for (let i = at - 1; i >= 0; i--) if (!WHITESPACE.test(text[i]!)) return text[i]!;
  return '';
}

const WHITESPACE = /\s/;

/** Whether text[from, to) is all whitespace (true when empty). */
function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] !== ' ' && !WHITESPACE.test(text[i]!)) return false;
  return true;
}

/** The TOKEN matches of a text; an exec loop, as matchAll copies the pattern on every call. */
function tokensOf(text: string): { raw: string; start: number }[] {
  const out: { raw: string; start: number }[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push({ raw: m[0], start: m.index });
  return out;
}

/**
 * Name spans of a text. A span is consecutive capitalised words (connectors such as
 * "of" may join two of them); it counts when it has two or more name words or is
 * an acronym. Names in `ignore` (site name, categories; lower-case words joined by spaces) never count.
 */
export function extractEntities(text: string, ignore: ReadonlySet<string> = new Set()): EntitySpan[] {
  const tokens = tokensOf(text);
  for (const t of tokens) t.raw = trimToken(t.raw);
  const out: EntitySpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!startsUpper(t.raw)) {
      i++;
      continue;
    }
    let j = i;
    // Extend through capitalised words and connectors joined only by spaces.
    while (j + 1 < tokens.length) {
      // "Rep. Ilhan Omar's Muslim faith", "Giuliani's Ukraine efforts": a possessive ends its name when one capitalised word,
      // a modifier of the noun after it, follows ("San Francisco's Board of Supervisors" stays one name).
      const end = tokens[j]!.start + tokens[j]!.raw.length;
      const afterNext = tokens[j + 2]?.raw ?? '';
      if ((/['’]s?$/.test(tokens[j]!.raw) || /^['’]s?\b/.test(text.slice(end, end + 2))) && !startsUpper(afterNext) && !CONNECTORS.has(afterNext)) break;
      // "Gov. Edwin Edwards", "Sen. Lisa Murkowski": a title's full stop does not end the name.
      const gapFrom = tokens[j]!.start + tokens[j]!.raw.length + (TITLE_ABBREVIATIONS.has(tokens[j]!.raw) && text[tokens[j]!.start + tokens[j]!.raw.length] === '.' ? 1 : 0);
      if (!onlySpace(text, gapFrom, tokens[j + 1]!.start)) break;
      const next = tokens[j + 1]!.raw;
      if (startsUpper(next)) {
        j++;
        continue;
      }
      if (CONNECTORS.has(next) && j + 2 < tokens.length && startsUpper(tokens[j + 2]!.raw)) {
        const from = tokens[j + 1]!.start + next.length;
        if (from < tokens[j + 2]!.start && onlySpace(text, from, tokens[j + 2]!.start)) {
          j += 2;
          continue;
        }
      }
      break;
    }
    const span = tokens.slice(i, j + 1);
    const before = lastBefore(text, t.start);
    const sentenceInitial = before === '' || OPENERS.includes(before) || QUOTE_FIRST.test(t.raw);
    // Trim calendar words, titles and our own names off the edges ("Tuesday Harwick Systems" -> "Harwick Systems").
    const skip = (w: string) => NOT_NAMES.has(w) || CONNECTORS.has(w) || DESCRIPTOR.test(w);
    let a = 0;
    let b = span.length;
    // A sentence-opening function word ("On Tuesday the …") is capitalised for grammar.
    while (a < b && (skip(normalizeWord(span[a]!.raw)) || (a === 0 && sentenceInitial && STOPWORDS.has(normalizeWord(span[a]!.raw))))) a++;
    while (b > a && skip(normalizeWord(span[b - 1]!.raw))) b--;
    const kept = span.slice(a, b);
    // "Attorney-General", "Secretary-General": a British hyphened title is the two words of the American one.
    const words = kept.flatMap((s) => {
      const w = normalizeWord(s.raw);
      return HYPHENED_TITLE.test(w) ? w.split('-') : [w];
    });
    const nameWords = words.filter((w) => !CONNECTORS.has(w));
    const isAcronym = span.length === 1 && ACRONYM.test(t.raw) && words.length === 1;
    if ((nameWords.length >= 2 || isAcronym) && !ignore.has(words.join(' '))) {
      const first = kept[0]!;
      const last = kept.at(-1)!;
      out.push({ raw: text.slice(first.start, last.start + last.raw.length), start: first.start, words, sentenceInitial: sentenceInitial && a === 0 });
    }
    i = j + 1;
  }
  return out;
}

// Case is spelled out rather than flagged /i: under /iu, \p{Lu} would match lower-case letters too.
// The status word, the role words after it ("former transit chief"), then the name.
// "a former state senator and Sanders campaign co-chair": the role ends at "and"; the name after it is someone else's.
const STATUS = /\b((?:[Ff]ormer|[Aa]cting|[Ii]nterim|[Ll]ate)\b|[Ee]x-)\s*((?:(?:(?!(?:and|or)\s)\p{Ll}[\p{L}-]*|CEO|CTO|CFO|COO)\s+){0,4})(\p{Lu}[\p{L}'’-]+(?:\.?\s+\p{Lu}[\p{L}'’-]+){0,5})/gu;

/** "former", "acting", "interim", "late" or "ex-" attached to a name, with the name. */
export function extractStatusClaims(text: string): StatusClaim[] {
  const out: StatusClaim[] = [];
  STATUS.lastIndex = 0;
  for (let m = STATUS.exec(text); m; m = STATUS.exec(text)) {
    const name = m[3]!;
    const first = normalizeWord(name.split(/\s+/)[0]!);
    // "late March", "late Tuesday": calendar words after "late" are times, not people.
    if (NOT_NAMES.has(first) && !/^(?:ceo|cfo|cto|coo)$/.test(first)) continue;
    if (!/^\p{Lu}/u.test(name)) continue;
    // "late changes made by the Trump administration": role words that run through "by" or "the" are no role.
    // "a new interim rule would make most Central Americans": a verb ends the role; the name after it holds no status.
    // "the former president attacked President Biden": a verb in the past tense ends the role too.
    // "the acting commissioner until Biden names …": a conjunction ends the role too.
    if (/\b(?:by|the|a|an|to|of|made|would|will|could|can|may|might|should|must|is|are|was|were|has|have|had|be|make|makes|after|before|as|in|on|at|for|with|from|like|said|told|until|till|since|while|when|because|though|although|unless|if|\p{Ll}{3,}ed)\s/u.test(m[2]!)) continue;
    // "a former Google engineer", "a former Trump aide": a name before a common noun describes it, and the status is
    // the noun's. A possessive ("the late Sen. John McCain's father") keeps it on the name.
    const next = /^\s+(\p{Ll}[\p{Ll}-]+)/u.exec(text.slice(m.index + m[0].length))?.[1];
    if (next && !/['’]s?$/.test(name) && describedNoun(next)) continue;
    out.push({ status: m[1]!.toLowerCase().replace(/-$/, ''), name, raw: m[0], start: m.index });
  }
  return out;
}

// Words after a name that continue the sentence around it rather than name a thing it describes.
const AFTER_NAME = new Set(
  ('and or but nor who whom whose which that than as of in on at to for with from by after before since until while when where ' +
    'said says say told tells is are was were has have had will would can could may might must should shall does did do also not ' +
    'never just still again then now later earlier once only already himself herself itself themselves').split(' '),
);

/** Whether a lower-case word after a name is a noun the name describes ("engineer"), not a verb or function word. */
function describedNoun(word: string): boolean {
  if (AFTER_NAME.has(word) || Object.hasOwn(IRREGULAR_PAST, word)) return false;
  // Verbs by their form: a past tense or a present tense in -s ("said", "attacked", "calls") goes on with the name as subject.
  // Plural nouns of the shapes a name describes ("Turkish officials", "U.S. troops", "Iraqi diplomats", "Cuban citizens") are kept.
  if (/(?:ed|[^s]s)$/.test(word) && !/(?:ees|ers|ors|ists|ants|ents|ians|ives|aides|ies|als|ops|ats|ens)$/.test(word)) return false;
  return true;
}

const HYPHENED_TITLE = /^(?:attorney|solicitor|secretary|governor|director|lieutenant|major|vice|surgeon|postmaster|inspector|auditor|comptroller)-(?:general|governor|president|colonel|admiral|chancellor|minister|premier)$/;

/** Name words of a span as the checks compare them. */
export function nameWords(name: string): string[] {
  return tokensOf(name).map((t) => normalizeWord(t.raw));
}
