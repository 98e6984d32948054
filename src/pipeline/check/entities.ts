// Words that describe a name before it: "Former U.S. House Speaker", "Senior U.S. officials".
const DESCRIBING = new Set(['former', 'senior', 'top', 'then', 'ex']);

/** `entities`: names in the text appear in the cited sources; status words ("former", "acting") are supported by them. */
import { escapeRegExp } from '../../lib/text';
import { type EntitySpan, extractEntities, nameWords } from './extract/entities';
import { acronymOf, aliasesOf, isPlace, isUsState, nameCore, outletByShortName, personName, samePlace } from './extract/names';
import { isHolidayName } from './extract/numbers';
import { extractQuotes, type QuoteSpan, sameSpeaker, speakerOf } from './extract/quotes';
import { otherSpeaker, quoteSource, quoteWords, sourceSpeaker } from './quotes';
import { checkLinks } from './causes';
import { checkRoles } from './roles';
import { checkSpeakers } from './speakers';
import { holdsRole } from './speaker-phrases';
import { checkTense } from './tense';
import { type CheckContext, excerpt, findLoosePhrase, findPhrase, type IndexedSource, labels, matchTokens, type SourceSentence, sentencesOf, sourcesFor } from './context';
import { type Passage, passageSentences, sentenceEntities, sentenceStatusClaims, sentenceTokens } from './passages';
import { affinity, clearlyRestatesRival, neighbours, type Restatement, type Tok } from './restates';

// A rival name's place must beat the name's own best place by this factor plus this margin (measured: npm run eval:checks).
const RIVAL_RATIO = 1.5;
const RIVAL_MARGIN = 0.6;
// An FAQ answer is a fragment with few words around its names: a rival place must win by more, as for figures (./numbers).
// Dev model-written drafts (round 24): 4 fewer flagged, no error caught less; no rival in an answer caught one at 0.6.
const ANSWER_MARGIN = 1.0;

// How many words before a name a source's status word may sit ("former chief executive Ada Lin").
const STATUS_REACH = 6;
// How many words after a name an apposition's status word may sit ("Rasmussen, the former prime minister").
const STATUS_AFTER = 3;

// Offices a house style may capitalise after a place ("Florida Governor", "US President") where no name follows.
const OFFICE = /^(?:governor|president|senator|mayor|premier|minister|chancellor|ambassador|attorney-general|secretary)$/;

