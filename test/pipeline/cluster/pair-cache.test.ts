import { describe, expect, it } from 'vitest';
import { PairCache } from '../../../src/pipeline/cluster/pair-cache';

describe('PairCache', () => {
  it('keeps a pair logit under either order of the pair, -Infinity included', () => {
    const cache = new PairCache(4);
    cache.set(7, 3, 1.25);
    cache.set(2, 9, -Infinity);
    expect(cache.get(3, 7)).toBe(1.25);
    expect(cache.get(7, 3)).toBe(1.25);
    expect(cache.get(9, 2)).toBe(-Infinity);
    expect(cache.get(3, 8)).toBeUndefined();
  });

  it('keeps every pair as it grows past its first capacity', () => {
    const cache = new PairCache(4);
    const z = (i: number, j: number) => (i * 31 + j) / 7;
    for (let i = 0; i < 200; i++) for (let j = i + 1; j < i + 20; j++) cache.set(i, j, z(i, j));
    cache.set(5, 6, 0.5);
    for (let i = 0; i < 200; i++) for (let j = i + 1; j < i + 20; j++) expect(cache.get(j, i)).toBe(i === 5 && j === 6 ? 0.5 : z(i, j));
    expect(cache.get(0, 500)).toBeUndefined();
  });
});
