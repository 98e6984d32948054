// The desk's version diff: lines by longest common subsequence, words within changed lines.
import { describe, expect, it } from 'vitest';
import { diffLines, diffWords } from '../../src/lib/diff';

const rebuild = (parts: { op: string; text: string }[], side: 'before' | 'after') =>
  parts.filter((p) => p.op === 'same' || p.op === (side === 'before' ? 'del' : 'ins')).map((p) => p.text).join('');

describe('diffWords', () => {
  it('marks only the changed word, and its parts rebuild both texts exactly', () => {
    const before = 'The chip draws 40 watts at full load.';
    const after = 'The chip draws 45 watts at full load.';
    const parts = diffWords(before, after);
    expect(parts).toEqual([
      { op: 'same', text: 'The chip draws ' },
      { op: 'del', text: '40' },
      { op: 'ins', text: '45' },
      { op: 'same', text: ' watts at full load.' },
    ]);
    expect(rebuild(parts, 'before')).toBe(before);
    expect(rebuild(parts, 'after')).toBe(after);
  });

  it('marks a changed phrase as one removal and one insertion, not word by word', () => {
    const parts = diffWords('Lumen Forge opens its Atlas model', 'A new headline for the Atlas model');
    expect(parts).toEqual([
      { op: 'del', text: 'Lumen Forge opens its ' },
      { op: 'ins', text: 'A new headline for the ' },
      { op: 'same', text: 'Atlas model' },
    ]);
  });

  it('handles empty texts', () => {
    expect(diffWords('', 'new words')).toEqual([{ op: 'ins', text: 'new words' }]);
    expect(diffWords('old', '')).toEqual([{ op: 'del', text: 'old' }]);
  });
});

describe('diffLines', () => {
  it('keeps equal lines, pairs a changed line word by word, and shows added and removed lines whole', () => {
    const lines = diffLines(['Headline: A', 'First paragraph.', 'Second paragraph.', 'Gone.'], ['Headline: B', 'First paragraph.', 'Second paragraph.', 'Added one.', 'Added two.']);
    expect(lines.map((l) => l.op)).toEqual(['changed', 'same', 'same', 'changed', 'ins']);
    expect(lines[0]!.parts).toEqual([
      { op: 'same', text: 'Headline: ' },
      { op: 'del', text: 'A' },
      { op: 'ins', text: 'B' },
    ]);
    expect(lines[4]!.parts).toEqual([{ op: 'ins', text: 'Added two.' }]);
  });

  it('reads two identical versions as all the same', () => {
    expect(diffLines(['a', 'b'], ['a', 'b']).every((l) => l.op === 'same')).toBe(true);
  });
});
