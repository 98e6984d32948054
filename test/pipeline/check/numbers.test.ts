import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../../src/pipeline/check';
import { extractFigures } from '../../../src/pipeline/check/extract/numbers';
import { storiesA } from '../../fixtures/checks/stories-a';
import { EVAL_NOW } from '../../fixtures/checks/story';

const keys = (text: string) => extractFigures(text).map((f) => f.key);

describe('figure normalisation', () => {
  it.each([
    ['1,302', 'n:1302'], ['1302', 'n:1302'], ['88%', 'p:88'], ['88 percent', 'p:88'], ['88 per cent', 'p:88'],
    ['$4bn', 'n:4000000000'], ['4 billion', 'n:4000000000'], ['€2.5m', 'n:2500000'], ['2.5 million', 'n:2500000'],
    ['two million', 'n:2000000'], ['1.5-billion', 'n:1500000000'], ['3rd', 'o:3'], ['twenty-one', 'n:21'],
    ['March 3, 2026', 'd:03-03'], ['3 March', 'd:03-03'], ['2026-03-03', 'd:03-03'], ['10:30', 't:10:30'], ['1.50', 'n:1.5'],
  ])('%s -> %s', (text, key) => {
    expect(keys(`It was ${text} today.`)[0]).toBe(key);
  });

  it('reads a range as both ends and a full date as date plus year', () => {
    expect(keys('between 10–12 staff')).toEqual(['n:10', 'n:12']);
    expect(keys('on March 3, 2026')).toEqual(['d:03-03', 'n:2026']);
  });

  it('ignores "one" as a pronoun and digits inside names, and marks small number words soft', () => {
    expect(keys('one of the GPT-4o H100 chips')).toEqual([]);
    const [two] = extractFigures('the two companies');
    expect(two).toMatchObject({ key: 'n:2', soft: true });
  });
});

describe('numbers check', () => {
  const story = storiesA[0]!;
  const run = (text: string, citations = [1]) => {
    const draft = structuredClone(story.draft);
    draft.sections[0]!.paragraphs[0] = { text, citations };
    return checkArticle(draft, story.sources, { now: EVAL_NOW }).results.find((r) => r.name === 'numbers')!;
  };

  it('passes figures written differently from the source', () => {
    expect(run('Harwick Systems will eliminate 1302 positions, about 8 percent of its workforce, by the end of June.').details).toEqual([]);
  });

  it('names the paragraph, the figure, the cited source and where the figure really is', () => {
    expect(run('Harwick Systems will eliminate 1,302 positions, and about 900 of them are in support roles.').details).toEqual([
      'section 1 ("The cuts"), paragraph 1: "900" is not in the cited [1] Calder Courier (it is in [2] Brightwater Signal, which the paragraph does not cite) — "Harwick Systems will eliminate 1,302 positions, and about 900 of them are in support roles."',
    ]);
  });

  it('catches a figure taken from another fact of the same source', () => {
    const r = run('Harwick Systems will eliminate 1,302 positions, about 64% of its workforce, by the end of June.');
    expect(r.passed).toBe(false);
    expect(r.details[0]).toContain('"64%" is not in the cited [1] Calder Courier');
    const swapped = run('The company expects the restructuring to cost $2.1 billion, most of it in severance.');
    expect(swapped.passed).toBe(false);
    expect(swapped.details[0]).toMatch(/"\$2\.1 billion" (?:stands where|counts what) \[1\] Calder Courier gives (?:as )?"\$64 million"/);
  });

  it('passes a sentence that compares two figures of the same kind', () => {
    expect(run('Harwick expects the restructuring to cost $64 million, against revenue of $2.1 billion last year.').details).toEqual([]);
  });

  it('checks a figure against the publisher the sentence credits with it', () => {
    const r = run('Calder Courier reports 900 support roles among the cuts, while Brightwater Signal reports 1,302 positions.', [1, 2]);
    expect(r.details).toHaveLength(2);
    expect(r.details[0]).toContain('"900" is attributed to Calder Courier, but [1] Calder Courier does not give it');
    expect(r.details[1]).toContain('"1,302" is attributed to Brightwater Signal');
    expect(run('Calder Courier reports 1,302 positions, while Brightwater Signal reports about 900 support roles.', [1, 2]).details).toEqual([]);
  });

  it('holds a figure inside a quotation to the quotation as the source gives it', () => {
    const r = run('Harwick Systems is cutting 1,302 jobs. "We are asking fewer people to do 900 more interesting things," said Ada Lin.', [1, 2]);
    expect(r.details.some((d) => d.includes('"900" is in a quotation that the cited'))).toBe(true);
  });

  it('does not read a digit hyphened onto a name as a figure', () => {
    expect(keys('Sparrow-2 and COVID-19 scored 71.4')).toEqual(['n:71.4']);
  });

  it('catches a shifted date', () => {
    const draft = structuredClone(story.draft);
    draft.sections[1]!.paragraphs[0]!.text = draft.sections[1]!.paragraphs[0]!.text.replace('March 3', 'March 4');
    const r = checkArticle(draft, story.sources, { now: EVAL_NOW }).results.find((x) => x.name === 'numbers')!;
    expect(r.details).toHaveLength(1);
    expect(r.details[0]).toMatch(/^section 2 \("Reaction from staff and investors"\), paragraph 1: the date "March 4" is not in the cited \[2\] Brightwater Signal/);
  });
});
