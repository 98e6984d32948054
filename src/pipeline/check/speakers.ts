/**
 * Who said it, in paraphrase: a draft sentence that gives words, a view or a report to someone
 * ("X said …", "…, X argued", "according to X") must give them to the one the sources do. The
 * attributed words are aligned to the cited sentences that report them (./align), and the speaker
 * must be supported there: as that sentence's own speaker, or — where the sentence has none — as a
 * name the cited sources give. One of our outlets, named by its label ("the Coastal Herald
 * reported"), speaks for its own reporting: the words must come from its own text.
 */
import { escapeRegExp, startsUpper, STOPWORDS, stem } from '../../lib/text';
import { type Alignment, alignments } from './align';
import { attributionWords, type CheckContext, excerpt, type IndexedSource, matchTokens, type SourceSentence, sentencesOf } from './context';
import { matchString } from './evidence';
import { type Attribution, attributionsOf, CONDUIT_VERBS, VIEW_VERBS } from './extract/attribution';
import { extractEntities } from './extract/entities';
import { extractQuotes, type QuoteSpan } from './extract/quotes';
import { type DraftSentence, type Passage, sentenceTokens } from './passages';
import { closedText, oneNameInStory, sourceSpeaker } from './quotes';
import { affiliation, clean, GROUP, HEAD_END, holdsRole, mentions, officeHolders, otherKind, POSSESSIVE, readSpeaker, sameAffiliation, sameName, sameWord, type Speaker } from './speaker-phrases';

// The attributed words must be this well reported by a cited sentence before its speaker is asked about.
const MIN_SUPPORT = 0.4;
// Fewer content words than this say too little to find the sentence that reports them.
const MIN_CONTENT_WORDS = 4;
// Content words an outlet's own clause, cut from a sentence that credits several, needs to be checked at all.
const MIN_OWN_WORDS = 7;
// Cited sentences this close to the best one report the same words too; the speaker may be supported by any of them.
const NEAR_BEST = 0.75;
// An outlet is credited with words its own text does not carry when another source reports them this much better.
const OUTLET_RATIO = 0.35;
const UNCITED_OUTLET_RATIO = 0.6;
// Below this share of the words' weight in its text, an uncited outlet credited with them does not report them.
const UNCITED_UNREPORTED = 0.3;

/** A speaker of a source sentence, the verb it speaks by, and the words around it that describe it. */
interface SourceSpeaker {
  speaker: Speaker;
  verb: string;
  /** The speaker phrase with a participle's agent and an apposition after it ("Deere, who is also a White House spokesman,"). */
  region: SourceSentence;
  /** The words of the sentence it speaks: [from, to). */
  content: [number, number];
  /** Where the speaker phrase starts in the sentence (-1 when not found). */
  start: number;
}

