import { describe, expect, it } from 'vitest';
import { foldWord, isFigureToken, stem, terms } from '../../../src/pipeline/cluster/terms';

describe('isFigureToken', () => {
  it('recognises amounts, percentages, multiples and numbers with units', () => {
    for (const token of ['3.1m', '€3.1m', 'US$1.9bn', '$1.9B', 'EUR750k', '40', '12%', '10x', '24h', '500mw', '1990s', '3rd', '1,200']) {
      expect(isFigureToken(token), token).toBe(true);
    }
  });

  it('leaves product codes and names alone', () => {
    for (const token of ['H200', 'Gannet-12B', '70B', 'Kite-3', '5G', 'Q3', 'Tessellate']) {
      expect(isFigureToken(token), token).toBe(false);
    }
  });
});

describe('terms', () => {
  it('drops stopwords and bare numbers and folds word forms', () => {
    expect(terms('The regulator fined 3 firms')).toEqual(['regulator', 'fin']);
    expect(stem('fines')).toBe(stem('fine'));
    expect(stem('launches')).toBe(stem('launched'));
  });
});

describe('foldWord', () => {
  it('gives one key for a word written with diacritics and its transliterations', () => {
    for (const [a, b] of [['kjærgård', 'kjaergard'], ['høvik', 'hovik'], ['grünwald', 'gruenwald'], ['grünwald', 'grunwald'], ['töller', 'toeller'], ['weißborn', 'weissborn'], ['çelikova', 'celikova']]) {
      expect(foldWord(a!), `${a} / ${b}`).toBe(foldWord(b!));
    }
  });

  it('keeps different words different and plain words unchanged', () => {
    expect(foldWord('harbour')).toBe('harbour');
    expect(foldWord('høvik')).not.toBe(foldWord('havik'));
  });

  it('makes terms match across spellings', () => {
    expect(terms('Grünwald Ferries')).toEqual(terms('Gruenwald Ferries'));
  });
});
