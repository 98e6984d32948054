import { describe, expect, it } from 'vitest';
import { properWordsOf, type SourceSentence } from '../../../../src/pipeline/synthesize/writers/source-facts';

const sentence = (text: string) => ({ text, index: 0, hasQuote: false }) as unknown as SourceSentence;

describe('properWordsOf (names the sources capitalise)', () => {
  it('reads a word after a title as inside the sentence, and a possessive as its name', () => {
    const proper = properWordsOf([sentence("The board heard from Gov. Ilse Varnholt's deputy on Friday.")]);
    expect(proper.has('Ilse')).toBe(true);
    expect(proper.has('Varnholt')).toBe(true);
  });

  it('reads sentence-case headlines, whose capitals are names, but not title-case ones', () => {
    const proper = properWordsOf([], ['Harbour board backs Varnholt on the ferry plan', 'Harbour Board Backs Ferry Plan']);
    expect(proper.has('Varnholt')).toBe(true);
    expect(proper.has('Ferry')).toBe(false);
    expect(proper.has('Board')).toBe(false);
  });

  it('never takes the opening word of a sentence after a colon for a name', () => {
    const proper = properWordsOf([sentence('The board met on Friday: In the end the ferry plan was approved.')]);
    expect(proper.has('In')).toBe(false);
  });
});
