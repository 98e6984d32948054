/** The figure a story turns on ("$40 million", "12%", "3,000 jobs"), for the cover and the social card. */

// Money, percentages and large counts, in the order a headline would lead with them.
const FIGURES: readonly RegExp[] = [
  /[$€£]\s?\d[\d,.]*\d?(?:\s?(?:million|billion|trillion|bn|m|k)\b)?/i,
  /\d[\d,.]*\s?(?:%|per ?cent\b)/i,
  /\b\d[\d,.]*\s(?:million|billion|trillion)\b(?:\s[a-z]+)?/i,
  /\b\d{1,3}(?:,\d{3})+(?:\s[a-z]+)?/i,
];

/**
 * The first money amount, percentage or large number in the texts (headline first), trimmed
 * of a trailing full stop, or null when the story has none.
 * @example keyFigure('Brightwell raises $40 million', '…') // "$40 million"
 */
export function keyFigure(...texts: string[]): string | null {
  for (const pattern of FIGURES) {
    for (const text of texts) {
      const m = pattern.exec(text);
      if (m) return m[0].replace(/[.,]+$/, '').trim();
    }
  }
  return null;
}
