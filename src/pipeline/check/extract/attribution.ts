/**
 * Attribution structures of a sentence: who it says said, argued, reported or called something, and
 * which of its words it gives them — "X said …", "…, X said", "…, said X", "according to X", "X, in an
 * analysis, argued …", "… is viewed by X as …", "with X calling it …", "X …, saying …", a headline's "X: …".
 * The speaker is a noun phrase as written: a name, an outlet, a description ("the couple", "unnamed
 * senior defense officials") or a pronoun.
 */
import { startsUpper } from '../../../lib/text';
import { extractQuotes, type QuoteSpan } from './quotes';

export interface Attribution {
  /** The speaker as written. */
  speaker: string;
  start: number;
  end: number;
  /** The reporting verb, lower case ("said", "according to", "saying", ":" for a headline's "X: …"). */
  verb: string;
  /** The attributed words: [from, to) of the text. */
  content: [number, number];
  /** The index of an attribution whose words hold this one ("Bremmer's tweet claimed Trump had said …"). */
  within?: number;
}

interface Token {
  raw: string;
  lower: string;
  start: number;
  end: number;
  /** The token opens the sentence or a clause after a full stop, colon or quotation mark: its capital may be grammar. */
  initial: boolean;
}

// Verbs that give a view, a wish or a judgement rather than words: a source may report them of whoever it names.
export const VIEW_VERBS: ReadonlySet<string> = new Set(
  ('celebrated praised criticized criticised blasted slammed condemned denounced welcomed attacked view viewed want wants wanted ' +
    'believe believes believed vowed pledged promised').split(' '),
);
// Verbs that attribute words, a view or a judgement to their subject.
export const ATTRIBUTING_VERBS: ReadonlySet<string> = new Set([
  ...('said says say told tells tell added adds wrote writes write noted argued argues argue warned warns warn called calls ' +
    'described describes describe announced announces reported cautioned cautions claimed insisted insists ' +
    'suggested suggests stated explained explains acknowledged acknowledges recalled recalls confirmed confirms asked asks ' +
    'urged urges contended contends maintained maintains predicted predicts estimated alleged alleges countered conceded ' +
    'emphasized emphasised stressed observed concluded posted tweeted framed frames cast characterized characterised ' +
    'declared testified revealed disclosed labeled labelled dubbed branded').split(' '),
  ...VIEW_VERBS,
]);
// Verbs that give a view only as "X saw the move as a rebuff", "regarded it as": a verb of seeing or treating with its "as".
const VIEW_AS: ReadonlySet<string> = new Set('saw sees see regarded regards portrayed portrays painted paints interpreted interprets treated treats'.split(' '));
// The "as" of VIEW_AS a few words on, before what the thing is seen as: "saw the move as a rebuff", "regarded it as overdue".
// Not "as" opening a clause ("saw the car as it sped away", "saw shares fall as investors sold") or "as well as".
const AS_AFTER = /^\s+(?:[\p{L}'’-]+\s+){1,3}?as\s+(?!(?:well|if|though|soon|long|much|many|it|he|she|they|we|i|you)\b)((?:[\p{L}'’-]+\s*){1,3})/iu;
// A verb past its first word after "as" opens a clause: "as prices rose", "as the strike dragged on".
const CLAUSE_VERB = /^\S+\s+(?:\S+\s+)?(?:\p{L}+ed|rose|fell|sped|ran|went|came|grew|spread|sold|began|broke|hit|took|left|struck|sank|soared|slid)\b/iu;

/** Whether VIEW_AS verb `w`, followed by `after`, sees something as something ("saw the move as a rebuff"). */
function seesAs(w: string, after: string): boolean {
  if (!VIEW_AS.has(w)) return false;
  const m = AS_AFTER.exec(after);
  return m !== null && !CLAUSE_VERB.test(m[1]!);
}
// Verbs that hand on another's report ("…, the AP reported", "according to X") rather than speak for themselves.
export const CONDUIT_VERBS: ReadonlySet<string> = new Set(['reported', 'according to']);
// Gerunds that hand the words to the clause's subject (", saying …") or to a "with" phrase ("with X calling it …").
const GERUNDS = new Set(['saying', 'calling', 'describing', 'arguing', 'noting', 'warning', 'adding', 'claiming', 'writing', 'insisting', 'telling']);

