import { describe, expect, it } from 'vitest';
import { chooseTags } from '../../../../src/pipeline/synthesize/writers/topics';
import type { SourceDoc } from '../../../../src/pipeline/types';

const at = '2026-11-30T11:00:00.000Z';
const source = (n: number, publisher: string, text: string): SourceDoc => ({ n, publisher, url: `https://${n}.example/a`, title: 'A harbour story', text, publishedAt: at });

describe('chooseTags', () => {
  it('tags a one-word name only where the sources capitalise it mid-sentence, after a lower-case word or a comma', () => {
    const tags = chooseTags([
      source(1, 'Harbor Ledger', 'Wayfinder opened the dock. Boats wait. For now the board said Wayfinder would pay. Keelson paid too.'),
      source(2, 'Northwind Signal', 'Keelson and the board met. For days, Wayfinder argued. Keelson agreed.'),
    ]);
    expect(tags).toContain('Wayfinder');
    // "Keelson" and "For" open sentences only: never after a lower-case word or a comma.
    expect(tags).not.toContain('Keelson');
    expect(tags).not.toContain('For');
  });

  it('reads the name as a whole word: a longer word that starts with it does not count', () => {
    const tags = chooseTags([
      source(1, 'Harbor Ledger', 'Tarn opened. The board met Tarnwick staff.'),
      source(2, 'Northwind Signal', 'Tarn closed, and Tarnwick said so.'),
    ]);
    expect(tags).not.toContain('Tarn');
  });
});
