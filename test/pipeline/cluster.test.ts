import { describe, expect, it } from 'vitest';
import { clusterItems, independentPublishers } from '../../src/pipeline/cluster';
import type { ClusterItem } from '../../src/pipeline/types';
import { ownItems } from '../fixtures/cluster/index';

const at = (hours: number) => new Date(Date.parse('2026-11-20T12:00:00Z') + hours * 3_600_000).toISOString();

const fine = (id: string, publisher: string, hours: number, title: string, text: string): ClusterItem => ({
  id, publisher, title, text, url: `https://${publisher}.example/${id}`, publishedAt: at(hours),
});

const kite = [
  fine('a', 'relay', 0, 'Corvid Labs releases Kite-3, an open-weights model with 70 billion parameters',
    'Corvid Labs published Kite-3, a 70 billion parameter model whose weights anyone can download, trained on 14 trillion tokens.'),
  fine('b', 'ledger', 2, 'Kite-3 arrives: Corvid opens up its largest model',
    'The weights of Kite-3, the new 70 billion parameter model from Corvid Labs, went online; it was trained on 14 trillion tokens.'),
];
const wire = fine('w', 'kestrel', 1, 'Halcyon AI fined 20 million euros by regulator',
  'VELORIA CITY (Kestrel Wire) - The Digital Markets Authority fined Halcyon AI 20 million euros on Tuesday, saying the company trained models on user chats without consent. Halcyon has 90 days to delete the data and said it would appeal.');
const copy = { ...wire, id: 'w-copy', publisher: 'harbor', title: 'Regulator fines AI firm', url: 'https://harbor.example/w' };

// Rarity is judged in the window the newsroom clusters (the model was fitted on windows of hundreds of
// items): in a batch of two, every shared word looks rare. These cases are clustered among the hand-made set.
const background = ownItems.map(({ story: _s, subset: _b, ...item }) => ({ ...item, id: `bg:${item.id}` }));
/** The groups of `items` when clustered in a window of other news (the hand-made set), background ids left out. */
function inWindow(items: ClusterItem[]): string[][] {
  const ids = new Set(items.map((i) => i.id));
  return clusterItems([...background, ...items]).map((g) => g.filter((id) => ids.has(id))).filter((g) => g.length);
}

