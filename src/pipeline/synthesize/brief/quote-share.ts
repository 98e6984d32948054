/** Quotation held to the share of an article a reader can take, by leaving out the paragraphs that quote most. */

/** A paragraph as the share counts it: its words, and how many of them stand inside quotation marks. */
export interface Counted {
  quoted: number;
  words: number;
}

/** A paragraph the article stays complete without, and how to leave it out (or put something in its place). */
export interface Spare<P extends Counted> {
  paragraph: P;
  drop: () => void;
}

/**
 * Leaves out, one at a time, the spare paragraph with the largest share of quoted words (only one quoting more than
 * the article does lowers the share) until the article is within `maxShare`; true when it then is.
 *
 * @example withinQuotationShare(() => body, () => spareParagraphs(), 0.38)
 */
export function withinQuotationShare<P extends Counted>(body: () => readonly P[], spare: () => readonly Spare<P>[], maxShare: number): boolean {
  for (;;) {
    const paragraphs = body();
    const words = paragraphs.reduce((n, p) => n + p.words, 0);
    const share = words ? paragraphs.reduce((n, p) => n + p.quoted, 0) / words : 0;
    if (share <= maxShare) return true;
    const ratio = (p: P) => (p.words ? p.quoted / p.words : 0);
    const heaviest = spare()
      .filter((s) => ratio(s.paragraph) > share)
      .sort((a, b) => ratio(b.paragraph) - ratio(a.paragraph))[0];
    if (!heaviest) return false;
    heaviest.drop();
  }
}
