/** Recognises roundups and digests: items that summarise several unrelated events and so report none of them. */
import { leadingSentences, sentences, words } from '../../lib/text';
import { foldWord } from './terms';

/** Words that count items of a listicle ("Three things from a busy week", "5 stories"). */
const COUNTED = String.raw`(?:\d{1,2}|three|four|five|six|seven|eight|nine|ten|twelve)`;

// Phrases that announce a roundup, in the headline or the opening sentence.
const ROUNDUP_PHRASE = new RegExp(String.raw`\b(?:round-?up|the week in|week in review|what you missed|${COUNTED} (?:things|stories|takeaways|headlines)\b)`, 'i');
// Phrases that announce one only in a headline: "this week's" in a lede is usually one event's week,
// and a newsletter's boilerplate opening ("our daily briefing on ...") wraps single stories too.
const ROUNDUP_TITLE =
  /^this week\b|\bthis week['’]s\b|\b(?:morning|evening|daily|weekly|news|tech|midday) (?:newsletter|briefing|digest)\b|\b(?:briefing|digest|newsletter):/i;

/** Named sentences and distinct names at which a body reads as several events told one after another. */
const MANY_SUBJECTS = 3;

/**
 * True when an item is a roundup: its headline or opening says so, or its body names 3+ distinct
 * subjects in separate sentences and never comes back to any of them (no subject dominates).
 * `namesOf` gives the distinctive names of a sentence, and its capitalised opener that may be one.
 */
export function isRoundup(title: string, text: string, namesOf: (sentence: string) => [names: string[], openers: string[]]): boolean {
  const opening = sentences(text.slice(0, 400))[0] ?? '';
  if (ROUNDUP_PHRASE.test(title) || ROUNDUP_TITLE.test(title) || ROUNDUP_PHRASE.test(opening)) return true;
  // Counted by name word, so "Lumora Labs" and a later "Lumora" are one subject coming back.
  const seen = new Map<string, number>();
  const all: string[] = [];
  let named = 0;
  for (const sentence of leadingSentences(text, 12)) {
    const [names, openers] = namesOf(sentence);
    if (names.length) named++;
    all.push(...names);
    // A sentence-opening word may be the subject ("Hirewhistle, a recruitment firm, ..."): it counts as a return.
    for (const word of new Set([...names, ...openers].flatMap((name) => name.split(/[\s-]+/)).filter((w) => w.length >= 4))) {
      const times = (seen.get(word) ?? 0) + 1;
      // A subject that comes back makes the body one event's: no need to read on.
      if (times > 1) return false;
      seen.set(word, times);
    }
  }
  if (named < MANY_SUBJECTS || all.length < MANY_SUBJECTS) return false;
  // A report's headline names its subject and a party or two; a roundup's names none of the subjects or most.
  const inTitle = new Set(words(title).map((w) => foldWord(w.replace(/'s$/, ''))));
  const covered = all.filter((name) => name.split(/[\s-]+/).some((w) => w.length >= 4 && inTitle.has(w))).length;
  return covered === 0 ? !/\p{Lu}/u.test(title.slice(1)) || all.length >= MANY_SUBJECTS + 1 : covered >= MANY_SUBJECTS;
}