describe('clusterItems', () => {
  it('returns every input id exactly once, singletons included', () => {
    const input = ownItems.map(({ story: _s, subset: _b, ...item }) => item);
    const ids = clusterItems(input).flat();
    expect(ids).toHaveLength(input.length);
    expect(new Set(ids)).toEqual(new Set(input.map((i) => i.id)));
  });

  it('groups two outlets reporting one model release', () => {
    const groups = clusterItems([...kite, wire]);
    expect(groups).toHaveLength(2);
    expect(groups).toContainEqual(['a', 'b']);
    expect(groups).toContainEqual(['w']);
  });

  it('keeps apart two fines by one regulator on different companies', () => {
    const other = fine('t', 'signal', 2, 'Veloria fines Tessellate €4.5 million over cloud exit fees',
      'The Digital Markets Authority fined cloud provider Tessellate €4.5 million over fees charged to customers who left its platform.');
    const halcyon = fine('h', 'ledger', 0, 'Veloria fines Halcyon AI €20 million over training data',
      'The Digital Markets Authority fined Halcyon AI €20 million for training models on user chats without consent.');
    expect(clusterItems([halcyon, other])).toEqual([['h'], ['t']]);
  });

  it('keeps apart two releases by one lab', () => {
    const mini = fine('m', 'signal', 3, 'Corvid Labs squeezes Kite-3 Mini onto phones',
      'Corvid Labs introduced Kite-3 Mini, a 3 billion parameter model built to run on smartphones without a network connection.');
    const groups = inWindow([...kite, mini]);
    expect(groups.find((g) => g.includes('m'))).toEqual(['m']);
  });

  it('groups a product launch told three ways when only the rare product name and maker recur', () => {
    const launch = [
      fine('l1', 'relay', 0, 'Brackwater Labs releases Gannet-12B, a model for field biologists',
        'Brackwater Labs released Gannet-12B on Monday, a model that identifies bird species from short sound clips.'),
      fine('l2', 'ledger', 2, 'Gannet-12B arrives with a licence for research only',
        'Brackwater Labs has published Gannet-12B under terms that bar commercial use, which disappointed some app makers.'),
      fine('l3', 'signal', 4, 'Inside the months of recordings behind Brackwater\'s Gannet-12B',
        'The team spent two winters on coastal cliffs collecting the calls that Gannet-12B learned from, Brackwater Labs said.'),
    ];
    expect(inWindow(launch)).toEqual([['l1', 'l2', 'l3']]);
  });

  // Known regression (issue 9): the learned model (fitted on NeuS, where such template pairs do not occur) merges
  // these hand-written same-company events; the parties veto (pair.ts partiesApart) does not reach them because
  // they share a rare name (the investor) or name no second party.
  it.fails('keeps a flaw in a product apart from the product\'s launch, and a longer product name apart too', () => {
    const launch = fine('l1', 'relay', 0, 'Brackwater Labs releases Gannet-12B, a model for field biologists',
      'Brackwater Labs released Gannet-12B on Monday, a model that identifies bird species from short sound clips.');
    const flaw = fine('f1', 'ledger', 20, 'Gannet-12B can be fooled by recordings of whistles, researchers find',
      'Researchers tricked Brackwater Labs\' Gannet-12B into naming rare species by playing it human whistles, exposing a flaw in how it was trained.');
    const sibling = fine('s1', 'signal', 6, 'Brackwater Labs launches Gannet-12B Lite for phones',
      'Brackwater Labs launched Gannet-12B Lite, a smaller version of its bird-call model that runs on a phone.');
    expect(inWindow([launch, flaw, sibling])).toEqual([['l1'], ['s1'], ['f1']]);
  });

  it('groups two reports of one fine that share the company and the amount but few words', () => {
    const a = fine('p1', 'relay', 0, 'Tamsin Freight fined €750,000 over driver-tracking software',
      'The transport regulator fined Tamsin Freight €750,000 for monitoring its drivers with cameras that scored their faces for fatigue.');
    const b = fine('p2', 'ledger', 30, 'Camera scoring of tired drivers costs Tamsin €750,000',
      'Tamsin Freight must pay €750,000 after officials ruled that its cab cameras judged drivers without their consent.');
    expect(clusterItems([a, b])).toEqual([['p1', 'p2']]);
  });

  it('keeps apart one regulator\'s fines on two companies even when no amount is given', () => {
    const a = fine('r1', 'relay', 0, 'Transport regulator fines Tamsin Freight over driver cameras',
      'The transport regulator fined Tamsin Freight for monitoring its drivers with cab cameras without consent.');
    const b = fine('r2', 'ledger', 5, 'Transport regulator fines Oakmere Buses over driver cameras',
      'The transport regulator fined Oakmere Buses for monitoring its drivers with cab cameras without consent.');
    expect(inWindow([a, b])).toEqual([['r1'], ['r2']]);
  });

  // Known regression (issue 9): the learned model (fitted on NeuS, where such template pairs do not occur) merges
  // these hand-written same-company events; the parties veto (pair.ts partiesApart) does not reach them because
  // they share a rare name (the investor) or name no second party.
  it.fails('keeps an interview with a founder apart from the news it follows a day later', () => {
    const news = [
      fine('n1', 'relay', 0, 'Pennywhistle Robotics halts deliveries after a robot hits a cyclist',
        'Pennywhistle Robotics stopped its delivery robots in Lundholm after one struck a cyclist, who was treated for bruises.'),
      fine('n2', 'ledger', 1, 'Pennywhistle robots off the streets after cyclist injured',
        'Pennywhistle Robotics pulled its delivery robots from Lundholm streets after a cyclist was injured in a collision.'),
    ];
    const interview = fine('i1', 'signal', 26, 'Pennywhistle Robotics founder on why streets need slower robots',
      'In a conversation about street robots, Pennywhistle Robotics founder Ola Brandt said delivery machines should move at walking pace.');
    expect(inWindow([...news, interview])).toEqual([['n1', 'n2'], ['i1']]);
  });

  it('groups two reports of one fine whose headlines write the amount differently', () => {
    const a = fine('d1', 'relay', 0, 'Dornfield Telecom fined €4.2m over unwanted sales calls',
      'A consumer regulator fined Dornfield Telecom €4.2m after the operator kept calling people who had asked not to be contacted.');
    const b = fine('d2', 'ledger', 3, 'Dornfield Telecom to pay 4.2 million euros for calling Velby residents who opted out',
      'The consumer regulator fined Dornfield Telecom 4.2 million euros for thousands of sales calls to customers on its own do-not-call list.');
    expect(clusterItems([a, b])).toEqual([['d1', 'd2']]);
  });

  it('groups two reports of one funding round when only one names the round', () => {
    const a = fine('c1', 'relay', 0, 'Oat cheese maker Brenlow Foods lands a Series C round',
      'Brenlow Foods has raised $40m from investors to build a second factory near Aldhaven.');
    const b = fine('c2', 'ledger', 2, 'Quarry Capital backs oat cheese maker Brenlow with $40 million',
      'Quarry Capital led a $40 million investment in Brenlow Foods, whose oat-based cheeses sell in 900 shops.');
    expect(clusterItems([a, b])).toEqual([['c1', 'c2']]);
  });

  // Known regression (issue 9): the learned model (fitted on NeuS, where such template pairs do not occur) merges
  // these hand-written same-company events; the parties veto (pair.ts partiesApart) does not reach them because
  // they share a rare name (the investor) or name no second party.
  it.fails('keeps apart two companies\' rounds with the same label, amount and investor', () => {
    const a = fine('q1', 'relay', 0, 'Tax filing start-up Quillmark raises $30m in a Series B round',
      'Harlan Ventures led a $30m Series B round in Quillmark, which files taxes for freelancers.');
    const b = fine('q2', 'ledger', 4, 'Tree mapping start-up Otterburn raises $30m in a Series B round',
      'Harlan Ventures led a $30m Series B round in Otterburn, which maps city trees from aerial photos.');
    expect(inWindow([a, b])).toEqual([['q1'], ['q2']]);
  });

  it('keeps apart two institutes\' releases even though both names end in "Institute"', () => {
    const a = fine('i1', 'relay', 0, 'Harrowgate Institute releases a flood forecasting model for river towns',
      'The Harrowgate Institute released a model that forecasts river floods three days ahead for small towns, free for councils to use.');
    const b = fine('i2', 'ledger', 5, 'Oskarvik Institute releases a flood forecasting model for coastal towns',
      'The Oskarvik Institute released a model that forecasts coastal floods two days ahead for small towns, free for councils to use.');
    expect(inWindow([a, b])).toEqual([['i1'], ['i2']]);
  });

  it('groups an outage told as "went down" with one told as an "outage"', () => {
    const a = fine('o1', 'relay', 0, 'Ferrow Pay went down for six hours on Friday',
      'Card payments through Ferrow Pay stopped working on Friday morning after a faulty software release, and shops in Lundvik turned customers away.');
    const b = fine('o2', 'ledger', 2, 'Ferrow Pay outage leaves Lundvik card readers blank',
      'Readers at tills showed errors for most of the day during a Ferrow Pay outage, Lundvik retailers said.');
    expect(clusterItems([a, b])).toEqual([['o1', 'o2']]);
  });

  // Known regression (issue 9): the learned model (fitted on NeuS, where such template pairs do not occur) merges
  // these hand-written same-company events; the parties veto (pair.ts partiesApart) does not reach them because
  // they share a rare name (the investor) or name no second party.
  it.fails('groups the price of a new model with its release, but not a price cut on older models', () => {
    const release = fine('s1', 'relay', 0, 'Brackwell Labs releases Sorrel-7, a model that reads handwriting',
      'Brackwell Labs released Sorrel-7, a model that turns handwritten forms into text, for archives and insurers.');
    const price = fine('s2', 'ledger', 3, 'Sorrel-7 will cost $2 per thousand pages, Brackwell Labs says',
      'Brackwell Labs priced its new Sorrel-7 handwriting model at $2 per thousand pages, below what archives pay for manual typing.');
    const cut = fine('s3', 'signal', 4, 'Brackwell Labs cuts prices of its older transcription models',
      'Brackwell Labs lowered the price of its older speech transcription models by a third.');
    expect(inWindow([release, price, cut])).toEqual([['s1', 's2'], ['s3']]);
  });

  it('never groups items further apart than the time window', () => {
    const late = { ...kite[1]!, publishedAt: at(80) };
    expect(clusterItems([kite[0]!, late])).toEqual([['a'], ['b']]);
    expect(clusterItems(kite)).toEqual([['a', 'b']]);
    expect(clusterItems(kite, { windowHours: 1 })).toEqual([['a'], ['b']]);
  });

  it('groups a syndicated copy with its original even under a new headline', () => {
    expect(clusterItems([wire, copy])).toEqual([['w', 'w-copy']]);
  });

  it('gives the same groups whatever the input order', () => {
    const input = ownItems.map(({ story: _s, subset: _b, ...item }) => item);
    const reversed = [...input].reverse();
    expect(clusterItems(reversed)).toEqual(clusterItems(input));
  });

  it('rejects repeated ids and unreadable times with a clear message', () => {
    expect(() => clusterItems([kite[0]!, kite[0]!])).toThrow(/appears twice/);
    expect(() => clusterItems([{ ...kite[0]!, publishedAt: 'yesterday' }])).toThrow(/invalid publishedAt/);
  });
});

