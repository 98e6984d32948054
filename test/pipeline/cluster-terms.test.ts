import { describe, expect, it } from 'vitest';
import { isFigureToken, stem, terms } from '../../src/pipeline/cluster-terms';

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
