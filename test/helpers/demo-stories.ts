// The demo newswire's stories as the writers see them: SourceDoc[] per storyKey (phases 1 and 2).
import { items, publisherById, publishedAt } from '../fixtures/newswire';
import type { SourceDoc } from '../../src/pipeline/types';

export interface DemoStory {
  key: string;
  sources: SourceDoc[];
  publishers: Set<string>;
}

/** Every demo story with its items numbered 1..n as sources, in feed order. */
export function demoStories(now = new Date()): DemoStory[] {
  const byKey = new Map<string, typeof items>();
  for (const item of items) {
    if (!item.storyKey) continue;
    byKey.set(item.storyKey, [...(byKey.get(item.storyKey) ?? []), item]);
  }
  return [...byKey].map(([key, group]) => {
    const sources = group
      .sort((a, b) => b.minutesAgo - a.minutesAgo || a.id.localeCompare(b.id))
      .map((item, i) => {
        const publisher = publisherById(item.publisherId);
        return {
          n: i + 1,
          publisher: publisher.publisher,
          url: new URL(item.link, publisher.homepage).toString(),
          title: item.title,
          text: item.body,
          publishedAt: publishedAt(item, now).toISOString(),
        };
      });
    return { key, sources, publishers: new Set(sources.map((s) => s.publisher)) };
  });
}

/** Two short sources from different publishers, for tests that need any story. */
export function twoSources(): SourceDoc[] {
  const at = new Date(Date.now() - 3_600_000).toISOString();
  return [
    { n: 1, publisher: 'Northwind Ledger', url: 'https://northwind-ledger.demo.invalid/a/1', title: 'Lumen Forge opens its Atlas model', text: 'Lumen Forge released Atlas, a 40-billion-parameter model, under an open licence on Tuesday.', publishedAt: at },
    { n: 2, publisher: 'Harbor Signal', url: 'https://harbor-signal.demo.invalid/b/2', title: 'Atlas model goes open', text: 'Lumen Forge said Atlas was trained on 3 trillion tokens and is free for research and commercial use.', publishedAt: at },
  ];
}
