import { describe, expect, it } from 'vitest';
import { contradicts, FEATURES, pairFeatures, pairLogit, TIME_CLOSE_BONUS, TIME_CLOSE_HOURS, weekdaysApart } from '../../../src/pipeline/cluster/pair';
import { MODEL } from '../../../src/pipeline/cluster/weights';
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

describe('headline outsiders with shared names', () => {
  const both = FEATURES.indexOf('headline_outsider_both_shared');
  const one = FEATURES.indexOf('headline_outsider_one_shared');
  // Names common in the window (White House, Twitter) are no party; filler items make them common.
  const filler = [1, 2, 3, 4].map((k) =>
    item(`f${k}`, k, `Filler story ${k} about the weather`, 'The White House said on Twitter that the weather would be fine, according to Reuters.'),
  );

  it('softens the outsider sign for two framings of one event that share their rare names', () => {
    const [rips, stayOut] = weighed([
      item('a', 0, 'Trump rips Corker in Twitter feud', 'President Trump attacked Senator Bob Corker of Tennessee on Tuesday, hours before meeting senators at Capitol Hill.'),
      item('b', 1, 'Corker tells White House to stay out of tax debate', 'Senator Bob Corker of Tennessee said on Tuesday that President Trump should not meet senators at Capitol Hill.'),
      ...filler,
    ]);
    const f = pairFeatures(rips!, stayOut!);
    expect(f[FEATURES.indexOf('headline_outsider_both')]).toBe(1);
    expect(f[both]).toBe(1);
    expect(f[one]).toBe(0);
    // Fitted as a softening: the outsider sign still counts against, less so.
    expect(MODEL.weights[both]).toBeGreaterThan(0);
    expect(MODEL.weights[both]! + MODEL.weights[FEATURES.indexOf('headline_outsider_both')]!).toBeLessThan(0);
  });

  it('keeps the outsider sign whole when each headline names a rare party the other never mentions', () => {
    const [kestrel, varnholt] = weighed([
      item('a', 0, 'Kestrel Isles parliament passes the Data Fairness Act', 'The parliament of the Kestrel Isles passed the Data Fairness Act, which gives people the right to a human review.'),
      item('b', 1, 'Varnholt assembly passes the Data Fairness Act', 'Lawmakers in Varnholt passed the Data Fairness Act, which gives people the right to a human review.'),
      ...filler,
    ]);
    const f = pairFeatures(kestrel!, varnholt!);
    expect(f[FEATURES.indexOf('headline_outsider_both')]).toBe(1);
    expect(f[FEATURES.indexOf('shared_rare_names')]).toBeGreaterThan(0);
    expect(f[both]).toBe(0);
  });
});

describe('shared unique words', () => {
  const unique = FEATURES.indexOf('shared_unique_words');
  // Two framings of one event: different headlines, a few words no other item in the window uses.
  const reports = [
    item('a', 0, 'Senate rebukes Halvorsen over pipeline deal', 'Senators voted to rebuke Governor Halvorsen over the Tresk pipeline easement on Tuesday.'),
    item('b', 1, 'Halvorsen shrugs off Senate vote', 'Governor Halvorsen dismissed the vote on the Tresk easement as political theatre.'),
  ];
  // A dense window: hundreds of other items, none naming Halvorsen or Tresk.
  const window = Array.from({ length: 500 }, (_, k) => item(`f${k}`, 2, `Council debates budget item ${k}`, `The city council debated the budget and voted on item ${k} on Tuesday.`));

  it('counts the words and names a pair alone shares in a dense window', () => {
    const [a, b] = weighed([...reports, ...window]);
    expect(pairFeatures(a!, b!)[unique]).toBe(1);
  });

  it('counts none in a batch too small to call a word rare, and none between unrelated items', () => {
    const [a, b] = weighed(reports);
    expect(pairFeatures(a!, b!)[unique]).toBe(0);
    const [c, , f0, f1] = weighed([...reports, ...window]);
    expect(pairFeatures(c!, f0!)[unique]).toBe(0);
    expect(pairFeatures(f0!, f1!)[unique]).toBe(0);
  });

  it('is fitted as evidence of one event', () => {
    expect(MODEL.weights[unique]).toBeGreaterThan(0);
  });
});

describe('contradicts', () => {
  const signals = (title: string, text = title) => itemSignals(item('x', 0, title, text), 0);

  it('tells two versions of one product apart, but not two spellings of one code or two unrelated codes', () => {
    expect(contradicts(signals('Corvid Labs releases Kite-3'), signals('Corvid Labs releases Kite-4'))).toBe(true);
    expect(contradicts(signals('Trump to host G-7 at his Doral resort'), signals('Trump picks Doral for next G7 summit'))).toBe(false);
    expect(contradicts(signals('Newsom orders COVID-19 shots for pupils'), signals('First K-12 vaccine mandate in the nation'))).toBe(false);
  });

  it('reads a headline figure given to fewer digits as the other rounded, and two values as two outcomes', () => {
    expect(contradicts(signals('Jobless claims fall to 3.84 million claims'), signals('Over 3.8 million claims filed last week'))).toBe(false);
    expect(contradicts(signals('Senate passes $1.2 trillion infrastructure bill'), signals('Senate passes $1 trillion infrastructure bill'))).toBe(false);
    expect(contradicts(signals('Quorrel fined €3 million over location data'), signals('Quorrel fined €7 million over location data'))).toBe(true);
    expect(contradicts(signals('White House announces $13 billion for Puerto Rico'), signals('White House announces $11.6 billion for Puerto Rico'))).toBe(true);
  });
});
