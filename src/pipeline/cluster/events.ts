/**
 * Kinds of news event a headline or opening sentence names ("a release", "a fine"), and which
 * kinds can describe one event. Two items about one organisation and one kind of event are likely
 * one story; two headlines naming only different kinds (a release, a fine) are likely two.
 */
import { stem, terms } from './terms';

/**
 * The words of each kind as they appear in English tech, business and policy headlines, with their
 * inflections (folded by `stem` when the table is built). A word may name more than one kind
 * ("crash": a collision or a failing service).
 */
const KIND_WORDS: Record<string, string> = {
  release:
    'release releases released releasing launch launches launched launching unveil unveils unveiled unveiling ' +
    'debut debuts debuted arrive arrives arrived arrival introduce introduces introduced introducing ' +
    'rollout rollouts roll-out ships shipped preview previews previewed open-source open-sources open-sourced',
  penalty:
    'fine fines fined penalty penalties penalise penalised penalize penalized sanction sanctions sanctioned ' +
    'censure censured reprimand reprimanded',
  security:
    'breach breaches breached leak leaks leaked hack hacks hacked hacker hackers hacking exposed exposes exposure ' +
    'poison poisoned poisoning attack attacks attacked attacker attackers vulnerability vulnerabilities flaw flaws ' +
    'exploit exploits exploited secret secrets trick tricked compromise compromised ransomware malware phishing ' +
    'spyware backdoor intrusion cyberattack cyberattacks stolen jailbreak jailbroken',
  funding:
    'raise raises raised raising fund funds funded funding investor investors investment investments ' +
    'valuation valuations backers',
  layoff: 'layoff layoffs lay-off lay-offs redundancy redundancies downsizing furlough furloughs furloughed',
  pricing: 'price prices priced pricing cheaper pricier discount discounts discounted',
  leadership:
    'leadership resign resigns resigned resignation ceo cto cfo coo chairman chairwoman chairperson successor successors ' +
    'appoint appoints appointed appointment oust ousts ousted quits departs departure',
  legislation:
    'bill bills parliament parliamentary vote votes voted voting legislation legislative lawmaker lawmakers ' +
    'legislator legislators legislature senate senator senators congress amendment ' +
    'amendments statute ratify ratifies ratified enact enacts enacted',
  outage:
    'outage outages offline blackout blackouts downtime disruption disruptions glitch glitches interruption interruptions unreachable ' +
    'crash crashes crashed post-mortem postmortem',
  litigation:
    'appeal appeals appealed lawsuit lawsuits sue sues sued suing court courts litigation ' +
    'injunction plaintiff plaintiffs verdict class-action judge judges ruling rulings ruled tribunal tribunals',
  acquisition:
    'acquire acquires acquired acquiring acquisition acquisitions takeover takeovers merger mergers merge merges ' +
    'merged buyout buyouts',
  trade:
    'export exports exported exporting tariff tariffs embargo embargoes import-ban',
  labour:
    'strike strikes striking striker strikers walkout walkouts picket pickets picketing',
  facility:
    'plant plants factory factories gigafactory gigafactories facility facilities',
  harm:
    'injure injures injured injury injuries accident accidents crash crashes crashed collision collisions hurt ' +
    'fatal fatality fatalities death deaths died',
  earnings: 'revenue revenues profit profits earnings income quarterly',
};

