import { describe, expect, it } from 'vitest';
import { keyFigure } from '../../src/lib/key-figure';

describe('keyFigure', () => {
  it('finds money first, then percentages, then large counts, headline before dek', () => {
    expect(keyFigure('Brightwell raises $40 million for storage', 'Up 12% on the year')).toBe('$40 million');
    expect(keyFigure('Chip sales rise 12% in March', '')).toBe('12%');
    expect(keyFigure('Port hires staff', 'About 3,000 workers will join.')).toBe('3,000 workers');
    expect(keyFigure('Quillon ships €2.5bn order', '')).toBe('€2.5bn');
  });

  it('returns null when there is no figure worth a cover', () => {
    expect(keyFigure('Lumen Forge opens its Atlas model', 'Researchers get access in May')).toBeNull();
  });
});