/** The speakers a source sentence gives its words to: its attributions and the speakers of its quotations, found once per call. */
function sentenceSpeakers(ctx: CheckContext, s: SourceSentence): SourceSpeaker[] {
  const known = SPEAKERS.get(s);
  if (known) return known;
  const source = ctx.byNumber.get(s.n)!;
  const quotes = withOpeningQuote(s.text, extractQuotes(closedText(s.text)));
  // The speaker phrase, a participle's agent after it ("a memo released Friday by Sean Conley") and an apposition ("Deere, who is …,").
  const region = (start: number, end: number): SourceSentence => {
    let at = end;
    // The participle must have its agent ("released Friday by …"): an -ed word alone is the speaker's own verb ("confirmed").
    const agent = /^\s+(?:\p{Ll}+ed\b[^,;.“”"]*?\bby\b[^,;.“”"]*|by\b[^,;.“”"]*)/u.exec(s.text.slice(at));
    if (agent) at += agent[0].length;
    const apposition = /^,\s*(?:who|whose|which|the|a|an|his|her|its|their|former|also|now)\b[^,;.“”"]*/.exec(s.text.slice(at));
    if (apposition) at += apposition[0].length;
    return { n: s.n, text: s.text.slice(start, at), tokens: [], figures: [] };
  };
  const out: SourceSpeaker[] = attributionsOf(s.text, quotes).map((a) => ({ speaker: readSpeaker(ctx, a.speaker, a.start === 0), verb: a.verb, region: region(a.start, a.end), content: a.content, start: a.start }));
  for (const q of quotes) {
    const said = sourceSpeaker(ctx, source, matchTokens(q.inner));
    // Only a name: what the quotation's reader finds in other words is no speaker.
    if (!said || !startsUpper(said)) continue;
    const at = s.text.indexOf(said);
    out.push({ speaker: readSpeaker(ctx, said), verb: 'quoted', region: at >= 0 ? region(at, at + said.length) : { n: s.n, text: said, tokens: [], figures: [] }, content: [q.start, q.end], start: at });
  }
  SPEAKERS.set(s, out);
  return out;
}

const SPEAKERS = new WeakMap<SourceSentence, SourceSpeaker[]>();

/**
 * A sentence's quotations with the one it opens inside: a quotation of several sentences closes in a later one (“… Yet
 * Republicans believe …,” Mr. McConnell said), and its words up to the closing mark are the speaker’s, not an attribution.
 * Curly marks only: a straight one does not say whether it opens or closes.
 */
function withOpeningQuote(text: string, quotes: QuoteSpan[]): QuoteSpan[] {
  const close = text.indexOf('”');
  if (close < 0) return quotes;
  const open = text.indexOf('“');
  if (open >= 0 && open < close) return quotes;
  return [{ inner: text.slice(0, close), start: 0, end: close + 1 }, ...quotes.filter((q) => q.start > close)];
}

/** The sentence `step` sentences away from a source sentence, in the same source. */
function near(ctx: CheckContext, id: number, step: number): SourceSentence | undefined {
  const s = ctx.sentences[id + step];
  return s && s.n === ctx.sentences[id]!.n ? s : undefined;
}

/** Whether a sentence supports the speaker: it names them there (ok), names them only elsewhere (weak), or gives the words to a rival. */
type Verdict = { ok: true; weak?: boolean } | { ok: false; rival: string; sentence: SourceSentence };
const OK: Verdict = { ok: true };
const WEAK: Verdict = { ok: true, weak: true };

/** Whether a named draft speaker is the subject of a verb in the sentence ("Fiona Hill, …, testified", "Democrats charge"), not only mentioned. */
function acts(s: SourceSentence, d: Speaker): boolean {
  for (const m of s.text.matchAll(/[\p{L}'’.-]+/gu)) {
    const w = clean(m[0]);
    if (!d.keys.some((k) => sameWord(k, w)) || POSSESSIVE.test(m[0])) continue;
    // "in San Jose, California, has left …": a place after a preposition does not act.
    // "the Department of Homeland Security is warning": a preposition inside the name itself is no place's.
    const place = /(?:(\p{L}+)\s+)?\b(?:in|at|of|from|to|for|with|by|on|near|into|against)\s+(?:\p{Lu}[\p{L}'’.-]*,?\s+)*$/u.exec(s.text.slice(Math.max(0, m.index - 60), m.index));
    if (place && !(place[1] && d.words.includes(clean(place[1])))) continue;
    // "Democrats charge", "Fiona Hill, …, testified", "William S. Consovoy, the attorney, attacked".
    const next = /^(?:,[^,.;]{1,80},)?,?\s+(?:(?:also|has|have|had|was|is|on\s+\p{Lu}\p{Ll}+day)\s+)*(\p{Ll}+)/u.exec(s.text.slice(m.index + m[0].length))?.[1];
    if (next && !STOPWORDS.has(next)) return true;
  }
  return false;
}

// A verb of asking someone to act, in any tense, right after its subject ("WikiLeaks requested", "the union had asked").
const REQUEST_AFTER = /^(?:['’]s)?,?\s+(?:(?:also|had|has|have|then|later|first|repeatedly)\s+)*(?:request|ask|urg|press|beg|invit|order|direct|instruct)\w*\b/i;

/** Whether the draft's speaker is the subject of a request in the sentence ("after WikiLeaks requested his son …"). */
function requests(s: SourceSentence, d: Speaker): boolean {
  for (const m of s.text.matchAll(/[\p{L}'’.-]+/gu)) {
    if (d.keys.some((k) => sameWord(k, clean(m[0]))) && REQUEST_AFTER.test(s.text.slice(m.index + m[0].length).replace(/^['’]s\b/, ''))) return true;
  }
  return false;
}

/** Whether the person is the speaker of an attribution in the sentence. */
function speaksIn(ctx: CheckContext, s: SourceSentence | undefined, d: Speaker): boolean {
  return s !== undefined && sentenceSpeakers(ctx, s).some((x) => x.speaker.kind === 'named' && sameName(d, x.speaker));
}

/** Whether the draft's speaker may be the one a source sentence gives its words to. */
function matches(ctx: CheckContext, d: Speaker, x: SourceSpeaker, id: number, pool: IndexedSource[]): boolean {
  const s = x.speaker;
  const sentence = ctx.sentences[id]!;
  // "Democrats and Republicans alike" for "both political parties": parties and groups may be any unnamed speaker.
  if (s.kind === 'generic' && d.kind === 'named' && d.keys.every((k) => GROUP.test(k))) return true;
  // "Officials said" for "the Transit Agency said": an organisation's unnamed people may speak for it (a person is someone else).
  // "Capitol Police officials" are people of their own, described: not the organisation itself.
  if (d.kind === 'named' && !d.person && !GROUP.test(d.words.at(-1) ?? '') && (s.kind === 'generic' || GROUP.test(s.words.at(-1) ?? '')) && !otherKind(d, s)) return true;
  if (d.kind === 'generic') {
    // "Two White House officials" for the source's "two Navy officials" (or "Iraqi officials", or a named spokesman's words):
    // an unnamed speaker said to be someone's must be that one's where the source's speaker is someone's in turn.
    // Only officials against officials: what else a source's speaker phrase holds says too little of whose they are.
    if (officeHolders(d) && officeHolders(s) && (s.kind === 'named' || s.kind === 'generic')) {
      const [whose, theirs] = [affiliation(d), affiliation(s)];
      if (whose.length && theirs.length && !sameAffiliation(whose, theirs) && !mentions(x.region, whose)) return false;
    }
    // Unnamed speakers of two kinds ("police" and "the couple") are not the same people; anything else may be.
    return s.kind === 'named' || !otherKind(d, s);
  }
  // From here the draft names its speaker: one the source describes around its own speaker ("Deere, a White House spokesman") is that speaker.
  if (mentions(x.region, d.keys)) return true;
  if (s.kind === 'outlet') return false;
  // "the mayor said" where another report names "Mayor Mike Elliott".
  if (s.kind !== 'pronoun' && d.kind === 'named' && d.person && holdsRole(ctx.sentences, d.raw, s.raw)) return true;
  if (s.kind === 'pronoun') {
    if (!s.person) return true;
    // "she said" is one person: not a group or an organisation; a person who spoke just before is who she is.
    if (!d.person) return false;
    // "an interview with the NIAID director, where he said": a description before the pronoun is who it is.
    const at = x.start;
    if (/\bthe\s+(?:[\p{L}-]+\s+)?(?:director|president|governor|mayor|chief|secretary|spokes(?:man|woman|person)|senator|minister|leader|chair(?:man|woman)?|commissioner|official|executive|judge|attorney|lawyer)\b/iu.test(sentence.text.slice(0, at < 0 ? sentence.text.length : at))) return true;
    const previous = near(ctx, id, -1);
    const speakers = [...sentenceSpeakers(ctx, sentence), ...(previous ? sentenceSpeakers(ctx, previous) : [])].filter((y) => y.verb !== 'quoted' && y.speaker.kind === 'named' && y.speaker.person);
    if (speakers.length) return speakers.some((y) => sameName(d, y.speaker) || oneFullName(ctx, y.speaker, d));
    return namedUpTo(ctx, id, d);
  }
  if (s.kind === 'named') return sameName(d, s) || oneFullName(ctx, s, d) || twoHalves(ctx, s, d) || (!d.person && s.person && describedAs(ctx, s, d));
  // "the president said": whoever the cited sources name may be meant.
  if (s.kind === 'anaphor' || s.kind === 'owned') return sameName(d, s) || sentencesOf(ctx, pool).some((y) => mentions(y, d.keys)) || (d.kind === 'owned' && d.words.at(-1) === s.words.at(-1));
  // Someone left unnamed ("opponents", "two members"): the draft's name must be theirs, the draft's whole phrase one the sentence
  // itself gives ("Council members are planning …, two members said"), or one who speaks in the sentence before or after.
  if (d.words.length >= 2 && sentence.text.toLowerCase().includes(d.raw.toLowerCase())) return true;
  // "A lawyer for President Trump said" where a report names "attorney William Consovoy": the person the story gives that role
  // (the phrase's head, before its preposition) may be the one meant.
  if (d.kind === 'named' && d.person) {
    const cut = s.words.findIndex((w, i) => i > 0 && HEAD_END.test(w));
    if ((cut > 0 ? s.words.slice(0, cut) : s.words).some((w) => holdsRole(ctx.sentences, d.raw, w))) return true;
  }
  return [near(ctx, id, -1), near(ctx, id, 1)].some((x) => x !== undefined && speaksIn(ctx, x, d));
}

/**
 * Whether a person the source names by one word is the draft's speaker by the whole name a report of the story writes:
 * "Tate said" where it names "Gov. Tate Reeves", for the draft's "Reeves said".
 */
function oneFullName(ctx: CheckContext, s: Speaker, d: Speaker): boolean {
  if (!s.person || !d.person || s.keys.length !== 1) return false;
  // Any report of the story, headline included ("Kanye" in the text, "Kanye West" above it); the source's own among them.
  // "Tedros" for the source's "Ghebreyesus", where a report writes "Tedros Adhanom Ghebreyesus".
  return d.keys.some((k) => oneNameInStory(ctx, s.keys[0]!, k));
}

/**
 * Whether two one-word names are the two halves of one name a report of the story writes ("Kanye" in one report's text,
 * "West" in the draft, "Kanye West" in a headline), whatever their shape says of a person ("West" is also a compass point).
 */
function twoHalves(ctx: CheckContext, s: Speaker, d: Speaker): boolean {
  return s.keys.length === 1 && d.keys.length === 1 && oneNameInStory(ctx, s.keys[0]!, d.keys[0]!);
}

/**
 * Whether an organisation the draft names speaks through the person the source quotes: a source of the story describes
 * that person by it where it names them as a speaker ("White House deputy press secretary Judd Deere told …", "James
 * spokesman Fabien Levy wrote").
 */
function describedAs(ctx: CheckContext, person: Speaker, d: Speaker): boolean {
  return ctx.sentences.some((s) => sentenceSpeakers(ctx, s).some((x) => sameName(x.speaker, person) && mentions(x.region, d.keys)));
}

/** Whether the source of sentence `id` names the speaker in it or before it. */
function namedUpTo(ctx: CheckContext, id: number, d: Speaker): boolean {
  const source = ctx.byNumber.get(ctx.sentences[id]!.n)!;
  for (let k = source.firstSentence; k <= id; k++) if (mentions(ctx.sentences[k]!, d.keys)) return true;
  return false;
}

// Verbs of asking someone to act: an act of the speaker's, not words.
const REQUEST_VERBS = /^(?:asked|asks|urged|urges|requested|requests|pressed|presses|begged|invited|ordered|orders|directed|instructed)$/;
// A speaker brought in by a relative clause: "…, which officials said was …".
const RELATIVE_SPEAKER = /,\s*(?:which|who|as)\s+$/;
// What stands between a verb of saying and the clause it reports: nothing, or words up to "that" with no comma between.
const OPENS_REPORTED = /^(?:\s*|[^,;]*\bthat\s+)$/;

/** Whether a cited sentence that reports the words supports the draft's speaker for them; the rival it names instead. */
function supports(ctx: CheckContext, d: Speaker, verb: string, a: Alignment, pool: IndexedSource[], words: ReadonlySet<string>): Verdict {
  // Only the speakers whose words hold most of what the draft reports: "Republicans argue …, while Democrats charge …".
  const matched = a.sentence.tokens.filter((t) => words.has(t.w));
  const said = sentenceSpeakers(ctx, a.sentence);
  // "Two Navy officials confirmed that the White House Military Office asked …": a speaker that opens the clause another
  // reports is what they reported, not who reported it.
  const reported = (x: SourceSpeaker) =>
    said.some((y) => y !== x && y.verb !== 'quoted' && y.start < y.content[0] && x.start > y.content[0] && x.start < y.content[1] && OPENS_REPORTED.test(a.sentence.text.slice(y.content[0], x.start)));
  // "Comey said the emails surfaced in an unrelated case, which officials said was an F.B.I. investigation": the clause of a
  // speaker inside another's words is that speaker's, not the outer one's.
  const inner = said.filter((y) => y.verb !== 'quoted' && y.start > 0 && RELATIVE_SPEAKER.test(a.sentence.text.slice(Math.max(0, y.start - 12), y.start)));
  const speaks = (x: SourceSpeaker) => {
    // "X said they are bracing for a slowdown following the directive that …": what follows such a word is background, not X's words.
    const background = x.content[0] > x.start ? a.sentence.text.slice(x.content[0], x.content[1]).search(/\s(?:following|amid|after|despite)\s/) : -1;
    const end = background > 0 ? x.content[0] + background : x.content[1];
    const others = inner.filter((y) => y !== x && y.start > x.content[0] && y.start < end);
    return matched.filter((t) => t.start >= x.content[0] && t.start < end && !others.some((y) => t.start >= y.start && t.start < y.content[1])).length * 2 >= matched.length;
  };
  const all = said.filter((x) => speaks(x) && !reported(x));
  // A news organisation that hands on a report ("…, the New York Times reported") is set only against another that does.
  const speakers = CONDUIT_VERBS.has(verb) ? all.filter((x) => CONDUIT_VERBS.has(x.verb) && x.speaker.kind === 'named') : all;
  const around = [a.sentence, near(ctx, a.id, -1)].filter((x): x is SourceSentence => x !== undefined);
  // A view or a judgement ("wants", "condemned") may be reported of whoever the sentence or the one before names; words must be the speaker's.
  if (d.kind !== 'generic' && VIEW_VERBS.has(verb) && around.some((x) => mentions(x, d.keys))) return OK;
  if (!speakers.length) {
    // The outlet's own words: a speaker named near them, or anywhere in the cited sources, may be meant.
    if (d.kind === 'generic' || around.some((x) => mentions(x, d.keys))) return OK;
    // A name of two words or more that no cited source gives is the `entities` check's finding already.
    if (sentencesOf(ctx, pool).some((x) => mentions(x, d.keys)) || extractEntities(d.raw).length) return WEAK;
    return { ok: false, rival: `no one (${ctx.byNumber.get(a.sentence.n)!.doc.publisher} says it in its own words, and no cited source names "${d.raw}")`, sentence: a.sentence };
  }
  for (const x of speakers) if (matches(ctx, d, x, a.id, pool)) return OK;
  // "Garland described it as …" where the source has "Garland addressed …, the AP reported": the source's speaker only hands the report on.
  if (d.kind !== 'generic' && acts(a.sentence, d) && speakers.every((x) => CONDUIT_VERBS.has(x.verb))) return OK;
  // "WikiLeaks asked Trump Jr. to tweet …" where the source has "Trump tweeted … after WikiLeaks requested his son …": a request
  // is an act, and the one the source has making a request in the sentence made it.
  if (d.kind === 'named' && REQUEST_VERBS.test(verb) && requests(a.sentence, d)) return OK;
  return { ok: false, rival: speakers[0]!.speaker.raw, sentence: a.sentence };
}

/** The words of a draft sentence an attribution gives its speaker, as a sentence of their own for alignment (its tokens the sentence's, shifted). */
function contentOf(part: DraftSentence, a: Attribution): DraftSentence {
  const [from, to] = a.content;
  const tokens = sentenceTokens(part)
    .filter((t) => t.start >= from && t.start < to)
    .map((t) => ({ w: t.w, start: t.start - from, end: t.end - from }));
  return { text: part.text.slice(from, to), offset: part.offset + from, tokens };
}

/** Our outlets listed right after a credited one: "according to the Meridian Times, the Coastal Herald and the Prairie Journal". */
function listedAfter(ctx: CheckContext, after: string): number[] {
  const out: number[] = [];
  for (let rest = after; ; ) {
    const joint = /^(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?/i.exec(rest);
    if (!joint) return out;
    const next = rest.slice(joint[0].length).toLowerCase();
    const s = ctx.sources.find((x) => next.startsWith(x.publisher.toLowerCase().replace(/^the\s+/, '')));
    if (!s) return out;
    out.push(s.n);
    rest = rest.slice(joint[0].length + s.publisher.replace(/^the\s+/i, '').length);
  }
}

/**
 * An outlet credit's own words: up to the clause that names another of our outlets ("The Meridian Times calls it a briefing,
 * the Coastal Herald a gaggle"), and only the phrase of "In what the Prairie Journal called the roughest stretch, …".
 */
function ownWords(ctx: CheckContext, text: string, a: Attribution, outlets: readonly number[]): Attribution {
  let [from, to] = a.content;
  if (from >= a.end && /\bwhat\s+$/i.test(text.slice(Math.max(0, a.start - 6), a.start))) {
    const comma = text.indexOf(',', a.end);
    if (comma > from && comma < to) to = comma;
  }
  const span = text.slice(from, to).toLowerCase();
  // Words after the credit end at the clause that names another outlet; words before it start after the last such clause.
  const after = from >= a.end;
  let other = -1;
  for (const s of ctx.sources) {
    if (outlets.includes(s.n)) continue;
    const name = s.publisher.toLowerCase().replace(/^the\s+/, '');
    const at = after ? span.indexOf(name) : span.lastIndexOf(name);
    if (at > 0 && (other < 0 || (after ? at < other : at > other))) other = at;
  }
  if (other > 0 && after) {
    const cut = Math.max(span.lastIndexOf(',', other), span.lastIndexOf(';', other));
    if (cut > 0) to = from + cut;
  } else if (other > 0) {
    const comma = span.slice(other).search(/[,;]/);
    if (comma > 0 && other + comma + 1 < span.length) from += other + comma + 1;
  }
  return to === a.content[1] && from === a.content[0] ? a : { ...a, content: [from, to] };
}

/**
 * Findings for the speakers of one sentence of a cited passage: a named speaker that the cited
 * sentences reporting the words do not give them to, and an outlet credited with words its text lacks.
 */
export function checkSpeakers(ctx: CheckContext, p: Passage, part: DraftSentence, pool: IndexedSource[], quotes: QuoteSpan[]): string[] {
  const out: string[] = [];
  const found = attributionsOf(part.text, quotes);
  for (const said of found) {
    let d = readSpeaker(ctx, said.speaker, said.start === 0);
    // "the paper reported": the outlet named last before it.
    if (d.kind === 'anaphor' && OUTLET_ANAPHOR.test(said.speaker)) d = antecedentOutlet(ctx, p, part, said) ?? d;
    // "“…,” she said Tuesday, according to the Coastal Herald": a credit with few words of its own, right after another
    // attribution, credits that one's words.
    const credited = d.kind === 'outlet' && sentenceTokens(contentOf(part, said)).length < MIN_CONTENT_WORDS ? creditedAttribution(part.text, found, said) : said;
    // An outlet's credit covers its own words only: those before another outlet's ("A calls it X, B Y") or a "what A called" phrase.
    const a = d.kind === 'outlet' && credited === said ? ownWords(ctx, part.text, said, d.outlets) : credited;
    const content = contentOf(part, a);
    // Cut to a clause, a credit's words are few: too few to tell an outlet's paraphrase from another's report.
    if (a !== credited && sentenceTokens(content).length < MIN_OWN_WORDS) continue;
    // A quotation among the words ("with one source calling it “devastating”") is found where a cited source gives it.
    const inside = quotes.filter((q) => q.start >= a.content[0] && q.end <= a.content[1] + 1);
    const tokens = sentenceTokens(content);
    if (tokens.length < MIN_CONTENT_WORDS && !inside.length) continue;
    // "A Coastal Herald column by Smith argued", "In the Meridian Times, a writer recalled": the outlet that ran the words is
    // credited with them too, whoever wrote them.
    if (d.kind !== 'outlet') {
      const framing = framingOutlets(ctx, part.text.slice(0, a.start));
      const wrong = framing.length ? outletCheck(ctx, content, framing, ctx.byNumber.get(framing[0]!)!.label.replace(/^\[\d+\]\s*/, ''), pool) : null;
      if (wrong) {
        out.push(`${p.where}: ${wrong} — ${excerpt(part.text)}`);
        continue;
      }
    }
    if (d.kind === 'pronoun' || d.kind === 'anaphor') continue;
    // "Bremmer's tweet claimed Trump had said …": what a speaker reports of another is checked as the speaker's.
    const outer = a.within === undefined ? undefined : found[a.within]!;
    // "According to the Herald, Tarrow said …": an outlet's credit frames the sentence; it is no words of the speaker after it.
    if (outer && !CONDUIT_VERBS.has(outer.verb) && readSpeaker(ctx, outer.speaker).kind !== 'outlet' && !(d.kind === 'outlet' && CONDUIT_VERBS.has(a.verb))) continue;
    const quoted = d.kind === 'outlet' ? [] : inside.flatMap((q) => quotedAt(ctx, pool, q.inner));
    if (tokens.length < MIN_CONTENT_WORDS && !quoted.length) continue;
    if (d.kind === 'outlet') {
      // "according to the Meridian Times and the Prairie Journal": the outlets credited together with the same words.
      const together = found.filter((b) => b.content[0] === a.content[0] && b.content[1] === a.content[1]).flatMap((b) => readSpeaker(ctx, b.speaker).outlets);
      const outlets = [...new Set([...d.outlets, ...together, ...listedAfter(ctx, part.text.slice(a.end))])];
      const wrong = misquotedOutlet(ctx, inside, outlets, d.raw) ?? outletCheck(ctx, content, outlets, d.raw, pool);
      if (wrong) out.push(`${p.where}: ${wrong} — ${excerpt(part.text)}`);
      continue;
    }
    // "“…,” Tarrow told the Harbor Signal": the outlet told is the one that reported the words.
    const toldOutlet = a.verb === 'told' ? toldOutlets(ctx, part.text.slice(a.end, a.end + 60)) : [];
    if (toldOutlet.length) {
      const wrong = misquotedOutlet(ctx, inside, toldOutlet, ctx.byNumber.get(toldOutlet[0]!)!.doc.publisher);
      if (wrong) out.push(`${p.where}: ${wrong} — ${excerpt(part.text)}`);
    }
    const leaveOut = new Set(d.words.map(stem));
    const ranked = alignments(ctx, content, pool, leaveOut);
    const best = ranked[0];
    const candidates = quoted.length ? quoted : best && best.score >= MIN_SUPPORT ? ranked.filter((x) => x.score >= best.score * NEAR_BEST) : [];
    // Any sentence that supports the speaker clears it; one that only names them elsewhere does not outweigh a rival.
    let verdict: Verdict | null = null;
    const words = new Set(tokens.map((t) => t.w));
    for (const x of candidates) {
      const v = supports(ctx, d, a.verb, x, pool, words);
      if (v.ok && !v.weak) {
        verdict = v;
        break;
      }
      if (!verdict || (verdict.ok && !v.ok)) verdict = v;
    }
    // "Kelly wrote in memos that …, the Times said": the words' own speaker, named inside the credited words with a verb of
    // saying, is the draft's speaker of them; the credit is for reporting them.
    const nested = verdict && !verdict.ok && found.some((b, i) => b.within === found.indexOf(said) && i !== found.indexOf(said) && sameName(readSpeaker(ctx, b.speaker), readSpeaker(ctx, verdict.rival)));
    if (verdict && !verdict.ok && !nested && !givenDescription(ctx, d, verdict.rival, part.text)) {
      out.push(`${p.where}: "${d.raw}" is named as the speaker, but ${ctx.byNumber.get(verdict.sentence.n)!.label} gives these words to ${verdict.rival} — ${excerpt(verdict.sentence.text, 90)} — ${excerpt(part.text)}`);
    }
  }
  return out;
}

/**
 * Whether the source's speaker is a description ("a far-right Norwegian lawmaker", "Marine veteran") that the draft sentence
 * gives its named speaker in apposition: "Tybring-Gjedde, a far-right Norwegian lawmaker, said". The description's last
 * word, its head noun, must follow the speaker's name within the phrase set off after it.
 */
function givenDescription(ctx: CheckContext, d: Speaker, rival: string, draft: string): boolean {
  if (d.kind !== 'named' || !d.keys.length) return false;
  // A description ends on a common noun; a name ends on a capitalised word ("Sen. Lindsey Graham").
  const head = /(?:^|\s)(\p{Ll}[\p{L}-]{2,})$/u.exec(rival.trim())?.[1];
  if (!head || readSpeaker(ctx, rival).kind === 'pronoun') return false;
  return new RegExp(String.raw`\b${escapeRegExp(d.keys.at(-1)!)}\b(?:['’]s)?,\s+[^,;.]{0,60}\b${escapeRegExp(head)}\b`, 'i').test(draft);
}

// A news organisation named by what it is, on second reference.
const OUTLET_ANAPHOR = /^(?:the|that)\s+(?:paper|newspaper|outlet|publication|magazine|network|broadcaster)$/i;
// What an outlet runs or who writes for it, right before the speaker ("a Coastal Herald column by", "Meridian Times columnist").
const OUTLET_WORK = String.raw`(?:column|editorial|op-ed|opinion\s+piece|piece|essay|report|article|story|analysis|headline|columnist|writer|reporter|correspondent|editor|editorial\s+board)s?`;
// A document named between the outlet and "the paper", which the anaphor may stand for instead ("a study, and the paper said").
const OTHER_ANTECEDENT = /\b(?:study|report|survey|paper|analysis|memo|letter|document|filing|lawsuit|complaint|book|post|statement)\b/i;
// A full stop that ends a sentence, not an abbreviation's ("Mr. Ostrow", "Gov. Tate", "U.S. officials").
const SENTENCE_END = /(?<!\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Sens|Rep|Reps|Gen|Lt|Col|Capt|Sgt|Prof|No|Inc|Co|Corp|Ltd|U\.S|U\.K|U\.N|D\.C))[.!?]["”’]?\s+(?=["“‘]?\p{Lu})/gu;

/** Each of our outlets' patterns, built once per call: its name as written, and the framings that credit it (`framingOutlets`). */
interface OutletPatterns {
  n: number;
  /** The name without "the", as written, global: every place the passage names it. */
  named: RegExp;
  framing: RegExp;
}

function outletPatterns(ctx: CheckContext): OutletPatterns[] {
  let known = OUTLET_PATTERNS.get(ctx);
  if (!known) {
    known = ctx.sources.map((s) => {
      const name = escapeRegExp(s.publisher.replace(/^the\s+/i, ''));
      const framing = new RegExp(String.raw`\b${name}(?:['’]s)?\s+(?:[\p{L}-]+\s+){0,2}?${OUTLET_WORK}\s+(?:by\s+)?$|^\W*(?:writing\s+)?(?:in|from)\s+(?:the\s+)?${name}(?:['’]s\s+[\p{L}-]+)?\s*,\s*(?:[\p{L}'’-]+\s+){0,3}$`, 'iu');
      return { n: s.n, named: new RegExp(`\\b${name}\\b`, 'gu'), framing };
    });
    OUTLET_PATTERNS.set(ctx, known);
  }
  return known;
}

const OUTLET_PATTERNS = new WeakMap<CheckContext, OutletPatterns[]>();

/**
 * The outlet an anaphor ("the paper") stands for: the last of ours named before it in the passage (its name as written,
 * capitals and all: "a post online" is no "Post"), as a speaker; undefined when none is, when the sentence naming it names
 * another too ("The Herald and the Journal both … the outlet said"), or when a document is named between them.
 */
function antecedentOutlet(ctx: CheckContext, p: Passage, part: DraftSentence, a: Attribution): Speaker | undefined {
  const before = (p.normalized ?? p.text).slice(0, part.offset + a.start);
  const at = outletPatterns(ctx)
    .map(({ n, named }) => ({ n, at: [...before.matchAll(named)].at(-1)?.index ?? -1 }))
    .filter((x) => x.at >= 0);
  const last = at.sort((x, y) => y.at - x.at)[0];
  if (!last || OTHER_ANTECEDENT.test(before.slice(last.at + ctx.byNumber.get(last.n)!.doc.publisher.length))) return undefined;
  let sentenceStart = 0;
  for (const m of before.slice(0, last.at).matchAll(SENTENCE_END)) sentenceStart = m.index + m[0].length;
  if (at.some((x) => x.n !== last.n && x.at >= sentenceStart)) return undefined;
  return readSpeaker(ctx, ctx.byNumber.get(last.n)!.doc.publisher);
}

/**
 * The attribution an outlet's credit closes, its words then the credit's ("she said, according to …", "Tarrow said on
 * Tuesday, according to …", "she said “…,” according to …"); or the credit itself.
 */
function creditedAttribution(text: string, found: readonly Attribution[], credit: Attribution): Attribution {
  const closed = found
    .filter((b) => b !== credit && b.end <= credit.start)
    .filter((b) => {
      const between = text.slice(b.end, credit.start);
      // "the sheriff said four died, while the Herald reported three": a conjunction opens the credit's own clause.
      if (/\b(?:while|whereas|and|but|though|although|yet|as)\b/i.test(between)) return false;
      return /^[\s,]*(?:[\p{L}.'’]+[\s,]+){0,4}(?:according\s+to\s+|per\s+)?$/iu.test(between) || (b.content[0] >= b.end && b.content[1] >= credit.start - 16 && b.content[1] <= credit.start);
    })
    .at(-1);
  return closed ? { ...credit, content: closed.content } : credit;
}

/**
 * Our outlets named as running the words of the speaker that follows `before` (the sentence up to the speaker): "a Herald
 * column by", "Herald columnist", and a sentence that opens "In the Herald," ("Asked about a report from the Herald, X said"
 * gives X's words, not the Herald's).
 */
function framingOutlets(ctx: CheckContext, before: string): number[] {
  return outletPatterns(ctx)
    .filter((o) => o.framing.test(before))
    .map((o) => o.n);
}

/**
 * A quotation of four words or more credited to outlets whose texts do not give it, where another report does: the
 * finding, or null. Words in quotation marks are checked word for word, whatever else the outlet reports around them.
 */
function misquotedOutlet(ctx: CheckContext, quotes: readonly QuoteSpan[], outlets: readonly number[], raw: string): string | null {
  for (const q of quotes) {
    const words = matchTokens(q.inner);
    // A title or a program's name in quotation marks ("Salute to America", "Remain in Mexico") is a name, written many ways.
    if (words.length < 4 || /^(?:\p{Lu}[\p{L}'’-]*|of|to|in|the|and|for|a|on)(?:\s+(?:\p{Lu}[\p{L}'’-]*|of|to|in|the|and|for|a|on))*[.,!?]?$/u.test(q.inner.trim())) continue;
    const needle = ` ${words.join(' ')} `;
    if (outlets.some((n) => ctx.byNumber.get(n)?.matchString.includes(needle))) continue;
    const other = [...ctx.byNumber].find(([n, s]) => !outlets.includes(n) && s.matchString.includes(needle))?.[1];
    if (other) return `the quotation "${excerpt(q.inner, 60)}" is credited to ${raw.replace(/^the\s+/i, '')}, but ${other.label} gives it and ${outlets.map((n) => ctx.byNumber.get(n)!.label).join(', ')} does not`;
  }
  return null;
}

/** Our outlets named right after "told" ("… told the Harbor Signal in an interview"). */
function toldOutlets(ctx: CheckContext, after: string): number[] {
  const m = /^\s+told\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’-]*\s*){1,4})/u.exec(after);
  if (!m) return [];
  const named = m[1]!.trim().toLowerCase();
  return ctx.sources.filter((s) => named.startsWith(s.publisher.toLowerCase().replace(/^the\s+/, ''))).map((s) => s.n);
}

/** The cited sentences that hold a quotation's words, as alignments that report it whole. */
function quotedAt(ctx: CheckContext, pool: IndexedSource[], inner: string): Alignment[] {
  const words = matchTokens(inner);
  if (!words.length) return [];
  const needle = ` ${words.join(' ')} `;
  const out: Alignment[] = [];
  for (const source of pool) {
    if (!source.matchString.includes(needle)) continue;
    for (let id = source.firstSentence; id < source.firstSentence + source.sentenceCount; id++) {
      const s = ctx.sentences[id]!;
      if (matchString(s).includes(needle)) out.push({ id, sentence: s, score: 1 });
    }
  }
  return out;
}

/** Outlets credited with words another source reports far better than their own texts do, or null. */
function outletCheck(ctx: CheckContext, content: DraftSentence, outlets: number[], raw: string, pool: IndexedSource[]): string | null {
  const own = outlets.map((n) => ctx.byNumber.get(n)).filter((s): s is IndexedSource => s !== undefined);
  if (!own.length) return null;
  const credit = attributionWords(ctx);
  const weights = new Map<string, number>();
  for (const t of sentenceTokens(content)) if (!credit.has(t.w) && !weights.has(t.w)) weights.set(t.w, Math.max(0, ctx.idf(t.w)));
  // An outlet the paragraph does not even cite, credited with what a cited one reports, needs a smaller gap.
  const uncited = own.every((s) => !pool.includes(s));
  // Another source scores 1 at most: an outlet that reports this much is no rival's in any case (most are, and stop here).
  const mine = Math.max(...own.map((s) => reportedIn(ctx, weights, s).score));
  if (mine >= (uncited ? UNCITED_OUTLET_RATIO : OUTLET_RATIO)) return null;
  let best: { score: number; at: SourceSentence } | null = null;
  for (const s of ctx.byNumber.values()) {
    if (own.includes(s)) continue;
    const r = reportedIn(ctx, weights, s);
    if (!best || r.score > best.score) best = r;
  }
  // An outlet the paragraph does not cite that barely reports the words: the credit is wrong whoever else reports them.
  if (!best || best.score < MIN_SUPPORT) return uncited && mine < UNCITED_UNREPORTED ? `these words are credited to ${raw.replace(/^the\s+/i, '')}, which the paragraph does not cite and which does not report them` : null;
  if (mine >= best.score * (uncited && pool.includes(ctx.byNumber.get(best.at.n)!) ? UNCITED_OUTLET_RATIO : OUTLET_RATIO)) return null;
  return `these words are credited to ${raw.replace(/^the\s+/i, '')}, but ${own.map((s) => s.label).join(', ')} ${own.length === 1 ? 'does' : 'do'} not report them; ${ctx.byNumber.get(best.at.n)!.label} does — ${excerpt(best.at.text, 90)}`;
}

/**
 * The share of the words' weight (idf, as ./align weighs it) that one source reports in two sentences running: an
 * outlet's account spread over two sentences ("… the most partisan vote …. The divisive vote is sure to exacerbate tensions …")
 * is its report. Summed through the postings, so only the sentences that hold a word are visited.
 */
function reportedIn(ctx: CheckContext, weights: ReadonlyMap<string, number>, source: IndexedSource): { score: number; at: SourceSentence } {
  const first = source.firstSentence;
  const end = first + source.sentenceCount;
  // sums[k]: the weight of the words in sentence first + k or the one after it.
  const sums = new Float64Array(source.sentenceCount);
  let total = 0;
  for (const [w, weight] of weights) {
    total += weight;
    let counted = -1;
    for (const id of ctx.postings.get(w) ?? []) {
      if (id < first) continue;
      if (id >= end) break;
      // The windows that start at the sentence before it and at it, each counted once per word.
      for (let k = Math.max(first, id - 1, counted + 1); k <= id; k++) sums[k - first] = sums[k - first]! + weight;
      counted = id;
    }
  }
  let best = 0;
  for (let k = 1; k < sums.length; k++) if (sums[k]! > sums[best]!) best = k;
  return { score: total > 0 ? sums[best]! / total : 0, at: ctx.sentences[first + best]! };
}