/** Phrases whose words say nothing alone ("down" is a stopword, "went" is no event). */
const KIND_PHRASES: [RegExp, string][] = [
  [/\b(?:go|goes|going|gone|went)\s+(?:down|dark|offline)\b/i, 'outage'],
  [/\bstop(?:s|ped|ping)?\s+working\b/i, 'outage'],
  [/\b(?:knock|knocks|knocked|take|takes|took|taken)\s+(?:\S+\s+){0,3}?offline\b/i, 'outage'],
  // "Payments failed for hours", not "failed to disclose" (a failing of a person, not a service).
  [/\bfail(?:s|ed|ing|ure|ures)?\b(?!\s+to\b)/i, 'outage'],
  [/\b(?:lay|lays|laying|laid)\s+off\b/i, 'layoff'],
  [/\b(?:cut|cuts|cutting|axe|axes|axed|axing|shed|sheds|shedding|slash|slashes|slashed|slashing|eliminates?|eliminated|trims?|trimmed)\s+(?:\S+\s+){0,4}?(?:jobs|staff|roles|positions|workers|employees|workforce|headcount)\b/i, 'layoff'],
  [/\bjob\s+(?:cuts|losses)\b/i, 'layoff'],
  [/\bstep(?:s|ped|ping)?\s+down\b/i, 'leadership'],
  [/\bchief\s+(?:executive|technology|financial|operating)\b/i, 'leadership'],
  // A lettered round is funding; capitals only, so "a series a few ..." is not one.
  [/\bSeries\s+[A-H]\d?\b|\bseed\s+round\b/, 'funding'],
  [/\bnet\s+loss\b/i, 'earnings'],
  // A buyer of an organisation, not of "train tickets": the object is a name ("buys Kestrel", "buys rival Kestrel").
  [/\b(?:buy|buys|bought|buying)\s+(?:(?:a|an|the|rival|startup|(?:\p{Lu}\S*['’]s))\s+)?(?:stake\s+in\s+)?\p{Lu}/u, 'acquisition'],
  // "the Data Act", not "act quickly".
  [/\b\p{Lu}\p{L}+\s+Act\b/u, 'legislation'],
  [/\b(?:export|import)\s+(?:licen[cs]es?|licensing|controls?|curbs?|rules?|restrictions?)\b/i, 'trade'],
  [/\bwalk(?:s|ed|ing)?\s+(?:out|off\s+the\s+job)\b|\bindustrial\s+action\b/i, 'labour'],
  // Site selection: "picks Dunmire for its plant", "chose Veloria as the site".
  [/\b(?:picks?|picked|chooses?|chose|selects?|selected)\s+\p{Lu}\S*\s+(?:for|as)\b/u, 'facility'],
  // Opening or building a site: "to open data region in Porto Verde", "builds new campus", not "opens an inquiry into".
  [/\b(?:open|opens|opened|opening|build|builds|built|building)\s+(?:\S+\s+){0,3}?(?:data\s+(?:centres?|centers?|regions?)|cloud\s+regions?|regions?|campus(?:es)?|headquarters|hub|offices?|stores?|warehouses?|sites?|mines?|refinery|refineries)\b/iu, 'facility'],
  [/\b(?:ordered|orders|order)\s+(?:\S+\s+){0,3}?to\s+pay\b/i, 'penalty'],
];

const EVENT_WORDS = new Map<string, string[]>();
for (const [kind, list] of Object.entries(KIND_WORDS)) {
  for (const w of list.split(' ')) {
    const s = stem(w);
    const kinds = EVENT_WORDS.get(s) ?? [];
    if (!kinds.includes(kind)) EVENT_WORDS.set(s, [...kinds, kind]);
  }
}

/** The kinds of event a text names, by its words (`termList`, when already computed) and phrases. */
export function eventKinds(text: string, termList: readonly string[] = terms(text)): Set<string> {
  const out = new Set<string>();
  for (const t of termList) for (const kind of EVENT_WORDS.get(t) ?? []) out.add(kind);
  for (const [re, kind] of KIND_PHRASES) if (!out.has(kind) && re.test(text)) out.add(kind);
  return out;
}

/** Kinds that are attributes of another kind's event: a release's price is news about the release, a ruling about a fine. */
// A fine is ruled on and appealed, so a ruling or an appeal can be news about a penalty.
const COMPATIBLE: Record<string, readonly string[]> = {
  pricing: ['release'],
  release: ['pricing'],
  penalty: ['litigation'],
  litigation: ['penalty'],
};

/**
 * How the kinds of event of two items relate: `same` when they share one, `compatible` when one is
 * an attribute of the other (a release and its price), `conflict` when each names only other kinds,
 * `unknown` when one names none.
 */
export function eventRelation(a: ReadonlySet<string>, b: ReadonlySet<string>): 'same' | 'compatible' | 'conflict' | 'unknown' {
  if (!a.size || !b.size) return 'unknown';
  let compatible = false;
  for (const x of a) {
    if (b.has(x)) return 'same';
    for (const y of COMPATIBLE[x] ?? []) if (b.has(y)) compatible = true;
  }
  return compatible ? 'compatible' : 'conflict';
}
