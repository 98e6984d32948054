import { describe, expect, it } from 'vitest';
import { nameEntities, nameHead } from '../../../src/pipeline/cluster/features';
import { isRoundup } from '../../../src/pipeline/cluster/roundup';

const namesOf = (sentence: string): [string[], string[]] => {
  const openers: string[] = [];
  return [nameEntities(sentence, false, openers).map(nameHead), openers];
};

describe('isRoundup', () => {
  it('recognises roundups by what the headline or the opening says', () => {
    for (const [title, text] of [
      ['Garden tech round-up: mowers, hoses and a smart shed', 'A quiet month in the shed.'],
      ['Evening newsletter: the ferry strike and more', 'Good evening.'],
      ['Five things to know before markets open', 'Futures are flat.'],
      ["This week's biggest launches", 'Plenty happened.'],
      ['What a week', 'Here is what you missed while the heatwave lasted: the Ostwick ferry strike and more.'],
    ]) {
      expect(isRoundup(title!, text!, namesOf), title).toBe(true);
    }
  });

  it('recognises a body that names several subjects once each under a headline naming none of them', () => {
    const text =
      'Brambleton Rail cancelled its night trains. Over at Quillfield Dairy, a new plant opened on Tuesday. ' +
      'Meanwhile Orrinsgate Council approved a budget with no tax rise.';
    expect(isRoundup('A busy few days around the county', text, namesOf)).toBe(true);
  });

  it('leaves a single report alone even when it names several parties', () => {
    const text =
      'Quillfield Dairy opened a plant in Brambleton on Tuesday. Orrinsgate Council granted the permit last spring. ' +
      'Quillfield said the plant will employ 80 people.';
    expect(isRoundup('Quillfield Dairy opens Brambleton plant', text, namesOf)).toBe(false);
    expect(isRoundup('Markets digest the rate rise', 'Investors weighed the Bank of Tarrow decision.', namesOf)).toBe(false);
  });

  it("does not take one event's week in a lede for a roundup", () => {
    expect(isRoundup('Tarrow court fines Pellcombe', "What matters in this week's decision is the order attached to it.", namesOf)).toBe(false);
  });
});
