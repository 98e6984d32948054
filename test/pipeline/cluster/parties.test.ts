import { describe, expect, it } from 'vitest';
import { actorsApart, demonymKeys, partiesApart } from '../../../src/pipeline/cluster/parties';
import { item, weighed } from '../../helpers/weighed-items';

const tamsin = 'Transport regulator fines Tamsin Freight over driver cameras';
const tamsinText = 'The transport regulator fined Tamsin Freight for monitoring its drivers with cab cameras without consent.';

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

  it('does not hold when one item names the other\'s party as a people ("Kestria" / "the Kestrian decision")', () => {
    const [a, b, c] = weighed([
      item('a', 0, 'Kestria expels envoy over drone flights', 'Kestria expelled a diplomat after drones crossed its border.'),
      item('b', 1, 'Halvard Mendez says envoy was expelled unfairly', 'Halvard Mendez said the Kestrian decision to expel him was unfair.'),
      item('c', 1, 'Halvard Mendez says envoy was expelled unfairly', 'Halvard Mendez said the decision to expel him was unfair.'),
    ]);
    expect(partiesApart(a!, b!)).toBe(false);
    expect(partiesApart(b!, a!)).toBe(false);
    expect(partiesApart(a!, c!)).toBe(true);
  });
});

describe('demonymKeys', () => {
  const kin = (x: string, y: string) => demonymKeys(x).some((k) => demonymKeys(y).includes(k));
  it('meets for a place and its people or adjective', () => {
    for (const [place, people] of <[string, string][]>[['iran', 'iranians'], ['pakistan', 'pakistani'], ['russia', 'russian'], ['china', 'chinese'], ['israel', 'israeli'], ['brazil', 'brazilian'], ['japan', 'japanese']]) {
      expect(kin(place, people), `${place} / ${people}`).toBe(true);
    }
  });
  it('keeps different places apart', () => {
    for (const [x, y] of <[string, string][]>[['iran', 'iraq'], ['austria', 'australia'], ['japan', 'jordan']]) expect(kin(x, y), `${x} / ${y}`).toBe(false);
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
