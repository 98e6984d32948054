// A failed check's finding explained for the desk: where, the claim, and the closest passage of the cited sources.
import { describe, expect, it } from 'vitest';
import { closestPassage, explainFinding } from '../../src/editor/findings';
import { sampleDraft, sampleSources } from '../helpers/draft';

describe('explainFinding', () => {
  const draft = sampleDraft();
  const sources = sampleSources();

  it('finds the place, the draft sentence and the closest sentence of the cited source', () => {
    const f = explainFinding(
      'section 2 ("How it was trained"), paragraph 1: "4 trillion" is not in the cited source 2 — The company said the model was trained on 4 trillion tokens of text.',
      draft,
      sources,
    );
    expect(f.where).toBe('section 2 ("How it was trained"), paragraph 1');
    expect(f.claim).toBe('The company said the model was trained on 4 trillion tokens of text.');
    expect(f.closest).toEqual({ source: 2, publisher: 'Harbor Signal', passage: sources[1]!.text });
  });

  it('without a quoted sentence, takes the paragraph as the claim', () => {
    const f = explainFinding('section 1 ("What was released"), paragraph 1: cites no source that reports it', draft, sources);
    expect(f.claim).toBe(draft.sections[0]!.paragraphs[0]!.text);
    expect(f.closest?.source).toBe(1);
  });

  it('a finding about no place has no claim to compare', () => {
    expect(explainFinding('fewer than two independent publishers', draft, sources)).toMatchObject({ where: null, claim: null, closest: null });
  });
});

describe('closestPassage', () => {
  it('is null when no source sentence shares a content word', () => {
    expect(closestPassage('Quarterly rainfall totals', sampleSources())).toBeNull();
  });
});
