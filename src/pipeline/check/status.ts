/**
 * Status words on a person's role: whether the draft drops a status a source gives the role ("FBI Director James Comey"
 * for the former director, "President Joe Biden" for the president-elect), or seats a person by title in an office the
 * sources give them another of ("Justice" for "Judge"). Read by the tense check for every draft sentence and the cited
 * sentences that name the same person.
 */
import { STOPWORDS } from '../../lib/text';
import { TITLE_WORDS } from './extract/names';
import type { SourceSentence } from './context';

// Words that give a role a status; a fired, ousted or one-time holder is a former one.
const STATUS_WORDS = 'former|ex-|acting|interim|fired|ousted|deposed|one-?time|erstwhile';
// A status word and the role after it ("former U.S. ambassador", "ex-FBI director", "acting secretary").
// "former Vice-President": a hyphen joins the words of one role.
const STATUS_ROLE = new RegExp(String.raw`\b(${STATUS_WORDS})(?:(?<=-)|\s+)((?:[\p{L}.]+(?:-\p{L}+)*\s+){0,1}[\p{L}.]+(?:-\p{L}+)*)`, 'giu');
// Its status words alone, same flags: a text without one has no match, and this test costs far less than the word boundary tried at every offset.
const STATUS_WORD = new RegExp(STATUS_WORDS, 'iu');
// The draft keeps a status (or says "then", "formerly") before the role, with at most a few words between that the status also covers:
// "former Justice Department prosecutors", "a former Tallahassee mayor and city commissioner".
const STATUS_KEPT = new RegExp(String.raw`\b(?:${STATUS_WORDS}|then|formerly)(?:\b|(?<=-))[\s-]*(?:[\p{L}.'’-]+\s+){0,4}$`, 'u');

const VERB_STATUS = /^(?:fired|ousted|deposed)$/;
// "once a senator", "the once-powerful chairman"; not the conjunction ("once Barr leaves").
const PAST_ROLE = /\bthen[- ]|\bat the time\b|\bserved\b|\buntil\b|\b(?:having|had)\s+been\b|\bonce(?:-|\s+(?:a|an|the)\b)|\bpreviously\b/i;
// "Comey, who was FBI director", "when he was the acting secretary": "was" says the role is past when it comes right before
// it; "was sent to Director … Maguire" is a passive verb, and the role after it is still given as current.
const WAS_ROLE = /\b(?:was|were)\s+(?:(?:also|later|briefly|long)\s+)?(?:(?:the|a|an|his|her|its|their)\s+)?$/iu;

// A role after "as", not the "as" of "as well as" or "such as".
const AS_ROLE = /(?<!\b(?:well|such|much|many|soon|long|far|same)\s+)\bas\s+(?:(?:the|a|an|his|her|their)\s+)?$/;
// A verb that holds a role now, right before "as" ("serves as", "is now acting as").
const CURRENT_AS = /(?<!\b(?:was|were|been)\s+)\b(?:serves?|serving|remains?|remaining|works?|working|is|are|continues?|continuing|stays?|now|currently)\s+as\s+(?:(?:the|a|an|his|her|their)\s+)?$/;

// After "as" + role, a name and a verb of saying make "as" the conjunction of reported speech ("just as transit chief
// Ada Lin warned"): the role is the speaker's now. Other verbs leave "as" temporal ("closed as fire chief X ordered cuts").
const AS_CLAUSE = /^\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:said|says|told|tells|wrote|writes|warned|warns|predicted|predicts|noted|notes|argued|argues|stated|states|claimed|claims|forecast|expected|feared|promised|put it)\b/u;

// A past act done in a role, right before it ("he used as", "pursued as the").
const PAST_ACT_AS = /\b(?:\p{L}{2,}ed|did|made|took|held|led|ran|won|spent|sought|fought|oversaw)\s+(?:\p{L}+\s+)?as\s+(?:(?:the|a|an|his|her|their)\s+)?$/u;

/**
 * Where a source's role (lower case) stands in the draft: as written, hyphens read as spaces, or, when
 * that is nowhere, without a country's initials before it ("u.s. special counsel" as "special counsel").
 * [role as found, offset] pairs.
 */
function rolePlaces(draft: string, role: string): [string, number][] {
  const spaced = role.replace(/-/g, ' ');
  const bare = spaced.replace(COUNTRY_INITIALS, '');
  for (const form of bare === spaced ? [spaced] : [spaced, bare]) {
    const out: [string, number][] = [];
    for (let at = draft.indexOf(form); at >= 0; at = draft.indexOf(form, at + 1)) out.push([form, at]);
    if (out.length) return out;
  }
  return [];
}

const COUNTRY_INITIALS = /^(?:u\.s\.|u\.k\.|u\.n\.|us|uk|un)\s+(?=\S)/;

