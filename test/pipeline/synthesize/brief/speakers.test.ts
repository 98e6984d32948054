import { describe, expect, it } from 'vitest';
import { headlineKeepsSpeakers, keepsSpeakers } from '../../../../src/pipeline/synthesize/brief/speakers';

describe('keepsSpeakers', () => {
  const original = 'Mayor Ilse Varnholt opened the new quay on Friday, calling the project "a promise kept to every fisher in the bay."';

  it('accepts an attribution that leaves the quotation with its speaker', () => {
    expect(keepsSpeakers(original, `According to Harbor Ledger, ${original.charAt(0).toLowerCase()}${original.slice(1)}`)).toBe(true);
  });

  it('refuses an attribution placed where it takes the quotation from its speaker', () => {
    expect(keepsSpeakers(original, 'Mayor Ilse Varnholt opened the new quay on Friday, according to Harbor Ledger, calling the project "a promise kept to every fisher in the bay."')).toBe(false);
  });
});

describe('headlineKeepsSpeakers', () => {
  const text = 'Host Tomas Rindell said the minister was "living in a dream world" over the budget. Minister Aino Halvard said the figures were sound.';

  it('refuses a headline that gives a quotation to someone the report does not', () => {
    expect(headlineKeepsSpeakers("Aino Halvard says she is 'living in a dream world' on budget", [text])).toBe(false);
    expect(headlineKeepsSpeakers("Tomas Rindell says minister 'living in a dream world'", [text])).toBe(true);
  });

  it('accepts a headline whose quotation has no speaker of its own', () => {
    expect(headlineKeepsSpeakers("Budget row: minister denies 'dream world' claims", [text])).toBe(true);
  });
});
