import { describe, expect, it } from 'vitest';
import { actorsApart, Corpus, pairLogit, partiesApart, TIME_CLOSE_BONUS, TIME_CLOSE_HOURS, weekdaysApart, weigh } from '../../../src/pipeline/cluster/pair';
import { itemSignals } from '../../../src/pipeline/cluster/signals';
import type { ClusterItem } from '../../../src/pipeline/types';

const at = (hours: number) => new Date(Date.parse('2026-11-20T12:00:00Z') + hours * 3_600_000).toISOString();
const item = (id: string, hours: number, title: string, text: string): ClusterItem => ({ id, publisher: id, title, text, publishedAt: at(hours) });

/** The items weighed in one corpus (a window of just them). */
function weighed(items: ClusterItem[]) {
  const corpus = new Corpus();
  const signals = items.map((x, i) => itemSignals(x, i));
  signals.forEach((s) => corpus.add(s));
  return signals.map((s) => weigh(s, corpus));
}

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

describe('partiesApart', () => {
  it('holds for headlines about two rare parties that share no rare name, however alike the texts', () => {
    const [a, b] = weighed([
      item('a', 0, tamsin, tamsinText),
      item('b', 1, 'Transport regulator fines Oakmere Buses over driver cameras', 'The transport regulator fined Oakmere Buses for monitoring its drivers with cab cameras without consent.'),
    ]);
    expect(partiesApart(a!, b!)).toBe(true);
  });

  it('does not hold when one item names the other\'s party, or when a headline names none', () => {
    const [a, b, c] = weighed([
      item('a', 0, tamsin, tamsinText),
      item('b', 1, 'Oakmere Buses rival Tamsin Freight fined over cameras', 'The transport regulator fined Tamsin Freight, a rival of Oakmere Buses, over cab cameras.'),
      item('c', 1, 'Regulator fines a haulier over driver cameras', 'A haulier was fined for monitoring its drivers with cab cameras.'),
    ]);
    expect(partiesApart(a!, b!)).toBe(false);
    expect(partiesApart(a!, c!)).toBe(false);
  });

  it('holds when the only names the items share are generic ones ("Institute", "Partners"), not a party', () => {
    const [a, b] = weighed([
      item('a', 0, 'Lindqvist Institute releases two million bird calls', 'The Lindqvist Institute released the recordings with Haldis Partners.'),
      item('b', 1, 'Velmora Institute releases two million bird calls', 'The Velmora Institute released the recordings with Copperwell Partners.'),
    ]);
    expect(partiesApart(a!, b!)).toBe(true);
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

describe('actorsApart', () => {
  const corvid = ['Corvid Labs cuts 120 jobs in its robotics unit', 'Corvid Labs is laying off 120 employees in its robotics group. Affected staff get four months of pay.'];

  it('holds for headlines that open with two parties doing one thing, when a sentence-opening word is all they share', () => {
    const [a, b] = weighed([
      item('a', 0, corvid[0]!, corvid[1]!),
      item('b', 3, 'Cinderfall Studios cuts 120 jobs after game delay', 'Game developer Cinderfall Studios is laying off 120 people. Affected employees get four months of pay.'),
    ]);
    expect(actorsApart(a!, b!)).toBe(true);
  });

  it('does not hold when one item names the other\'s party, or the headlines do different things', () => {
    const [a, b, c] = weighed([
      item('a', 0, corvid[0]!, corvid[1]!),
      item('b', 2, 'Halvard Robotics cuts jobs as Corvid Labs exits robot arms', 'Halvard Robotics and Corvid Labs are both laying off robotics staff.'),
      item('c', 3, 'Cinderfall Studios delays its game to 2028', 'Game developer Cinderfall Studios postponed its fantasy game Thornwake.'),
    ]);
    expect(actorsApart(a!, b!)).toBe(false);
    expect(actorsApart(a!, c!)).toBe(false);
  });
});
