/**
 * Speaker phrases read for who they name: one of our outlets ("the Coastal Herald"), a person or body by name
 * ("Sen. Tim Scott", "Capitol Police officials"), whose someone is ("Vance's office"), a description of someone
 * named elsewhere ("the couple"), someone left unnamed ("a department official") or a pronoun; and whether two
 * phrases, or a phrase and a source sentence, name the same one (surname, alias, stem or acronym: ./extract/names).
 */
import { escapeRegExp, startsUpper, stem } from '../../lib/text';
import { type CheckContext, lowerCased, type SourceSentence } from './context';
import { aliasesOf, nameCore, outletByShortName, personName, TITLE_WORDS } from './extract/names';
import { sourceNames } from './roles';

/** A speaker phrase read for who it names. */
export interface Speaker {
  raw: string;
  /**
   * outlet: one or more of our sources by label; pronoun: he, she, they; anaphor: a description of someone named
   * elsewhere ("the couple", "the Kentucky Republican"); generic: someone left unnamed ("officials", "a department
   * official"); owned: a description by whose it is ("Vance's office"); named: a person, organisation or group by name.
   */
  kind: 'outlet' | 'pronoun' | 'anaphor' | 'generic' | 'owned' | 'named';
  /** Lower-case words that identify the one named (for a person, the surname among them; for `owned`, the owner). */
  keys: string[];
  /** Every lower-case word of the phrase. */
  words: string[];
  /** The outlets' source numbers, for an outlet. */
  outlets: number[];
  /** The speaker is one person by its shape ("Sen. Tim Scott", "Barrett", "he"), not a group or organisation. */
  person: boolean;
}

