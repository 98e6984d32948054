/** URL slugs for articles: readable words from the title plus a short stable suffix. */

/** "Lumen Forge ships a 40B model!" -> "lumen-forge-ships-a-40b-model" (at most `maxWords` words). */
export function slugify(text: string, maxWords = 9): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}

/** The article's permanent slug: title words plus 6 hex characters of the story id, so titles may repeat. */
export function articleSlug(title: string, storySuffix: string): string {
  const base = slugify(title) || 'story';
  return `${base}-${storySuffix.slice(0, 6)}`;
}
