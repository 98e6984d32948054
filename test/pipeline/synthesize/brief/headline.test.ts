import { describe, expect, it } from 'vitest';
import { composeTitle } from '../../../../src/pipeline/synthesize/brief/headline';
import { copyTest } from '../../../../src/pipeline/synthesize/brief/restate';
import type { Account } from '../../../../src/pipeline/synthesize/brief/sentences';

function account(n: number, publisher: string, title: string, text = 'The council met on Friday to discuss the harbour budget for next year.'): Account {
  return { publisher, numbers: [n], sources: [{ n, publisher, url: `https://p${n}.example/a`, title, text, publishedAt: '2026-01-01T00:00:00Z' }] };
}

describe('composeTitle', () => {
  it('reads an abbreviation as part of the headline, not as the end of its first sentence', () => {
    const a = account(1, 'Harbor Ledger', 'Sen. Aino Halvard resigns from the harbour committee after a budget row');
    const title = composeTitle([a], a, copyTest([a.sources[0]!.title]));
    expect(title?.text).toMatch(/^Sen\. Aino Halvard resigns/);
  });

  it('tries a shorter statement of the headline when the whole one is too long to be ours', () => {
    const long = 'Kestrel Bay Harbour Board Approves Ferry Terminal Expansion After Long Debate, Calling the Plan a Promise to Every Fisher';
    const a = account(1, 'Harbor Ledger', long);
    const title = composeTitle([a], a, copyTest([long]));
    expect(title?.text).toBe('Kestrel Bay Harbour Board Approves Ferry Terminal Expansion After Long Debate, reports say');
  });

  it('does not add ", reports say" to a question', () => {
    const a = account(1, 'Harbor Ledger', 'Will the Kestrel Bay ferry terminal ever open to passengers?');
    const title = composeTitle([a], a, copyTest([a.sources[0]!.title]));
    expect(title?.text ?? '').not.toMatch(/\?, reports say/);
  });

  it('takes the statement after a question when the question alone is too short', () => {
    const a = account(1, 'Harbor Ledger', 'Free ferries? Harbour economists generally doubt it');
    const title = composeTitle([a], a, copyTest([a.sources[0]!.title]));
    expect(title?.text).toBe('Harbour economists generally doubt it, reports say');
  });
});
