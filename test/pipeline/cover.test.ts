import { describe, expect, it } from 'vitest';
import { COVER_HEIGHT, COVER_WIDTH, renderCoverSvg } from '../../src/pipeline/cover';

const input = { title: 'Lumen Forge opens its Atlas model to every developer in the world today', category: 'Open Source', siteName: 'Digital Mind News' };

describe('renderCoverSvg', () => {
  it('renders the same bytes for the same input', () => {
    expect(renderCoverSvg(input)).toBe(renderCoverSvg({ ...input }));
  });

  it('is a 1200x630 SVG with the brand, the category and the wrapped headline', () => {
    const svg = renderCoverSvg(input);
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}"`)).toBe(true);
    expect(svg).toContain('>OPEN SOURCE</text>');
    expect(svg).toContain('>Digital Mind News</text>');
    expect(svg.match(/<tspan /g)!.length).toBeGreaterThan(1);
    expect(svg.match(/<tspan[^>]*>([^<]*)<\/tspan>/g)!.map((t) => t.replace(/<[^>]+>/g, '')).join(' ')).toBe(input.title);
  });

  it('escapes a hostile title so it cannot add markup or script', () => {
    const svg = renderCoverSvg({ ...input, title: '</text><script>alert("x")</script> & <a href=\'javascript:1\'>', category: 'Security"><script>' });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toMatch(/<a /);
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(&quot;x&quot;)');
    expect(svg).toContain('&amp;');
    expect(svg).toContain('SECURITY&quot;&gt;&lt;SCRIPT&gt;');
  });

  it('colours the card by category', () => {
    const colour = (svg: string) => /<rect width="1200" height="630" fill="([^"]+)"/.exec(svg)![1];
    expect(colour(renderCoverSvg(input))).not.toBe(colour(renderCoverSvg({ ...input, category: 'Policy' })));
  });

  it('cuts a very long headline to four lines with an ellipsis', () => {
    const svg = renderCoverSvg({ ...input, title: 'word '.repeat(80) });
    expect(svg.match(/<tspan /g)).toHaveLength(4);
    expect(svg).toContain('…</tspan>');
  });
});