/**
 * A role the source gives with a status ("the former U.S. ambassador") that the draft sentence gives
 * without it ("the U.S. ambassador"): the draft presents a former holder as the sitting one. Null when
 * the draft keeps the status, says "then" or "at the time", or does not name the role. `named`: the
 * source sentence reports something else, so only the same person's role counts.
 */
export function droppedStatus(s: SourceSentence, draft: string, named = false): { status: string; role: string } | null {
  // Most source sentences give no status: the draft is not lower-cased for them (this is asked of every pair).
  const roles = statusRoles(s);
  if (!roles.length) return null;
  const source = s.text;
  const lowerDraft = draft.toLowerCase();
  // "Vice-President" and "Vice President" are one role: hyphens read as spaces, offsets kept.
  const searchDraft = lowerDraft.includes('-') ? lowerDraft.replace(/-/g, ' ') : lowerDraft;
  for (const m of roles) {
    const status = m[1]!.toLowerCase().replace(/-$/, '');
    // "acting as lobbyists", "acting on behalf of": the verb, not a status.
    if (status === 'acting' && /^\s*(?:as|on|in|for|like|with|against|to)\b/i.test(source.slice(m.index + m[1]!.length))) continue;
    // "Trump has ousted Secretary of State Rex Tillerson": after an auxiliary the word is the act reported, not a status label.
    if (VERB_STATUS.test(status) && /\b(?:has|have|had|was|were|is|are|be|been|being|to|will|would)\s+$/i.test(source.slice(Math.max(0, m.index - 12), m.index))) continue;
    const written = fullRole(source, m);
    const roleEnd = m.index + m[0].length + (written.length - m[2]!.length);
    const theirRole = written.toLowerCase().replace(/\.$/, '');
    // "former New Zealand prime minister": a role of capitalised words only, no title among them, is a place, not the role.
    if (!written.split(/\s+/).some((w) => /^\p{Ll}/u.test(w) || roleWord(w))) continue;
    // "was fired." at the end of a text leaves no role: an empty string would be found everywhere.
    if (!/\p{L}/u.test(theirRole) || theirRole.split(/\s+/).every((w) => STOPWORDS.has(w))) continue;
    for (const [role, at] of rolePlaces(searchDraft, theirRole)) {
      const before = lowerDraft.slice(Math.max(0, at - 60), at);
      const wordAfter = lowerDraft.slice(at + role.length, at + role.length + 1);
      if (/[\p{L}]/u.test(wordAfter) || (at > 0 && /[\p{L}]/u.test(lowerDraft[at - 1]!))) continue;
      // From a sentence that reports something else, only the same person counts: the name right after the role.
      // "then-", "at the time", "served as … until" near the role, and "was" right before it (WAS_ROLE), tell the role is
      // past in the draft's own way: "Yates herself was …" elsewhere in the sentence says nothing of Comey's role.
      if (PAST_ROLE.test(draft.slice(Math.max(0, at - 40), at + role.length + 40)) || WAS_ROLE.test(before)) continue;
      // "the tactic he used as New York mayor": a role an act in the past was done in is the role held then.
      // "her use of a private server as secretary of state": a role after "as" is the one held for what the phrase describes,
      // then; only "serves as", "remains" and the like make it current.
      if (PAST_ACT_AS.test(before) || (AS_ROLE.test(before) && !CURRENT_AS.test(before) && !AS_CLAUSE.test(draft.slice(at + role.length, at + role.length + 60)))) continue;
      // "Deputy Attorney General Jeff Rosen" holds another role than the acting attorney general.
      if (/\b(?:deputy|vice|assistant|associate|under|principal)\s+$/.test(before)) continue;
      // "Former Democratic presidential contender" / "the Democratic presidential nomination": the role's noun differs.
      const nounAfter = (text: string, from: number) => /^\s+(\p{Ll}[\p{Ll}-]+)/u.exec(text.slice(from, from + 30))?.[1];
      // After the whole role: "former Navy SEAL commander" ends after "commander", not after the match's two words.
      const theirNoun = nounAfter(source, roleEnd);
      const myNoun = nounAfter(draft, at + role.length);
      if (theirNoun && myNoun && theirNoun !== myNoun && !STOPWORDS.has(theirNoun) && !STOPWORDS.has(myNoun)) continue;
      // "Former hedge fund manager Tom Steyer" / "founded a hedge fund": the role's own noun missing, a thing is named, not the role.
      if (theirNoun && !myNoun && roleWord(theirNoun)) continue;
      // "fired rubber bullets": the words that are also verbs are a status only before a role and a name.
      if ((named || VERB_STATUS.test(status)) && !sameNameAfter(source, roleEnd, draft, at + role.length)) continue;
      // "fired shots before Kyle Rittenhouse": after a verb-like status, only a capitalised role or a title is a role.
      if (VERB_STATUS.test(status) && !/^\p{Lu}/u.test(m[2]!) && !role.split(/\s+/).some((w) => TITLE_WORDS.has(w))) continue;
      // "interim chief Adrian Diaz" is no status of "police chief Carmen Best": a different name after the role.
      // The name each role describes: the one after it, or the one its apposition gives it to ("Best, the city's … chief").
      const theirs = nameAfter(source, roleEnd) ?? nameBefore(source, m.index);
      const mineAfter = nameAfter(draft, at + role.length);
      const mine = mineAfter ?? nameBefore(draft, at);
      if (theirs !== undefined && mine !== undefined && theirs !== mine) continue;
      // "the former president" with no name, and "President Trump" in the draft: only the same person if the source names him there.
      if (mineAfter && theirs === undefined && !source.includes(mineAfter)) continue;
      if (!STATUS_KEPT.test(before)) return { status, role: draft.slice(at, at + role.length) };
    }
  }
  return null;
}