// Words that open a phrase describing someone named elsewhere ("the couple", "his office").
const DEFINITE = new Set(['the', 'this', 'that', 'his', 'her', 'their', 'its']);
// Words that open a phrase for someone left unnamed ("a department official", "one source").
const INDEFINITE = new Set(['a', 'an', 'one', 'some', 'several', 'many', 'multiple', 'unnamed', 'anonymous', 'two', 'three', 'four', 'five', 'other', 'both', 'all', 'most']);
// Name words that say what kind of body a name is, too common to tell one from another.
const GENERIC = new Set(['department', 'committee', 'office', 'agency', 'group', 'city', 'county', 'state', 'national', 'federal', 'united', 'senate', 'house', 'court', 'party', 'the', 'of', 'for', 'and']);
// Party members written with a capital are a description ("the Kentucky Republican"), not a name.
const PARTY_MEMBER = /^(?:democrat|republican|independent)$/;
// Kinds of unnamed speaker: an official one and a private one are never the same people.
const OFFICIAL = /^(?:officials?|authorities|police|officers?|department|agency|office|government|administration|spokes(?:man|woman|person)|aides?|ministry|sheriff|deputies|investigators?|prosecutors?)$/;
const PRIVATE = /^(?:couple|family|husband|wife|parents?|residents?|neighbou?rs?|witnesses?|victims?|friends?|relatives?|mother|father|son|daughter|passengers?|students?)$/;
export const POSSESSIVE = /['’]s?$/;

const NAME_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;

/** A word in lower case, its possessive and full stop dropped ("Barrett’s" -> "barrett", "Mass." -> "mass"). */
export function clean(word: string): string {
  let w = word.toLowerCase();
  if (w.includes('’') || w.includes('‘')) w = w.replace(/[’‘]/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  return w.endsWith('.') ? w.slice(0, -1) : w;
}

/** What a speaker phrase names; `initial` when it opens its sentence, whose first capital may be grammar. Read once per call. */
export function readSpeaker(ctx: CheckContext, raw: string, initial = false): Speaker {
  let known = READ.get(ctx);
  if (!known) READ.set(ctx, (known = new Map()));
  const key = `${initial ? 1 : 0}${raw}`;
  let speaker = known.get(key);
  if (!speaker) known.set(key, (speaker = read(ctx, raw, initial)));
  return speaker;
}

const READ = new WeakMap<CheckContext, Map<string, Speaker>>();

/** Our sources' numbers and labels as " meridian times ", found once per call. */
function outletNames(ctx: CheckContext): [number, string][] {
  let known = OUTLETS.get(ctx);
  if (!known) OUTLETS.set(ctx, (known = ctx.sources.map((s) => [s.n, ` ${clean(s.publisher).replace(/^the /, '')} `])));
  return known;
}

const OUTLETS = new WeakMap<CheckContext, [number, string][]>();

// What an outlet publishes, which speaks in its name.
const OUTLET_TEXT = /^(?:headline|report|story|article|account|editorial|piece|coverage|analysis|dispatch)$/;

const REPORTED_BY = /^(?:cited|quoted|interviewed|surveyed|polled|consulted|contacted|reached)$/;

function read(ctx: CheckContext, raw: string, initial: boolean): Speaker {
  const tokens = raw.match(NAME_WORD) ?? [];
  const words = tokens.map(clean);
  const base = { raw, words: [...words, ...words.filter((w) => w.includes('-')).flatMap((w) => w.split('-'))], keys: [] as string[], outlets: [] as number[], person: false };
  if (!words.length) return { ...base, kind: 'anaphor' };
  if (words.length === 1 && /^(?:he|she|they|we|i|it)$/.test(words[0]!)) return { ...base, kind: 'pronoun', person: words[0] === 'he' || words[0] === 'she' };
  // "the Coastal Herald", "the Meridian Times and the Prairie Journal", "a Meridian Times columnist": our outlets.
  const lower = ` ${words.join(' ')} `;
  const outlets = outletNames(ctx).filter(([, name]) => lower.includes(name)).map(([n]) => n);
  // "the Herald" for the Coastal Herald: the masthead's last word alone, as papers name each other on second reference;
  // "the Herald's headline", "the Herald's report": the outlet's own text speaks for it.
  const ownText = words.length === 3 && POSSESSIVE.test(tokens[1]!) && OUTLET_TEXT.test(words[2]!);
  const short = (words.length === 2 || ownText) && words[0] === 'the' ? outletByShortName(ctx.sources, words[1]!) : undefined;
  if (short !== undefined) outlets.push(short);
  // "the Herald and the Journal", "the Meridian Times and the Journal": a list whose every part is one of our outlets.
  if (words.includes('and') && words.length <= 8) {
    const parts = words.join(' ').split(/ and /).map((x) => x.trim().split(' '));
    const each = parts.map((w) => outletNames(ctx).find(([, name]) => ` ${w.join(' ')} `.includes(name))?.[0] ?? (w.length === 2 && w[0] === 'the' ? outletByShortName(ctx.sources, w[1]!) : undefined));
    if (each.every((n) => n !== undefined)) outlets.push(...(each as number[]).filter((n) => !outlets.includes(n)));
  }
  if (outlets.length) return { ...base, kind: 'outlet', outlets };
  // The head of the phrase: what comes before a preposition that describes it ("researchers at Johns Hopkins University").
  // "experts cited by the Herald", "economists polled by Reuters": who reported them is no part of who they are.
  const cut = tokens.findIndex((w, i) => i > 0 && (/^(?:in|on|at|with|from)$/.test(w) || (/^(?:of|for)$/.test(w) && !startsUpper(tokens[i + 1] ?? '')) || (REPORTED_BY.test(w) && tokens[i + 1] === 'by')));
  const head = cut > 0 ? tokens.slice(0, cut) : tokens;
  const opener = words[0]!;
  // The noun the phrase is about, before any preposition: "An attorney for President Trump" is an attorney.
  const before = tokens.findIndex((w, i) => i > 0 && HEAD_END.test(w));
  const noun = (before > 0 ? tokens.slice(0, before) : tokens).at(-1)!;
  // "a department official", "one U.S. official", "other Democratic leaders": someone left unnamed.
  if (INDEFINITE.has(opener) && !startsUpper(noun)) return { ...base, kind: 'generic' };
  // Capitalised words past a determiner name someone; a sentence's first word only when the sources use it as a name.
  const names = sourceNames(ctx);
  const capitalised = head.filter(
    (w, i) =>
      startsUpper(w) && !DESCRIPTOR.test(w) && !(i === 0 && (DEFINITE.has(words[0]!) || INDEFINITE.has(words[0]!))) && !(i === 0 && initial && !names.has(clean(w)) && !/^\p{Lu}{2,}/u.test(w)),
  );
  const described = !startsUpper(noun);
  // "U.S. employers" describes employers; "Capitol Police officials" names whose officials they are.
  const core = nameCore(capitalised).flatMap((w) => (w.includes('-') ? [w, ...w.split('-')] : [w])).filter((w) => !(described && aliasesOf(w).includes('united states')));
  // "the Kentucky Republican" is a description; "Republican Party leaders" names the party.
  const keys = core.filter((w, i) => !GENERIC.has(w) && !TITLE_WORDS.has(w) && !(PARTY_MEMBER.test(w) && i === core.length - 1) && !SUFFIX.test(w) && w.length > 1);
  // "governor calls suit 'dangerous'", "former New York mayor": a single office held, without an article (a headline's way, or a
  // status word's), describes someone named before, as "the governor" does.
  const office = described && !INDEFINITE.has(opener) && TITLE_WORDS.has(clean(noun)) && !/s$/.test(clean(noun));
  if (!keys.length) return { ...base, kind: DEFINITE.has(opener) || SUFFIX.test(opener) || office ? 'anaphor' : 'generic' };
  // "Vance's office", "Jeffrey Epstein's former partner": someone described by whose they are.
  const owner = head.findIndex((w, i) => i < head.length - 1 && POSSESSIVE.test(w) && startsUpper(w));
  if (owner >= 0 && described) return { ...base, kind: 'owned', keys: nameCore(head.slice(0, owner + 1)).filter((w) => !TITLE_WORDS.has(w)) };
  // "the Kentucky Republican", "the California governor" describe someone named before, as "the couple" does.
  if ((DEFINITE.has(opener) || office) && (described || PARTY_MEMBER.test(clean(head.at(-1)!)))) return { ...base, kind: 'anaphor', keys };
  // One person: a person's name at the end of the phrase ("New York Post reporter Laura Italiano"), or one name that is no group.
  const run: string[] = [];
  for (let i = head.length - 1; i >= 0 && startsUpper(head[i]!); i--) run.unshift(head[i]!);
  const person = personName(run, run.join(' ')) !== null || (capitalised.length === 1 && run.length === 1 && surname(ctx, run[0]!));
  return { ...base, kind: 'named', keys: person ? [...new Set([nameCore(run).at(-1) ?? keys[0]!, ...keys])] : keys, person };
}

/** Whether the sources write a one-word name as a person's surname ("Chris Krebs" for "Krebs"), not a group's or company's name. */
function surname(ctx: CheckContext, word: string): boolean {
  const w = clean(word);
  if (GROUP.test(w)) return false;
  let known = SURNAMES.get(ctx);
  if (!known) SURNAMES.set(ctx, (known = new Map()));
  let answer = known.get(w);
  if (answer === undefined) known.set(w, (answer = ctx.sentences.some((s) => givenNameBefore(s.text, word.replace(/['’]s?$/, '')))));
  return answer;
}

const SURNAMES = new WeakMap<CheckContext, Map<string, boolean>>();

/**
 * Whether a text writes the word in a person's name of two words: after a given name ("Chris Krebs"), or before the other
 * word of a name written family name first ("spokesman Gao Feng"). Found by position rather than by a pattern per word.
 */
function givenNameBefore(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const after = text.charCodeAt(at + word.length);
    if (after >= 97 && after <= 122) continue;
    const given = at > 0 ? /(\p{Lu}[\p{L}'’.-]+)\s+$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1] : undefined;
    if (given && !NOT_GIVEN.test(given) && !POSSESSIVE.test(given) && personName([given, word], `${given} ${word}`) !== null) return true;
    // The second word must end the name, and a title before the first must say that a person is named ("spokesman Gao Feng").
    if (given) continue;
    const family = /^\s+(\p{Lu}\p{Ll}+)(?![\p{L}'’-]|\s+\p{Lu})/u.exec(text.slice(at + word.length, at + word.length + 30))?.[1];
    const title = family ? /([\p{L}.]+)\s+$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1] : undefined;
    if (family && title && TITLE_WORDS.has(title.toLowerCase().replace(/\.$/, '')) && personName([word, family], `${word} ${family}`) !== null) return true;
  }
  return false;
}

// Capitalised words before a name that are no given name ("His Facebook", "The Post").
const NOT_GIVEN = /^(?:The|His|Her|Their|Its|Our|A|An|This|That|In|On|At|By|For|From|With|And|But|Of)$/;

// Groups written with a capital: a "she" is none of them.
export const GROUP = /^(?:democrats|republicans|liberals|conservatives|progressives|moderates|americans|officials|leaders|lawmakers|senators|authorities|police|.*(?:ians|ists|eans))$/;
const SUFFIX = /^(?:jr|sr|ii|iii|iv)$/;
// "Texas-based", "GOP-led": a name turned into a description.
const DESCRIPTOR = /^[\p{L}.]+-(?:based|led|backed|run|owned|controlled|held|born|made|funded|aligned|allied)$/u;

/** Whether two name words are one: the same word, an alias, or the same stem ("Democrats" / "Democratic", "Canada" / "Canadian"). */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 4 && b.length >= 4 && stem(a) === stem(b)) return true;
  return aliasesOf(a).includes(b);
}

/** Whether a name's identifying word is among the given lower-case words, by an alias, a stem or an acronym ("CDC" for "Centers for Disease Control and Prevention"). */
export function namedIn(keys: string[], words: ReadonlySet<string>, text: string): boolean {
  if (!keys.length) return false;
  const { stems, shorts } = formsOf(words);
  for (const k of keys) {
    if (words.has(k) || aliasesOf(k).some((a) => (a.includes(' ') ? text.includes(a) : words.has(a)))) return true;
    if (k.length >= 4 && stems.has(stem(k))) return true;
  }
  // "CDC" for "Centers for Disease Control and Prevention", "AP" for "Associated Press".
  if (keys.length >= 2) {
    let initials = '';
    for (const k of keys) initials += k[0];
    for (const short of shorts) if (short === initials || (short.length >= 3 && initials.startsWith(short))) return true;
  }
  return false;
}

/** The stems of a word set's longer words and its short words without full stops (possible acronyms), found once per set. */
function formsOf(words: ReadonlySet<string>): { stems: Set<string>; shorts: Set<string> } {
  let forms = FORMS.get(words);
  if (!forms) {
    forms = { stems: new Set(), shorts: new Set() };
    for (const w of words) {
      if (w.length >= 4) forms.stems.add(stem(w));
      const short = w.includes('.') ? w.replace(/\./g, '') : w;
      if (short.length >= 2 && short.length <= 6) forms.shorts.add(short);
    }
    FORMS.set(words, forms);
  }
  return forms;
}

const FORMS = new WeakMap<ReadonlySet<string>, { stems: Set<string>; shorts: Set<string> }>();

/** Whether either speaker's name words hold the other's identifying words ("Sen. Tim Scott" / "Scott", "CBP" / "Customs and Border Protection"). */
export function sameName(a: Speaker, b: Speaker): boolean {
  return namedIn(a.keys, wordSet(b), b.raw.toLowerCase()) || namedIn(b.keys, wordSet(a), a.raw.toLowerCase()) || abbreviates(a, b) || abbreviates(b, a);
}

/** Whether `short` is named by an acronym of consecutive capitalised words of `long`: "The FDA" for "The U.S. Food and Drug Administration". */
function abbreviates(short: Speaker, long: Speaker): boolean {
  const acronyms = short.raw.match(/\b\p{Lu}{2,6}\b/gu);
  if (!acronyms) return false;
  const initials = (long.raw.match(/\b\p{Lu}[\p{L}.'’-]*/gu) ?? []).map((w) => w[0]).join('');
  // A two-letter acronym ("UN") must be all the initials: as a part of them it matches too much by chance.
  return acronyms.some((x) => (x.length > 2 ? initials.includes(x) : initials === x));
}

/** A speaker's words as a set, made once per speaker. */
function wordSet(s: Speaker): ReadonlySet<string> {
  let set = WORD_SETS.get(s);
  if (!set) WORD_SETS.set(s, (set = new Set(s.words)));
  return set;
}

const WORD_SETS = new WeakMap<Speaker, ReadonlySet<string>>();

/** Whether a source sentence names the one the keys identify. */
export function mentions(s: SourceSentence, keys: string[]): boolean {
  const { lowerWords, lowerText } = lowerCased(s);
  return namedIn(keys, lowerWords, lowerText);
}

/** Whether two speakers are unnamed people of two kinds that are never the same ("police" and "the couple"). */
export function otherKind(a: Speaker, b: Speaker): boolean {
  const [x, y] = [a.words.at(-1) ?? '', b.words.at(-1) ?? ''];
  return (OFFICIAL.test(x) && PRIVATE.test(y)) || (PRIVATE.test(x) && OFFICIAL.test(y));
}

// Words that rank or place unnamed people without saying whose they are ("senior U.S. officials", "two top aides"); tested
// on a hyphened word's parts ("high-level": high, level).
const UNPLACED = /^(?:senior|top|high|higher|ranking|local|state|federal|national|government|administration|other|former|current|unnamed|anonymous|u\.s|us|american|americans|united|states|some|many|several|few|multiple|most|all|both|the|a|an|one|two|three|four|five|six|his|her|their|its|this|that|these|those|and|or|of|for|in|at|from|with|on|by|who|close|longtime|key|new)$/;

/**
 * The words that say whose an unnamed speaker is ("two Navy officials" -> navy, "a Justice Department spokeswoman" ->
 * justice, department; "a spokesman for the mayor" -> mayor), leaving out rank, place-less words and the speaker's own noun.
 * Empty for "officials", "senior U.S. officials", "critics".
 */
export function affiliation(sp: Speaker): string[] {
  const { words, head } = headed(sp);
  return words
    .filter((w, i) => i !== head)
    // "State Department", "Interior Ministry": a word that alone places no one names the body the next word makes of it.
    .flatMap((w, i, all) => (BODY.test(all[i + 1] ?? '') ? [w] : w.split('-').filter((x) => !UNPLACED.test(x))))
    .filter((w) => w.length > 1 && !/^\d/.test(w) && !OFFICIAL.test(w) && !ROLE.test(w) && !GROUP_NOUN.test(w) && !DESCRIPTOR_PART.test(w));
}

/** A speaker phrase's own words in order ("a war-monitoring group": war-monitoring, group; not `words`, which adds a hyphened word's parts at its end) and the index of its head noun, before any preposition. */
function headed(sp: Speaker): { words: string[]; head: number } {
  const words = (sp.raw.match(NAME_WORD) ?? []).map(clean);
  const before = words.findIndex((w, i) => i > 0 && HEAD_END.test(w));
  return { words, head: before > 0 ? before - 1 : words.length - 1 };
}

/** Whether a speaker phrase is someone's officials or spokespeople ("two Navy officials", "a spokesman for HHS"): its head noun is an office. */
export function officeHolders(sp: Speaker): boolean {
  const { words, head } = headed(sp);
  const noun = words[head] ?? '';
  return OFFICIAL.test(noun) || ROLE.test(noun);
}

/** Whether two affiliations name one body: a shared word (by stem or alias) or one's initials ("HHS" for Health and Human Services). */
export function sameAffiliation(a: readonly string[], b: readonly string[]): boolean {
  if (a.some((x) => b.some((y) => sameWord(x, y)))) return true;
  const initials = (ws: readonly string[]) => ws.filter((w) => !/^(?:and|of|for|the)$/.test(w)).map((w) => w[0]).join('');
  return (a.length === 1 && a[0]!.length >= 2 && a[0] === initials(b)) || (b.length === 1 && b[0]!.length >= 2 && b[0] === initials(a));
}

// Nouns that make a body of the word before them ("State Department", "Home Office").
const BODY = /^(?:department|ministry|office|agency|committee|council|commission|bureau)$/;

// The second half of "Texas-based", "war-monitoring": how, not whose.
const DESCRIPTOR_PART = /^(?:based|led|backed|run|owned|controlled|held|born|made|funded|aligned|allied|monitoring|level)$/;

// Nouns for a body of people that say nothing of whose it is.
const GROUP_NOUN = /^(?:group|people|members?|staff|staffers?|team|sources?|experts?|analysts?|critics|supporters|opponents|allies|advocates|activists|workers|employees)$/;

// One person's office or job: a speaker described by it ("the mayor", "Acting Director") may be a person another report names with it.
const ROLE = /^(?:mayor|governor|president|director|secretary|chief|spokes(?:man|woman|person)|senator|minister|leader|chair(?:man|woman)?|commissioner|executive|judge|attorney|lawyer|aide|adviser|advisor|officer|sheriff|prosecutor|manager|ambassador|administrator|superintendent|coach|founder|owner|ceo)$/;

/** A preposition that ends the head of a speaker's phrase: "An attorney for President Trump" is an attorney. */
export const HEAD_END = /^(?:of|for|in|on|at|with|from)$/;

// Words for one role: "a lawyer for Trump" is the "attorney William Consovoy" of another report.
const ROLE_SYNONYMS = [['lawyer', 'attorney'], ['spokesman', 'spokeswoman', 'spokesperson'], ['adviser', 'advisor'], ['chairman', 'chairwoman', 'chair']];

/**
 * Whether one of the sentences gives the person named by `person` (by its last word, the family name) the role that ends
 * `described` (a singular noun such as "mayor"): a speaker described by a role ("the mayor said") may be a person another
 * report names with it. The role stands up to seven name words before the name ("Brooklyn Center Mayor Mike Elliott",
 * "Acting Director of Citizenship and Immigration Services Ken Cuccinelli"), or in an apposition of up to six words after
 * it ("Tim Murtaugh, communications director for the campaign").
 */
export function holdsRole(sentences: readonly { text: string }[], person: string, described: string): boolean {
  const [key, role] = [lastWord(person), lastWord(described)];
  if (!key || !ROLE.test(role)) return false;
  const title = `(?:${(ROLE_SYNONYMS.find((x) => x.includes(role)) ?? [role]).map(anyCase).join('|')})`;
  const name = anyCase(key);
  // Between title and name only capitalised words, "of", "for" and (not first) "and": not "the mayor thanked Elliott" nor
  // "the director and Tom Ellery". After the name, an apposition set off by a comma, not a clause ("…, who …"), with no "of"
  // ("a frequent critic of the director" is someone else) and no "former" (a former director is not the one).
  const pattern = new RegExp(
    `\\b${title},?\\s+(?!and\\b)(?:(?:\\p{Lu}[\\p{L}.'’-]*|of|for|and),?\\s+){0,7}${name}\\b|\\b${name}(?:'s)?,\\s+(?!who\\b|which\\b|that\\b)(?:(?!of\\b|former\\b|ex-)[\\p{L}'’-]+\\s+){0,5}?${title}\\b`,
    'u',
  );
  return sentences.some((x) => pattern.test(x.text));
}

/** A pattern for a lower-case word in any case, letter by letter ("mckenna" matches "McKenna"), other characters escaped. */
function anyCase(word: string): string {
  return [...word].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c}${c.toUpperCase()}]` : escapeRegExp(c))).join('');
}

/** The last word of a phrase as a speaker's words are read (`clean`): "Sen. Tim Scott's" -> "scott". */
function lastWord(phrase: string): string {
  return clean(phrase.match(NAME_WORD)?.at(-1) ?? '');
}
