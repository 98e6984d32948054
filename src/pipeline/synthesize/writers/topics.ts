/** Filing a story without a model: a category by keyword score, tags from the names the sources share. */
import { categorySlug } from '../../../env';
import { words } from '../../../lib/text';
import type { SourceDoc } from '../../types';

// Signal words per default category; a configured category not listed here scores on its own name.
const CATEGORY_KEYWORDS: Record<string, string[]> = {
  enterprise: ['enterprise', 'customers', 'customer', 'business', 'businesses', 'software', 'cloud', 'contract', 'deployment', 'workplace', 'vendor', 'platform', 'utility', 'insurance'],
  research: ['research', 'researchers', 'study', 'paper', 'benchmark', 'university', 'scientist', 'scientists', 'dataset', 'corpus', 'evaluation', 'laboratory', 'lab', 'trained', 'training'],
  policy: ['regulator', 'regulation', 'law', 'laws', 'government', 'ministry', 'parliament', 'policy', 'rules', 'bill', 'court', 'commission', 'commissioner', 'fine', 'fined', 'consent', 'vote', 'lawmakers', 'appeal', 'decision'],
  security: ['security', 'vulnerability', 'breach', 'attack', 'attackers', 'malware', 'patch', 'exploit', 'hackers', 'ransomware', 'leak', 'leaked', 'phishing', 'compromised'],
  'open-source': ['open-source', 'open-weight', 'weights', 'licence', 'license', 'repository', 'community', 'download', 'permissive', 'open'],
  industry: ['funding', 'acquisition', 'startup', 'start-up', 'market', 'shares', 'investors', 'chips', 'revenue', 'raised', 'valuation', 'layoffs', 'employs', 'merger', 'exchange'],
};

/**
 * The configured category whose signal words occur most often in the sources
 * (headlines count double); ties go to the category listed first.
 */
export function chooseCategory(sources: readonly SourceDoc[], categories: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of sources) {
    for (const w of [...words(s.title), ...words(s.title), ...words(s.text)]) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let best = categories[0] ?? 'News';
  let bestScore = 0;
  for (const category of categories) {
    const slug = categorySlug(category);
    const keywords = CATEGORY_KEYWORDS[slug] ?? words(category);
    const score = keywords.reduce((sum, k) => sum + (counts.get(k) ?? 0), 0);
    if (score > bestScore) [best, bestScore] = [category, score];
  }
  return best;
}

const NAME_SPAN = /(?<![\p{L}])\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{N}'’-]*)*/gu;
const NOT_A_TAG = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'The', 'A', 'An', 'It', 'He', 'She', 'They', 'We', 'I', 'In', 'On', 'At', 'But', 'And', 'If', 'Such', 'This', 'That', 'Dr', 'Prof', 'Mr', 'Ms', 'Chief', 'Not', 'According']);

/**
 * Up to `max` names (capitalised spans) mentioned by the most publishers,
 * then most often; publishers' own names are left out.
 */
export function chooseTags(sources: readonly SourceDoc[], max = 6): string[] {
  const publishers = new Set(sources.map((s) => s.publisher.toLowerCase()));
  const seenBy = new Map<string, Set<string>>();
  const mentions = new Map<string, number>();
  for (const s of sources) {
    for (const m of `${s.title}. ${s.text}`.matchAll(NAME_SPAN)) {
      const name = m[0].replace(/['’]s$/, '').replace(/^(?:The|A|An)\s+/, '').trim();
      if (NOT_A_TAG.has(name) || name.length < 3 || name.length > 40 || publishers.has(name.toLowerCase())) continue;
      if (!seenBy.has(name)) seenBy.set(name, new Set());
      seenBy.get(name)!.add(s.publisher);
      mentions.set(name, (mentions.get(name) ?? 0) + 1);
    }
  }
  const text = sources.map((s) => s.text).join('\n');
  // A one-word span is a name only if the sources capitalise it mid-sentence too ("Wayfinder", not "For").
  const midSentence = (name: string) => name.includes(' ') || capitalisedMidSentence(text, name);
  return [...seenBy.keys()]
    .filter((name) => ((seenBy.get(name)?.size ?? 0) >= 2 || (mentions.get(name) ?? 0) >= 3) && midSentence(name))
    .sort((a, b) => seenBy.get(b)!.size - seenBy.get(a)!.size || mentions.get(b)! - mentions.get(a)! || a.localeCompare(b))
    .slice(0, max);
}

/**
 * Whether `text` has `name` as a whole word after a lower-case letter or a comma and a space (what
 * /[\p{Ll},]\s+NAME\b/u finds), looked for by position: a pattern compiled for every name costs more than the search.
 */
function capitalisedMidSentence(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (WORD_CHAR.test(text.charAt(end - 1)) === WORD_CHAR.test(text.charAt(end))) continue;
    let before = at - 1;
    while (before >= 0 && SPACE.test(text.charAt(before))) before--;
    if (before === at - 1 || before < 0) continue;
    // The character before the spaces, a whole code point (a surrogate pair read as one).
    const low = text.charCodeAt(before);
    const start = low >= 0xdc00 && low <= 0xdfff && before > 0 && /[\ud800-\udbff]/.test(text.charAt(before - 1)) ? before - 1 : before;
    if (LOWER_OR_COMMA.test(text.slice(start, before + 1))) return true;
  }
  return false;
}
const WORD_CHAR = /^\w$/;
const SPACE = /^\s$/u;
const LOWER_OR_COMMA = /^[\p{Ll},]$/u;