// A title with "-elect" and the name after it ("President-elect Joe Biden", "Governor-elect Ada Lin").
const ELECT_ROLE = /\b(\p{L}+)-elect\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]+)/gu;

/**
 * A title the source gives "-elect" that the draft gives the same person without it ("President Joe Biden" for
 * "President-elect Joe Biden"): the draft seats someone who has not yet taken office.
 */
export function droppedElect(source: string, draft: string): { status: string; role: string } | null {
  if (!source.includes('-elect')) return null;
  for (const m of source.matchAll(ELECT_ROLE)) {
    const surname = m[2]!.split(/\s+/).at(-1)!;
    const seated = new RegExp(String.raw`\b${m[1]}\s+(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}${surname}\b`, 'iu').exec(draft);
    // "the then-president-elect", "as president-elect": only the title right before the name, without "-elect", is the error.
    if (seated && !/-\s*$/.test(draft.slice(0, seated.index))) return { status: '-elect', role: seated[0] };
  }
  return null;
}

// Words of office the endings above miss.
const OFFICE_WORDS = new Set(['counsel', 'secretary', 'chief', 'chair', 'chairman', 'chairwoman', 'aide', 'attorney', 'judge', 'justice', 'head', 'envoy', 'spokesman', 'spokeswoman']);

/** A title or a word for a job ("Director", "Adviser", "strategist"). */
function roleWord(w: string): boolean {
  const x = w.toLowerCase().replace(/\.$/, '');
  return TITLE_WORDS.has(x) || /(?:er|or|ist|ant|ent)$/.test(x) || OFFICE_WORDS.has(x);
}

/**
 * The whole role after a status word, up to the name it describes: "acting Capitol Police Chief
 * Yogananda Pittman" -> "Capitol Police Chief"; "former New Zealand prime minister Helen Clark" ->
 * "New Zealand prime minister".
 */
