import { describe, expect, it } from 'vitest';
import { eventKinds, eventRelation } from '../../../src/pipeline/cluster/events';

const kinds = (text: string) => [...eventKinds(text)];

describe('eventKinds', () => {
  it('names the kind of event a headline reports, whatever the word form', () => {
    expect(kinds('Regulator fines Brackwater')).toEqual(['penalty']);
    expect(kinds('Brackwater was fined')).toEqual(['penalty']);
    expect(kinds('Brackwater releases Gannet-12B')).toEqual(['release']);
    expect(kinds('Brackwater open-sources its tagger')).toEqual(['release']);
    expect(kinds('Inside the team behind Gannet-12B')).toEqual([]);
  });

  it('knows the usual ways a headline says a service failed', () => {
    for (const text of [
      'Ferrow Pay went down for six hours', 'Larchmont app goes dark across the north', 'Logins stopped working at Ostrel Bank',
      'Card payments failed across Lundvik', 'Hours of downtime for Tamber Cloud', 'Disruption hits Ferrow Pay customers',
      'Ostrel portal offline again', 'Tamber Cloud crashes on launch day', 'A glitch left Ostrel customers locked out',
    ]) expect(eventKinds(text).has('outage'), text).toBe(true);
  });

  it('does not read a failure to act as a failed service', () => {
    expect(kinds('Ferrow failed to disclose a data breach')).toEqual(['security']);
  });

  it('knows the usual headline phrasings of layoffs, departures and rounds', () => {
    expect(kinds('Taverly lays off 200')).toEqual(['layoff']);
    expect(kinds('Taverly to axe a fifth of its staff')).toEqual(['layoff']);
    expect(kinds('Orrin chief executive steps down')).toEqual(['leadership']);
    // A follow-up names the change, not the act: still the departure's story, and no outage's.
    expect(kinds('What the Orrin leadership change means for its users')).toEqual(['leadership']);
    expect(eventRelation(eventKinds('What the Orrin leadership change means for its users'), eventKinds('Orrin messages delayed in early-morning outage'))).toBe('conflict');
    expect(kinds('Brenlow lands a Series C')).toEqual(['funding']);
    expect(kinds('a series a few people watched')).toEqual([]);
    expect(kinds('Court orders Tamber to pay damages')).toEqual(['litigation', 'penalty']);
    expect(kinds('Ostrel Bank buys Ferrow Pay')).toEqual(['acquisition']);
  });
});

describe('eventRelation', () => {
  it('treats a price as an attribute of a release, not another event', () => {
    expect(eventRelation(eventKinds('Sorrel-7 will cost $2 per page, priced below rivals'), eventKinds('Brackwell releases Sorrel-7'))).toBe('compatible');
  });

  it('tells a shared kind, different kinds and an unknown kind apart', () => {
    expect(eventRelation(new Set(['outage', 'release']), new Set(['outage']))).toBe('same');
    expect(eventRelation(new Set(['penalty']), new Set(['release']))).toBe('conflict');
    expect(eventRelation(new Set(['pricing']), new Set(['penalty']))).toBe('conflict');
    expect(eventRelation(new Set(), new Set(['release']))).toBe('unknown');
  });
});

describe('eventKinds vocabulary', () => {
  it('names export controls, strikes, plant sites and court rulings', () => {
    expect(kinds('Veloria tightens export controls on sensor chips')).toContain('trade');
    expect(kinds('Warehouse staff at Pennacott walk out over heat')).toContain('labour');
    expect(kinds('Pennacott strike enters third day')).toContain('labour');
    expect(kinds('Marlowe Batteries picks Scarrow for its new gigafactory')).toContain('facility');
    expect(kinds('Judge rules the recordings inadmissible')).toContain('litigation');
    expect(kinds('Appeals panel ruled against the insurer')).toContain('litigation');
  });

  it('reads opening or building a site as a facility, not opening an inquiry or a region going dark', () => {
    expect(kinds('Tarnwell Cloud to open data region in Halvik in 2027')).toContain('facility');
    expect(kinds('Ostrander builds $2 billion campus outside Merrow')).toContain('facility');
    expect(kinds('Regulator opens inquiry into Ostrander')).not.toContain('facility');
    expect(kinds('Tarnwell Cloud region goes dark for six hours')).toEqual(['outage']);
    // An outage and a new region of one company are two stories (held-out fixture: merged before).
    expect(eventRelation(eventKinds('Tarnwell Cloud outage knocks customers offline'), eventKinds('Tarnwell Cloud to open data region in Halvik'))).toBe('conflict');
  });

  it('counts a purchase as an acquisition only when an organisation is bought', () => {
    expect(kinds('Fans bought train tickets within minutes')).not.toContain('acquisition');
    expect(kinds('Ferren buys rival Quorrel for $90m')).toContain('acquisition');
    expect(kinds('Ferren acquires Quorrel')).toContain('acquisition');
  });

  it('does not read an explainer\'s ordinary verbs as legislation or an outage', () => {
    expect(kinds('Why Ferren wants regulators to act before the debate')).toEqual([]);
    expect(kinds('Service restored trust, which was unavailable before')).not.toContain('outage');
    expect(kinds('Lawmakers pass the Sensor Safety Act')).toContain('legislation');
  });

  it('treats a ruling or an appeal as compatible with a fine', () => {
    expect(eventRelation(new Set(['penalty']), new Set(['litigation']))).toBe('compatible');
  });
});
