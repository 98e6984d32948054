import { describe, expect, it } from 'vitest';
import { clusterItems, independentPublishers } from '../../src/pipeline/cluster';
import type { ClusterItem } from '../../src/pipeline/types';
import { ownItems } from '../fixtures/cluster/index';

const at = (hours: number) => new Date(Date.parse('2026-11-20T12:00:00Z') + hours * 3_600_000).toISOString();

const fine = (id: string, publisher: string, hours: number, title: string, text: string): ClusterItem => ({
  id, publisher, title, text, url: `https://${publisher}.example/${id}`, publishedAt: at(hours),
});

const kite = [
  fine('a', 'relay', 0, 'Corvid Labs releases Kite-3, an open-weights model with 70 billion parameters',
    'Corvid Labs published Kite-3, a 70 billion parameter model whose weights anyone can download, trained on 14 trillion tokens.'),
  fine('b', 'ledger', 2, 'Kite-3 arrives: Corvid opens up its largest model',
    'The weights of Kite-3, the new 70 billion parameter model from Corvid Labs, went online; it was trained on 14 trillion tokens.'),
];
const wire = fine('w', 'kestrel', 1, 'Halcyon AI fined 20 million euros by regulator',
  'VELORIA CITY (Kestrel Wire) - The Digital Markets Authority fined Halcyon AI 20 million euros on Tuesday, saying the company trained models on user chats without consent. Halcyon has 90 days to delete the data and said it would appeal.');
const copy = { ...wire, id: 'w-copy', publisher: 'harbor', title: 'Regulator fines AI firm', url: 'https://harbor.example/w' };

describe('clusterItems', () => {
  it('returns every input id exactly once, singletons included', () => {
    const input = ownItems.map(({ story: _s, subset: _b, ...item }) => item);
    const ids = clusterItems(input).flat();
    expect(ids).toHaveLength(input.length);
    expect(new Set(ids)).toEqual(new Set(input.map((i) => i.id)));
  });

  it('groups two outlets reporting one model release', () => {
    const groups = clusterItems([...kite, wire]);
    expect(groups).toHaveLength(2);
    expect(groups).toContainEqual(['a', 'b']);
    expect(groups).toContainEqual(['w']);
  });

  it('keeps apart two fines by one regulator on different companies', () => {
    const other = fine('t', 'signal', 2, 'Veloria fines Tessellate €4.5 million over cloud exit fees',
      'The Digital Markets Authority fined cloud provider Tessellate €4.5 million over fees charged to customers who left its platform.');
    const halcyon = fine('h', 'ledger', 0, 'Veloria fines Halcyon AI €20 million over training data',
      'The Digital Markets Authority fined Halcyon AI €20 million for training models on user chats without consent.');
    expect(clusterItems([halcyon, other])).toEqual([['h'], ['t']]);
  });

  it('keeps apart two releases by one lab', () => {
    const mini = fine('m', 'signal', 3, 'Corvid Labs squeezes Kite-3 Mini onto phones',
      'Corvid Labs introduced Kite-3 Mini, a 3 billion parameter model built to run on smartphones without a network connection.');
    const groups = clusterItems([...kite, mini]);
    expect(groups.find((g) => g.includes('m'))).toEqual(['m']);
  });

  it('never groups items further apart than the time window', () => {
    const late = { ...kite[1]!, publishedAt: at(80) };
    expect(clusterItems([kite[0]!, late])).toEqual([['a'], ['b']]);
    expect(clusterItems([kite[0]!, late], { windowHours: 96 })).toEqual([['a', 'b']]);
  });

  it('groups a syndicated copy with its original even under a new headline', () => {
    expect(clusterItems([wire, copy])).toEqual([['w', 'w-copy']]);
  });

  it('gives the same groups whatever the input order', () => {
    const input = ownItems.map(({ story: _s, subset: _b, ...item }) => item);
    const reversed = [...input].reverse();
    expect(clusterItems(reversed)).toEqual(clusterItems(input));
  });

  it('rejects repeated ids and unreadable times with a clear message', () => {
    expect(() => clusterItems([kite[0]!, kite[0]!])).toThrow(/appears twice/);
    expect(() => clusterItems([{ ...kite[0]!, publishedAt: 'yesterday' }])).toThrow(/invalid publishedAt/);
  });
});

describe('independentPublishers', () => {
  it('counts a syndicated copy once, for the outlet that wrote it', () => {
    expect(independentPublishers([wire, copy])).toBe(1);
    expect(independentPublishers([wire, copy, kite[0]!])).toBe(2);
  });

  it('counts two feeds of one publisher family once', () => {
    const secondFeed = { ...kite[1]!, publisher: 'relay' };
    expect(independentPublishers([kite[0]!, secondFeed])).toBe(1);
    expect(independentPublishers(kite)).toBe(2);
  });
});
