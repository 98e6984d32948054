import { describe, expect, it } from 'vitest';
import { COVER_HEIGHT, COVER_WIDTH, coverDescription, renderCoverSvg } from '../../src/pipeline/cover';

const input = { category: 'Open Source', figure: '$40 million', publishers: 3 };
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('renderCoverSvg', () => {
  it('renders the same bytes for the same input', () => {
    expect(renderCoverSvg(input)).toBe(renderCoverSvg({ ...input }));
  });

  it('is a 1200x630 SVG with the section mark, the key figure and the publisher count — no headline', () => {
    const svg = renderCoverSvg(input);
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}"`)).toBe(true);
    expect(texts(svg)).toEqual(['O', 'OPEN SOURCE', '$40 million', '3 independent publishers']);
  });

  it('makes the publisher count the figure when the story has none, and says "publisher" for one', () => {
    expect(texts(renderCoverSvg({ ...input, figure: null }))).toEqual(['O', 'OPEN SOURCE', '3', 'independent publishers reported this']);
    expect(texts(renderCoverSvg({ ...input, figure: null, publishers: 1 }))).toEqual(['O', 'OPEN SOURCE', '1', 'independent publisher reported this']);
  });

  it('escapes hostile text so it cannot add markup or script', () => {
    const svg = renderCoverSvg({ ...input, figure: '</text><script>alert("x")</script>', category: 'Security"><script>' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;/text&gt;&lt;script');
    expect(svg).toContain('SECURITY&quot;&gt;&lt;SCRIPT&gt;');
  });

  it('colours the card by category', () => {
    const colour = (svg: string) => /<rect width="1200" height="630" fill="([^"]+)"/.exec(svg)![1];
    expect(colour(renderCoverSvg(input))).not.toBe(colour(renderCoverSvg({ ...input, category: 'Policy' })));
  });

  it('describes itself without the headline, for alt text', () => {
    expect(coverDescription(input)).toBe('Open Source mark, key figure $40 million, reported by 3 independent publishers');
    expect(renderCoverSvg(input)).toContain(`aria-label="${coverDescription(input)}"`);
  });
});
