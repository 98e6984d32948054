/** A source sentence used whole in our article: attributed, with long copied runs broken by meaning-keeping rewrites, never cut. */
import { words } from '../../../lib/text';
import { extractQuotes, speakerOf, unquotedSegments } from '../../check/extract/quotes';
// A copied run is read exactly as the `verbatim` check reads it: names left out, a number's thousands counted once.
import { namesIn, ownWords } from '../../check/verbatim';

/**
 * Longest run of source words we let stand outside quotation marks. The `verbatim`
 * check fails at 12; the margin absorbs its slightly different tokenisation.
 */
export const MAX_COPIED_RUN = 11;

/** The text outside quotation marks (double or single, as the checks read them): what the `verbatim` check reads as ours. */
function unquoted(text: string): string[] {
  // Most sentences open no quotation at all: no need to look for one.
  return MAY_QUOTE.test(text) ? unquotedSegments(text, extractQuotes(text)) : [text];
}
const MAY_QUOTE = /["“‘]|(?:^|[\s([{—–-])'/;

/** True when a text, outside quotation marks, carries a run of more than MAX_COPIED_RUN words found in a source. */
export type CopyTest = (text: string) => boolean;

/** Words as the `verbatim` check matches them: lower case, possessive "'s" dropped ("Harwick's" meets "Harwick"). */
function matchWords(text: string): string[] {
  return words(text).map((w) => (w.endsWith("'s") ? w.slice(0, -2) : w));
}

/**
 * Builds the copy test over the sources' headlines and texts, reading a copy as the `verbatim` check does:
 * a run of `run` or more words found in a source, counted without the names in it (names and figures cannot be
 * paraphrased). A run fails one word before the check would fail it, for the margin.
 */
export function copyTest(texts: readonly string[], run = MAX_COPIED_RUN + 1): CopyTest {
  // The sources' words as numbers, one text after another with NONE between them: no run crosses from one to the next.
  const ids = new Map<string, number>();
  const stream: number[] = [];
  for (const t of texts) {
    for (const w of matchWords(t)) {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      stream.push(id);
    }
    stream.push(NONE);
  }
  const pairKey = (a: number, b: number) => a * ids.size + b;
  const pairs = new Set<number>();
  for (let i = 1; i < stream.length; i++) if (stream[i - 1]! >= 0 && stream[i]! >= 0) pairs.add(pairKey(stream[i - 1]!, stream[i]!));
  // Where each word stands in the sources, indexed when a chain of copied pairs first gets long.
  let positions: Map<number, number[]> | undefined;
  const positionsOf = (id: number) => {
    if (!positions) {
      positions = new Map();
      for (const [p, w] of stream.entries()) if (w >= 0) (positions.get(w) ?? positions.set(w, []).get(w)!).push(p);
    }
    return positions.get(id) ?? [];
  };
  // The same stretch of text is asked about again and again (styles, quoted phrases around it): one answer each.
  const seen = new Map<string, boolean>();
  const test = (segment: string) => {
    let answer = seen.get(segment);
    if (answer === undefined) {
      if (seen.size > 20_000) seen.clear();
      seen.set(segment, (answer = copiedSegment(segment)));
    }
    return answer;
  };
  return (text) => unquoted(text).some(test);

  // A copied run is a chain of copied word pairs: the whole run is looked up only at the end of a long chain.
  function copiedSegment(segment: string): boolean {
      const tokens = matchWords(segment);
      const wordIds = tokens.map((w) => ids.get(w) ?? UNKNOWN);
      let names: Set<string> | undefined;
      let chain = 0;
      // Start of the copied stretch found so far (windows of `run` words that a source has, overlapping), or -1.
      let from = -1;
      let to = -1;
      // Where in the sources the last window found starts: the next window is most often the one after it.
      let last = -1;
      let lastEnd = -1;
      // Whether the `run` words before `end` stand in a row in one source.
      const inSource = (end: number) => {
        const start = end - run;
        if (last >= 0 && lastEnd === end - 1 && stream[last + run] === wordIds[end - 1]) {
          [last, lastEnd] = [last + 1, end];
          return true;
        }
        for (const p of positionsOf(wordIds[start]!)) {
          let k = 1;
          while (k < run && stream[p + k] === wordIds[start + k]) k++;
          if (k === run) {
            [last, lastEnd] = [p, end];
            return true;
          }
        }
        return false;
      };
      const judge = () => from >= 0 && ownWords(tokens.slice(from, to), (names ??= namesIn(segment))) >= run - 1;
      for (let i = 1; i < tokens.length; i++) {
        chain = wordIds[i - 1]! >= 0 && wordIds[i]! >= 0 && pairs.has(pairKey(wordIds[i - 1]!, wordIds[i]!)) ? chain + 1 : 0;
        if (chain < run - 1 || !inSource(i + 1)) continue;
        if (from >= 0 && i - run + 1 < to) to = i + 1;
        else {
          if (judge()) return true;
          [from, to] = [i - run + 1, i + 1];
        }
      }
      return judge();
  }
}
/** Between two source texts in the copy test's stream, and a word no source has: neither matches anything. */
const NONE = -1;
const UNKNOWN = -2;

const SYNONYMS: Record<string, string> = {
  company: 'firm', firm: 'company', companies: 'firms', firms: 'companies', began: 'started', begin: 'start', begins: 'starts',
  showed: 'indicated', shows: 'indicates', bought: 'purchased', buy: 'purchase', buys: 'purchases', received: 'got',
  major: 'significant', significant: 'major', important: 'significant', although: 'though', because: 'as', officials: 'authorities',
  lawmakers: 'legislators', nearly: 'almost', almost: 'nearly', several: 'a number of', despite: 'in spite of',
  people: 'individuals', attempted: 'tried', expected: 'anticipated',
  big: 'large', start: 'begin', started: 'began', starts: 'begins',
  // Words whose swap keeps the meaning in any news sentence (no cause, status or tense changes).
  urged: 'called on', 'called on': 'urged', nation: 'country', "nation's": "country's",
  amid: 'in the midst of', helped: 'assisted', helping: 'assisting',
  additional: 'further', multiple: 'several', 'prior to': 'before', 'in addition to': 'besides', remarks: 'comments',
  comments: 'remarks', speech: 'address', 'decided to': 'chose to', large: 'big', quickly: 'rapidly', rapidly: 'quickly',
  massive: 'huge', huge: 'massive',
};
const SYNONYM = new RegExp(`(?<![\\w'’-])(?:${Object.keys(SYNONYMS).sort((a, b) => b.length - a.length).map((k) => k.replace(/'/g, "['’]")).join('|')})(?![\\w'’-])`, 'g');

/** Rewrites that keep a sentence's meaning and change its words; tried in order until no long run is left. */
const REWRITES: [RegExp, string | ((m: string, ...g: string[]) => string)][] = [
  [/\b(said|says|announced|reported|added|noted|found|warned|argued|claimed|believes|believed|showed|shows|revealed|confirmed|acknowledged|insisted|stated|explained|suggested|indicated)\s+that\b/g, '$1'],
  // Reported speech in the present, as news briefs write it: "said it would" -> "says it will".
  [/\b(?:said|says)( (?:that )?(?:it|he|she|they|we|the (?:company|firm|lab|agency|government|regulator|ministry|office|group|team|court|council|union|operator|developer|maintainers|researchers))) would\b/g, 'says$1 will'],
  [/\b(?:said|says)( (?:that )?(?:it|he|she|the (?:company|firm|lab|agency|government|regulator|ministry|office|group|team|court|council|union|operator|developer))) had\b/g, 'says$1 has'],
  [/\b(?:said|says)( (?:that )?(?:they|we|the (?:maintainers|researchers|authors|authorities|police|officials))) had\b/g, 'say$1 have'],
  // "…, according to a statement from the company." -> "…, a statement from the company said."
  [/, according to ((?:a |an |the )?[^,.;"“”]{3,60})\.$/g, ', $1 said.'],
  // Contractions both ways: a source's "does not" is contracted, its "doesn't" written out.
  [/\b(?:does|do|did|is|are|was|were|has|have|had|would|could|should)(?: not|n['’]t)\b/g, (m) => (m.endsWith(' not') ? `${m.slice(0, -4)}n't` : `${m.slice(0, -3)} not`)],
  [/\b(?:will not|won['’]t)\b/g, (m) => (m.startsWith('won') ? 'will not' : "won't")],
  [/\b(?:cannot|can['’]t)\b/g, (m) => (m.startsWith('can') && m !== 'cannot' ? 'cannot' : "can't")],
  [/\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, '$1'],
  // A hedge before a figure: the only rewrite allowed next to one. It always lands on "about" or "some",
  // words the `numbers` check does not read as a figure's surroundings, so the figure's place stays as clear.
  [/\b(about|roughly|approximately|around|some)(?= \$?€?£?\d)/g, (m) => HEDGES[m] ?? m],
  [/\bin order to\b/g, 'to'],
  [/\bas well as\b/g, 'and'],
  [/\ba number of\b/g, 'several'],
  [/\b(?:also|currently|just|very|really) (?=\w)/g, ''],
  [/\b(plans|planned|intends|intended|wants|wanted) to\b/g, (_m, v) => `${({ plans: 'intends', planned: 'intended', intends: 'plans', intended: 'planned', wants: 'aims', wanted: 'aimed' })[v!] ?? v} to`],
  [SYNONYM, (m) => SYNONYMS[m] ?? m],
  [/(?<![\w-])(said|says)(?![\w-])/g, (m) => (m === 'said' ? 'stated' : 'states')],
];

/** After these rules (by index) the text is tested again: reported speech, contractions and dates, phrases, synonyms. */
const CHECKPOINTS = new Set([4, 9, 14, 15, 16]);
const HEDGES: Record<string, string> = { about: 'some', some: 'about', roughly: 'about', approximately: 'about', around: 'about' };


/** Applies rewrites outside quotation marks until `copied` no longer holds; undefined when the runs cannot all be broken. */
export function breakCopiedRuns(text: string, copied: CopyTest): string | undefined {
  const memo = memoOf(copied, 'b');
  if (memo.has(text)) return memo.get(text);
  const out = rewriteRuns(text, copied);
  memo.set(text, out);
  return out;
}

// The writer asks about the same sentence again and again (styles, stages): one answer per question, text and source set.
const memos = new WeakMap<CopyTest, Map<string, Map<string, string | undefined>>>();
function memoOf(copied: CopyTest, question: string): Map<string, string | undefined> {
  let byQuestion = memos.get(copied);
  if (!byQuestion) memos.set(copied, (byQuestion = new Map()));
  let memo = byQuestion.get(question);
  if (!memo) byQuestion.set(question, (memo = new Map()));
  return memo;
}

function rewriteRuns(text: string, copied: CopyTest): string | undefined {
  if (!copied(text)) return text;
  // The quotations are found once: rules rewrite the stretches between them, which no rule makes into a quotation.
  const parts: { text: string; ours: boolean }[] = [];
  let at = 0;
  for (const q of extractQuotes(text)) {
    parts.push({ text: text.slice(at, q.start), ours: true }, { text: text.slice(q.start, q.end), ours: false });
    at = q.end;
  }
  parts.push({ text: text.slice(at), ours: true });
  const joined = () => parts.map((p) => p.text).join('');
  let changed = false;
  for (let i = 0; i < REWRITES.length; i++) {
    const [re, by] = REWRITES[i]!;
    for (const part of parts) {
      if (!part.ours || !part.text) continue;
      const segment = part.text;
      re.lastIndex = 0;
      if (!re.test(segment)) continue;
      const next = segment.replace(re, (m: string, ...rest: unknown[]) => keepNearFigures(segment, m, rest, re, by));
      if (next !== segment) [part.text, changed] = [next, true];
    }
    // Tested in groups, lightest first: a copy test per rule would cost more than the writing.
    if (changed && CHECKPOINTS.has(i)) {
      const out = joined();
      if (!copied(out)) return out;
      changed = false;
    }
  }
  const out = joined();
  return changed && !copied(out) ? out : undefined;
}

/**
 * How far a quoted phrase may go: not at all; in a sentence that quotes no one (the last resort for thin sources);
 * also in one that does, outside its quotations (the very last, for sources that give nothing else).
 */
export type Phrases = false | 'plain' | 'quoting';

/**
 * The sentence in our words where rules allow, else (with `phrases`) with one short phrase quoted word for word,
 * else with its closing stretch quoted word for word (the shortest that leaves no long copied run outside the
 * marks). Undefined when none works.
 */
export function restate(text: string, copied: CopyTest, openingWords = 0, phrases: Phrases = false): string | undefined {
  const memo = memoOf(copied, `r${openingWords}${phrases || ''}`);
  if (memo.has(text)) return memo.get(text);
  const out = quoteTail(text, copied, openingWords, phrases);
  memo.set(text, out);
  return out;
}

function quoteTail(text: string, copied: CopyTest, openingWords: number, phrases: Phrases): string | undefined {
  const rewritten = breakCopiedRuns(text, copied);
  if (rewritten) return rewritten;
  // A sentence that already quotes someone gets no closing quotation of ours: at the very last, a phrase outside theirs.
  if (/["“”]/.test(text)) return phrases === 'quoting' ? quotePhrase(text, copied, openingWords) : undefined;
  const phrase = phrases ? quotePhrase(text, copied, openingWords) : undefined;
  if (phrase) return phrase;
  const body = text.replace(/([.!])$/, '');
  const stop = text.slice(body.length);
  const cuts = [...body.matchAll(/ /g)].map((m) => m.index!);
  // Only the words before the quotation can be a copied run: the prefix alone is restated.
  const attempt = (cut: number) => {
    const before = breakCopiedRuns(body.slice(0, cut), copied);
    return before === undefined ? undefined : `${before} "${body.slice(cut + 1)}${stop}"`;
  };
  // An earlier cut (a longer quotation) leaves less to copy: find the latest cut that works, then the nearest good one before it.
  let lo = 0;
  let hi = cuts.length - 1;
  let latest = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (attempt(cuts[mid]!)) {
      latest = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = latest; i >= 0; i--) {
    const cut = cuts[i]!;
    const before = body.slice(0, cut);
    const quoted = body.slice(cut + 1);
    if (words(before).length <= openingWords) break;
    if (words(quoted).length < 3 || /\d\S*$|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)$/.test(before) || /^\d/.test(quoted)) continue;
    // After "X said" a quotation reads as X's own words: the outlet's narrative is never quoted there.
    if (SPEECH.test(before.split(' ').slice(openingWords).join(' '))) break;
    if (QUOTE_OPENS_BADLY.test(quoted) || (/^\p{Lu}/u.test(quoted) && !/[,;:]$/.test(before))) continue;
    const candidate = attempt(cut);
    if (candidate) return candidate;
  }
  return undefined;
}

/** Quoted phrases are this long (words): a phrase of the source's own, not a passage. */
const PHRASE_WORDS = [3, 6] as const;
const PHRASE_ENDS_BADLY = /\b(?:the|a|an|of|to|and|or|in|on|at|for|with|by|from|as|its|their|his|her|that|this)$/i;

/**
 * The sentence with one short phrase of the source quoted word for word ("…reconsider its decision to "scrap the
 * ubiquitous portrait" from its products."), the shortest phrase that leaves no long copied run on either side;
 * undefined when none does. The phrase never holds a figure or a comma, opens on a word or ends on a function word.
 */
function quotePhrase(text: string, copied: CopyTest, openingWords: number): string | undefined {
  const body = text.replace(/([.!])$/, '');
  const stop = text.slice(body.length);
  const tokens = body.split(' ');
  // Where each token starts, and the sentence's own quotations: a phrase of ours never stands inside one.
  const starts = tokens.map((_, i) => tokens.slice(0, i).join(' ').length + (i ? 1 : 0));
  const theirs = /["“”]/.test(body) ? extractQuotes(body) : [];
  const insideTheirs = (i: number, size: number) => theirs.some((q) => starts[i]! < q.end && starts[i + size - 1]! + tokens[i + size - 1]!.length > q.start);
  // The phrase must start where the words before it copy no long run, and end where the words after it copy none:
  // a longer stretch only copies more, so each bound is found by bisection.
  const lastStart = bisect(0, tokens.length, (i) => !copied(tokens.slice(0, i).join(' ')));
  const firstEnd = tokens.length - bisect(0, tokens.length, (k) => !copied(`${tokens.slice(tokens.length - k).join(' ')}${stop}`));
  for (let size = PHRASE_WORDS[0]; size <= PHRASE_WORDS[1]; size++) {
    // From the middle outwards: a phrase there splits the longest stretch.
    const order = [...Array(Math.max(0, tokens.length - size)).keys()].filter((i) => i > openingWords && !insideTheirs(i, size)).sort((a, b) => Math.abs(a + size / 2 - tokens.length / 2) - Math.abs(b + size / 2 - tokens.length / 2));
    for (const i of order) {
      const span = tokens.slice(i, i + size).join(' ');
      // Lower-case words only: a name is never cut by a quotation mark.
      if (/[\d,;:()—–\p{Lu}"“”'‘’-]/u.test(span) || QUOTE_OPENS_BADLY.test(span) || PHRASE_ENDS_BADLY.test(span) || /^\p{Lu}/u.test(tokens[i + size] ?? '')) continue;
      if (i > lastStart || i + size < firstEnd || SPEECH.test(tokens.slice(Math.max(0, i - 3), i + (theirs.length ? size : 0)).join(' '))) continue;
      // The words around a figure, and a causal link, are what the checks compare with the source: never quoted.
      if (QUANTITY.test(tokens.slice(Math.max(0, i - UNIT_WORDS), i + size + 1).join(' ')) || CAUSE_CUE.test(span)) continue;
      const rest = tokens.slice(i + size).join(' ');
      const head = tokens.slice(0, i).join(' ');
      const candidate = `${head} "${span}"${rest ? ` ${rest}` : ''}${stop}`;
      if (copied(candidate)) continue;
      // The outlet's words must not read as someone's: a phrase the quotes check would give to a speaker other than
      // the outlet named in our attribution is not quoted ("Lumen Forge said it would "release the weights"…").
      const speaker = speakerOf(candidate, head.length + 1, head.length + span.length + 3);
      if (!speaker || tokens.slice(0, openingWords).join(' ').includes(speaker)) return candidate;
    }
  }
  return undefined;
}

// Words after a figure that the `numbers` check reads as what it counts ("15 years in prison"): never quoted.
const UNIT_WORDS = 3;
const QUANTITY = /[\d$€£%]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|percent|per|cent)\b/i;

/** Words that link a cause to an effect, as the `citations` check reads causal claims. */
export const CAUSE_CUE = /\b(?:because(?:\s+of)?|due\s+to|owing\s+to|as\s+a\s+(?:direct\s+)?result\s+of|thanks\s+to|in\s+response\s+to|led\s+to|leading\s+to|resulted\s+in|resulting\s+in|caused|causing|prompted|prompting|forced|forcing|drove|driven\s+by|spurred|triggered|fuell?ed\s+by|that\s+is\s+why)\b/i;
// Cues that name the cause before them ("X led to Y"); the others name it after ("Y because of X").
const CAUSE_FIRST = /led|leading|resulted|resulting|caused|causing|prompt|forc|drove|spurred|triggered|why/i;

/**
 * Whether an attribution we added (`publishers`) stands on the cause's side of a causal link ("According to P, a
 * man drove…", "…due to X, P reported."): the `citations` check reads every word on that side as the cause, and
 * would find our outlet's name in no source.
 */
export function attributionInCause(text: string, publishers: readonly string[]): boolean {
  const m = CAUSE_CUE.exec(text);
  if (!m) return false;
  const side = CAUSE_FIRST.test(m[0]) ? text.slice(0, m.index) : text.slice(m.index + m[0].length);
  return publishers.some((p) => side.includes(p));
}

/** The largest n in [lo, hi] for which `ok` holds, `ok` holding up to some point and not after it (lo - 1 when never). */
function bisect(lo: number, hi: number, ok: (n: number) => boolean): number {
  let best = lo - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) [best, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return best;
}

const SPEECH = /\b(?:said|says|stated|states|told|tells|announced|added|noted|wrote|writes|argued|claimed|warned|insisted|explained|according to|asked|called|described|reported)\b/i;

// A quotation that opens on a preposition or an article reads as a cut, not as someone's words.
const QUOTE_OPENS_BADLY = /^(?:million|billion|trillion|thousand|percent|per cent|of|the|a|an|and|or|in|on|at|for|to|with|by|from|as|than|into|over|under|about|its|their|his|her)\b/i;

/** Words inside quotation marks. */
export function quotedWords(text: string): number {
  let n = 0;
  for (const q of extractQuotes(text)) n += words(q.inner).length;
  return n;
}

// Words next to a figure are how the `numbers` check tells which quantity it is: they stay as the source has them.
function keepNearFigures(segment: string, match: string, rest: unknown[], re: RegExp, by: string | ((m: string, ...g: string[]) => string)): string {
  const offset = rest.find((x) => typeof x === 'number') as number;
  const around = segment.slice(Math.max(0, offset - 14), offset + match.length + 14);
  if (/\d/.test(around) && !(match in HEDGES)) return match;
  if (typeof by === 'function') return by(match, ...(rest.filter((x) => typeof x === 'string') as string[]).slice(0, -1));
  return match.replace(once(re), by);
}

// The non-global twin of a rewrite's pattern, compiled once: it rewrites one match in place.
const twins = new Map<RegExp, RegExp>();
function once(re: RegExp): RegExp {
  let twin = twins.get(re);
  if (!twin) twins.set(re, (twin = new RegExp(re.source, re.flags.replace('g', ''))));
  return twin;
}


/** Asides a sentence stays whole without, removed one kind at a time: dashes and brackets, appositives, non-restrictive clauses, a trailing participle phrase. */
const ASIDES: RegExp[] = [
  /\s[—–]\s[^—–"“”]{3,140}?\s[—–]\s/g,
  /\s\([^()"“”]{2,80}\)/g,
  // The look back comes after the comma: tried at every comma, not at every character.
  /,(?<=\p{Lu}[\p{L}\d'’-]*,)\s(?:the|a|an)\s[^,"“”]{3,70},(?=\s\p{Ll})/gu,
  /,\s(?:which|who|whose)\s[^,"“”]{3,90},(?=\s\p{Ll})/gu,
  /,\s\p{Ll}+ing\s[^,;"“”]{3,140}(?=\.$)/gu,
  // A closing phrase that says only where or how something was said (", in a speech on the floor that …"): the
  // clause before it stands whole. Other closing phrases may qualify the claim ("in certain circumstances"): kept.
  /,\s(?:in|at|during)\s(?:a|an|the|his|her|their|its)\s(?:[\p{L}-]+\s){0,2}?(?:speech|statement|interview|letter|post|tweet|tweets|news conference|press conference|briefing|rally|address|appearance|event|op-ed|video)\b[^,;"“”]{0,200}(?=\.$)/gu,
];

/**
 * The sentence condensed by rule, shortest last: each variant drops one more kind of aside
 * and is still a whole sentence. Used when no rewrite breaks a long copied run.
 */
export function condensed(text: string): string[] {
  const out: string[] = [];
  let current = text;
  for (const re of ASIDES) {
    // An aside with a figure ("$25bn (£19bn)", "— with 60 in California") is a fact the `numbers` check reads with its neighbour: kept.
    const next = current.replace(re, (m) => (/\d/.test(m) ? m : m.startsWith(' ') && m.endsWith(' ') ? ' ' : '')).replace(/\s{2,}/g, ' ');
    if (next !== current && words(next).length >= 6) {
      out.push(next);
      current = next;
    }
  }
  return out;
}

/** "A, B and C". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The sentence with its publishers named: "According to P, …", "…, P reported." or, in the middle,
 * ", P reported,". A sentence that names its own source ("…, according to the utility.") gets no
 * second "according to": "P reported that, according to the utility, …", never "According to P,
 * …, according to the utility."
 * The first word keeps its capital only when the sources write it capitalised mid-sentence (a name).
 */
export function attribute(sentence: string, publishers: readonly string[], style: 'prefix' | 'suffix' | 'middle', properWords: ReadonlySet<string>): string {
  const who = listOf(publishers);
  if (style === 'middle') {
    // At the comma nearest the middle: it splits the longest copied stretch. Before a clause, ", according to P,";
    // elsewhere ", P reported," — a verb between the outlet and what follows, so an appositive never renames the outlet.
    const half = sentence.length / 2;
    const spacesBefore = (i: number) => sentence.slice(0, i).split(' ').length;
    const total = sentence.split(' ').length;
    const commas = [...sentence.matchAll(/,\s(?!\d)/g)]
      .map((m) => m.index!)
      .filter((i) => spacesBefore(i) >= 5 && total - spacesBefore(i) >= 4 && !/["“][^"”]*$/.test(sentence.slice(0, i)));
    const at = commas.sort((a, b) => Math.abs(a - half) - Math.abs(b - half))[0];
    if (at !== undefined) {
      const clause = /^,\s(?:and|but|which|while|after|as|saying|although|though|because|since|where|when|who|whose|adding|with|before|until|even)\b/.test(sentence.slice(at));
      // A sentence with an "according to" of its own gets no second one.
      const according = clause && !ATTRIBUTED.test(sentence);
      return `${sentence.slice(0, at)}, ${according ? `according to ${who}` : `${who} reported`},${sentence.slice(at + 1)}`;
    }
    style = 'prefix';
  }
  // "…, according to the utility." moves to the front of what the outlet reports, so it is said once.
  const trailing = TRAILING_ATTRIBUTION.exec(sentence);
  if (trailing) return `${who} reported that, according to ${trailing[1]}, ${asMidSentence(sentence.slice(0, trailing.index), properWords)}.`;
  const endsPlain = /[^.!?"”’)]\.$/.test(sentence) || /\d\.$/.test(sentence);
  if (style === 'suffix' && endsPlain && !/\breported\b/.test(sentence)) {
    return `${sentence.slice(0, -1)}, ${who} reported.`;
  }
  // "According to P, according to the decision, …" reads twice: the outlet reports what the sentence attributes.
  if (/^According to\b/.test(sentence)) return `${who} reported that, ${lowerFirst(sentence)}`;
  return `According to ${who}, ${asMidSentence(sentence, properWords)}`;
}

const ATTRIBUTED = /\baccording to\b/i;
const TRAILING_ATTRIBUTION = /,\s+according to ([^,;:"“”]{3,80})\.$/;

/** The sentence as it reads after a lead-in: its first word lower-cased unless the sources write it capitalised (a name). */
function asMidSentence(sentence: string, properWords: ReadonlySet<string>): string {
  // The first word and the one after it, without splitting the whole sentence.
  const space = sentence.indexOf(' ');
  const head = space < 0 ? sentence : sentence.slice(0, space);
  const nextSpace = space < 0 ? -1 : sentence.indexOf(' ', space + 1);
  const second = space < 0 ? '' : sentence.slice(space + 1, nextSpace < 0 ? undefined : nextSpace);
  const bare = head.replace(/[^\p{L}\p{N}'’-]/gu, '').replace(/['’]s?$/, '');
  const nameFollows = /^\p{Lu}/u.test(second) && !/^(?:The|A|An|In|On|At|For|But|And|If|As|After|Before|When|While)$/.test(bare);
  const keep = properWords.has(bare) || nameFollows || /^(?:I|[\p{Lu}\d]{2,}\b)/u.test(head) || /^["“]/.test(head);
  return `${keep ? head : lowerFirst(head)}${sentence.slice(head.length)}`;
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}
