import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, renderSocialCard, wrap } from '../../src/pipeline/social-card';
import { renderCategoryCard, renderFavicon, renderHomeCard } from '../../src/pipeline/site-icons';

const input = { kicker: 'Open Source', headline: 'Lumen Forge opens its Atlas model to every developer', footer: 'Digital Mind News · 3 independent publishers', category: 'Open Source' };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('renderSocialCard', () => {
  it('is a 1200x630 PNG that decodes, the same bytes for the same input', () => {
    const png = renderSocialCard(input);
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    const image = decode(png);
    expect([image.width, image.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(renderSocialCard({ ...input })).toEqual(png);
    expect(png.length).toBeLessThan(60_000);
  });

  it('draws text: the headline area holds white ink on the dark background', () => {
    const image = decode(renderSocialCard(input));
    const palette = image.palette!;
    const colours = new Set<number>();
    for (let y = 200; y < 420; y++) for (let x = 80; x < 1100; x++) colours.add(image.data[y * CARD_WIDTH + x]!);
    expect([...colours].map((i) => palette[i]!.join(','))).toContain('255,255,255');
    const blank = decode(renderSocialCard({ ...input, headline: '' }));
    const ink = (d: typeof blank) => Array.from(d.data).filter((v) => v === 2).length;
    expect(ink(image)).toBeGreaterThan(ink(blank) + 10_000);
  });

  it('colours cards by category', () => {
    const bg = (png: Uint8Array) => decode(png).palette![0]!.join(',');
    expect(bg(renderSocialCard(input))).not.toBe(bg(renderSocialCard({ ...input, category: 'Policy' })));
  });

  it('wraps to at most four lines, ending with an ellipsis when text is left over', () => {
    expect(wrap('one two three', 7, 4)).toEqual(['one two', 'three']);
    const lines = wrap('word '.repeat(40).trim(), 20, 4);
    expect(lines).toHaveLength(4);
    expect(lines[3]!.endsWith('…')).toBe(true);
  });
});

describe('site images', () => {
  it('draws the home and section cards at 1200x630 and a 32x32 favicon.ico holding a PNG', () => {
    for (const png of [renderHomeCard('Digital Mind News'), renderCategoryCard('Digital Mind News', 'Security')]) {
      expect([decode(png).width, decode(png).height]).toEqual([1200, 630]);
    }
    const ico = renderFavicon('Digital Mind News');
    expect([...ico.slice(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
    expect([ico[6], ico[7]]).toEqual([32, 32]);
    expect(decode(ico.slice(22)).width).toBe(32);
  });
});