// Words that end a speaker phrase: clause words, auxiliaries, prepositions, adverbs.
const STOP = new Set(
  ('that which who whom whose when where while as but or if because after before since although though so then than ' +
    'is are was were be been being has have had do does did will would can could may might must should ' +
    'to in on at from with by about into over under during against through without within among between per via like ' +
    'it its not never also there here what why how someone anyone everyone nobody something').split(' '),
);
// Determiners open a speaker phrase: read backwards, the phrase ends after one.
const DETERMINERS = new Set(
  'the a an one some several many multiple his her their our this these those two three four five six seven eight nine ten both all'.split(' '),
);
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);
// Words between a subject and its verb that are not the subject: adverbs, auxiliaries, times.
const BETWEEN = new Set(
  ('also later again then previously earlier repeatedly publicly widely reportedly quickly once first initially recently long ' +
    'has have had did does do would will separately privately openly explicitly directly bluntly further just still already even only ever monday tuesday wednesday thursday friday saturday sunday')
    .split(' '),
);
// A noun that gives words, with its speaker after it ("arguments by …"), or made by its subject ("X made the announcement").
const NOMINAL_BY = /\b(arguments?|claims?|statements?|remarks|comments|announcement|assertions?|warnings?|testimony|assessment|criticism)\s+(?:by|from)\s+/g;
const MADE_BEFORE = /\b(?:made|issued|gave|delivered|released)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u;
const NOMINAL_MADE = /\b(made|issued|gave|delivered|released)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\p{Ll}-]+\s+){0,2}(?:announcement|statement|remarks|comments|speech|warning)\b/gu;
// The words either pattern needs ("by" or "from" after the noun; a verb that makes it).
const NOMINAL_CUE = new Set(['by', 'from', 'made', 'issued', 'gave', 'delivered', 'released']);
// Verbs that may stand before their speaker ("…, said Dr. Anthony Fauci"); "…, called the For the People Act" names a thing.
// Prepositions whose object a name before a verb of saying is, not its subject.
const OBJECT_PREPOSITION = new Set(['into', 'against', 'about', 'toward', 'towards', 'than', 'over']);
const INVERTED = /^(?:said|says|added|adds|wrote|writes|noted|notes|explained|argued|asked|stated|warned|told|tweeted|posted|recalled|insisted|countered|acknowledged|conceded|cautioned|continued|replied|responded)$/;
// Verbs of saying whose object may be a name ("told Reuters", "warned Iran"): a name after one is no speaker.
const OBJECT_TAKING = /^(?:told|tells|asked|asks|warned|warns|posted|tweeted|recalled)$/;
// "officially announced", "quickly condemned": an adverb between a subject and its verb.
const ADVERB = /^\p{Ll}{3,}ly$/u;
const PASSIVE = new Set(['is', 'are', 'was', 'were', 'been', 'be', 'being']);
// Words after a verb that make the rest a circumstance of the attribution, not its content ("said during …", "reported Tuesday").
const CIRCUMSTANCE = /^(?:during|in|on|at|after|before|while|when|last|this|earlier|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|to|through|via|of|citing)$/;
// Words that open a clause introducing the sentence ("In a statement, …", "Speaking at a gala, …").
const OPENER = /^(?:in|on|at|after|before|during|for|with|from|speaking|writing|asked|responding|according|since|while|when|as|despite|following|under|by|last|earlier|later)$/;
// Times written with a capital are no speaker ("said Monday that …").
const TIME = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|aug|sept|oct|nov|dec)$/;
// Prepositions that may join a speaker's head to what describes it ("a leading House Republican on tech issues").
const POST_MODIFIER = new Set(['on', 'in', 'at', 'with', 'from', 'across', 'around', 'throughout']);
const MAX_SPEAKER_WORDS = 12;
// The last word of a capitalised aside that describes a name ("Texas Republican", "California Democrat").
const DESCRIBED_BY = /^(?:republican|democrat|independent)$/;

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;
// Any word an attribution needs (a verb, a gerund, "according", a noun that gives words), and a headline's "X:".
const CUE: ReadonlySet<string> = new Set([
  ...ATTRIBUTING_VERBS,
  ...VIEW_AS,
  ...GERUNDS,
  ...'according argument arguments claim claims statement statements remarks comments announcement assertion assertions warning warnings testimony assessment criticism speech'.split(' '),
]);
const HEADLINE = /^[^:]{3,60}:\s/;

/** The words of a text with their offsets, an abbreviation's full stop kept ("Mass.", "U.S."). */
function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const word = m[0];
    // "Mass." and "U.S." keep their full stops; a word's trailing full stop, apostrophe or hyphen is punctuation.
    const raw = !TRAILING.test(word) || ABBREVIATION.test(word) ? word : word.replace(/[.'’-]+$/, '');
    const lower = raw.toLowerCase();
    // Only a capital may be grammar: whether the word opens a sentence is asked of capitalised words alone.
    const initial = out.length === 0 || (startsUpper(raw) && opensAfter(text, m.index));
    out.push({ raw, lower: lower.endsWith('.') ? lower.slice(0, -1) : lower, start: m.index, end: m.index + raw.length, initial });
  }
  return out;
}

