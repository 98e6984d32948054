import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { crc32, encodeIndexedPng } from '../../src/lib/png/encode';
import { CARD_HEIGHT, CARD_WIDTH, renderSocialCard, wrap } from '../../src/pipeline/social-card';
import { renderCategoryCard, renderFavicon, renderHomeCard } from '../../src/pipeline/site-icons';

const input = { kicker: 'Open Source', headline: 'Lumen Forge opens its Atlas model to every developer', footer: 'Digital Mind News · 3 independent publishers', category: 'Open Source' };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('encodeIndexedPng', () => {
  it('writes a PNG that an independent decoder reads back pixel for pixel', async () => {
    const pixels = Uint8Array.from({ length: 7 * 3 }, (_, i) => i % 3);
    const palette = [[255, 0, 0], [0, 255, 0], [0, 0, 255]] as const;
    const image = decode(await encodeIndexedPng(7, 3, pixels, palette));
    expect([image.width, image.height, image.depth]).toEqual([7, 3, 8]);
    expect([...image.data]).toEqual([...pixels]);
    expect(image.palette).toEqual(palette.map((c) => [...c]));
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('refuses a pixel count that does not match the size, or an empty palette', async () => {
    await expect(encodeIndexedPng(2, 2, new Uint8Array(3), [[0, 0, 0]])).rejects.toThrow(RangeError);
    await expect(encodeIndexedPng(1, 1, new Uint8Array(1), [])).rejects.toThrow(RangeError);
  });
});

describe('renderSocialCard', () => {
  it('is a 1200x630 PNG that decodes, the same bytes for the same input', async () => {
    const png = await renderSocialCard(input);
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    const image = decode(png);
    expect([image.width, image.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(await renderSocialCard({ ...input })).toEqual(png);
    expect(png.length).toBeLessThan(60_000);
  });

  it('draws text: the headline area holds white ink on the dark background', async () => {
    const image = decode(await renderSocialCard(input));
    const palette = image.palette!;
    const colours = new Set<number>();
    for (let y = 200; y < 420; y++) for (let x = 80; x < 1100; x++) colours.add(image.data[y * CARD_WIDTH + x]!);
    expect([...colours].map((i) => palette[i]!.join(','))).toContain('255,255,255');
    const blank = decode(await renderSocialCard({ ...input, headline: '' }));
    const ink = (d: typeof blank) => Array.from(d.data).filter((v) => v === 2).length;
    expect(ink(image)).toBeGreaterThan(ink(blank) + 10_000);
  });

  it('colours cards by category', async () => {
    const bg = async (png: Promise<Uint8Array>) => decode(await png).palette![0]!.join(',');
    expect(await bg(renderSocialCard(input))).not.toBe(await bg(renderSocialCard({ ...input, category: 'Policy' })));
  });

  it('wraps to at most four lines, ending with an ellipsis when text is left over', () => {
    expect(wrap('one two three', 7, 4)).toEqual(['one two', 'three']);
    const lines = wrap('word '.repeat(40).trim(), 20, 4);
    expect(lines).toHaveLength(4);
    expect(lines[3]!.endsWith('…')).toBe(true);
  });
});

describe('site images', () => {
  it('draws the home and section cards at 1200x630 and a 32x32 favicon.ico holding a PNG', async () => {
    for (const png of [await renderHomeCard('Digital Mind News'), await renderCategoryCard('Digital Mind News', 'Security')]) {
      expect([decode(png).width, decode(png).height]).toEqual([1200, 630]);
    }
    const ico = await renderFavicon('Digital Mind News');
    expect([...ico.slice(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
    expect([ico[6], ico[7]]).toEqual([32, 32]);
    expect(decode(ico.slice(22)).width).toBe(32);
  });
});