describe('independentPublishers', () => {
  it('counts a syndicated copy once, for the outlet that wrote it', () => {
    expect(independentPublishers([wire, copy])).toBe(1);
    expect(independentPublishers([wire, copy, kite[0]!])).toBe(2);
  });

  it('counts items whose title and text are the same, word for word, once, however short the text', () => {
    const original = { id: 'base-1', publisher: 'Base Pub', title: 'Osterby cranes arrive', text: 'Four cranes arrived.', url: 'https://wire.example/news/cranes', publishedAt: '2026-11-20T10:00:00Z' };
    const viaRedirect = { ...original, id: 'rel-1', publisher: 'Rel Pub', text: ' Four cranes\narrived. ', url: 'https://wire.example/redirect/news/cranes' };
    expect(independentPublishers([original, viaRedirect])).toBe(1);
    // Short texts that differ are two reports.
    expect(independentPublishers([original, { ...viaRedirect, text: 'Four cranes arrived on a barge.' }])).toBe(2);
  });

  it('counts two feeds of one publisher family once', () => {
    const secondFeed = { ...kite[1]!, publisher: 'relay' };
    expect(independentPublishers([kite[0]!, secondFeed])).toBe(1);
    expect(independentPublishers(kite)).toBe(2);
  });
  it('lets a differently angled article join its story through its best link, which a bar on every member would not', () => {
    const story = [
      fine('p1', 'relay', 0, 'Warehouse staff at Pennacott walk out over heat',
        'Hundreds of Pennacott warehouse staff walked out on Monday, saying temperatures inside reached 35 degrees.'),
      fine('p2', 'ledger', 3, 'Pennacott strike over heat: Scarrow warehouse staff demand cooling',
        'Warehouse staff who walked out over heat at the Scarrow depot of Pennacott want cooling fans and longer breaks.'),
      // The next-day follow-up shares almost no words with the first report, a lot with the second.
      fine('p3', 'signal', 20, 'Pennacott offers Scarrow depot talks on cooling',
        'Pennacott offered to meet Scarrow depot representatives on Wednesday to discuss cooling fans and longer breaks.'),
    ];
    expect(clusterItems(story)).toEqual([['p1', 'p2', 'p3']]);
    expect(clusterItems(story, { joinMean: 0.99 })).not.toEqual([['p1', 'p2', 'p3']]);
  });

  it('does not chain two events through a bridge when the ends contradict', () => {
    const a = fine('c1', 'relay', 0, 'Quorrel fined €3 million over location data',
      'The Lindenvale privacy office fined Quorrel €3 million for selling location data without consent.');
    const b = fine('c2', 'ledger', 3, 'Quorrel fined €3 million; it will appeal',
      'Quorrel said it would appeal the €3 million fine the Lindenvale privacy office imposed over location data.');
    const c = fine('c3', 'signal', 4, 'Quorrel fined €7 million over children\'s accounts',
      'A second regulator fined Quorrel €7 million for letting children open accounts without checks.');
    const groups = inWindow([a, b, c]);
    expect(groups).toContainEqual(['c1', 'c2']);
    expect(groups).toContainEqual(['c3']);
  });

  it('keeps a weekly roundup that names several stories out of the one it describes at length', () => {
    const outage = [
      fine('o1', 'relay', 0, 'Tamberly Cloud outage takes payment pages offline for three hours',
        'An outage at Tamberly Cloud took payment pages offline across the north region for three hours on Tuesday.'),
      fine('o2', 'ledger', 2, 'Tamberly Cloud blames configuration push for three-hour outage',
        'Tamberly Cloud said a faulty configuration push caused the three-hour outage that took payment pages offline.'),
    ];
    const roundup = fine('r', 'signal', 30, 'The week in tech: Tamberly Cloud outage, Marlo 4 and Pennacott',
      'An outage at Tamberly Cloud took payment pages offline for three hours after a faulty configuration push. ' +
        'Also this week: Ferren Labs shipped Marlo 4 and Pennacott staff walked out.');
    const groups = clusterItems([...outage, roundup]);
    expect(groups).toContainEqual(['o1', 'o2']);
    expect(groups).toContainEqual(['r']);
  });


  it('keeps a roundup out of every story it mentions, even one told in its headline with a version number', () => {
    const items = [
      fine('r1', 'wire', 0, 'Hexwood Editor 9 ships with live collaboration', 'Hexwood released version 9 of its Hexwood Editor on Monday, adding live collaboration and a plugin store.'),
      fine('r2', 'dev-weekly', 2, 'Hexwood Editor 9 adds live collaboration', 'Version 9 of the Hexwood Editor is out with live collaboration for up to ten people and a plugin store.'),
      fine('r3', 'digest', 5, 'Weekly digest: Hexwood Editor 9 and more', 'Hexwood released version 9 of its Hexwood Editor, adding live collaboration and a plugin store. Tarnbrook Cloud went down for two hours. Pollenby raised $12m.'),
    ];
    const groups = clusterItems(items);
    expect(groups).toContainEqual(['r1', 'r2']);
    expect(groups).toContainEqual(['r3']);
  });

  it('groups a headline shouted in capitals with the sober reports of the same event', () => {
    const items = [
      fine('s1', 'wire', 0, 'Dunmere Appliances recalls 20,000 toasters over fire risk', 'Dunmere Appliances is recalling 20,000 Crisp toasters after reports that the heating element can stay on, the company said on Tuesday.'),
      fine('s2', 'tabloid', 3, 'TOASTER TERROR: DUNMERE PULLS 20,000 FIRE-RISK MACHINES', 'Dunmere Appliances has yanked 20,000 Crisp toasters from shelves after the heating element was found to stay on. "It nearly set my kitchen alight," one owner told us.'),
      fine('s3', 'wire', 4, 'Halbrook Home recalls 5,000 kettles', 'Halbrook Home is recalling 5,000 kettles whose lids can come loose.'),
    ];
    const groups = clusterItems(items);
    expect(groups).toContainEqual(['s1', 's2']);
    expect(groups).toContainEqual(['s3']);
  });

  it('groups reports of one deal whether or not they write the buyer with its diacritics', () => {
    const items = [
      fine('d1', 'wire', 0, 'Kjærgård Ferries buys Tollan Shipping for €210m', 'Kjærgård Ferries has agreed to buy Tollan Shipping for €210 million, the companies said on Friday.'),
      fine('d2', 'abroad', 5, 'Kjaergard Ferries agrees to buy a rival for €210m', 'Ferry group Kjaergard Ferries has agreed to buy a rival operator on the northern route for €210 million, it said on Friday.'),
    ];
    expect(clusterItems(items)).toEqual([['d1', 'd2']]);
  });
});
