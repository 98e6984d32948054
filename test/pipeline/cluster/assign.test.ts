import { describe, expect, it } from 'vitest';
import { clusterItems, clusterWith, joinStories } from '../../../src/pipeline/cluster';
import { DEFAULT_ASSIGN_POLICY, signalsOf, StoryIndex } from '../../../src/pipeline/cluster/assign';
import { FEATURES, type PairModel } from '../../../src/pipeline/cluster/pair';
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

describe('clusterItems and outlets', () => {
  const followUp = item('f1', 'relay', 3, 'Pellmore dockers stay out as pay talks stall', 'The strike by dockers at the port of Pellmore went into a second shift as talks on the pay offer stalled.');

  it('keeps an outlet\'s second item on a story apart unless it alone is a near-certain match', () => {
    expect(clusterItems([...strike, followUp])).toEqual([['s1', 's2'], ['f1']]);
    // The same item from another outlet joins (see joinStories above), and so does this one without the rule.
    expect(clusterItems([...strike, followUp], { sameOutletJoin: 0 })).toEqual([['s1', 's2', 'f1']]);
  });
});

describe('clusterWith reassignment', () => {
  // A model that reads only the headline-and-lede cosine, so the case tests the joining, not the fitted weights.
  const cosineAlone: PairModel = { features: FEATURES, weights: FEATURES.map((f) => (f === 'body_cosine' ? 10 : 0)), bias: -6, joinMax: 0.5, joinMean: 0.6 };
  const walkout = [
    item('a1', 'relay', 0, 'Pellmore dockers walk out over pay', 'Dockers at the port of Pellmore walked out over pay on Monday.'),
    item('a2', 'ledger', 1, 'Dockers walk out at Pellmore port over pay', 'Pellmore dockers walked out over pay, leaving ships unloaded.'),
  ];
  // A report of the next event (a new offer) that arrives before the other reports of that event.
  const offer = item('x', 'signal', 2, 'Pellmore port offers striking dockers a new pay deal', 'The Pellmore port operator offered dockers a new pay deal with a bonus for night shifts.');
  const offer2 = item('b1', 'kestrel', 3, 'Pellmore operator offers dockers new pay deal with night bonus', 'A new pay deal with a night shift bonus was offered to Pellmore dockers by the port operator.');

  it('moves a report that joined a same-topic story to its own event\'s story once that forms', () => {
    expect(clusterWith([...walkout, offer], {}, undefined, cosineAlone)).toEqual([['a1', 'a2', 'x']]);
    expect(clusterWith([...walkout, offer, offer2], {}, undefined, cosineAlone)).toEqual([['a1', 'a2'], ['x', 'b1']]);
  });
});

describe('StoryIndex blocking over a batch longer than the window', () => {
  it('judges a key common or rare within the window around an item, not over the whole batch', () => {
    // The port's dockers are in the news every day for three weeks; in any one day they are rare.
    const days = Array.from({ length: 21 }, (_, d) =>
      item(`d${d}`, `outlet${d % 4}`, d * 24, `Day ${d}: Pellmore dockers walk out over rosters`, 'Dockers at the port of Pellmore walked out over rosters, the port board said.'),
    );
    const reports = [
      item('r1', 'relay', 10 * 24 + 1, 'Pellmore dockers walk out', 'Dockers at the port of Pellmore walked out over rosters.'),
      item('r2', 'ledger', 10 * 24 + 2, 'Pellmore port idle as dockers walk out', 'The port of Pellmore was idle as dockers walked out over rosters.'),
    ];
    const all = signalsOf([...days, ...reports]);
    const index = new StoryIndex({ ...DEFAULT_ASSIGN_POLICY, windowHours: 24 });
    index.load(all);
    const [r1, r2] = ['r1', 'r2'].map((id) => all.findIndex((s) => s.item.id === id));
    all.forEach((_, i) => i !== r2 && index.index(i));
    // The reports share only words that 23 items over the batch hold, too many to block on; 5 within a day of them do.
    expect(index.candidates(r2!)).toContain(r1);
  });
});

