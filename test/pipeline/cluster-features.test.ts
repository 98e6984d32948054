import { describe, expect, it } from 'vitest';
import { confirmOpeners, eventKinds, itemFeatures, nameEntities, terms } from '../../src/pipeline/cluster-features';

const item = (id: string, title: string, text: string) => ({ id, publisher: 'p', title, text, publishedAt: '2026-11-20T12:00:00Z' });

describe('nameEntities', () => {
  it('ends a name at a possessive, so the owner and the thing owned are two names', () => {
    expect(nameEntities('An attack on Pellworth Tools\u2019 Tessera agent was found.')).toEqual(['pellworth tools', 'tessera']);
    expect(nameEntities("It was Marrow Health's ScanSight tool.")).toEqual(['marrow health', 'scansight']);
  });

  it('ends a name before a bracketed acronym', () => {
    expect(new Set(nameEntities('The fine came from the Data Protection Office (DPO) on Monday.'))).toEqual(new Set(['data protection office', 'dpo']));
  });

  it('reports a lone sentence opener as a candidate, not a name', () => {
    const openers: string[] = [];
    expect(nameEntities('Veilmoss patched its browser.', false, openers)).toEqual([]);
    expect(openers).toEqual(['veilmoss']);
  });
});

describe('eventKinds', () => {
  it('names the kind of event a headline reports, whatever the word form', () => {
    expect(eventKinds(terms('Regulator fines Brackwater'))).toEqual(new Set(['penalty']));
    expect(eventKinds(terms('Brackwater was fined'))).toEqual(new Set(['penalty']));
    expect(eventKinds(terms('Brackwater releases Gannet-12B'))).toEqual(new Set(['release']));
    expect(eventKinds(terms('Inside the team behind Gannet-12B'))).toEqual(new Set());
  });
});

describe('itemFeatures', () => {
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
