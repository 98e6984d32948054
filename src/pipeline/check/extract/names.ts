/**
 * Name variants as journalists write them: "U.S." for "United States", "FDA" for "Food and Drug
 * Administration", "President Donald Trump" for "Trump", "Sen. Susan Collins of Maine" for "Susan
 * Collins", "John G. Roberts Jr." for "John Roberts". A name's core is what is left once titles,
 * roles, initials, suffixes and an "of <place>" tail are taken off; its variants are the core, its
 * acronym and the aliases of common names.
 */

import { countries } from 'countries-list';
import nationalities from 'i18n-nationality/langs/en.json';
import usStates from 'us-state-converter';
import { escapeRegExp } from '../../../lib/text';

/** Words that are a role or title around a name, not the name (lower case, no full stop). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    'president vice sen sens senator senators rep reps representative representatives gov governor governors mayor justice justices chief judge ' +
    'secretary attorney general speaker leader leaders director commissioner dr mr mrs ms miss prof professor acting former ex late ' +
    'interim senior deputy minister prime chair chairman chairwoman chairperson ceo cfo cto coo founder co-founder king queen prince princess ' +
    'pope gen col lt sgt adm capt cmdr maj officer officers spokesman spokeswoman spokesperson ambassador lawmaker lawmakers candidate ' +
    'nominee emperor sheriff detective agent inspector councillor councilman councilwoman supervisor superintendent commander ' +
    'assistant associate executive head st saint rev reverend sir dame lord lady first lady incumbent outgoing then'
  ).split(' '),
);

// Parties before a title ("Republican Sen. Josh Hawley"): a description, not part of the name.
const PARTY = new Set(['republican', 'democratic', 'democrat', 'gop', 'independent', 'conservative', 'liberal', 'labour', 'labor']);

// Suffixes and connectors that carry no identity of their own.
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'esq']);
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'de', 'del', 'da', 'van', 'von', 'der', 'du', 'la', 'le', 'al', '&']);

/** Common names written several ways; each group is one referent (as match tokens: "nation's capital" is "nation capital"). */
const ALIAS_GROUPS: readonly string[][] = [
  ['us', 'u.s', 'u.s.a', 'usa', 'united states', 'united states of america', 'america', 'washington'],
  ['uk', 'u.k', 'britain', 'great britain', 'united kingdom'],
  ['eu', 'e.u', 'european union'],
  ['un', 'u.n', 'united nations'],
  ['gop', 'republican party', 'republicans', 'republican'],
  ['democratic party', 'democrats', 'dems'],
  // Laws and market indexes by their everyday names: "Obamacare" is the Affordable Care Act, "the Dow" the Dow Jones Industrial Average.
  ['affordable care act', 'aca', 'obamacare'],
  ['dow jones', 'dow jones industrial average', 'dow industrials', 'djia'],
  ['nasdaq', 'nasdaq composite'],
  ['dc', 'd.c', 'washington d.c', 'washington dc', 'district of columbia', 'washington', "nation capital"],
  ['congress', 'capitol hill', 'lawmakers'],
  // Institutions named by their seat, as every newsroom writes them: "the White House said" is the administration speaking.
  // It is the presidency too: "two White House bids" are presidential campaigns, "the first White House hopeful" a candidate for president.
  ['white house', 'wh', 'administration', 'oval office', 'president', 'presidential', 'presidency'],
  ['pentagon', 'defense department', 'department of defense', 'dod'],
  ['kremlin', 'russia', 'moscow'],
  ['vatican', 'holy see'],
  ['downing street', 'prime minister'],
  ['wall street', 'stock market', 'stocks'],
  ['uae', 'u.a.e', 'united arab emirates'],
  // A government named by its capital, as headlines name it: "Beijing said" is China speaking.
  ['prc', "people's republic of china", 'china', 'beijing'],
  ['dprk', 'north korea', 'pyongyang'],
  ['nyc', 'new york city'],
  ['la', 'los angeles'],
  ['covid', 'covid-19', 'coronavirus'],
];
const ALIASES = new Map<string, string[]>();
// A government named by its capital ("Beijing warned", "Tehran denied"): each country's capital stands for it (countries-list).
const CAPITALS: string[][] = Object.values(countries)
  .filter((c) => c.capital && c.name !== 'United States')
  .map((c) => [c.name.toLowerCase(), c.capital.toLowerCase().replace(/\.$/, '')]);