describe('StoryIndex candidates', () => {
  it("proposes other outlets' items only, unless asked for every outlet's (the fit's hard negatives)", () => {
    const all = signalsOf([
      item('own', 'relay', 0, 'Pellmore dockers walk out over pay', 'Dockers at the port of Pellmore walked out over pay on Monday.'),
      item('other', 'ledger', 1, 'Pellmore dockers strike over pay', 'Pellmore dockers walked out over pay, leaving ships unloaded.'),
      item('new', 'relay', 2, 'Pellmore dockers out over pay', 'The Pellmore dockers walked out over the pay offer.'),
    ]);
    const index = new StoryIndex(DEFAULT_ASSIGN_POLICY);
    index.load(all);
    all.forEach((_, i) => index.index(i));
    const ids = (list: number[]) => list.map((i) => all[i]!.item.id).sort();
    expect(ids(index.candidates(2))).toEqual(['other']);
    expect(ids(index.candidates(2, true))).toEqual(['new', 'other', 'own']);
  });
});

/** A model where the headline-and-lede cosine alone decides, so a case tests the placing, not the fitted weights. */
const cosineAlone: PairModel = { features: FEATURES, weights: FEATURES.map((f) => (f === 'body_cosine' ? 10 : 0)), bias: -5, joinMax: 0.5, joinMean: 0.5 };
/** An item whose headline and text are the same words. */
const words = (id: string, publisher: string, hours: number, text: string) => item(id, publisher, hours, text, text);

describe('clusterWith rehoming', () => {
  const items = [
    // m and j join; x fits j, but m is of x's own outlet, so x stays out; n is m's closer match and takes m away.
    words('m', 'relay', 0, 'arbor basalt cobalt ember fennel'),
    words('j', 'ledger', 1, 'ember fennel gossamer hollow'),
    words('x', 'relay', 2, 'gossamer hollow islet juniper kelp'),
    words('n', 'kestrel', 3, 'arbor basalt cobalt quill'),
  ];

  it('lets a report left alone join its close partner once the story that kept it out has changed', () => {
    expect(clusterWith(items, {}, undefined, cosineAlone)).toEqual([['m', 'n'], ['j', 'x']]);
  });

  it('leaves it alone when the partner is not close enough', () => {
    expect(clusterWith(items, {}, undefined, { ...cosineAlone, joinMax: 0.55, joinMean: 0.55 })).toEqual([['m', 'n'], ['j'], ['x']]);
  });
});

describe('clusterWith exchange', () => {
  const items = [
    words('a1', 'relay', 0, 'arbor basalt cobalt ember fennel gossamer'),
    words('b1', 'ledger', 1, 'quill raven sorrel thistle umber vervain'),
    // xb arrives first and fits a1 better than b1 alone; xa, a1's closest match, is then kept out of a1's
    // story by xb (one outlet) and joins b1.
    words('xb', 'signal', 2, 'arbor basalt cobalt ember quill raven sorrel'),
    words('xa', 'signal', 3, 'arbor basalt cobalt ember fennel thistle umber vervain'),
  ];

  it('lets two items of one outlet trade stories when both then fit better', () => {
    expect(clusterWith(items, {}, undefined, cosineAlone)).toEqual([['a1', 'xa'], ['b1', 'xb']]);
  });

  it('lets the closer item take its outlet\'s place, the other standing alone when it fits nowhere else', () => {
    // At joinMax 0.7 xa stays out of b1's story (0.58) and xb cannot join b1 (0.68); a1 still fits xa (0.93) better than xb (0.82).
    expect(clusterWith(items, {}, undefined, { ...cosineAlone, joinMax: 0.7 })).toEqual([['a1', 'xa'], ['b1'], ['xb']]);
  });
});
