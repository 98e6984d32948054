import { describe, expect, it } from 'vitest';
import { isNumberCompound, nameEntities, nameHead } from '../../../src/pipeline/cluster/features';

describe('nameEntities', () => {
  it('folds diacritics in names, so both spellings give one name', () => {
    expect(nameEntities('A deal for Kjærgård Ferries was signed.')).toEqual(nameEntities('A deal for Kjaergard Ferries was signed.'));
    expect(nameEntities('Shares in Grünwald rose.')).toEqual(nameEntities('Shares in Gruenwald rose.'));
  });

  it('takes no names from a headline in capitals, only candidates the batch must confirm', () => {
    const openers: string[] = [];
    expect(nameEntities('LAWNMOWER DRONES GROUNDED AFTER GARDEN CHAOS', true, openers)).toEqual([]);
    expect(openers).toContain('lawnmower');
    expect(openers).toContain('garden chaos');
  });

  it('keeps a letter-digit code in a headline in capitals', () => {
    expect(nameEntities('TRUNDLE GX-4 MOWERS GROUNDED', true)).toEqual(['gx-4']);
  });

  it('treats a run of capitals in a normal sentence as ordinary words, but keeps a lone acronym', () => {
    expect(new Set(nameEntities('The Tallow Bridge was shut for NINE HOURS by the RNLI crew.'))).toEqual(new Set(['tallow bridge', 'rnli']));
  });

  it('ends a name at a possessive, so the owner and the thing owned are two names', () => {
    expect(nameEntities('An attack on Pellworth Tools\u2019 Tessera agent was found.')).toEqual(['pellworth tools', 'tessera']);
    expect(nameEntities("It was Marrow Health's ScanSight tool.")).toEqual(['marrow health', 'scansight']);
  });

  it('ends a name before a bracketed acronym', () => {
    expect(new Set(nameEntities('The fine came from the Data Protection Office (DPO) on Monday.'))).toEqual(new Set(['data protection office', 'dpo']));
  });

  it('never takes an amount of money or a figure for a name or a product code', () => {
    expect(nameEntities('The Harbour Office fined Dornfield Telecom €4.2m, up 12%, after 300k calls.')).toEqual(['harbour office', 'dornfield telecom']);
    expect(nameEntities('Ostrel Bank set aside US$1.9bn and EUR750k for claims.')).toEqual(['ostrel bank']);
    expect(nameEntities('Its 3.1m users saw a 10x rise in 24h.')).toEqual([]);
  });

  it('keeps letter-digit product names as codes, including model sizes', () => {
    expect(new Set(nameEntities('It runs on the H200 and ships as Gannet-12B or as a 70B model.'))).toEqual(new Set(['h200', 'gannet-12b', '70b']));
  });

  it('treats funding rounds, chapters, phases, versions and periods as generic labels, not names', () => {
    expect(nameEntities('Oat cheese maker Brenlow Foods lands a Series C round.')).toEqual(['brenlow foods']);
    expect(nameEntities('The chain Dunmore Stores filed for Chapter 11 after weak Q3 sales.')).toEqual(['dunmore stores']);
    expect(nameEntities('A Phase 2 trial of Ossaril, now at Version 3.1, starts in FY2027.')).toEqual(['ossaril']);
    expect(nameEntities('Shares of Class A stock in Tamber Mining rose.')).toEqual(['tamber mining']);
  });

  it('leaves a label word that is followed by no label value in the name', () => {
    expect(nameEntities('Tickets for the Harwick Series sold out.')).toEqual(['harwick series']);
  });

  it('reports a lone sentence opener as a candidate, not a name', () => {
    const openers: string[] = [];
    expect(nameEntities('Veilmoss patched its browser.', false, openers)).toEqual([]);
    expect(openers).toEqual(['veilmoss']);
  });
});

describe('nameHead', () => {
  it('drops optional business words after a distinctive name, so one organisation written three ways is one name', () => {
    expect(nameHead('quorrel vpn')).toBe('quorrel');
    expect(nameHead('quorrel networks')).toBe('quorrel');
    expect(nameHead('tamberly social')).toBe('tamberly');
    expect(nameHead('quorrel')).toBe('quorrel');
  });

  it('keeps institutions and multi-word heads whole, so different institutes stay different names', () => {
    expect(nameHead('harwick institute')).toBe('harwick institute');
    expect(nameHead('lindenvale data authority')).toBe('lindenvale data authority');
    expect(nameHead('blue heron cloud')).toBe('blue heron cloud');
  });

});

describe('product codes', () => {
  it('reads hyphenated figures as figures, not product codes', () => {
    for (const word of ['2-million-word', 'over-65s', '48-hour', '7-year-old', '20-fold']) expect(isNumberCompound(word)).toBe(true);
    for (const word of ['Kite-3', 'Wren-12B', 'Pallas-2o-like']) expect(isNumberCompound(word)).toBe(false);
    expect(nameEntities('Marlo 4 ships with a 2-million-word memory for over-65s')).toEqual(['marlo 4']);
  });

  it('reads "Name N" as a versioned product name, but not dates, amounts or stages', () => {
    expect(nameEntities('Ferren Labs released Marlo 4.5 on Tuesday.')).toContain('marlo 4.5');
    expect(nameEntities('The rules apply from March 3.')).not.toContain('march 3');
    expect(nameEntities('Tamberly Social paid €48 million.')).not.toContain('social 48');
    expect(nameEntities('Ferren Labs hired Marlo 3 million times.')).not.toContain('marlo 3');
  });
});
