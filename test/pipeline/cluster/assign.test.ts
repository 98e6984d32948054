import { describe, expect, it } from 'vitest';
import { clusterItems, joinStories } from '../../../src/pipeline/cluster';
import type { ClusterItem } from '../../../src/pipeline/types';

const at = (hours: number) => new Date(Date.parse('2026-11-20T12:00:00Z') + hours * 3_600_000).toISOString();
const item = (id: string, publisher: string, hours: number, title: string, text: string): ClusterItem => ({ id, publisher, title, text, publishedAt: at(hours) });

const strike = [
  item('s1', 'relay', 0, 'Dockers at Pellmore walk out over pay', 'Dockers at the port of Pellmore walked out on Monday over a pay offer, leaving ships unloaded.'),
  item('s2', 'ledger', 2, 'Pellmore port idle as dockers strike over pay', 'No ships were unloaded at Pellmore on Monday as dockers walked out over the pay offer.'),
];
const later = item('s3', 'kestrel', 5, 'Pellmore dockers stay out as pay talks stall', 'The strike by dockers at the port of Pellmore went into a second shift as talks on the pay offer stalled.');

describe('joinStories', () => {
  it('puts a new item into the kept story it reports, without regrouping the kept items', () => {
    const { joins, created } = joinStories([{ id: 'st_strike', items: strike }], [later]);
    expect(joins).toEqual(new Map([['st_strike', ['s3']]]));
    expect(created).toEqual([]);
  });

  it('never merges two kept stories, even when a new item fits both', () => {
    const { joins, created } = joinStories([{ id: 'st_a', items: [strike[0]!] }, { id: 'st_b', items: [strike[1]!] }], [later]);
    expect([...joins.values()].flat()).toEqual(['s3']);
    expect(joins.size).toBe(1);
    expect(created).toEqual([]);
  });

  it('starts a story for new items that report something else', () => {
    const other = item('o1', 'relay', 3, 'Quillby recalls 5,000 hedge trimmers', 'Quillby Garden Works recalled 5,000 hedge trimmers after reports of overheating batteries.');
    expect(joinStories([{ id: 'st_strike', items: strike }], [other]).created).toEqual([['o1']]);
  });
});

describe('clusterItems keeps apart events on one topic', () => {
  it('when the same kind of event happens on another day', () => {
    const nextWeek = [
      item('w1', 'relay', 60, 'Dockers at Pellmore walk out again over pay', 'Dockers at the port of Pellmore walked out on Thursday over the pay offer, the second stoppage this week.'),
      item('w2', 'ledger', 61, 'Second Pellmore dock strike over pay', 'Ships waited outside Pellmore on Thursday as dockers staged a second walkout over the pay offer.'),
    ];
    expect(clusterItems([...strike, ...nextWeek], { windowHours: 96 })).toEqual([['s1', 's2'], ['w1', 'w2']]);
  });

  it('when the headlines give one measure different values', () => {
    const raised = [
      item('r1', 'relay', 0, 'Brenmark raises the refugee cap to 62,500 refugees', 'Brenmark raised its annual refugee admissions cap on Monday, the interior ministry said.'),
      item('r2', 'ledger', 1, 'Brenmark keeps the refugee cap at 15,000 refugees', 'Brenmark will keep its annual refugee admissions cap, the interior ministry said on Monday.'),
    ];
    expect(clusterItems(raised)).toEqual([['r1'], ['r2']]);
  });
});
