import { describe, expect, it } from 'vitest';
import { wordHashes, WordRuns } from '../../../src/pipeline/check/word-runs';

const split = (text: string) => text.split(' ');
const find = (runs: WordRuns, text: string, i: number) => {
  const words = split(text);
  return runs.find(words, wordHashes(words), i);
};

describe('WordRuns', () => {
  it('counts each distinct run of words once, across all texts', () => {
    expect(new WordRuns([split('a b c a b c'), split('b c a x')], 3).count).toBe(4); // a b c, b c a, c a b, c a x
    expect(new WordRuns([split('a b')], 3).count).toBe(0);
  });

  it('finds a run in the first text that has it, and not a run no text has', () => {
    const runs = new WordRuns([split('the port reopened on monday'), split('port reopened on monday after repairs')], 3);
    expect(find(runs, 'x port reopened on', 1)).toBe(0);
    expect(find(runs, 'after repairs', 0)).toBe(-1); // too short to hold a run
    expect(find(runs, 'monday after repairs', 0)).toBe(1);
    expect(find(runs, 'the port closed', 0)).toBe(-1);
  });

  it('tells runs apart that differ in one word or in word order', () => {
    const runs = new WordRuns([split('one two three')], 3);
    expect(find(runs, 'one two three', 0)).toBe(0);
    expect(find(runs, 'one two four', 0)).toBe(-1);
    expect(find(runs, 'two one three', 0)).toBe(-1);
    expect(find(runs, 'one twothree x', 0)).toBe(-1);
  });

  it('tells apart words whose hashes collide', () => {
    // "glbvs" and "yacxa" have the same FNV-1a hash: runs are confirmed word by word.
    expect(wordHashes(['glbvs'])[0]).toBe(wordHashes(['yacxa'])[0]);
    const runs = new WordRuns([split('glbvs port')], 2);
    expect(find(runs, 'yacxa port', 0)).toBe(-1);
    expect(find(runs, 'glbvs port', 0)).toBe(0);
    expect(new WordRuns([split('glbvs port yacxa port')], 2).count).toBe(3);
  });

  it('counts the distinct runs two tables share', () => {
    const a = new WordRuns([split('a b c d e')], 2); // a b, b c, c d, d e
    const b = new WordRuns([split('c d e f a b')], 2); // c d, d e, e f, f a, a b
    expect(a.sharedWith(b)).toBe(3);
    expect(b.sharedWith(a)).toBe(3);
  });
});