const TRAILING = /[.'’-]$/;
const ABBREVIATION = /^(?:\p{Lu}[\p{L}]{0,3}\.|(?:\p{L}\.)+)$/u;

/** Whether the last mark before offset `at` (spaces aside, at most three characters back) ends a sentence or opens a quotation. */
function opensAfter(text: string, at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
    const c = text[i]!;
    if (c === ' ' || c === '\u00a0') continue;
    return '.!?:“"‘'.includes(c);
  }
  return at <= 3 && text.slice(0, at).trim() === '';
}

const verbLike = (w: Token) => !startsUpper(w.raw) && (ATTRIBUTING_VERBS.has(w.lower) || GERUNDS.has(w.lower) || (/ed$/.test(w.lower) && w.lower !== 'unnamed'));
// A clause word ends a phrase only written in lower case or opening the sentence: "Concerned About the Death Penalty" is a name.
const stops = (w: Token) => (!startsUpper(w.raw) || w.initial) && (STOP.has(w.lower) || verbLike(w));

/** Whether the gap between two tokens is only spacing. */
function joined(text: string, a: Token, b: Token): boolean {
  return /^['’]?\s*$/.test(text.slice(a.end, b.start));
}

/** The speaker phrase that ends with token `last`, read backwards; [first, last] indexes or null. */
function phraseBefore(text: string, t: Token[], last: number, reach = MAX_SPEAKER_WORDS): [number, number] | null {
  let first = last + 1;
  for (let k = last; k >= 0 && last - k < reach; k--) {
    if (k < last && !joined(text, t[k]!, t[k + 1]!)) {
      // "the Cambridge, Mass.-based biotech company": a place and its state inside a description.
      if (!(startsUpper(t[k]!.raw) && startsUpper(t[k + 1]!.raw) && /^,\s*$/.test(text.slice(t[k]!.end, t[k + 1]!.start)) && DETERMINERS.has(t[k - 1]?.lower ?? ''))) break;
    }
    const w = t[k]!;
    // "Conservatives Concerned About the Death Penalty": "the" inside a name.
    if (w.lower === 'the' && k > 0 && k < last && startsUpper(t[k - 1]!.raw) && startsUpper(t[k + 1]!.raw) && !t[k - 1]!.initial && joined(text, t[k - 1]!, w)) continue;
    if (DETERMINERS.has(w.lower)) {
      first = k;
      // "the Coastal Herald and the Prairie Journal": a second phrase joined to a first.
      if (k >= 2 && t[k - 1]!.lower === 'and' && startsUpper(t[k - 2]!.raw) && joined(text, t[k - 1]!, w) && joined(text, t[k - 2]!, t[k - 1]!)) continue;
      break;
    }
    // "I think people believe": a pronoun before the words makes them a clause, not a speaker.
    if (PRONOUNS.has(w.lower)) {
      if (k === last) first = k;
      else return null;
      break;
    }
    // "Mrs. Pelosi and Mr. Schumer": "and" joins two names; "of"/"for" join a name and what it heads ("chairman of the committee").
    if (w.lower === 'and') {
      if (k > 0 && k < last && startsUpper(t[k - 1]!.raw) && (startsUpper(t[k + 1]!.raw) || t[k + 1]!.lower === 'the')) continue;
      break;
    }
    if (stops(w) && w.lower !== 'of' && w.lower !== 'for') {
      // "a leading House Republican on tech issues", "researcher Allan Liska at cybersecurity firm Recorded Future": the head before the preposition.
      if (POST_MODIFIER.has(w.lower) && k > 0 && k < last) return withHead(k, last);
      break;
    }
    first = k;
  }
  // Connectors do not open a phrase ("of the Coastal Herald" -> "Coastal Herald").
  while (first <= last && (t[first]!.lower === 'of' || t[first]!.lower === 'for' || t[first]!.lower === 'and')) first++;
  if (first > last) return null;
  // "The top U.S. general in the Middle East", "a writer for The Atlantic": the phrase read so far describes a head before it.
  if (first >= 2 && (POST_MODIFIER.has(t[first - 1]!.lower) || t[first - 1]!.lower === 'for' || t[first - 1]!.lower === 'of')) return withHead(first - 1, last) ?? [first, last];
  return [first, last];

  /** The phrase from the head before preposition `at` to `last`, or null when the words before it are no head. */
  function withHead(at: number, end: number): [number, number] | null {
    if (!joined(text, t[at - 1]!, t[at]!) || !joined(text, t[at]!, t[at + 1]!)) return null;
    const head = phraseBefore(text, t, at - 1, reach - (end - at) - 1);
    if (!head) return null;
    const words = t.slice(head[0], at);
    return DETERMINERS.has(words[0]!.lower) || words.some((x) => startsUpper(x.raw)) ? [head[0], end] : null;
  }
}

/** The speaker phrase that starts at token `from`, read forwards to punctuation or a clause word. */
function phraseAfter(text: string, t: Token[], from: number): [number, number] | null {
  let last = from - 1;
  for (let k = from; k < t.length && k - from < MAX_SPEAKER_WORDS + 3; k++) {
    if (k > from && !joined(text, t[k - 1]!, t[k]!)) break;
    const w = t[k]!;
    const next = t[k + 1];
    // "the Meridian Times and the Prairie Journal", "Yahoo Sports and ESPN": one phrase of several names.
    if (w.lower === 'and' && k > from && next && (startsUpper(next.raw) || (next.lower === 'the' && t[k + 2] && startsUpper(t[k + 2]!.raw)))) {
      last = k;
      continue;
    }
    // "previous remarks made by Pfizer CEO Albert Bourla": a participle's agent names the speaker.
    if (k > from && !startsUpper(w.raw) && /ed$/.test(w.lower) && next?.lower === 'by' && joined(text, w, next)) {
      last = ++k;
      continue;
    }
    if (k > from && DETERMINERS.has(w.lower) && !/^(?:and|of|for|by)$/.test(t[k - 1]!.lower)) break;
    // "ESPN reports citing unnamed sources": a participle ends the phrase.
    if (k > from && (w.lower === 'and' || (!startsUpper(w.raw) && /ing$/.test(w.lower)) || (stops(w) && !DETERMINERS.has(w.lower)))) break;
    // "by Republicans for …": a connector stays only inside a name ("chairman of the House", "a lawyer for Trump").
    if (w.lower === 'of' || w.lower === 'for') {
      const after = next?.lower === 'the' ? t[k + 2] : next;
      if (!after || !startsUpper(after.raw)) break;
    }
    last = k;
  }
  while (last >= from && /^(?:of|for|the|and|by)$/.test(t[last]!.lower)) last--;
  return last >= from ? [from, last] : null;
}

/** Whether offset `at` lies inside one of the quotations. */
function quoted(quotes: QuoteSpan[], at: number): boolean {
  return quotes.some((q) => q.start <= at && at < q.end);
}

/**
 * The subject of the sentence's main clause, for a gerund that hands it words (", saying …"): its
 * first words past an opening phrase ("Speaking at a gala, Biden …") up to the verb that follows them.
 */
function mainSubject(text: string, t: Token[], quotes: QuoteSpan[], before: number): [number, number] | null {
  let from = 0;
  if (t[0] && OPENER.test(t[0].lower) || /ing$/.test(t[0]?.lower ?? '')) {
    while (from < before && joined(text, t[from]!, t[from + 1] ?? t[from]!)) from++;
    from++;
  }
  if (from >= before || quoted(quotes, t[from]!.start)) return null;
  let last = -1;
  for (let k = from; k < before && k - from < MAX_SPEAKER_WORDS; k++) {
    if (k > from && !joined(text, t[k - 1]!, t[k]!)) return null;
    if (stops(t[k]!) && k > from) break;
    // "He further embellished …": an adverb between the subject and its verb.
    if (k > from && (BETWEEN.has(t[k]!.lower) || ADVERB.test(t[k]!.raw))) {
      if (verbLike(t[k + 1] ?? t[k]!)) break;
      continue;
    }
    last = k;
  }
  // The phrase must be followed by its verb (an adverb between them aside).
  let verb = last + 1;
  while (t[verb] && (BETWEEN.has(t[verb]!.lower) || ADVERB.test(t[verb]!.raw))) verb++;
  if (last < from || !t[verb] || !(verbLike(t[verb]!) || /s$/.test(t[verb]!.lower)) || startsUpper(t[verb]!.raw)) return null;
  while (from <= last && /^(?:but|and|so|yet|still|however|meanwhile|instead|now)$/.test(t[from]!.lower)) from++;
  return from <= last ? [from, last] : null;
}

/** Where the attributed words of a verb that leads them end: at a clause joined by ", and", ", but", ", while" or ";", or a sentence's end. */
function leadingEnd(text: string, from: number, quotes: QuoteSpan[]): number {
  // A full stop inside the text ("… in custody., “The DEMOCRATS …”") ends a sentence that was not split.
  const clause = /,[”"’]?\s+(?:and|but|while|whereas|though|although)\s|;\s|\s[—–]\s|[.!?][”"’]?,?\s+(?=[“"‘]?\p{Lu})/gu;
  clause.lastIndex = from;
  for (let m = clause.exec(text); m; m = clause.exec(text)) {
    // "Rep. Richard Neal", "the U.S. Senate": a title's or an initial's full stop ends nothing.
    if (m[0][0] === '.' && /(?:^|[\s(])(?:\p{Lu}\p{Ll}{0,3}|\p{L})$/u.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    if (!quoted(quotes, m.index)) return m.index;
  }
  return text.length;
}

// A party-and-state tag between a member of Congress and the verb ("Sen. Mitch McConnell (R-Ky.) said", "Rep. Ann Wagner,
// R-Mo., said"): blanked, offsets kept, so the name and the verb meet.
// Only before a verb of saying: elsewhere the tag still ends the name ("McConnell (R-Ky.) kept the aid out, saying …").
const PARTY_TAG = /(?:\s\((?:[DRI]|Dem|Rep|Ind)-[\p{L}. ]{2,20}\)|,\s+[DRI]-[\p{L}.]{2,8}(?:\s[\p{L}.]{2,8})?,)(?=\s+(?:\p{Ll}+ly\s+)?(?:said|says|told|tells|added|adds|wrote|writes|argued|argues|asked|noted|warned|tweeted|posted|stated|explained|insisted|acknowledged|countered)\b)/gu;

/** The attribution structures of a sentence, in order of their speakers. */
export function attributionsOf(raw: string, quotes: QuoteSpan[] = extractQuotes(raw)): Attribution[] {
  const text = raw.includes('-') ? raw.replace(PARTY_TAG, (m) => ' '.repeat(m.length)) : raw;
  // A sentence with no word that attributes is done after one look at its words.
  const t = tokensOf(text);
  if (!t.some((x) => CUE.has(x.lower) || x.lower === 'per') && !HEADLINE.test(text)) return [];
  const out: Attribution[] = [];
  const push = (a: number, b: number, verb: string, content: [number, number]) => {
    if (out.some((o) => o.start === t[a]!.start)) return;
    out.push({ speaker: text.slice(t[a]!.start, t[b]!.end), start: t[a]!.start, end: t[b]!.end, verb, content });
  };
  for (let i = 0; i < t.length; i++) {
    const w = t[i]!.lower;
    // "…, per the Harbor Signal": a credit after a comma, as "according to" is ("per capita", "per day" follow no comma).
    if (w === 'per' && /,\s*$/.test(text.slice(0, t[i]!.start)) && !quoted(quotes, t[i]!.start) && t[i + 1] && (t[i + 1]!.lower === 'the' || startsUpper(t[i + 1]!.raw))) {
      const np = phraseAfter(text, t, i + 1);
      if (np) {
        // "… and, per the Herald, was one of …" credits the clause after it; "…, per the Herald." and "…, per the Herald, and
        // …" the clause before it, back to the clause break before its comma.
        const after = t[np[1]]!.end;
        const before = text.slice(0, t[i]!.start).replace(/,\s*$/, '');
        if (/\b(?:and|but|or|while|that|because)\s*$/i.test(before) && /^\s*,\s*\p{L}/u.test(text.slice(after))) {
          const from = text.indexOf(',', after) + 1;
          push(np[0], np[1], 'according to', [from, leadingEnd(text, from, quotes)]);
        } else {
          const breaks = [...before.matchAll(/[,;—–]/g)].filter((m) => !quoted(quotes, m.index));
          push(np[0], np[1], 'according to', [breaks.length ? breaks.at(-1)!.index + 1 : 0, t[i]!.start]);
        }
        continue;
      }
    }
    // Only a verb, a gerund or "according" outside the quotations opens an attribution.
    if (!CUE.has(w) || quoted(quotes, t[i]!.start) || (startsUpper(t[i]!.raw) && !(w === 'according' && t[i]!.initial))) continue;
    if (w === 'according' && t[i + 1]?.lower === 'to') {
      const np = phraseAfter(text, t, i + 2);
      if (!np) continue;
      // "According to X, …" opens the sentence: the words after it; "…, according to X": the words before; "… and, according
      // to X, rebuked …" (set off by commas after a conjunction) the clause after it, as with "per".
      const opening = !/[\p{L}\p{N}]/u.test(text.slice(0, t[i]!.start));
      const after = t[np[1]]!.end;
      const inserted = !opening && /\b(?:and|but|or|while|that|because)\s*,\s*$/i.test(text.slice(0, t[i]!.start)) && /^\s*,\s*\p{L}/u.test(text.slice(after));
      const from = inserted ? text.indexOf(',', after) + 1 : after;
      const content: [number, number] = opening || inserted ? [from, leadingEnd(text, from, quotes)] : [0, t[i]!.start];
      push(np[0], np[1], 'according to', content);
      continue;
    }
    if (GERUNDS.has(w)) {
      // "…, angrily canceling a meeting with officials … and calling into doubt …": a gerund coordinated with another is no
      // speaker's, whatever "with" stands before it.
      if (t[i - 1]?.lower === 'and') continue;
      // "with X calling it …"
      let k = i - 1;
      while (k >= 0 && t[k]!.lower !== 'with' && i - k <= MAX_SPEAKER_WORDS && joined(text, t[k]!, t[k + 1]!)) k--;
      if (k >= 0 && t[k]!.lower === 'with' && k < i - 1 && joined(text, t[k]!, t[k + 1]!)) {
        push(k + 1, i - 1, w, [t[i]!.end, leadingEnd(text, t[i]!.end, quotes)]);
        continue;
      }
      // "X alerted the committee in a letter, saying …": the sentence's subject.
      if (/,\s*$/.test(text.slice(0, t[i]!.start))) {
        const np = mainSubject(text, t, quotes, i);
        if (np) push(np[0], np[1], w, [t[i]!.end, leadingEnd(text, t[i]!.end, quotes)]);
      }
      continue;
    }
    if (!ATTRIBUTING_VERBS.has(w) && !seesAs(w, text.slice(t[i]!.end, t[i]!.end + 80))) continue;
    // "All reports describe", "the claims", "added 916,000 jobs": a verb's word used as a noun, or for something else than words.
    if (i > 0 && (DETERMINERS.has(t[i - 1]!.lower) || /['’]s?$/.test(text.slice(t[i - 1]!.start, t[i]!.start).trim())) && joined(text, t[i - 1]!, t[i]!)) continue;
    if (/^[\d$]/.test(t[i + 1]?.raw ?? '') || /^\s*\$/.test(text.slice(t[i]!.end, t[i]!.end + 3))) continue;
    // A passive with its agent: "has been widely celebrated by Republicans", "is viewed by Democrats as", "an image posted by Dan Scavino".
    let k = i - 1;
    while (k >= 0 && BETWEEN.has(t[k]!.lower) && !PASSIVE.has(t[k]!.lower)) k--;
    if ((k >= 0 && PASSIVE.has(t[k]!.lower)) || (t[i + 1]?.lower === 'by' && /ed$/.test(w))) {
      if (t[i + 1]?.lower === 'by') {
        const np = phraseAfter(text, t, i + 2);
        // The passive's own clause: "…, a move that was denounced by Palestinians as …".
        const from = Math.max(0, text.slice(0, t[i]!.start).search(/[,;—–]\s*[^,;—–]*$/) + 1);
        if (np) push(np[0], np[1], w, [from, leadingEnd(text, t[np[1]]!.end, quotes)]);
      }
      continue;
    }
    // "has not yet said whether …": no words are given.
    if (/(?:\bnot|\bnever|\byet|n't)\s+(?:\w+\s+)?$/.test(text.slice(Math.max(0, t[i]!.start - 20), t[i]!.start))) continue;
    const gapBefore = text.slice(t[i - 1]?.end ?? 0, t[i]!.start);
    // The subject before the verb, past adverbs and times ("Trump on Saturday asserted", "Xi also warned").
    k = i - 1;
    while (k >= 0 && (BETWEEN.has(t[k]!.lower) || ADVERB.test(t[k]!.raw) || (t[k]!.lower === 'on' && k + 1 < i && /day$/.test(t[k + 1]!.lower))) && joined(text, t[k]!, t[k + 1]!)) k--;
    let np: [number, number] | null = null;
    if (k >= 0 && joined(text, t[k]!, t[k + 1]!)) np = phraseBefore(text, t, k);
    else if (k >= 1 && /^,\s*$/.test(text.slice(t[k]!.end, t[k + 1]!.start))) np = beforeAside(k);
    if (np && TIME.test(t[np[0]]!.lower) && np[0] === np[1]) np = null;
    // "Lawyers for the official whose complaint prompted the inquiry into President Trump said": a name after "into" or
    // "against" is that preposition's object; the speaker stands further back, out of this reading's reach.
    if (np && np[0] > 0 && OBJECT_PREPOSITION.has(t[np[0] - 1]!.lower) && joined(text, t[np[0] - 1]!, t[np[0]]!)) np = null;
    // "Coastal Herald, Meridian Times and Prairie Journal reported": a list of names before the last two.
    while (np && t.slice(np[0], np[1] + 1).some((x) => x.lower === 'and') && np[0] >= 2 && /^,\s*$/.test(text.slice(t[np[0] - 1]!.end, t[np[0]]!.start))) {
      const item = phraseBefore(text, t, np[0] - 1, 4);
      if (!item || !t.slice(item[0], item[1] + 1).every((x) => startsUpper(x.raw))) break;
      np = [item[0], np[1]];
    }
    // "…, said Dr. Anthony Fauci, who …": the speaker after the verb, the phrase closed by punctuation.
    const inverted = (): boolean => {
      if (!(i > 0 && INVERTED.test(w) && /[,”"]\s*$/.test(gapBefore) && t[i + 1] && !TIME.test(t[i + 1]!.lower))) return false;
      const after = phraseAfter(text, t, i + 1);
      const words = after ? t.slice(after[0], after[1] + 1) : [];
      const named = (DETERMINERS.has(words[0]?.lower ?? '') || words.some((x) => startsUpper(x.raw))) && !words.some((x) => TIME.test(x.lower));
      if (!after || !named || (t[after[1] + 1] && joined(text, t[after[1]]!, t[after[1] + 1]!))) return false;
      push(after[0], after[1], w, [0, t[i]!.start]);
      return true;
    };
    // "… in Tulsa, Oklahoma, drew 10 million viewers, said Gary Coby": a verb that takes no name as its object, with a name
    // right after it, has that name for its speaker; the words before the comma are what was said, however they read.
    if (np && /,\s*$/.test(gapBefore) && !OBJECT_TAKING.test(w) && startsUpper(t[i + 1]?.raw ?? '') && inverted()) continue;
    if (!np) {
      inverted();
      continue;
    }
    // "Rosselló faces calls to leave": a present verb's subject ends in a name or a singular noun, not in another verb.
    const lastWord = t[np[1]]!;
    if (/s$/.test(w) && !startsUpper(lastWord.raw) && /s$/.test(lastWord.lower) && np[0] < np[1] && startsUpper(t[np[1] - 1]!.raw)) continue;
    const before = text.slice(0, t[np[0]]!.start);
    // The verb's tail: its words up to the next clause punctuation; "told reporters at …" has its listener first.
    const tail: string[] = [];
    let j = i + 1;
    for (; j < t.length && joined(text, t[j - 1]!, t[j]!); j++) tail.push(t[j]!.lower);
    if (/^tol?d|^tells?$/.test(w)) while (tail.length && !CIRCUMSTANCE.test(tail[0]!) && tail[0] !== 'that') tail.shift();
    // "…, the NBA said it was “regrettable” that …": a quotation after the verb's own words is what the verb says. Not one
    // right after the verb ("told “Calder Tonight”", "said “in writing”": a listener, a title, a scare quote), nor one after
    // its circumstances ("said in an interview with “Fox & Friends”") or its listener ("told reporters “…”").
    const quoteFollows = tail.length > 0 && !CIRCUMSTANCE.test(tail[0]!) && /^\s*[“"]/.test(text.slice(t[j - 1]!.end));
    // "…, the couple said." and "…, Barrett said during her first day …": the words before are theirs.
    const trailing = /[,”"]\s*$/.test(before) && /[\p{L}\p{N}]/u.test(before) && (tail.length <= 3 || CIRCUMSTANCE.test(tail[0]!)) && !tail.includes('that') && !quoteFollows;
    if (!trailing && /^\s*(?:and|but|or)\b/.test(text.slice(t[i]!.end))) continue;
    const content: [number, number] = trailing ? [0, t[np[0]]!.start] : [t[i]!.end, leadingEnd(text, t[i]!.end, quotes)];
    push(np[0], np[1], w, content);
  }
  if (t.some((x) => NOMINAL_CUE.has(x.lower))) nominalAttributions(text, t, quotes, push);
  // A headline's "Martha McSally: Prevalence of sexual abuse in military is a national security threat".
  const colon = /^([^:,.;“”"]{3,60}):\s+\S/u.exec(text);
  if (colon && !out.some((o) => o.start === 0)) {
    const words = tokensOf(colon[1]!);
    // Two words at least: "Report:", "Topline:", "BREAKING:" introduce a headline; they do not speak it.
    if (words.length >= 2 && words.length <= 5 && words.every((x) => startsUpper(x.raw))) out.push({ speaker: colon[1]!.trim(), start: 0, end: colon[1]!.length, verb: ':', content: [colon[0].length - 1, text.length] });
  }
  out.sort((a, b) => a.start - b.start);
  relate(text, out);
  return out;

  /**
   * The subject before the asides that end at token `k`: "The Prairie Journal, in an analysis, argued", "New York Gov.
   * Andrew Cuomo, a Democrat, whose state …, said"; a name in apposition is the speaker ("his attorney, Michael Cohen, said").
   */
  function beforeAside(k: number): [number, number] | null {
    let end = k;
    for (let hops = 0; hops < 3; hops++) {
      let a = end;
      while (a > 0 && joined(text, t[a - 1]!, t[a]!) && end - a < 14) a--;
      if (end - a >= 14) return null;
      const comma = a >= 1 && /^,\s*$/.test(text.slice(t[a - 1]!.end, t[a]!.start));
      if (!comma) return hops ? phraseBefore(text, t, end) : null;
      const opener = t[a]!;
      // "Rep. Lance Gooden, R-Texas, said": a party and state tag is an aside.
      const tag = a === end && /^[DRI]-\p{Lu}/u.test(opener.raw);
      // "Sen. Ted Cruz, Texas Republican, said", "Mr. McConnell, Kentucky Republican, said": a capitalised aside that ends in a
      // party member describes the name before it.
      const described = a < end && DESCRIBED_BY.test(t[end]!.lower);
      if (!tag && !described && t.slice(a, end + 1).every((x) => startsUpper(x.raw) || x.lower === 'of') && !opener.initial) return [a, end];
      // An aside opens with a determiner, a relative or a preposition, or is a description in lower case ("head of U.S. Central Command").
      const aside = tag || described || DETERMINERS.has(opener.lower) || (!startsUpper(opener.raw) && (!verbLike(opener) || /^(?:citing|confirming|speaking|writing)$/.test(opener.lower)));
      if (!aside) return hops ? phraseBefore(text, t, end) : null;
      end = a - 1;
    }
    return null;
  }
}

/** Words given as a noun: "arguments by Senate Majority Leader Chuck Schumer that …", "Warren made the surprise announcement of …". */
function nominalAttributions(text: string, t: Token[], quotes: QuoteSpan[], push: (a: number, b: number, verb: string, content: [number, number]) => void): void {
  NOMINAL_BY.lastIndex = 0;
  for (let m = NOMINAL_BY.exec(text); m; m = NOMINAL_BY.exec(text)) {
    const at = t.findIndex((x) => x.start >= m!.index + m![0].length);
    if (at < 0 || quoted(quotes, m.index)) continue;
    // "DeSantis made the announcement from a Cape Coral restaurant": a noun its subject made has that subject as its
    // speaker (NOMINAL_MADE below); what follows "from" is where.
    if (MADE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const np = phraseAfter(text, t, at);
    // Its words run to the end of the clause: "comments from House Speaker Nancy Pelosi, saying …" are Pelosi's no further.
    const end = t[np?.[1] ?? at]!.end;
    const comma = text.slice(end).search(/[,;]/);
    const clause = Math.min(leadingEnd(text, end, quotes), comma < 0 ? text.length : end + comma);
    if (np && startsUpper(t[np[0]]!.raw)) push(np[0], np[1], m[1]!.toLowerCase(), [end, clause]);
  }
  NOMINAL_MADE.lastIndex = 0;
  for (let m = NOMINAL_MADE.exec(text); m; m = NOMINAL_MADE.exec(text)) {
    const verb = t.findIndex((x) => x.start === m!.index + m![0].indexOf(m![1]!));
    const np = verb > 0 && joined(text, t[verb - 1]!, t[verb]!) ? phraseBefore(text, t, verb - 1) : null;
    if (np && !quoted(quotes, m.index)) push(np[0], np[1], 'announced', [t[np[0]]!.start === 0 ? t[verb]!.end : 0, text.length]);
  }
}

/**
 * Ties the attributions of one sentence together: a speaker's words end where a clause of another's begins ("…, the
 * Prairie Journal reported, with one source calling it …"), a trailing speaker's begin after the one before it, and an
 * attribution inside another's words is marked as reported by it.
 */
function relate(text: string, out: Attribution[]): void {
  // Whether a comma or semicolon (a closing quotation mark and spaces after it) ends right before each attribution: read
  // once each from a few characters back, not from the sentence's start for every pair (which cost O(n²) per pair on a long one).
  const opens = out.map((b) => /[,;][”"’]?\s*$/.test(text.slice(Math.max(0, b.start - 12), b.start)));
  for (let n = 0; n < out.length; n++) {
    const a = out[n]!;
    let next: Attribution | undefined;
    for (let k = n + 1; k < out.length && !next; k++) if (opens[k] || out[k]!.content[1] <= out[k]!.start) next = out[k];
    const prev = out[n - 1];
    // ("According to X, a writer asked …": the words after the comma are all X's, the writer's included.)
    if (next && a.content[0] >= a.end && next.start > a.content[0] && next.start < a.content[1] && /[\p{L}\p{N}]/u.test(text.slice(a.content[0], next.start))) a.content = [a.content[0], next.start];
    if (prev && a.content[1] <= a.start && prev.content[1] <= prev.start && prev.end > a.content[0] && prev.end < a.content[1] && prev.verb !== 'according to') a.content = [prev.end, a.content[1]];
  }
  // "Bremmer's tweet claimed Trump had said …", "…, the Pentagon asked …, unnamed officials told the AP": an attribution that
  // opens another's words, or stands in a trailing speaker's, is reported by it ("…, after Pelosi told reporters" is not).
  out.forEach((b, n) => {
    const outer = out.findIndex(
      (a, m) => m !== n && a.content[0] <= b.start && b.start < a.content[1] && (a.content[1] <= a.start || /^\s*(?:(?:[^\s,.;]+\s+){0,5}that\s+)?$/.test(text.slice(a.content[0], b.start))),
    );
    if (outer >= 0) b.within = outer;
  });
}