// A name in two groups stands for both: "Washington" is the capital and, as an actor ("Washington warned"), the U.S.
for (const group of [...ALIAS_GROUPS, ...CAPITALS]) for (const name of group) ALIASES.set(name, [...new Set([...(ALIASES.get(name) ?? []), ...group])]);
// A country and its people's adjective ("U.S. foreign policy" / "American foreign policy", "Beijing" / "Chinese"): every name
// of the country meets the demonym and, for "-an" and "-i" ones, its people ("Americans", "Iraqis") (i18n-nationality's English
// list, by ISO 3166-1 code, joined to countries-list's names).
for (const [code, demonym] of Object.entries((nationalities as { nationalities: Record<string, string> }).nationalities)) {
  const country = (countries as Record<string, { name: string }>)[code]?.name.toLowerCase();
  const adjective = demonym.toLowerCase();
  if (!country || adjective === country || adjective.includes(' ')) continue;
  const group = [...new Set([...(ALIASES.get(country) ?? [country]), adjective, ...(/[ni]$/.test(adjective) ? [`${adjective}s`] : [])])];
  for (const name of group) ALIASES.set(name, [...new Set([...(ALIASES.get(name) ?? []), ...group])]);
}

/** A name word without a full stop, possessive or surrounding punctuation, lower case. */
function clean(word: string): string {
  return word.toLowerCase().replace(/[’‘]/g, "'").replace(/'s$|'$/, '').replace(/^[("“‘']+|[)"”’',.]+$/g, '');
}

/** The core words of a name: titles and roles, initials, suffixes and an "of <place>" tail taken off. */
export function nameCore(words: readonly string[]): string[] {
  let list = words.map(clean).filter(Boolean);
  // "Susan Collins of Maine", "Ruben Achebe of the Users Group": the tail after "of" names a place or employer.
  const of = list.indexOf('of');
  if (of > 0 && list.slice(0, of).some((w) => !TITLE_WORDS.has(w))) list = list.slice(0, of);
  let a = 0;
  let b = list.length;
  while (a < b && (TITLE_WORDS.has(list[a]!) || CONNECTORS.has(list[a]!) || (a + 1 < b && TITLE_WORDS.has(list[a + 1]!) && PARTY.has(list[a]!)))) a++;
  while (b > a && (SUFFIXES.has(list[b - 1]!) || CONNECTORS.has(list[b - 1]!))) b--;
  // Middle initials ("John G. Roberts") are optional.
  return list.slice(a, b).filter((w, i, all) => !(i > 0 && i < all.length - 1 && /^\p{L}$/u.test(w)));
}

/** The acronym of a multi-word name ("Food and Drug Administration" -> "fda"), or null. */
export function acronymOf(words: readonly string[]): string | null {
  const content = words.map(clean).filter((w) => w && !CONNECTORS.has(w));
  if (content.length < 2) return null;
  return content.map((w) => w[0]).join('');
}

/** The other ways to write a name, as lower-case phrases (the name itself included). */
export function aliasesOf(phrase: string): string[] {
  const known = ALIASES.get(phrase);
  if (known) return known;
  // "FBI" and "F.B.I.": an initialism with and without its full stops.
  if (DOTTED.test(phrase)) return [phrase, phrase.replace(/\./g, '')];
  if (SHORT.test(phrase)) return [phrase, phrase.split('').join('.')];
  return [phrase];
}

const DOTTED = /^(?:[a-z]\.){1,4}[a-z]\.?$/;
const SHORT = /^[a-z]{2,5}$/;

/**
 * The person a name refers to, as [given names…, surname], or null when the name is not a
 * person's by its shape: the words after the last title ("Facebook Vice President Guy Rosen"
 * -> guy rosen; "Justice Sotomayor" -> sotomayor), one to four words, none an organisation
 * or place word, not an acronym.
 */
export function personName(words: readonly string[], raw: string): string[] | null {
  if (/^\p{Lu}[\p{Lu}.\d&]+$/u.test(raw.trim())) return null;
  let core = nameCore(words);
  let titled = core.length < words.length && TITLE_WORDS.has(clean(words[0] ?? ''));
  for (let i = core.length - 2; i >= 0; i--) {
    if (TITLE_WORDS.has(core[i]!)) {
      core = core.slice(i + 1);
      titled = true;
      break;
    }
  }
  if (!core.length || core.length > 4 || core.some((w) => NOT_PERSON.has(w) || CONNECTORS.has(w))) return null;
  return core.length >= 2 || titled ? core : null;
}

// Words that make a name an organisation, place or thing rather than a person.
const NOT_PERSON = new Set(
  ('court house senate congress department ministry office agency news times post journal herald party committee council commission ' +
    'university college school hospital company inc corp group bank fund county city state states republic union nations street ' +
    'administration service services board bureau institute foundation association airlines network press media tech primary act bill ' +
    'republican republicans democrat democrats north south east west new united national federal american americans ' +
    'san santa los las des fort mount hall fame league club team museum center centre church airport station park bridge river island lake stadium arena festival ' +
    'award prize war law program programme project plan market exchange index reserve guard army navy corps forces police capitol ' +
    'authority authorities protection organization organisation corporation coalition alliance federation workers').split(' '),
);

/**
 * The source an outlet's masthead word names on second reference ("the Herald" for the Coastal
 * Herald), given that word in lower case without "the". Only a word that ends exactly one of the
 * publishers' names of two words or more counts, so "the Times" names no one when two of them do,
 * nor when a source's own text names another paper by it ("the New York Times", "the Journal").
 * @returns the source number, or undefined
 */
export function outletByShortName(sources: readonly { n: number; publisher: string; title?: string; text?: string }[], word: string): number | undefined {
  let found: number | undefined;
  for (const s of sources) {
    const words = s.publisher.toLowerCase().split(/\s+/).filter((w) => w && w !== 'the');
    if (words.length < 2 || words.at(-1) !== word) continue;
    if (found !== undefined) return undefined;
    found = s.n;
  }
  if (found === undefined) return undefined;
  const masthead = new RegExp(`\\b${word[0]!.toUpperCase()}${escapeRegExp(word.slice(1))}\\b`);
  return sources.some((s) => masthead.test(s.text ?? '') || masthead.test(s.title ?? '')) ? undefined : found;
}

// Country names, aliases and capitals (countries-list, ISO 3166-1), and US states by name, AP abbreviation and demonym
// (us-state-converter), each to one key in lower case: built on first use.
let PLACE_OF: Map<string, string> | undefined;
// US postal codes ("PA", "IN", "OR") only in capitals: in lower case most are words.
let POSTAL_OF: Map<string, string> | undefined;

function placeOf(name: string): string | undefined {
  if (!PLACE_OF || !POSTAL_OF) {
    PLACE_OF = new Map();
    POSTAL_OF = new Map();
    for (const [code, c] of Object.entries(countries)) {
      for (const n of [c.name, c.capital, ...(c.alias ?? [])]) if (n) PLACE_OF.set(n.toLowerCase(), code);
    }
    for (const st of usStates() as unknown as { name: string; usps: string; demonym: string; altAbbr: string[] }[]) {
      const key = `US-${st.usps}`;
      for (const n of [st.name, st.demonym, ...st.altAbbr]) PLACE_OF.set(n.toLowerCase(), key);
      POSTAL_OF.set(st.usps, key);
    }
  }
  const bare = name.replace(/^the\s+/i, '').replace(/['’]s?$/, '').replace(/\.$/, '');
  // "N.J.", "Calif.", "W.Va.": AP style's abbreviations, written with or without their full stops.
  const undotted = bare.replace(/\./g, '');
  const ap = Object.hasOwn(AP_POSTAL, undotted) ? AP_POSTAL[undotted] : /^[A-Z]{2}$/.test(undotted) ? undotted : undefined;
  return POSTAL_OF.get(bare) ?? PLACE_OF.get(bare.toLowerCase()) ?? (ap && POSTAL_OF.get(ap));
}

/** Whether a name is a place's: a country (by name, alias or capital) or a US state (by name, abbreviation or demonym). */
export function isPlace(name: string): boolean {
  if (placeOf(name) !== undefined) return true;
  // "U.S.", "U.K.": a country by its initials, through its aliases.
  const aliases = aliasesOf(name.toLowerCase().replace(/\.$/, ''));
  return aliases.includes('united states') || aliases.some((a) => placeOf(a) !== undefined);
}

/** Whether a name is a US state's (by name, abbreviation, postal code or demonym). */
export function isUsState(name: string): boolean {
  return placeOf(name)?.startsWith('US-') ?? false;
}

/**
 * Whether two names are one place written two ways: a country by its capital ("Pyongyang" for North
 * Korea, "Tehran" for Iran, as foreign news names governments by their seats), or a US state by its
 * postal code, a common abbreviation or its demonym ("PA" and "Pennsylvanian" for Pennsylvania, "Calif." for California).
 */
export function samePlace(a: string, b: string): boolean {
  const x = placeOf(a);
  return x !== undefined && x === placeOf(b);
}

// AP style's state abbreviations, full stops left out, to postal codes (states AP spells out, such as "Texas", are names).
const AP_POSTAL: Record<string, string> = Object.fromEntries(
  ('Ala:AL Ariz:AZ Ark:AR Calif:CA Colo:CO Conn:CT Del:DE Fla:FL Ga:GA Ill:IL Ind:IN Kan:KS Ky:KY La:LA Md:MD Mass:MA Mich:MI ' +
    'Minn:MN Miss:MS Mo:MO Mont:MT Neb:NE Nev:NV Okla:OK Ore:OR Pa:PA Tenn:TN Vt:VT Va:VA Wash:WA WVa:WV Wis:WI Wyo:WY')
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);
// States as AP style abbreviates them in a member's tag, and the two-letter postal codes ("D-N.Y.", "R-TX").
const AP_STATES = new Set([
  ...Object.keys(AP_POSTAL),
  ...'Alaska Hawaii Idaho Iowa Maine Ohio Texas Utah NH NJ NM NY NC ND RI SC SD PR DC'.split(' '),
]);

/** Whether a name is Congress's party-and-state tag after a member's name: "D-N.Y.", "R-Texas", "I-Vt." (a description, no actor). */
export function isPartyStateTag(raw: string): boolean {
  const m = /^[DRI]-([\p{L}.]+)$/u.exec(raw);
  if (!m) return false;
  const state = m[1]!.replace(/\./g, '');
  return AP_STATES.has(state) || /^[A-Z]{2}$/.test(state);
}

// Capitalised words in a run ("Gov. Tate Reeves", "LAPD Public Information Officer Jeff Lee").
const CAPITALISED_RUN = /\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)+/gu;

/**
 * Whether a text writes two name words (as written or cleaned: case, full stop and possessive aside) in one name, a run of capitalised words
 * that a possessive ends ("Donald Trump's Facebook" is two names). `adjacent`: side by side, one person's given and
 * family names ("Tate" and "Reeves" where it names "Gov. Tate Reeves", though a later sentence calls him "Tate");
 * `before`: `a` anywhere before `b`, an organisation before its own man ("LAPD Public Information Officer Jeff Lee");
 * `long`: `b` first and `a` last in a name of three words whose middle is no title ("Tedros Adhanom Ghebreyesus", not
 * "Apple CEO Cook").
 */
export function inOneName(text: string, first: string, second: string, how: 'adjacent' | 'before' | 'long'): boolean {
  const [a, b] = [clean(first), clean(second)];
  if (a === b) return false;
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    let name: string[] = [];
    for (const raw of m[0].split(/\s+/)) {
      name.push(clean(raw));
      const ends = /['’]s?$/.test(raw);
      if (!ends) continue;
      if (joins(name, a, b, how)) return true;
      name = [];
    }
    if (joins(name, a, b, how)) return true;
  }
  return false;
}

// Words that stand between an organisation and its man ("Apple CEO Cook"), not inside one person's name.
const TITLE_WORD = /^(?:ceo|cfo|coo|president|chairman|chairwoman|chair|director|secretary|minister|senator|sen|rep|gov|governor|leader|chief|spokesman|spokeswoman|spokesperson|founder|head|mayor|judge|justice|general|gen|commissioner|ambassador|official|prime|vice|deputy|attorney|speaker)$/;

function joins(name: string[], a: string, b: string, how: 'adjacent' | 'before' | 'long'): boolean {
  const i = name.indexOf(a);
  const j = name.lastIndexOf(b);
  return i >= 0 && j >= 0 && (how === 'adjacent' ? Math.abs(i - j) === 1 : how === 'long' ? j === 0 && i === 2 && name.length === 3 && !TITLE_WORD.test(name[1]!) : i < j);
}
