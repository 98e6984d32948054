import { describe, expect, it } from 'vitest';
import { isRoundupItem, itemSignals } from '../../../src/pipeline/cluster/signals';

const item = (id: string, title: string, text: string) => ({ id, publisher: 'p', title, text, publishedAt: '2026-11-20T12:00:00Z' });

describe('itemSignals', () => {
  it('keeps one amount written three ways as one figure, and no amount among the names', () => {
    for (const amount of ['€3.6m', '€3.6 million', '3.6 million euros']) {
      const s = itemSignals(item('a', `Tallow Freight fined ${amount} over tachographs`, `The regulator fined Tallow Freight ${amount}.`), 0);
      expect(s.figures.has('eur:3600000')).toBe(true);
      expect(s.titleNames).toEqual(new Set(['tallow', 'freight']));
      expect(s.codes).toEqual(new Set());
    }
  });

  it('records a funding round as a label, its kind of event, and no name', () => {
    const s = itemSignals(item('a', 'Brenlow Foods raises $40m in a Series C round', 'Brenlow Foods raised $40m.'), 0);
    expect(s.labels).toEqual(new Set(['lbl:series c']));
    expect(s.events).toEqual(new Set(['funding']));
    expect(s.titleNames.has('series')).toBe(true);
  });

  it('takes a title-case or shouted headline\'s names only from the names its lede writes', () => {
    const titleCase = itemSignals(item('a', 'Meridian Union Assembly Passes The AI Accountability Act', 'The Meridian Union Assembly passed the AI Accountability Act on Tuesday.'), 0);
    expect(titleCase.titleNames.has('meridian')).toBe(true);
    expect(titleCase.titleNames.has('passes')).toBe(false);
    const shouted = itemSignals(item('b', 'QUILLBY MOWERS GROUNDED AFTER GARDEN FIRES', 'Three fires were traced to mowers made by Quillby Garden Works.'), 1);
    expect(shouted.titleNames.has('quillby')).toBe(true);
    for (const word of ['mowers', 'grounded', 'fires']) expect(shouted.titleNames.has(word), word).toBe(false);
  });

  it('counts a capitalised sentence opener as a name, but not a stopword', () => {
    const s = itemSignals(item('a', 'Veilmoss patches its browser', 'Veilmoss released a fix on Monday. The fix closes a leak.'), 0);
    expect(s.names.has('veilmoss')).toBe(true);
    expect(s.names.has('the')).toBe(false);
  });

  it('names each party of a joined name too, but not a short or lower-case part', () => {
    const s = itemSignals(item('a', 'The Memo: Halvard-Okonjo sniping underscores budget frustration', 'Governor Ines Halvard and Mayor Tobi Okonjo traded barbs over Trump-era rules.'), 0);
    for (const name of ['halvard-okonjo', 'halvard', 'okonjo']) expect(s.titleNames.has(name), name).toBe(true);
    expect(s.names.has('trump')).toBe(true);
    expect(s.names.has('era')).toBe(false);
    expect(itemSignals(item('b', 'Corvid Labs releases Kite-3', 'Text.'), 0).names.has('3')).toBe(false);
  });

  it('keeps letter-digit product names as headline codes', () => {
    expect(itemSignals(item('a', 'Corvid Labs releases Kite-3 for $3m', 'Text.'), 0).codes).toEqual(new Set(['kite-3']));
  });
});

describe('isRoundupItem', () => {
  it('finds a roundup by its announcing phrases, and not in a report that comes back to its subject', () => {
    expect(isRoundupItem(itemSignals(item('a', 'The week in tech: outages and launches', 'Short.'), 0))).toBe(true);
    const digest = 'Hexwood released version 9 of its editor. Tarnbrook Cloud went down for two hours. Pollenby raised $12m.';
    expect(isRoundupItem(itemSignals(item('b', 'Weekly digest: Hexwood Editor 9 and more', digest), 1))).toBe(true);
    const report = 'Tarnbrook Cloud went down for two hours. Tarnbrook said a faulty update was to blame. Customers of Tarnbrook were refunded.';
    expect(isRoundupItem(itemSignals(item('c', 'Tarnbrook Cloud outage lasts two hours', report), 2))).toBe(false);
  });
});