export function checkEntities(ctx: CheckContext): string[] {
  const ignore = new Set([ctx.policy.siteName, ...ctx.policy.categories].map((n) => nameWords(n).join(' ')));
  const publishers = new Set(ctx.sources.map((s) => nameWords(s.publisher).join(' ')));
  for (const s of ctx.sources) {
    const own = nameWords(s.publisher).filter((w) => w !== 'the');
    publishers.add(own.join(' '));
    // "the Herald": an outlet's masthead word on second reference.
    if (outletByShortName(ctx.sources, own.at(-1)!) === s.n) publishers.add(own.at(-1)!);
  }
  const details: string[] = [];
  // Our outlets' names of two words or more, which a draft may run into the name it credits to them.
  const longPublishers = [...publishers].filter((pub) => pub.includes(' '));
  // Our sources' and our own names are not actors of the story.
  const roleIgnore = new Set([...publishers, ...ignore].flatMap((n) => n.split(' ')));
  // The names the article's cited passages give: each is checked there, against the sources that passage cites.
  let bodyNames: Set<string> | undefined;
  for (const p of ctx.passages) {
    // Titles and headings are in title case: their capitals say nothing about names.
    if (p.kind === 'title' || p.kind === 'heading') continue;
    const pool = sourcesFor(ctx, p);
    for (const part of passageSentences(p)) {
      const sentence = part.text;
      let quotes: QuoteSpan[] | undefined;
      if (p.citations !== null) {
        details.push(...checkRoles(ctx, p, part, pool, (quotes ??= extractQuotes(sentence)), roleIgnore));
        details.push(...checkTense(ctx, p, part, pool));
        details.push(...checkSpeakers(ctx, p, part, pool, quotes));
        details.push(...checkLinks(ctx, p, part, pool));
      }
      // The sentence's names are found once per call (evidence reads them too); the site's own names are not checked.
      const entities = sentenceEntities(part);
      for (const [i, e] of entities.entries()) {
        if (ignore.has(e.words.join(' ')) || isHolidayName(e.raw)) continue;
        // Our sources' own names ("according to Harbor Signal", "Per the Harbor Signal,") are known names.
        if (isPublisher(publishers, e.words) || (CREDIT_WORD.has(e.words[0]!) && isPublisher(publishers, e.words.slice(1)))) continue;
        // "the Times called him Raman Pratasevich and the Journal Roman Protasevich": an outlet's name run into the name it gives.
        const credited = longPublishers.find((pub) => e.words.join(' ').startsWith(`${pub} `));
        if (credited && found(pool, e.words.slice(credited.split(' ').length), false)) continue;
        // "President Donald Trump's Department of Homeland Security": an owner and what it owns, each a name of its own.
        const owned = possessiveHalves(e);
        // "The Coastal Herald's Person of the Year piece": one of our outlets owns it, and that outlet's report gives it.
        if (owned && (owned.every((half) => found(pool, half, false)) || ownedByOutlet(ctx, owned))) continue;
        // "a New York Democrat": a place and a party describe a person the sentence names; they are no name themselves.
        if (PARTY_MEMBER.has(e.words.at(-1)!) && e.words.length <= 3) continue;
        // "John McCain, Republican of Arizona": a party and a place, the way some papers tag a member of Congress.
        if (PARTY_MEMBER.has(e.words[0]!) && e.words[1] === 'of' && e.words.length <= 4) continue;
        // A dek or a question sums up the body: a name the body gives is checked where the body gives it, in context.
        if (p.citations === null && (bodyNames ??= namesOfBody(ctx)).has(e.words.join(' '))) continue;
        if (found(pool, e.words, e.sentenceInitial)) {
          if (p.citations === null) continue;
          quotes ??= extractQuotes(sentence);
          const inside = quotes.find((q) => q.start < e.start && e.start < q.end);
          if (inside) {
            if (!quotedInPlace(ctx, p, inside, e)) details.push(`${p.where}: "${e.raw}" is quoted, but no cited source (${labels(pool)}) gives these words around it — ${excerpt(sentence)}`);
            continue;
          }
          const speaker = speakerCheck(ctx, p, sentence, quotes, e);
          if (speaker !== undefined) {
            if (speaker) details.push(`${p.where}: "${e.raw}" is named as the speaker, but ${speaker} — ${excerpt(sentence)}`);
            continue;
          }
          // Only a person stands in for another person: organisations and places share their surroundings too often.
          const r = personLike(e) ? restatement(ctx, sentenceTokens(part), sentence, e, pool, ignore, publishers) : null;
          if (r && clearlyRestatesRival(r, RIVAL_RATIO, p.kind === 'answer' ? ANSWER_MARGIN : RIVAL_MARGIN)) {
            const at = r.rivalAt!;
            details.push(`${p.where}: "${e.raw}" stands where ${ctx.byNumber.get(at.s.n)!.label} names ${at.e.raw} — ${excerpt(at.s.text, 90)} — ${excerpt(sentence)}`);
          }
          continue;
        }
        // "Department of Health and Human Services": one name that the finder splits at its "and".
        if (joinedFound(pool, sentence, entities, i)) continue;
        // "a Cleveland-area House seat", "the Ohio-based firm": a place hyphened onto a describing word is the place.
        const placed = /^([\p{L}.'’]+)-(?:area|based|born|bred|raised|headquartered)$/u.exec(e.words[0]!);
        if (placed && found(pool, [placed[1]!], false)) continue;
        if (pluralInitialism(pool, e.raw) || memberState(pool, sentence, e)) continue;
        // "two U.S. Senate runoffs": the country as a modifier describes the name after it; that name is checked.
        // "Former U.S. House Speaker": a word describing the person before the country leaves it a modifier all the same.
        // "Former U.K. Home Secretary": so does any country's.
        const place = DESCRIBING.has(e.words[0]!) ? e.raw.split(/\s+/).slice(1).join(' ') : e.raw;
        if ((aliasesOf((DESCRIBING.has(e.words[0]!) ? e.words.slice(1) : e.words).join(' ')).includes('united states') || isPlace(place)) && /^\.?\s+\p{Lu}/u.test(sentence.slice(e.start + e.raw.length))) continue;
        // "the Nobel Prize-winning novelist": the honour is the name a source must give ("won the Nobel Prize").
        const honour = /^(.+)-(?:winning|nominated)$/.exec(e.words.at(-1)!);
        if (honour && found(pool, [...e.words.slice(0, -1), honour[1]!], false)) continue;
        // "The Florida Governor's order", "the US President": a place and an office capitalised as a house style does, no name.
        if (e.words.length >= 2 && OFFICE.test(e.words.at(-1)!) && isPlace(e.raw.split(/\s+/).slice(0, -1).join(' ')) && found(pool, e.words.slice(0, -1), false)) continue;
        const elsewhere = [...ctx.byNumber.values()].filter((s) => !pool.includes(s) && found([s], e.words, e.sentenceInitial));
        // An organisation or place another of the story's sources names, anchored by one of its words in the cited sources
        // ("House Republicans" where the cited source says "Republicans"), is known; a person must be in the cited sources,
        // since a person in the wrong paragraph is the who-did-what error this check is for.
        if (elsewhere.length && p.citations !== null && !personLike(e) && anchored(pool, e.words)) continue;
        // "U.S. officials", "U.S. and Mexican officials" where the cited report says "the administration": the country
        // another of the story's reports names, as a word describing a noun, says where the story happens, known to every
        // report of it. Not as a party that acts ("the United States said") or the place a figure is counted in ("110,000
        // cases in the U.S." for a worldwide count): those are claims of their own.
        // "U.S. first lady Melania Trump", "Four U.S. senators" (a count opening the sentence is no part of the name): so is the
        // country of a story whose reports place it in the United States by its states and federal institutions.
        const country = e.words[0] && COUNT_WORD.test(e.words[0]) ? e.words.slice(1) : e.words;
        if (
          (elsewhere.length || americanStory(ctx)) &&
          p.citations !== null &&
          country.length === 1 &&
          aliasesOf(country.join(' ')).includes('united states') &&
          describesNoun(sentence.slice(e.start + e.raw.length)) &&
          !PLACE_BEFORE.test(sentence.slice(Math.max(0, e.start - 30), e.start))
        )
          continue;
        const hint = elsewhere.length ? ` (it is in ${labels(elsewhere)}, which the paragraph does not cite)` : '';
        details.push(`${p.where}: "${e.raw}" is not in ${p.citations ? `the cited ${labels(pool)}` : 'any source'}${hint} — ${excerpt(sentence)}`);
      }
      for (const claim of sentenceStatusClaims(part)) {
        if (!statusSupported(pool, claim.status, nameWords(claim.name))) {
          details.push(`${p.where}: "${claim.raw}" calls ${claim.name} ${claim.status}, which ${p.citations ? `the cited ${labels(pool)}` : 'no source'} ${p.citations && pool.length === 1 ? 'does' : 'do'} not say — ${excerpt(sentence)}`);
        }
      }
    }
  }
  return details;
}

const CREDIT_WORD = new Set(['per', 'via']);
// Words after a name that make it the one acting: a verb of saying, an auxiliary, a conjunction before another verb.
const ACTING_NEXT = /^\.?\s+(?:said|says|has|have|had|is|was|were|will|would|could|should|may|might|must|did|does|announced|agreed|claimed|told|warned|wants|plans|led|sent|made)\b/i;
// A count opening a sentence, which the name finder reads into the name after it ("Four U.S. senators").
const COUNT_WORD = /^(?:two|three|four|five|six|seven|eight|nine|ten|several|many|some|dozens|hundreds|thousands)$/;
// Federal institutions of the United States, by the names reports give them.
const US_INSTITUTION = /\b(?:White House|Congress|Senate|House of Representatives|Pentagon|Capitol|Supreme Court|Justice Department|State Department|FBI|CIA|CDC|Centers for Disease Control|FDA|Food and Drug Administration|NIH|FEMA|NASA|Federal Reserve|IRS|Secret Service|Homeland Security)\b/;

/** Whether the story's reports place it in the United States: they name it, one of its states or a federal institution. Found once per call. */
function americanStory(ctx: CheckContext): boolean {
  return (ctx.american ??= ctx.sentences.some((s) => US_INSTITUTION.test(s.text) || /\b(?:U\.S\.|US|United States|American)\b/.test(s.text) || (s.text.match(/\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?/gu) ?? []).some((w) => isUsState(w))));
}

/** Whether the words after a country's short name make it describe a noun ("U.S. officials", "U.S. and Mexican officials"). */
const describesNoun = (after: string) => !ACTING_NEXT.test(after) && /^\.?\s+(?:\p{Ll}|and\s+\p{Lu}[\p{L}-]+\s+\p{Ll})/u.test(after);
// A preposition that makes the name after it the place of what the sentence counts or reports.
// "in the U.S.", "to the U.S.": the country as a place; "an adviser to U.S. first lady …" has no article and describes.
const PLACE_BEFORE = /\b(?:in|across|throughout|within|inside|outside|to|from|into)\s+the\s+$|\b(?:in|across|throughout|within|inside|outside|into)\s+$/i;

/** A name with a possessive inside ("Trump's Department of Homeland Security") as its owner and the organisation it owns, or null. */
/** Whether the owner half names one of the story's outlets and that outlet's report gives the other half. */
function ownedByOutlet(ctx: CheckContext, [owner, thing]: [string[], string[]]): boolean {
  const name = owner.filter((w) => w !== 'the').join(' ');
  const outlet = [...ctx.byNumber.values()].find((s) => nameWords(s.doc.publisher).filter((w) => w !== 'the').join(' ') === name);
  return outlet !== undefined && found([outlet], thing, false);
}

function possessiveHalves(e: EntitySpan): [string[], string[]] | null {
  const m = /^(.+?)['’]s\s+(\p{Lu}.*)$/u.exec(e.raw);
  if (!m) return null;
  const [left, right] = [nameWords(m[1]!), nameWords(m[2]!)];
  // "CNN's Jake Tapper" is one person, named by the outlet: a person put in another's place is the error this check is for.
  return left.length && right.length && personName(right, m[2]!) === null ? [left, right] : null;
}

/**
 * Whether the name, joined by "and" to the name next to it ("National Institute of Allergy" and "Infectious Diseases"), is
 * found. Never two people: "President Donald Trump and Defense Secretary James Mattis" are two actors, each checked alone.
 */
function joinedFound(pool: IndexedSource[], sentence: string, entities: EntitySpan[], i: number): boolean {
  const joined = (a: EntitySpan, b: EntitySpan) =>
    // "… of Allergy and Infectious Diseases": after an "of", what the "and" adds is the organisation's field, not a person.
    !personLike(a) && (a.words.includes('of') || !personLike(b)) && /^\s+(?:and|&)\s+$/.test(sentence.slice(a.start + a.raw.length, b.start)) && found(pool, [...a.words, 'and', ...b.words], a.sentenceInitial);
  const [before, e, after] = [entities[i - 1], entities[i]!, entities[i + 1]];
  return (after !== undefined && joined(e, after)) || (before !== undefined && joined(before, e));
}

/** The names (their words, space-joined) of the article's cited passages. */
function namesOfBody(ctx: CheckContext): Set<string> {
  const out = new Set<string>();
  for (const p of ctx.passages) if (p.citations !== null) for (const part of passageSentences(p)) for (const e of sentenceEntities(part)) out.add(e.words.join(' '));
  return out;
}

/**
 * Whether the cited sources give the name in any of the ways journalists write it: as written,
 * an alias ("U.S." = "United States"), its core without titles, initials or an "of" tail
 * ("Sen. Susan Collins of Maine" = "Susan Collins"), an acronym of a name in the sources or the
 * name an acronym stands for, or every core word ("Justices Sotomayor" = "Sonia Sotomayor").
 */
function found(pool: IndexedSource[], words: string[], sentenceInitial: boolean): boolean {
  if (variantFound(pool, words)) return true;
  // "swap Columbus Day for Indigenous Peoples Day": two names a connector put side by side.
  const joint = words.findIndex((w, i) => i > 0 && i < words.length - 1 && (w === 'for' || w === 'of' || w === 'the'));
  if (joint > 0) {
    const [left, right] = [words.slice(0, joint), words.slice(joint + 1).filter((w) => w !== 'the')];
    if (left.length && right.length && variantFound(pool, left) && variantFound(pool, right)) return true;
  }
  // "a Trump-era State Department": a one-word name (an "-era" dropped) set before another as its modifier, each in the
  // cited sources. Not for a person's name, whose given name is no modifier.
  if (words.length >= 2 && !personName(words, words.join(' '))) {
    const modifier = words[0]!.replace(/-era$/, '');
    if (modifier.length > 1 && findPhrase(pool, [modifier]) && variantFound(pool, words.slice(1))) return true;
  }
  // "Department of Health and Human Services" where the source says "the offices of Health and Human Services": the generic
  // head left off, when what is left is a name of two or more words ("Department of Energy" is not "energy").
  if (words.length > 4 && GENERIC_HEADS.has(words[0]!) && words[1] === 'of' && findPhrase(pool, words.slice(2))) return true;
  // "the House Homeland Security Committee" where the source names its chair ("the House Homeland Security chairman").
  if (words.length > 2 && words.at(-1) === 'committee' && COMMITTEE_HEAD.some((head) => findPhrase(pool, [...words.slice(0, -1), head]))) return true;
  // "Republicans Deb Fischer of Nebraska": a party's members named as a list's label before the first name of the list.
  if (words.length > 2 && PARTY_LABEL.has(words[0]!) && found(pool, words.slice(1), false)) return true;
  // A person is found by the surname: writers add given names and titles the source leaves out ("President Donald Trump").
  const person = personName(words, words.join(' '));
  if (person && findPhrase(pool, [person.at(-1)!])) return true;
  // "Despite the Biden administration": an opening word may be capitalised for grammar only.
  if (sentenceInitial && words.length > 1) {
    let rest = words.slice(1);
    while (rest.length && ['of', 'for', 'the', 'and', 'de'].includes(rest[0]!)) rest = rest.slice(1);
    if (rest.length && variantFound(pool, rest)) return true;
  }
  return false;
}

const COMMITTEE_HEAD = ['chairman', 'chairwoman', 'chair', 'panel', 'subcommittee'];
const GENERIC_HEADS = new Set(['department', 'ministry', 'office', 'agency', 'bureau', 'secretary']);
const PARTY_LABEL = new Set(['republicans', 'democrats', 'independents', 'conservatives', 'liberals']);

function variantFound(pool: IndexedSource[], words: string[]): boolean {
  if (findPhrase(pool, words) || findLoosePhrase(pool, words)) return true;
  // "S&P", "AT&T": the sources' text is matched word by word, where "&" parts the name.
  if (words.some((w) => w.includes('&')) && findPhrase(pool, matchTokens(words.join(' ')))) return true;
  // "Mount Rushmore" for "Mt. Rushmore", "Fort Worth" for "Ft. Worth": a name word and its abbreviation.
  if (words.some((w) => Object.hasOwn(ABBREVIATED, w)) && findPhrase(pool, words.map((w) => (Object.hasOwn(ABBREVIATED, w) ? ABBREVIATED[w]! : w)))) return true;
  // "the Justice Department" is "the Department of Justice", and the other way round.
  const flipped = departmentFlip(words);
  // "DOJ", "DHS": a department's initials keep the "of" ("Department of Justice"), written in capitals ("a John Doe" is none).
  if (flipped && (findPhrase(pool, flipped) || initialsIn(pool, flipped.map((w) => w[0]).join('').toUpperCase()))) return true;
  // "Defence Ministry" for "Defense Ministry", "Labor Party" for "Labour Party": one name in British and American spelling.
  const respelled = words.map(otherSpelling);
  if (respelled.some((w, i) => w !== words[i]) && findPhrase(pool, respelled)) return true;
  // "Big Ten" for "Big 10", "Group of 7" for "Group of Seven": a name's number in words or in digits; "G7" for "G-7".
  const renumbered = words.map(otherNumeral);
  if (renumbered.some((w, i) => w !== words[i]) && findPhrase(pool, renumbered)) return true;
  const hyphened = words.map((w) => (/\p{L}-\d/u.test(w) ? w.replace(/(?<=\p{L})-(?=\d)/u, '') : w.replace(/^(\p{L}{1,3})(?=\d+$)/u, '$1-')));
  if (hyphened.some((w, i) => w !== words[i]) && findPhrase(pool, hyphened)) return true;
  // "the Department of Homeland Security" where the sources name only its head ("acting Secretary of Homeland Security").
  const field = words[0] === 'department' && words[1] === 'of' ? words.slice(2) : words.at(-1) === 'department' ? words.slice(0, -1) : [];
  if (field.length && (findPhrase(pool, ['secretary', 'of', ...field]) || findPhrase(pool, [...field, 'secretary']))) return true;
  const phrase = words.join(' ');
  if (aliasesOf(phrase).some((a) => findPhrase(pool, a.split(' ')))) return true;
  const core = nameCore(words);
  if (!core.length) return true;
  if (aliasesOf(core.join(' ')).some((a) => findPhrase(pool, a.split(' ')))) return true;
  const acronym = acronymOf(core);
  if (acronym && acronym.length >= 2 && findPhrase(pool, [acronym])) return true;
  // "Federal Bureau of Investigation" is "FBI", "Department of Energy" "DOE": the acronym spans an "of" tail that the core
  // leaves off. Only one a source writes in capitals, of three letters or more: "de", "be" or "aid" are words.
  if (words.includes('of') && writtenInCapitals(pool, fullAcronyms(words))) return true;
  if (core.length === 1 && pool.some((s) => acronymsOf(s).has(core[0]!.replace(/\./g, '')))) return true;
  // Every core word in the sources: a name split by a title or apposition ("Sonia Sotomayor" … "Justice Sotomayor").
  // Generic words of an organisation's name are often left out ("Santa Clara Sheriff's Office" for "Santa Clara County Sheriff's Office").
  const telling = core.filter((w) => !WEAK.has(w));
  return (telling.length >= 2 || telling.length === core.length) && telling.every((w) => wordFound(pool, w));
}

const NUMERALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** A number word as digits ("ten" -> "10") and digits up to 20 as the word; any other word as it is. */
function otherNumeral(w: string): string {
  const k = NUMERALS.indexOf(w);
  if (k >= 0) return String(k);
  return /^\d{1,2}$/.test(w) && Number(w) < NUMERALS.length ? NUMERALS[Number(w)]! : w;
}

// British endings and their American forms, each way: "defence"/"defense", "labour"/"labor", "centre"/"center", "organisation"/"organization".
const SPELLINGS: [RegExp, string][] = [
  [/(?<=^(?:def|off|lic|pret))ence$/, 'ense'],
  [/(?<=^(?:def|off|lic|pret))ense$/, 'ence'],
  [/(?<=\p{L}{3})our$/u, 'or'],
  [/(?<=^(?:lab|hon|harb|fav|col|vig|rum|neighb|behavi))or$/, 'our'],
  [/(?<=^(?:cent|theat|met|fib))re$/, 'er'],
  [/(?<=^(?:cent|theat|met|fib))er$/, 're'],
  [/isation$/, 'ization'],
  [/ization$/, 'isation'],
];

/** A lower-case word in the other of British and American spelling, or the word itself where the two agree. */
function otherSpelling(word: string): string {
  // "Labour-led": each part of a hyphened word on its own.
  if (word.includes('-')) return word.split('-').map(otherSpelling).join('-');
  for (const [ending, other] of SPELLINGS) if (ending.test(word)) return word.replace(ending, other);
  return word;
}

/** Whether a cited source writes the capitals as a word of its own ("DOJ"). */
function initialsIn(pool: IndexedSource[], capitals: string): boolean {
  const word = new RegExp(`(?<!\\p{L})${capitals}(?!\\p{L})`, 'u');
  return pool.some((s) => word.test(s.doc.text));
}

// Name words and their abbreviations, both ways (a full stop is dropped from a name word: "Mt." is "mt").
const ABBREVIATED: Record<string, string> = { mount: 'mt', mt: 'mount', fort: 'ft', ft: 'fort', saint: 'st', st: 'saint', port: 'pt', pt: 'port' };

/** "justice department" <-> "department of justice" (possessive dropped), or null for other names. */
function departmentFlip(words: string[]): string[] | null {
  const last = words.at(-1)?.replace(/['’]s?$/, '');
  if (words.length >= 2 && (last === 'department' || last === 'ministry')) return [last, 'of', ...words.slice(0, -1)];
  if (words.length >= 3 && (words[0] === 'department' || words[0] === 'ministry') && words[1] === 'of') return [...words.slice(2), words[0]];
  return null;
}

/** A name word in the sources as written, as an alias, or in its other number or as its place ("Hispanics", "South Africa" for "African"). */
function wordFound(pool: IndexedSource[], w: string): boolean {
  if (findPhrase(pool, [w]) || aliasesOf(w).some((a) => findPhrase(pool, a.split(' ')))) return true;
  const forms = [w.endsWith('s') ? w.slice(0, -1) : `${w}s`];
  // "the House Democratic deadline" for "House Democrats": a party's adjective is its members' name.
  if (w === 'democratic') forms.push('democrats', 'democrat');
  else if (w === 'democrats' || w === 'democrat') forms.push('democratic');
  // Demonyms of the commonest shapes: "African"/"Africa", "Americans"/"America", "Iraqi"/"Iraq".
  const single = w.endsWith('ans') ? w.slice(0, -1) : w;
  // "Puerto Ricans"/"Puerto Rico", "Mexican"/"Mexico", "Chicagoans"/"Chicago": "-an" after a place ending in "o".
  if (single.endsWith('an') && single.length > 4) forms.push(single.slice(0, -1), `${single.slice(0, -2)}o`, single.slice(0, -2));
  // "Carolinians" and "Virginians" are of Carolina and Virginia.
  if (single.endsWith('ian') && single.length > 6) forms.push(`${single.slice(0, -3)}a`, `${single.slice(0, -3)}ia`);
  if (w.endsWith('i') && w.length > 4) forms.push(w.slice(0, -1));
  return forms.some((f) => findPhrase(pool, [f]));
}

const MAX_ACRONYM = 8;

/** The acronyms of every run of two or more words of the names a source gives ("U.S. Food and Drug Administration" -> "fda"), found once. */
function acronymsOf(source: IndexedSource): Set<string> {
  if (source.acronyms) return source.acronyms;
  const out = new Set<string>();
  const text = `${source.doc.title}. ${source.doc.text}`;
  // Names are split at "and" ("Harbor Signal and Lattice Dispatch" is two), but an acronym spans it ("Food and Drug Administration").
  const joined = [...text.matchAll(/\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:and|of|for|the|&)\s+)?\p{Lu}[\p{L}'’-]*)+/gu)].map((m) => nameWords(m[0]));
  for (const words of [...extractEntities(text).map((e) => e.words), ...joined]) {
    for (const list of [words, nameCore(words)]) {
      const content = list.filter((w) => !['of', 'for', 'and', 'the', '&'].includes(w));
      // "Freedom of Information Act" is "FOIA": some acronyms keep the "of".
      const withOf = list.includes('of') ? list.filter((w) => !['for', 'and', 'the', '&'].includes(w)) : [];
      // Every run of two to MAX_ACRONYM words: "Centers for Disease Control and Prevention" is also "CDC". (Longer runs
      // make no acronym a text uses, and a source of a thousand capitalised words would cost a cubic number of joins.)
      for (const run of withOf.length ? [content, withOf] : [content]) {
        for (let i = 0; i + 2 <= run.length; i++) {
          let letters = run[i]![0]!;
          for (let j = i + 1; j < run.length && j - i < MAX_ACRONYM; j++) out.add((letters += run[j]![0]!));
        }
      }
      out.add(acronymOf(list) ?? '');
    }
    // "Secretary of Homeland Security" heads the department a text may call "DHS".
    // The name may run on into the secretary's own ("… Security Chad Wolf"), whose given name and surname are its last two
    // words: a run of three or more words makes initials of all but those ("Secretary of State Ana Ruiz" is no "DSA").
    if (words[0] === 'secretary' && words[1] === 'of') {
      const field = words.slice(2, 2 + MAX_ACRONYM).filter((x) => !['and', 'the', '&'].includes(x));
      let letters = 'd';
      for (const w of field.length >= 3 ? field.slice(0, -2) : field) out.add((letters += w[0]!));
    }
  }
  return (source.acronyms = out);
}

/**
 * Congress members' party tags a source gives, each with the surname it follows ("Donald Payne Jr. (D-NJ)" -> payne, NJ;
 * "Rep. Bennie Thompson, D-Miss." -> thompson, Miss), found once.
 */
function stateTagsOf(source: IndexedSource): { surname: string; state: string }[] {
  const text = `${source.doc.title}. ${source.doc.text}`;
  return (source.stateTags ??= [...text.matchAll(/(\p{Lu}[\p{L}'’-]+)(?:,?\s+(?:Jr|Sr|II|III)\.?)?\s*[(,]\s*[DRI]-\s?([\p{Lu}][\p{L}.]*)/gu)].map((m) => ({
    surname: m[1]!.toLowerCase(),
    state: m[2]!.replace(/\.$/, ''),
  })));
}

/** "Donald Payne of New Jersey" where a cited source tags Payne "(D-NJ)": a state named as the home of a member the sentence names. */
function memberState(pool: IndexedSource[], sentence: string, e: EntitySpan): boolean {
  const phrase = e.words.join(' ');
  if (!isUsState(phrase)) return false;
  const near = sentence.slice(Math.max(0, e.start - 40), e.start).toLowerCase();
  return pool.some((s) => stateTagsOf(s).some((t) => samePlace(t.state, phrase) && new RegExp(`\\b${escapeRegExp(t.surname)}\\b`).test(near)));
}

/** "UFOs", "NGOs" written as capitals and a plural "s": the initialism ("U.F.O.", "UFO") a cited source gives. */
function pluralInitialism(pool: IndexedSource[], raw: string): boolean {
  const m = /^((?:\p{Lu}\.?){2,8})s$/u.exec(raw.trim());
  return m !== null && writtenInCapitals(pool, [m[1]!.replace(/\./g, '').toLowerCase()]);
}

/** The acronyms of a name with an "of": its content words' initials, and with the "of" too ("Department of Energy": de, doe). */
function fullAcronyms(words: readonly string[]): string[] {
  const content = words.filter((w) => !['for', 'and', 'the', '&'].includes(w));
  return [content.filter((w) => w !== 'of'), content].map((list) => list.map((w) => w[0]).join('')).filter((a) => a.length >= 3);
}

/** Whether a cited source writes one of the acronyms (lower case given) in capitals, with or without full stops ("FBI", "F.B.I."). */
function writtenInCapitals(pool: IndexedSource[], acronyms: readonly string[]): boolean {
  return acronyms.some((a) => {
    const letters = a.toUpperCase().split('');
    const re = new RegExp(`(?<![\\p{L}.])(?:${letters.join('')}|${letters.join('\\.')}\\.?)(?![\\p{L}])`, 'u');
    return pool.some((s) => re.test(s.doc.text) || re.test(s.doc.title));
  });
}

function isPublisher(publishers: Set<string>, words: string[]): boolean {
  return publishers.has(words.join(' ')) || (words[0] === 'the' && publishers.has(words.slice(1).join(' ')));
}

// Name words too common to locate a name by on their own.
const WEAK = new Set(['of', 'for', 'the', 'and', 'de', 'group', 'company', 'city', 'county', 'university', 'institute', 'office', 'association', 'union']);

// Words either side of a name inside a quotation that must read as in the source.
const QUOTE_REACH = 2;

/** A name inside a quotation stands in the source's wording: the whole quotation, or the words around the name, are in a cited source. */
function quotedInPlace(ctx: CheckContext, p: Passage, q: QuoteSpan, e: EntitySpan): boolean {
  if (quoteSource(ctx, p, q.inner)) return true;
  const pool = sourcesFor(ctx, p);
  const tokens = matchTokens(q.inner);
  const name = matchTokens(e.raw);
  for (let i = 0; i + name.length <= tokens.length; i++) {
    if (name.some((w, k) => tokens[i + k] !== w)) continue;
    const window = tokens.slice(Math.max(0, i - QUOTE_REACH), i + name.length + QUOTE_REACH);
    if (!findPhrase(pool, window)) return false;
  }
  return true;
}

/**
 * For the speaker of a quotation: undefined when the name speaks no quotation the
 * sources attribute; else null when a cited source gives the quotation to this name,
 * or what the source says instead.
 */
function speakerCheck(ctx: CheckContext, p: Passage, sentence: string, quotes: QuoteSpan[], e: EntitySpan): string | null | undefined {
  for (const q of quotes) {
    const said = speakerOf(sentence, q.start, q.end);
    if (!said || !sameSpeaker(said, e.raw)) continue;
    const at = quoteSource(ctx, p, q.inner);
    if (!at) continue;
    const pool = sourcesFor(ctx, p);
    if (!pool.some((source) => sourceSpeaker(ctx, source, at.fragment))) continue;
    const other = otherSpeaker(ctx, pool, quoteWords(p, q.inner).fragments, at.fragment, e.raw);
    // "Acting Director" where a report of the story names "Ken Cuccinelli, the acting director": the role is the draft's person.
    if (!other || holdsRole(ctx.sentences, e.raw, other.speaker)) return null;
    return `${other.source.label} gives the quotation to ${other.speaker}`;
  }
  return undefined;
}

/** Lower-case word (possessive dropped) -> where it stands in the source sentences, as flat (sentence id, start, end) triples; built once per call, on first need. */
function nameIndex(ctx: CheckContext): Map<string, number[]> {
  if (ctx.nameIndex) return ctx.nameIndex;
  const index = new Map<string, number[]>();
  ctx.sentences.forEach((s, id) => {
    NAME_TOKEN.lastIndex = 0;
    for (let m = NAME_TOKEN.exec(s.text); m; m = NAME_TOKEN.exec(s.text)) {
      const w = withoutPossessive(m[0].toLowerCase());
      const list = index.get(w);
      if (list) list.push(id, m.index, m.index + m[0].length);
      else index.set(w, [id, m.index, m.index + m[0].length]);
    }
  });
  return (ctx.nameIndex = index);
}

// Any word: a name's title words ("Judge", "Chair") also stand lower-case in the sources.
const NAME_TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** The word without a final "'s" or apostrophe. */
function withoutPossessive(w: string): string {
  const last = w[w.length - 1];
  if (last === "'" || last === '’') return w.slice(0, -1);
  return last === 's' && (w[w.length - 2] === "'" || w[w.length - 2] === '’') ? w.slice(0, -2) : w;
}

/**
 * The name's best own place in the cited sentences (where any of its distinctive words
 * stands, so "Varga said" counts for "Selma Varga") against the best place of another
 * name. Names the draft sentence also gives are not rivals. The own place is looked for
 * only when the rival's place scores at least RIVAL_MARGIN.
 */
function restatement(
  ctx: CheckContext,
  tokens: Tok[],
  sentence: string,
  e: EntitySpan,
  pool: IndexedSource[],
  ignore: Set<string>,
  publishers: Set<string>,
): Restatement<{ s: SourceSentence; e: EntitySpan }> {
  const out: Restatement<{ s: SourceSentence; e: EntitySpan }> = { own: 0, rival: 0, rivalAt: null };
  const mine = neighbours(tokens, e.start, e.start + e.raw.length);
  if (mine.size < 2) return out;
  const distinctive = new Set(e.words.filter((w) => !WEAK.has(w) && w.length > 1));
  for (const alias of aliasesOf(e.words.join(' '))) for (const w of alias.split(' ')) if (!WEAK.has(w)) distinctive.add(w);
  const mineIsPerson = personLike(e);
  const present = new Set(nameWords(sentence.slice(0, e.start) + ' ' + sentence.slice(e.start + e.raw.length)));
  for (const s of sentencesOf(ctx, pool)) {
    // A source's headline is in title case: its capitals are not names.
    if (s === ctx.sentences[ctx.byNumber.get(s.n)!.firstSentence]) continue;
    // A sentence sharing no word with the name's surroundings has no rival place (affinity 0).
    if (!s.tokens.some((t) => mine.has(t.w))) continue;
    s.entities ??= extractEntities(s.text, ignore);
    s.entityNeighbours ??= s.entities.map((x) => neighbours(s.tokens, x.start, x.start + x.raw.length));
    // Asked of every name for every draft name: each scan of the text before a name is done once per call.
    const quoted = (s.entitiesQuoted ??= s.entities.map((x) => insideQuotation(s.text, x.start)));
    s.entities.forEach((other, i) => {
      if (other.words.some((w) => distinctive.has(w) || (!WEAK.has(w) && present.has(w))) || isPublisher(publishers, other.words)) return;
      // A name inside a quotation is what someone said, not who did what; a possessive ("Biden's review") names an owner.
      if (quoted[i]) return;
      // A possessive ("Biden's review") owns something; it does not stand where a name that is no possessive acts.
      if (POSSESSIVE.test(other.raw) && !POSSESSIVE.test(e.raw)) return;
      // Only a name of the same kind stands in for another (a person for a person), and never one of its own variants.
      if (personLike(other) !== mineIsPerson || sameReferent(e.words, other.words) || isDateline(other.raw)) return;
      const score = affinity(mine, s.entityNeighbours![i]!, ctx.idf);
      if (score > out.rival) [out.rival, out.rivalAt] = [score, { s, e: other }];
    });
  }
  // The name's own places matter only when the rival could win (clearlyRestatesRival needs rival >= margin);
  // otherwise `own` stays 0 and the name index is not built.
  if (out.rival < RIVAL_MARGIN) return out;
  const index = nameIndex(ctx);
  const inPool = new Set(pool.map((s) => s.doc.n));
  for (const w of distinctive) {
    const places = index.get(w) ?? [];
    for (let k = 0; k < places.length; k += 3) {
      const s = ctx.sentences[places[k]!]!;
      if (inPool.has(s.n)) out.own = Math.max(out.own, affinity(mine, neighbours(s.tokens, places[k + 1]!, places[k + 2]!), ctx.idf));
    }
  }
  return out;
}

// Party members as a description ("the Hawaii Democrat").
const PARTY_MEMBER = new Set(['democrat', 'democrats', 'republican', 'republicans', 'independent', 'conservative', 'conservatives', 'liberal', 'liberals']);

// Status words that say the same of a person.
// A fired, ousted or one-time holder of a role is a former one.
const FORMER = ['former', 'ex', 'fired', 'ousted', 'deposed', 'onetime', 'one-time', 'erstwhile'];
const STATUS_SYNONYMS: Record<string, string[]> = { ex: FORMER, former: FORMER, interim: ['acting'], acting: ['interim'] };

/** Whether a distinctive word of the name stands in the cited sources. */
function anchored(pool: IndexedSource[], words: string[]): boolean {
  return nameCore(words).some((w) => !WEAK.has(w) && findPhrase(pool, [w]));
}

/** Whether the name is a person's by its shape (./extract/names `personName`). */
function personLike(e: EntitySpan): boolean {
  let known = PERSON_LIKE.get(e);
  if (known === undefined) PERSON_LIKE.set(e, (known = personName(e.words, e.raw) !== null));
  return known;
}

// Names are asked about once per source sentence and draft name: the answer is kept with the span.
const PERSON_LIKE = new WeakMap<EntitySpan, boolean>();

/** Two names that are one referent written two ways ("U.S." / "United States", "FDA" / "Food and Drug Administration"). */
function sameReferent(a: string[], b: string[]): boolean {
  const aliases = aliasesOf(a.join(' '));
  if (aliases.includes(b.join(' '))) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 1) return acronymOf(long) === short[0]!.replace(/\./g, '');
  // "ICE and CBP" for "Immigration and Customs Enforcement and Customs and Border Protection": acronyms joined as the names are.
  const parts = short.filter((w) => w !== 'and' && w !== '&');
  const initials = long.filter((w) => !['and', '&', 'of', 'for', 'the'].includes(w)).map((w) => w[0]).join('');
  return parts.length >= 2 && parts.every((w) => w.length >= 2 && w.length <= 5) && parts.join('').replace(/\./g, '') === initials;
}

const POSSESSIVE = /['’]s?$/;

/** Whether offset `at` of a sentence lies inside a quotation: an opening mark before it is not yet closed. */
function insideQuotation(text: string, at: number): boolean {
  let open = 0;
  let straight = 0;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '“') open++;
    else if (c === '”') open = Math.max(0, open - 1);
    else if (c === '"') straight++;
  }
  return open > 0 || straight % 2 === 1;
}

/** An all-capitals place line that opens a wire story ("WASHINGTON —"). */
function isDateline(raw: string): boolean {
  return raw.length >= 6 && raw === raw.toUpperCase() && /^[\p{Lu} ]+$/u.test(raw);
}

function statusSupported(pool: IndexedSource[], status: string, name: string[]): boolean {
  const last = name.at(-1);
  if (!last) return true;
  for (const s of pool) {
    const t = s.tokens;
    for (let i = 0; i < t.length; i++) {
      if (t[i] !== last) continue;
      // Before the name ("former chief executive Ada Lin") or in an apposition after it ("Ada Lin, the former chief").
      for (let k = Math.max(0, i - STATUS_REACH - name.length); k <= Math.min(t.length - 1, i + STATUS_AFTER); k++) {
        if (k === i) continue;
        if (t[k] === status || STATUS_SYNONYMS[status]?.includes(t[k]!) || ((status === 'ex' || status === 'former') && t[k]!.startsWith('ex-'))) return true;
      }
    }
  }
  return false;
}