function fullRole(text: string, m: RegExpExecArray): string {
  let role = m[2]!;
  if (!/^\p{Lu}/u.test(role.split(/\s+/).at(-1)!) || role.split(/\s+/).some(roleWord)) return role;
  for (const w of text.slice(m.index + m[0].length, m.index + m[0].length + 60).match(/^(?:\s+[\p{L}.'’-]+){1,3}/u)?.[0].trim().split(/\s+/) ?? []) {
    if (!/^\p{Ll}/u.test(w) && !roleWord(w)) break;
    role += ` ${w}`;
    if (roleWord(w)) break;
  }
  return role;
}

/** A source sentence's status words with the role after each, found once per sentence (most have none). */
function statusRoles(s: SourceSentence): RegExpExecArray[] {
  return (s.statusRoles ??= STATUS_WORD.test(s.text) ? ([...s.text.matchAll(STATUS_ROLE)] as RegExpExecArray[]) : []);
}

/** Whether a capitalised name follows both offsets, its last word the same ("director James Comey"). */
function sameNameAfter(a: string, atA: number, b: string, atB: number): boolean {
  // The last of the capitalised words after the role: "State Rex Tillerson" is not "State Mike Pompeo".
  const x = nameAfter(a, atA);
  return x !== undefined && x === nameAfter(b, atB);
}

/** The name an apposition gives its role to ("Carmen Best, the city's first Black police chief" -> "Best"). */
function nameBefore(t: string, at: number): string | undefined {
  // "Ryan Zinke of Montana, a former …": the person, not the place that follows the name.
  return /(\p{Lu}[\p{L}'’-]+)(?:\s+of\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)?)?,\s+(?:the|a|an)\s+[^,;.]{0,50}$/u.exec(t.slice(Math.max(0, at - 90), at))?.[1];
}

/** The last of the capitalised words right after an offset ("director James Comey" -> "Comey"). */
function nameAfter(t: string, at: number): string | undefined {
  return /^\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]+)/u.exec(t.slice(at, at + 60))?.[1]?.split(/\s+/).at(-1);
}

// Seats a title before a name gives its holder, abbreviations to their seat: "Justice Barrett" is no "Judge Barrett". One person
// holds one seat at a time; roles held beside a seat (chair, speaker, candidate, nominee) are left out.
const OFFICE: ReadonlyMap<string, string> = new Map(
  Object.entries({
    president: 'president', justice: 'justice', judge: 'judge', senator: 'senator', sen: 'senator', representative: 'representative',
    rep: 'representative', congressman: 'representative', congresswoman: 'representative', governor: 'governor', gov: 'governor',
    mayor: 'mayor', secretary: 'secretary', minister: 'minister', chancellor: 'chancellor', king: 'king', queen: 'queen', pope: 'pope',
    premier: 'premier', sheriff: 'sheriff',
  }),
);
// A capitalised word, a title if it is a seat's; the name after a title, which a possessive ends ("Judge Ada Lin's Supreme
// Court hearing"). "the senator Lin called" is a noun before a subject.
const CAPITALISED = /\b\p{Lu}\p{Ll}{1,13}\b/gu;
const NAME_AFTER_TITLE = /\.?\s+((?:\p{Lu}[\p{L}.-]*(?:['’]\p{L}{2,})?\s+){0,3}\p{Lu}[\p{L}'’-]+)/uy;

/** The seat titles of a text with the name after each ("Justice Amy Coney Barrett" -> title "Justice", name "Amy Coney Barrett"). */
function* titledNames(text: string): Generator<{ index: number; title: string; name: string; end: number }> {
  for (const m of text.matchAll(CAPITALISED)) {
    if (!OFFICE.has(m[0].toLowerCase())) continue;
    NAME_AFTER_TITLE.lastIndex = m.index + m[0].length;
    const n = NAME_AFTER_TITLE.exec(text);
    if (n) yield { index: m.index, title: m[0], name: n[1]!, end: NAME_AFTER_TITLE.lastIndex };
  }
}

/** The offices the titles right before a name give it, past its given names ("nominee Judge Amy Coney Barrett" at "Barrett" -> nominee, judge). */
function officesBefore(text: string, at: number): string[] {
  // "“Sen. Lin is …”": marks before a word are not part of it.
  const words = text.slice(Math.max(0, at - 60), at).split(/\s+/).map((w) => w.replace(/^[^\p{L}]+/u, '')).filter(Boolean);
  const office = (w: string | undefined) => OFFICE.get(w?.toLowerCase().replace(/\.$/, '') ?? '');
  for (let given = 0; given < 3 && words.length > 1 && /^\p{Lu}/u.test(words.at(-1)!) && !office(words.at(-1)); given++) words.pop();
  const out: string[] = [];
  for (let o = office(words.at(-1)); o; o = office(words.at(-1))) {
    out.push(o);
    words.pop();
  }
  return out;
}

/**
 * An office the draft gives a person by title that no cited source gives them, where the sources do give them another
 * ("Justice Amy Coney Barrett" where every source says "Judge Barrett" or "nominee Amy Coney Barrett"): the draft
 * names someone to an office they do not (yet) hold. A person the sources give no office title is not judged.
 */
export function swappedTitle(draft: string, seatsOf: (surname: string) => ReadonlySet<string>): { title: string; theirs: string; name: string } | null {
  for (const m of titledNames(draft)) {
    // "Former Vice President Joe Biden", "Chief Justice John Roberts", "ex-Gov.": a compound title or a status names another office.
    if ((m.index > 0 && draft[m.index - 1] === '-') || TITLE_WORDS.has(/(\p{L}+)\s*$/u.exec(draft.slice(Math.max(0, m.index - 20), m.index))?.[1]?.toLowerCase() ?? '')) continue;
    const last = m.name.split(/\s+/).at(-1)!;
    const surname = last.replace(/['’]s$/, '');
    const theirs = seatsOf(surname);
    if (theirs.size && !officesBefore(draft, m.end - last.length).some((o) => theirs.has(o))) {
      return { title: draft.slice(m.index, m.end), theirs: [...theirs].join(' or '), name: surname };
    }
  }
  return null;
}

/** The seats the titles before each mention of a surname give it in the texts ("Judge Amy Coney Barrett" -> judge). */
export function seatsIn(texts: readonly string[], surname: string): Set<string> {
  const out = new Set<string>();
  const mention = new RegExp(String.raw`\b${surname}\b`, 'gu');
  for (const text of texts) for (const at of text.matchAll(mention)) for (const o of officesBefore(text, at.index)) out.add(o);
  return out;
}
