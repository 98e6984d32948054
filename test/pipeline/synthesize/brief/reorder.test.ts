import { describe, expect, it } from 'vitest';
import { timeFronted } from '../../../../src/pipeline/synthesize/brief/reorder';

const PROPER = new Set(['Velmora', 'Ilse', 'Varnholt']);

describe('timeFronted', () => {
  it("moves the main clause's weekday to the front, keeping a name's capital", () => {
    expect(timeFronted('Ilse Varnholt on Thursday evening signed the harbour budget.', PROPER)).toBe('On Thursday evening, Ilse Varnholt signed the harbour budget.');
    expect(timeFronted('The Velmora council said Tuesday that it would review the plan.', PROPER)).toBe('On Tuesday, the Velmora council said that it would review the plan.');
    expect(timeFronted('The board approved the budget on Friday, after a long debate.', PROPER)).toBe('On Friday, the board approved the budget after a long debate.');
  });

  it('leaves a weekday that dates another clause, a phrase or a date where it is', () => {
    expect(timeFronted('The vote, held Tuesday, failed.', PROPER)).toBeUndefined();
    expect(timeFronted('The talks have stalled since Monday.', PROPER)).toBeUndefined();
    expect(timeFronted('The plan was announced Tuesday, Jan. 5 by the mayor.', PROPER)).toBeUndefined();
    expect(timeFronted('The board met Monday and the council met Friday.', PROPER)).toBeUndefined();
    expect(timeFronted('Officials who met Monday approved the plan.', PROPER)).toBeUndefined();
  });
});
