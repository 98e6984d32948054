/** Finds quoted spans (straight or curly, double or single quotes) and who a text says spoke them. */
import { NOT_NAMES } from './entities';

export interface QuoteSpan {
  /** The words inside the marks. */
  inner: string;
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark. */
  end: number;
}

const LETTER = /[\p{L}\p{N}]/u;
const OPENS_AFTER = /[\s([{—–-]/u;

function isOpening(text: string, i: number): boolean {
  return (i === 0 || OPENS_AFTER.test(text[i - 1]!)) && i + 1 < text.length && !/\s/.test(text[i + 1]!);
}

// “ ” " ‘ ’ ' and a line break, by character code.
const [OPEN_DOUBLE, CLOSE_DOUBLE, STRAIGHT_DOUBLE, OPEN_SINGLE, CLOSE_SINGLE, STRAIGHT_SINGLE, NEWLINE] = [0x201c, 0x201d, 34, 0x2018, 0x2019, 39, 10];

/** The quoted spans of a text, outermost only, in order. Unclosed marks are ignored. */
export function extractQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  // Where a single quote's scan last ran out (the text's end or a line break) without a closing mark: a later opening
  // before that point has none either (every mark it could close on was already refused, for reasons that hold for it
  // too), so it is not scanned again. Without this, a run of unclosed quotes costs the square of the text's length.
  let noSingleCloseUntil = -1;
  // Characters are compared by code: a one-character string per character read cost more than the rest of the scan.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let close = -1;
    if (c === OPEN_DOUBLE || (c === STRAIGHT_DOUBLE && isOpening(text, i))) {
      for (let j = i + 1; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === CLOSE_DOUBLE || (d === STRAIGHT_DOUBLE && j > i + 1)) {
          close = j;
          break;
        }
        if (d === OPEN_DOUBLE) break;
      }
    } else if ((c === OPEN_SINGLE || c === STRAIGHT_SINGLE) && i >= noSingleCloseUntil && isOpening(text, i)) {
      // A single quote closes where a mark is followed by a non-letter, so apostrophes ("don't") stay inside.
      let j = i + 1;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if ((d === CLOSE_SINGLE || d === STRAIGHT_SINGLE) && !/\s/.test(text[j - 1]!) && (j + 1 === text.length || !LETTER.test(text[j + 1]!))) {
          // "the companies' plans": a plural possessive, not a closing mark, when the quote would be a single word.
          if (text[j - 1] === 's' && !text.slice(i + 1, j).includes(' ')) continue;
          close = j;
          break;
        }
        if (d === NEWLINE) break;
      }
      if (close < 0) noSingleCloseUntil = j;
    }
    if (close > i) {
      out.push({ inner: text.slice(i + 1, close), start: i, end: close + 1 });
      i = close;
    }
  }
  return out;
}

/** The text outside quotation marks, as separate segments (so that no run crosses a quote). */
export function unquotedSegments(text: string, quotes: QuoteSpan[] = extractQuotes(text)): string[] {
  const out: string[] = [];
  let at = 0;
  for (const q of quotes) {
    out.push(text.slice(at, q.start));
    at = q.end;
  }
  out.push(text.slice(at));
  return out.filter((s) => s.trim());
}

