// The stylesheet's colours meet WCAG AA contrast in both colour schemes.
import { describe, expect, it } from 'vitest';
import { STYLESHEET } from '../../templates/styles';

/** The custom properties of the light (:root) and dark (prefers-color-scheme) palettes. */
function palettes(css: string): { light: Record<string, string>; dark: Record<string, string> } {
  const read = (block: string) => Object.fromEntries([...block.matchAll(/--([a-z]+):(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
  const dark = /prefers-color-scheme:\s*dark\)\s*\{\s*:root\{([^}]*)\}/.exec(css)?.[1] ?? '';
  const light = /^\s*:root\{([^}]*)\}/m.exec(css)?.[1] ?? '';
  return { light: read(light), dark: read(dark) };
}

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('stylesheet contrast', () => {
  const { light, dark } = palettes(STYLESHEET);

  it('declares the same colours for both schemes', () => {
    expect(Object.keys(light).sort()).toEqual(Object.keys(dark).sort());
    expect(Object.keys(light)).toEqual(expect.arrayContaining(['bg', 'fg', 'muted', 'accent']));
  });

  for (const [scheme, colours] of Object.entries({ light, dark })) {
    it(`keeps every text colour at 4.5:1 or more on the ${scheme} background`, () => {
      for (const name of ['fg', 'muted', 'accent', 'ok', 'bad'].filter((n) => colours[n])) {
        expect(contrast(colours[name]!, colours.bg!), `${scheme} --${name} on --bg`).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`keeps highlighted search terms readable in the ${scheme} scheme`, () => {
      if (!colours.mark) return;
      expect(contrast(colours.fg!, colours.mark), `${scheme} --fg on --mark`).toBeGreaterThanOrEqual(4.5);
    });

    it(`draws the focus ring at 3:1 or more in the ${scheme} scheme`, () => {
      expect(contrast(colours.accent!, colours.bg!)).toBeGreaterThanOrEqual(3);
    });
  }
});

describe('contrast arithmetic', () => {
  it('matches the WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('layout rules', () => {
  it('lets the search field shrink below its intrinsic width, so the form fits a 320 px screen', () => {
    // A flex item's min-width defaults to its content size; without 0 the form measured 327 px at 320.
    expect(STYLESHEET).toMatch(/input\[type=search\]\{[^}]*flex:1;[^}]*min-width:0/);
  });

  it('widens only the listing pages, and sets the lead story across the grid', () => {
    expect(STYLESHEET).toMatch(/main\{max-width:44rem/);
    expect(STYLESHEET).toMatch(/main\.wide\{max-width:72rem|main\.wide\{[^}]*72rem/);
    expect(STYLESHEET).toMatch(/\.cards\{[^}]*display:grid/);
    expect(STYLESHEET).toMatch(/\.cards>li\.lead\{grid-column:1\/-1/);
    expect(STYLESHEET).toMatch(/@media \(min-width:68rem\)\{\.cards>li\.lead\{grid-column:span 3\}\}/);
  });
});
