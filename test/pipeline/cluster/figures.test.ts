import { describe, expect, it } from 'vitest';
import { isMoneyKey, labelEntities, labelsConflict, numberEntities } from '../../../src/pipeline/cluster/figures';

describe('numberEntities', () => {
  it('normalises one amount of money however a headline writes it', () => {
    for (const text of ['fined €3.1m', 'a €3.1 million fine', '3.1 million euros', 'EUR 3.1 million', 'EUR3.1m', '€3.1mn']) {
      expect(numberEntities(text)).toEqual(['eur:3100000']);
    }
    for (const text of ['$1.9bn', 'US$1.9bn', '$1.9B', '$1.9 billion', '1.9 billion dollars', 'USD 1.9bn']) {
      expect(numberEntities(text)).toEqual(['usd:1900000000']);
    }
    expect(numberEntities('£750,000 and ¥2m')).toEqual(['gbp:750000', 'jpy:2000000']);
  });

  it('reads a title-case scale word and a glued T after a currency as scales', () => {
    expect(numberEntities('Alabama Trustees Vote To Refund $26 Million Gift')).toEqual(numberEntities('trustees vote to refund $26M gift'));
    expect(numberEntities('Biden to Unveil $2.2 Trillion Plan')).toEqual(['usd:2200000000000']);
    expect(numberEntities('Trump signs $2.2T stimulus')).toEqual(['usd:2200000000000']);
    // Without a currency a glued T is no amount ("10T" may name a product).
    expect(numberEntities('the 10T model')).toEqual([]);
  });

  it('keeps different amounts, currencies and scales apart', () => {
    expect(numberEntities('€3.1m')).not.toEqual(numberEntities('€3.1bn'));
    expect(numberEntities('€3.1m')).not.toEqual(numberEntities('$3.1m'));
  });

  it('reads percentages and counts with units, and skips bare years', () => {
    expect(numberEntities('up 12% with 120 jobs cut in 2026')).toEqual(['12%', 'n:120', '120 job']);
  });
});

describe('labelEntities', () => {
  it('reads rounds, chapters, phases and reporting periods as label facts', () => {
    expect(labelEntities('Brenlow lands a Series C; Dunmore files for Chapter 11 after Q3, and FY2027 opens a Phase II trial.'))
      .toEqual(['lbl:series c', 'lbl:chapter 11', 'lbl:quarter 3', 'lbl:fy 27', 'lbl:phase ii']);
  });

  it('writes one period the same way in its usual spellings', () => {
    expect(labelEntities('Q3')).toEqual(labelEntities('3Q'));
    expect(labelEntities('FY2027')).toEqual(labelEntities('FY27'));
  });

  it('finds no label in ordinary words or product codes', () => {
    expect(labelEntities('The team will stage a comeback, round a corner and ship the H100 and H200.')).toEqual([]);
  });
});

describe('labelsConflict', () => {
  it('tells two rounds or two quarters apart, but not a round from a quarter', () => {
    expect(labelsConflict(new Set(['lbl:series b']), new Set(['lbl:series c']))).toBe(true);
    expect(labelsConflict(new Set(['lbl:quarter 2']), new Set(['lbl:quarter 3']))).toBe(true);
    expect(labelsConflict(new Set(['lbl:series c']), new Set(['lbl:series c', 'lbl:quarter 3']))).toBe(false);
    expect(labelsConflict(new Set(['lbl:series c']), new Set(['lbl:quarter 3']))).toBe(false);
    expect(labelsConflict(new Set(['lbl:series c']), new Set())).toBe(false);
  });
});

describe('isMoneyKey', () => {
  it('tells money keys from counts and labels', () => {
    expect(isMoneyKey('eur:3100000')).toBe(true);
    expect(isMoneyKey('jpy:2000000')).toBe(true);
    expect(isMoneyKey('n:120')).toBe(false);
    expect(isMoneyKey('lbl:series c')).toBe(false);
  });
});