// A person or organisation named as a speaker: capitalised words, optional honorific and middle initial.
const NAME = String.raw`((?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Gov|Rep)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.\s+)?\p{Lu}[\p{L}'’-]+){0,5})`;
// Verbs of saying, which may also stand before their speaker ("said Sen. Ada Lin: …").
const SAYING = String.raw`said|says|added|adds|wrote|writes|explained|explains|noted|notes|argued|argues|warned|warns|stated|states|insisted|insists|recalled|posted|tweeted|declared|declares|claimed|claims|asserted|announced|acknowledged|admitted|conceded|predicted|vowed|pledged|promised|suggested|replied|responded|countered|complained|cautioned|stressed|emphasi[sz]ed|observed|testified|continued`;
// Verbs of naming or addressing: the name after one is what was named or who was addressed ("called Iran, “a nation of
// terror”", "told Reuters: …"), never the speaker.
const NAMING = String.raw`told|tells|called|calls|described|describes|urged|urges|asked|asks|labell?ed|dubbed|branded`;
// Verbs that attribute words to a speaker, "said" and the others journalists use.
const VERB = String.raw`(?:${SAYING}|${NAMING})`;
const SPEAKER_AFTER_VERB = String.raw`(?:${SAYING})`;
// "Mitch McConnell (R-Ky.) told reporters": a party and state tag in parentheses stands between a name and its verb.
const PARTY_TAG = String.raw`(?:\s+\([DRI]-[\p{L}. ]{2,14}\))?`;
// "Trump on Saturday asserted", "Xi also warned": a time or an adverb may stand between the speaker and the verb.
const BETWEEN = String.raw`(?:\s+(?:on\s+\p{Lu}\p{Ll}+day|also|later|again|then|previously|earlier|repeatedly|publicly|had|has|have|\p{Ll}{2,}ly))*`;
// Words that open a clause of their own after a quotation.
const CLAUSE_OPENER = String.raw`(?:while|whereas|and|but|or|as|when|although|though|after|before|because|since|if|so|yet|then|which|who|where)`;
// Each with whether its capture is a clause whose speaker `speakerInClause` finds.
const AFTER_QUOTE: [RegExp, boolean][] = [
  // "said Corvane operations chief Selma Varga": the clause after the verb, whose last name is the speaker.
  // A full stop inside a domain ("Bankrate.com's senior analyst …") does not end the clause.
  [new RegExp(String.raw`^[\s,.!?]*${VERB}\s+((?:[^.;:!?“”"]|\.(?=[a-z]{2,6}\b)){1,160})`, 'u'), true],
  [new RegExp(String.raw`^[\s,.!?]*${NAME}${PARTY_TAG}(?:,[^,.“”"]{1,80},)?\s+${VERB}\b`, 'u'), false],
  [new RegExp(String.raw`^[\s,.!?]*according\s+to\s+${NAME}`, 'u'), false],
  // "“…,” reads a joint statement from Sen. Ed Markey": the statement's author.
  [/^[\s,.!?]*(?:reads?|read|said)\s+(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,2}(?:statement|letter|post|tweet|release|message|memo)\s+(?:from|by|of)\s+((?:[^.;:!?“”"]|\.(?=[a-z]{2,6}\b)){1,160})/u, true],
  // "“…,” White House press secretary Jen Psaki said", "ABC News campaign reporter Will Steakin wrote": a description,
  // then the name, then the verb (the AP's order). The description ends on a lower-case word: not a name after "of" ("officials at
  // the Department of Justice said"), a party member ("the New York Democrat wrote"), one in a clause of its own
  // ("…,” while coordinator Ines Duarte said …") or after another verb of saying ("the governor said in remarks Brightwater
  // later said were …"). The name may stand in commas ("the city's mayor, Ellen Voss, said").
  [new RegExp(String.raw`^[\s,.!?]*(?:(?:former|then|now|acting|the|a|an)\s+)?(?:(?!${CLAUSE_OPENER}\b|${SPEAKER_AFTER_VERB}\b)[\p{L}.'’-]+\s+){0,5}?(?!${CLAUSE_OPENER}\b|${SPEAKER_AFTER_VERB}\b|of\b|at\b|for\b|from\b|with\b|in\b|to\b|by\b|the\b)\p{Ll}[\p{L}.'’-]*,?\s+(?!(?:\p{Lu}[\p{L}'’-]+\s+)*(?:Republican|Democrat|Independent)s?\b)${NAME}${PARTY_TAG},?${BETWEEN}\s+${SPEAKER_AFTER_VERB}\b`, 'u'), false],
  // "“…?” — Republican National Committee Chair Ronna McDaniel, in a tweet": a dash hands the quotation to the name after it.
  [new RegExp(String.raw`^\s*[—–]\s*(\p{Lu}[^.;:!?“”"(]{0,160})`, 'u'), true],
];
// "Sen. Lisa Murkowski of Alaska said", "Dr. Hayley Gans of Stanford University Medical Center said",
// "Hannah Cox of Conservatives Concerned About the Death Penalty said":
// the place or organisation after "of" is not the speaker.
const OF_PLACE = String.raw`(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:of|for|and|the|on|in)\s+){0,2}\p{Lu}[\p{L}'’.-]+){0,6})?`;
// Each with a word it cannot match without, where it has one: these patterns end at the quote and are tried from every
// offset of the lead-in, which a text without the word is spared.
const BEFORE_QUOTE: [RegExp, (string | RegExp)?][] = [
  [new RegExp(String.raw`${NAME}${OF_PLACE}${PARTY_TAG}(?:,[^,.“”"]{1,80},)?${BETWEEN}\s+${VERB}\b[^.“”"]{0,120}$`, 'u'), new RegExp(String.raw`\s(?:${VERB})\b`, 'u')],
  // "Barr offered praise for Durham, saying: …"
  [new RegExp(String.raw`${NAME}\s+\p{Ll}[^.“”"]{0,100},\s+saying:?\s*$`, 'u'), 'saying'],
  [new RegExp(String.raw`according\s+to\s+${NAME}[^.“”"]{0,120}$`, 'u'), 'according'],
  // "…, said Collins: “…”". Not "He said Nike “promotes …”": a verb with its own subject before it reports a clause, whose
  // subject the name after it is.
  [new RegExp(String.raw`(?<!\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)\s+)${SPEAKER_AFTER_VERB}\s+${NAME}[,:]?\s*$`, 'u'), new RegExp(String.raw`(?:${SPEAKER_AFTER_VERB})\s+\p{Lu}`, 'u')],
];
const NOT_A_SPEAKER = new Set(['the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'in', 'on', 'but', 'and', 'as', 'when']);

// The head of an organisation's name that runs on past an "and" ("Centers for Disease Control and | Prevention said",
// "Department of Health and | Human Services said"): the name before the verb is its tail.
const ORG_HEAD = /(?:^|[^\p{L}])(?:[Tt]he\s+)?((?:\p{Lu}[\p{L}'’-]+\s+)+(?:of|for|on)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]+\s+)+and\s+)$/u;

function clean(name: string | undefined): string | null {
  if (!name) return null;
  const first = name.split(/\s+/)[0]!.toLowerCase();
  if (NOT_A_SPEAKER.has(first)) return null;
  // "told reporters on Tuesday": a calendar word is not a speaker.
  return name.split(/\s+/).every((w) => NOT_NAMES.has(w.toLowerCase())) ? null : name.trim().replace(/\s+/g, ' ');
}

// Periods that do not end a sentence: honorifics and initials ("Dr. Amara Okafor", "J. Ruiz").
const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Gov|Rep|St|Jr|Sr|Gen|Col|Capt|Lt|Sgt)\.|\b\p{Lu}\.(?=\s*\p{Lu})/gu;

/** The text with abbreviation periods blanked, same length, so offsets still hold. */
function withoutAbbreviations(text: string): string {
  return text.replace(ABBREVIATION, (m) => `${m.slice(0, -1)} `);
}

// A name of up to four words and a verb of saying right after it ("Colbert asked", "Sen. Ada Lin said").
const NAME_THEN_VERB = new RegExp(String.raw`^\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}(?:${VERB})\b`, 'u');

// How far a speaker may be from the quote; bounds the work per quote on long texts.
const SPEAKER_REACH = 400;

/** The text of the sentence before the quote that opens at `at`, abbreviations blanked. */
function leadIn(text: string, at: number): string {
  const from = Math.max(0, at - SPEAKER_REACH);
  const slice = withoutAbbreviations(text.slice(from, at));
  let start = 0;
  for (const m of slice.matchAll(/[.!?]\s/g)) start = m.index + 1;
  return slice.slice(start);
}

/** The rest of the sentence after the quote that closes at `at`, abbreviations blanked; empty when the quote ended it. */
function followUp(text: string, at: number, inner: string): string {
  const slice = withoutAbbreviations(text.slice(at, at + SPEAKER_REACH));
  // "… is poured." Ferncastle said …: the quote's own full stop ended the sentence. A question or an exclamation is the
  // speaker's own mark: "“… coming your way?” Colbert asked." goes on to its speaker.
  if (/[.!?]\s*$/.test(inner) && /^\s+["“‘']?\p{Lu}/u.test(slice) && !(/[!?]\s*$/.test(inner) && NAME_THEN_VERB.test(slice))) return '';
  const m = /[.!?](?=\s+\p{Lu}|\s*$)/u.exec(slice);
  return m ? slice.slice(0, m.index + 1) : slice;
}

/**
 * Who the text says spoke the quote between `start` and `end`: a name next to
 * said/says/told/according to within the sentence, or null when none is named.
 */
export function speakerOf(text: string, start: number, end: number): string | null {
  const inner = text.slice(start + 1, end - 1);
  const after = followUp(text, end, inner);
  for (const [re, clause] of AFTER_QUOTE) {
    const found = re.exec(after)?.[1];
    const name = clean(clause ? speakerInClause(found) : found);
    if (name) return name;
  }
  const before = leadIn(text, start);
  // "Trump's “last night in Sweden” remark": the owner of the words is their speaker.
  const owner = OWNED_WORDS.test(text.slice(end, end + 40)) ? OWNER_BEFORE.exec(before)?.[1] : undefined;
  if (owner && clean(owner)) return clean(owner);
  for (const [re, needs] of BEFORE_QUOTE) {
    if (needs && !(typeof needs === 'string' ? before.includes(needs) : needs.test(before))) continue;
    let m = re.exec(before);
    // "Rubio said that Trump asked him, “…”": the speaker nearest the quotation is the one who spoke it.
    if (m && re === BEFORE_QUOTE[0]![0]) for (let next = nearerSpeaker(re, before, m); next; next = nearerSpeaker(re, before, next)) m = next;
    // "The former acting director of the CDC said …": an organisation after "of" describes the speaker; it is not the speaker.
    if (m && re === BEFORE_QUOTE[0]![0] && /\b(?:of|for|at|with|from|into|against)\s+(?:the\s+)?$/i.test(before.slice(0, m.index))) continue;
    if (m && re === BEFORE_QUOTE[0]![0] && !governsQuote(before, m)) return null;
    const name = clean(m && re === BEFORE_QUOTE[0]![0] ? `${ORG_HEAD.exec(before.slice(0, m.index))?.[1] ?? ''}${m[1]}` : m?.[1]);
    if (name) return name;
  }
  return null;
}

// A name with a possessive right before the quotation ("Trump's “…” remark"), and the words the quotation then names. Not a
// title ("CNN's “State of the Union”"): a show or a work has no speaker.
const OWNER_BEFORE = new RegExp(String.raw`${NAME}['’]s\s*$`, 'u');
// A label or a nickname is about someone as often as by them ("Ferrante's “borrow now” label, coined by Brightwater"): not these.
const OWNED_WORDS = /^[\s,]*(?:remarks?|comments?|words|claims?|statements?|phrase|quip|line|tweet|pledge|promise|slogan|warning|assertion|vow)\b/;

const SAYING_WORD = new RegExp(String.raw`\b(?:${VERB})\b`, 'u');
const SUBORDINATE_BEFORE = /\b(?:after|when|whenever|while|before|as|since|because|if|although|though|once|until|unless)\s+(?:[\p{L}'’.-]+\s+){0,3}$/iu;

/**
 * A match of `re` (a name and its verb, up to the quotation) after `m`'s name and its verb, or null: the speaker of a
 * clause `m`'s speaker reports ("Rubio said that Trump asked him"), not a name inside `m`'s own ("Vera Holm of Riders
 * Concerned About the Fare Rise said").
 */
function nearerSpeaker(re: RegExp, before: string, m: RegExpExecArray): RegExpExecArray | null {
  const from = m.index + m[1]!.length;
  const next = re.exec(before.slice(from));
  if (!next || !SAYING_WORD.test(before.slice(from, from + next.index))) return null;
  // "Ferrante said, after Okafor warned lawmakers, “…”", "Okafor said that when Brightwater called …, she told them, “…”": a
  // speaker inside a time or condition clause is not the one quoted.
  if (SUBORDINATE_BEFORE.test(before.slice(0, from + next.index))) return null;
  next.index += from;
  return next;
}

// "“…,” the former vice president said", "“…,” a Pentagon spokesman wrote": words that have a speaker of their own, named
// or not, right after them.
const OWN_ATTRIBUTION = new RegExp(String.raw`^[\s,]*(?:[^.!?;:“”"]{1,60}?\s)?(?:${SAYING})\b`, 'u');

const PRONOUN_SAID = /^[\s,]*(?:he|she|they|it|we|i)\s+(?:\p{Ll}+ly\s+)?(?:said|says|added|adds|wrote|writes|told|tweeted|posted|noted|argued|explained|continued|stated|insisted)\b/iu;

/** Whether the quotation that closes at `end` is attributed right after it to a pronoun ("…," he added). */
export function pronounAfter(text: string, end: number): boolean {
  return PRONOUN_SAID.test(text.slice(end, end + 40));
}

/** Whether the quotation between `start` and `end` is attributed right after it to a speaker named there or described ("…," the official said). */
export function attributedAfter(text: string, start: number, end: number): boolean {
  const inner = text.slice(start + 1, end - 1);
  const after = text.slice(end, end + 120);
  // "“…,” he added" is the last speaker named, as the reader takes it; only a description is a speaker of its own.
  return (/[,?!]\s*$/.test(inner) || /^\s*,/.test(after)) && OWN_ATTRIBUTION.test(after) && !PRONOUN_SAID.test(after);
}

/**
 * Whether the speaker and verb `m` found before a quotation govern it: not a relative clause's ("an image that Scavino had
 * posted and called him “…”", whose speaker is the sentence's subject), and no new clause between the verb and the quotation
 * ("A and B described it as chest pain, while the campaign's statement spoke of “…”").
 */
function governsQuote(before: string, m: RegExpExecArray): boolean {
  const lead = before.slice(0, m.index);
  const relative = /((?:\b[\p{L}'’-]+\s+){1,3})(?:that|which|whom)\s+(?:[\p{L}'’.-]+\s+){0,5}$/iu.exec(lead);
  // "shared that", "told reporters that": after a verb (and its object), "that" opens what was said, not a relative clause.
  if (relative && !SAYING_WORD.test(relative[1]!) && !/ed\s+$/i.test(relative[1]!)) return false;
  const from = m.index + m[1]!.length;
  const verb = SAYING_WORD.exec(before.slice(from));
  return !verb || !/,\s*(?:while|whereas|but|although|though)\b|;|\s[—–]\s/i.test(before.slice(from + verb.index + verb[0].length));
}

const NAME_RUN = new RegExp(NAME, 'gu');
const POSSESSIVE = /['’]s?$/;
const PREPOSITION = /\s(?:of|at|from|for|with|in)\s/;

/**
 * The speaker in the words after "said": the last name before any "of …" that follows
 * the first name ("Corvane operations chief Selma Varga" -> "Selma Varga", "Ruben Achebe of
 * the Users Group" -> "Ruben Achebe"); an owner ("Ferncastle's head of energy") is not a
 * speaker, and then an appositive name after the comma is ("…, Tobias Marangoni").
 */
function speakerInClause(words: string | undefined): string | undefined {
  if (!words) return undefined;
  // "said Sen. Sheldon Whitehouse (D-R.I.)": a party-and-state tag is no name.
  const [clause = '', appositive = ''] = words.replace(/\s*\((?:[DRI]|Dem|Rep|Ind)-[^)]*\)?/g, '').split(',');
  // "Bankrate.com's senior economic analyst Mark Hamrick": an owner's name, a domain and all, is no speaker.
  const runs = [...clause.matchAll(NAME_RUN)].filter((m) => !POSSESSIVE.test(m[1]!) && !/^(?:\.[a-z]{2,6})*['’]s?\b/.test(clause.slice(m.index + m[0].length)));
  if (runs.length) {
    const first = runs[0]!;
    const cut = PREPOSITION.exec(clause.slice(first.index + first[0].length));
    const limit = cut ? first.index + first[0].length + cut.index : clause.length;
    return runs.filter((m) => m.index < limit).at(-1)![1];
  }
  const name = appositive.trim();
  return new RegExp(String.raw`^${NAME}$`, 'u').test(name) ? name : undefined;
}

const TITLE = /^(?:dr|mr|mrs|ms|prof|sen|gov|rep)\.?$/;

/** Two speaker names refer to one speaker when they share a name word ("Ada Lin" = "Lin"). */
export function sameSpeaker(a: string, b: string): boolean {
  const wordsOf = (s: string) =>
    s
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .split(/\s+/)
      .filter((w) => w && !TITLE.test(w) && !/^\p{L}\.$/u.test(w));
  const bs = new Set(wordsOf(b));
  return wordsOf(a).some((w) => bs.has(w));
}
