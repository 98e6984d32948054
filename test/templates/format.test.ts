import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/pipeline/check';
import { CHECK_LABELS, publisherAside, restatesHeadline } from '../../templates/format';

describe('restatesHeadline', () => {
  it('is true when the standfirst repeats most of the headline, so a card shows the headline once', () => {
    expect(restatesHeadline('More than half of tested models had seen the exam, reports say', 'More than half of tested models had seen the exam, according to The Quillon Review.')).toBe(true);
  });

  it('is false for a standfirst that adds to the headline', () => {
    expect(restatesHeadline('Quillon Systems ships the Q7, a low-power inference chip', 'Three outlets report that the fictional chipmaker is sending its first accelerators to customers this month.')).toBe(false);
  });
});

describe('publisherAside', () => {
  it('names the publisher only when it differs from the source’s name', () => {
    expect(publisherAside('Gazette Alpine', 'Gazette Alpine')).toBeNull();
    expect(publisherAside('Northwind Ledger Tech', 'Northwind Ledger')).toBe('Northwind Ledger');
  });
});

describe('CHECK_LABELS', () => {
  it('says in plain words what every check checkArticle reports verifies', () => {
    const names = checkArticle({ title: 'x' } as never, [], {}).results.map((r) => r.name);
    expect(names).toHaveLength(12);
    for (const name of names) {
      expect(CHECK_LABELS[name], name).toBeDefined();
      expect(CHECK_LABELS[name]!.toLowerCase(), name).not.toBe(name);
    }
  });
});
