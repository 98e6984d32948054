import { describe, expect, it } from 'vitest';
import { words } from '../../src/lib/text';

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
