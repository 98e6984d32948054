// The checks' evaluation in CI: detection per corruption type and false holds on clean articles, against the issue's targets.
import { describe, expect, it } from 'vitest';
import { evaluationSet } from '../fixtures/checks/index';
import { evaluate, missedTargets } from '../fixtures/checks/metrics';

describe('checkArticle evaluation', () => {
  const { stories } = evaluationSet();
  const result = evaluate(stories);

  it('has hand-written stories and the demo newswire in the set', () => {
    expect(stories.filter((s) => s.origin === 'hand').length).toBeGreaterThanOrEqual(12);
    expect(stories.filter((s) => s.origin === 'extractive').length).toBeGreaterThanOrEqual(1);
  });

  it('generates corrupted copies of every type', () => {
    for (const t of result.byType) expect(t.total, t.type).toBeGreaterThan(0);
  });

  it('meets the issue\'s detection and false-hold targets', () => {
    expect(missedTargets(result)).toEqual([]);
  });
});
