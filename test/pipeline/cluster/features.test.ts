import { describe, expect, it } from 'vitest';
import { confirmOpeners, isNumberCompound, itemFeatures, nameEntities, nameHead } from '../../../src/pipeline/cluster/features';

const item = (id: string, title: string, text: string) => ({ id, publisher: 'p', title, text, publishedAt: '2026-11-20T12:00:00Z' });

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

describe('itemFeatures', () => {
  it('keeps one amount written three ways as one money fact, and no amount among the headline names', () => {
    const forms = ['€3.6m', '€3.6 million', '3.6 million euros'].map((amount, i) =>
      itemFeatures(item(String(i), `Tallow Freight fined ${amount} over tachographs`, `The regulator fined Tallow Freight ${amount}.`), i, 50));
    for (const f of forms) {
      expect(f.money).toEqual(new Set(['eur:3600000']));
      expect(f.titleNames).toEqual(new Set(['tallow freight']));
      expect(f.codes).toEqual(new Set());
    }
  });

  it('records a funding round as a label fact, not as a name', () => {
    const f = itemFeatures(item('a', 'Brenlow Foods raises $40m in a Series C round', 'Brenlow Foods raised $40m.'), 0, 50);
    expect(f.labels).toEqual(new Set(['lbl:series c']));
    expect(f.titleNames).toEqual(new Set(['brenlow foods']));
    expect(f.events).toEqual(new Set(['funding']));
  });

  it('takes a title-case headline\'s names from the lede names it repeats', () => {
    const f = itemFeatures(item('a', 'Meridian Union Assembly Passes The AI Accountability Act', 'The Meridian Union Assembly passed the AI Accountability Act on Tuesday.'), 0, 50);
    expect(f.titleNames).toEqual(new Set(['ai', 'meridian union assembly', 'ai accountability act']));
  });
});

describe('confirmOpeners', () => {
  it('counts a sentence opener as a name only when another item names it mid-sentence', () => {
    const fs = [
      itemFeatures(item('a', 'Veilmoss patches its browser', 'Veilmoss released a fix on Monday.'), 0, 50),
      itemFeatures(item('b', 'Audit finds a leak in Veilmoss', 'Auditors found that Veilmoss leaked lookups.'), 1, 50),
      itemFeatures(item('c', 'Researchers patch a tool', 'Researchers released a fix.'), 2, 50),
    ];
    confirmOpeners(fs);
    expect(fs[0]!.titleNames.has('veilmoss')).toBe(true);
    expect(fs[0]!.entities.has('veilmoss')).toBe(true);
    expect(fs[2]!.entities.has('researchers')).toBe(false);
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

  it('matches name variants across items', () => {
    const a = itemFeatures(item('a', 'Attackers hit Quorrel VPN gateways', 'Quorrel Networks confirmed the flaw.'), 0, 50);
    const b = itemFeatures(item('b', 'How the bug in Quorrel devices works', 'Admins of Quorrel should patch now.'), 1, 50);
    expect(a.entities.has('quorrel')).toBe(true);
    expect(b.entities.has('quorrel')).toBe(true);
  });
});

describe('product codes', () => {
  it('reads hyphenated figures as figures, not product codes', () => {
    for (const word of ['2-million-word', 'over-65s', '48-hour', '7-year-old', '20-fold']) expect(isNumberCompound(word)).toBe(true);
    for (const word of ['Kite-3', 'Wren-12B', 'Pallas-2o-like']) expect(isNumberCompound(word)).toBe(false);
    const f = itemFeatures(item('a', 'Marlo 4 ships with a 2-million-word memory for over-65s', 'Text.'), 0, 50);
    expect([...f.codes]).toEqual(['marlo 4']);
  });

  it('reads "Name N" as a versioned product name, but not dates, amounts or stages', () => {
    expect(nameEntities('Ferren Labs released Marlo 4.5 on Tuesday.')).toContain('marlo 4.5');
    expect(nameEntities('The rules apply from March 3.')).not.toContain('march 3');
    expect(nameEntities('Tamberly Social paid €48 million.')).not.toContain('social 48');
    expect(nameEntities('Ferren Labs hired Marlo 3 million times.')).not.toContain('marlo 3');
  });
});

describe('itemFeatures with shouted headlines', () => {
  it('names in a capitals headline only what the lede or the batch names', () => {
    const fs = [
      itemFeatures(item('a', 'QUILLBY MOWERS GROUNDED AFTER GARDEN FIRES', 'Three fires were traced to mowers made by Quillby Garden Works.'), 0, 50),
      itemFeatures(item('b', 'Thornwick recalls 5,000 hedge trimmers', 'Thornwick recalled trimmers on Monday.'), 1, 50),
    ];
    confirmOpeners(fs);
    expect([...fs[0]!.titleNames]).toContain('quillby');
    for (const word of ['mowers', 'grounded', 'garden', 'fires']) expect(fs[0]!.titleNames.has(word), word).toBe(false);
  });

  it('keeps a shouted word an acronym when the batch writes it as one', () => {
    const fs = [
      itemFeatures(item('a', 'NAVO PROBE: WHO KNEW?', 'Questions mount over the grant.'), 0, 50),
      itemFeatures(item('b', 'Auditors question NAVO grant', 'The NAVO grant to Pellmarsh was questioned.'), 1, 50),
    ];
    confirmOpeners(fs);
    expect(fs[0]!.titleNames.has('navo')).toBe(true);
    expect(fs[0]!.titleNames.has('probe')).toBe(false);
  });
});
