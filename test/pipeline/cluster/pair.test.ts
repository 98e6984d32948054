import { describe, expect, it } from 'vitest';
import { pairLogit, TIME_CLOSE_BONUS, TIME_CLOSE_HOURS, weekdaysApart } from '../../../src/pipeline/cluster/pair';
import { itemSignals } from '../../../src/pipeline/cluster/signals';
import { item, weighed } from '../../helpers/weighed-items';

const tamsin = 'Transport regulator fines Tamsin Freight over driver cameras';
const tamsinText = 'The transport regulator fined Tamsin Freight for monitoring its drivers with cab cameras without consent.';

describe('pairLogit', () => {
  it('raises the logit of reports published together, fading out at TIME_CLOSE_HOURS apart', () => {
    const [a, together, apart] = weighed([
      item('a', 0, tamsin, tamsinText),
      item('b', 0, 'Tamsin Freight fined for watching drivers', 'Tamsin Freight was fined by the transport regulator over cab cameras.'),
      item('c', TIME_CLOSE_HOURS, 'Tamsin Freight fined for watching drivers', 'Tamsin Freight was fined by the transport regulator over cab cameras.'),
    ]);
    expect(pairLogit(a!, together!) - pairLogit(a!, apart!)).toBeCloseTo(TIME_CLOSE_BONUS, 6);
  });
});

describe('weekdaysApart', () => {
  const signals = (title: string, text: string) => itemSignals(item('x', 0, title, text), 0);
  const certified = signals('Georgia certifies Biden win after recount', 'Georgia election officials on Monday certified the results after a recount.');

  it('holds when two reports date what happened on days more than one apart', () => {
    const recount = signals('Georgia announces a recount', 'Election officials in Georgia announced a recount on Friday as the race was too close to call.');
    expect(weekdaysApart(certified, recount)).toBe(true);
  });

  it('does not hold for neighbouring days, a missing day, or a day that is a deadline rather than a date', () => {
    const lateNight = signals('Georgia certifies the result', 'Officials certified the count late Sunday, the secretary of state said.');
    const undated = signals('Georgia certifies the result', 'Officials certified the count after a second recount.');
    const deadline = signals('Georgia certifies the result', 'Officials certified the count, which the campaign can contest until Friday.');
    expect(weekdaysApart(certified, lateNight)).toBe(false);
    expect(weekdaysApart(certified, undated)).toBe(false);
    expect(weekdaysApart(certified, deadline)).toBe(false);
  });
});
