import { describe, expect, it } from 'vitest';
import { withinQuotationShare, type Counted } from '../../../../src/pipeline/synthesize/brief/quote-share';

describe('withinQuotationShare', () => {
  const para = (name: string, quoted: number, words: number) => ({ name, quoted, words });
  const run = (body: (Counted & { name: string })[], spareNames: string[], max: number) => {
    const spare = () => body.filter((p) => spareNames.includes(p.name)).map((p) => ({ paragraph: p, drop: () => body.splice(body.indexOf(p), 1) }));
    return { ok: withinQuotationShare(() => body, spare, max), left: body.map((p) => p.name) };
  };

  it('leaves an article within the share as it is', () => {
    expect(run([para('lede', 5, 40), para('detail', 10, 30)], ['detail'], 0.38)).toEqual({ ok: true, left: ['lede', 'detail'] });
  });

  it('leaves out the spare paragraph quoting most, and only as many as it takes', () => {
    const body = [para('lede', 20, 40), para('quotes', 18, 20), para('some', 8, 20), para('plain', 0, 20)];
    // 46 of 100 words quoted: without "quotes" (90%) it is 28 of 80 = 35%, and "some" stays.
    expect(run(body, ['quotes', 'some', 'plain'], 0.38)).toEqual({ ok: true, left: ['lede', 'some', 'plain'] });
  });

  it('never leaves out a paragraph that quotes less than the article does, nor one that is not spare', () => {
    const body = [para('lede', 30, 40), para('plain', 2, 30)];
    expect(run(body, ['plain'], 0.38)).toEqual({ ok: false, left: ['lede', 'plain'] });
  });
});
