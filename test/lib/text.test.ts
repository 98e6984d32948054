import { describe, expect, it } from 'vitest';
import { boundedSentences, sentences, words } from '../../src/lib/text';

// The pattern words() scans by hand: every text must give the same words.
const pattern = (text: string) => text.toLowerCase().replace(/[’‘`]/g, "'").match(/[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu) ?? [];

describe('words', () => {
  it('lower-cases, folds apostrophes and joins runs of letters at an apostrophe, full stop or hyphen', () => {
    expect(words("Harwick’s U.S.-based unit cut 3.5% — \"state-of-the-art\" rock‘n’roll `em")).toEqual(["harwick's", 'u.s', 'based', 'unit', 'cut', '3.5', 'state-of-the-art', "rock'n'roll", 'em']);
  });

  it('gives the words the pattern gives, also for letters beyond ASCII and outside the basic plane', () => {
    for (const text of ['Zoë Ångström ½ Ⅻ 日本 ß İstanbul ǅ', 'a😀b 𝐀𝐁 c', "end. -start 'quoted' x-", "l'été -- a..b a'-b 9-", 'ﬁnal ٣٤ e\u0301'])
      expect(words(text)).toEqual(pattern(text));
  });
});

describe('sentences', () => {
  it('breaks after a run of stops once, and keeps a run with no space after it in its sentence', () => {
    expect(sentences('It failed... Then it worked!? Yes.')).toEqual(['It failed...', 'Then it worked!?', 'Yes.']);
    expect(sentences(`Dots ${'.'.repeat(50)}and more. Next one.`)).toEqual([`Dots ${'.'.repeat(50)}and more.`, 'Next one.']);
  });
});

describe('boundedSentences', () => {
  it('cuts a sentence longer than the limit at a space, losing no word', () => {
    const long = `Many ${'word '.repeat(500)}end.`;
    const pieces = boundedSentences(`Short one. ${long} Last one.`, 100);
    expect(pieces[0]).toBe('Short one.');
    expect(pieces.at(-1)).toBe('Last one.');
    expect(pieces.every((p) => p.length <= 100)).toBe(true);
    expect(pieces.slice(1, -1).join(' ')).toBe(long);
    // No space to cut at: cut at the limit.
    expect(boundedSentences('x'.repeat(250), 100)).toEqual(['x'.repeat(100), 'x'.repeat(100), 'x'.repeat(50)]);
  });
});
