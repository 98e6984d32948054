// htmlToText: untrusted HTML to plain text, in linear time.
import { describe, expect, it } from 'vitest';
import { htmlToText, tidyText, truncate } from '../../src/lib/html-text';

describe('htmlToText', () => {
  it('drops tags, decodes entities and turns blocks into line breaks', () => {
    expect(htmlToText('<h1>Title</h1><p>A &amp; B&nbsp;&eacute;</p><ul><li>one</li><li>two</li></ul>x<br>y')).toBe('Title\n\nA & B\u00a0é\n\none\ntwo\nx\ny');
  });

  it('removes script, style and iframe text, comments and event-handler attributes', () => {
    const out = htmlToText('<script>alert(1)</script><style>p{}</style><iframe>inner</iframe><!-- secret --><img src=x onerror="alert(2)">Safe<a href="javascript:x()" onclick=\'y()\'> link</a>');
    expect(out).toBe('Safe link');
  });

  it('does not let a quoted ">" inside an attribute end the tag', () => {
    expect(htmlToText('<a title="a > b" href="/">text</a>')).toBe('text');
  });

  it('keeps a lone "<" that starts no tag', () => {
    expect(htmlToText('1 < 2 and 3 <= 4')).toBe('1 < 2 and 3 <= 4');
  });

  it('finds a script end tag whatever its case', () => {
    expect(htmlToText('a<SCRIPT>x()</ScRiPt >b')).toBe('ab');
  });

  it('stops at maxChars', () => {
    expect(htmlToText(`<p>${'abc '.repeat(1000)}</p>`, { maxChars: 10 }).length).toBeLessThanOrEqual(10);
  });

  it('stays linear on inputs built to make scanners backtrack', () => {
    const inputs = ['<a "'.repeat(100_000), '<!--'.repeat(100_000), '<script>'.repeat(100_000), `${' '.repeat(500_000)}x`, '<a b=">'.repeat(100_000)];
    for (const input of inputs) {
      const start = performance.now();
      htmlToText(input);
      expect(performance.now() - start).toBeLessThan(1_000);
    }
  });
});

describe('truncate', () => {
  it('never splits a surrogate pair', () => {
    expect(truncate('ab😀cd', 3)).toBe('ab');
  });
});

describe('tidyText whitespace', () => {
  // The regular-expression chain tidyText used before its one-pass collapse: the reference it must match.
  const C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'.split('').map((c) => (c < '\u00a0' && c >= '\u0080' ? '' : c));
  const reference = (text: string) =>
    text
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, (c) => C1[c.charCodeAt(0) - 0x80] ?? '')
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t\f\v]+/g, ' ')
      .replace(/ ?\n[ \n]*/g, (m) => (m.indexOf('\n') === m.lastIndexOf('\n') ? '\n' : '\n\n'))
      .trim();

  it('collapses every mix of spaces, tabs, CR, LF and controls exactly as the regular-expression chain did', () => {
    const alphabet = [' ', ' ', '\t', '\n', '\n', '\r', '\f', '\v', 'a', 'b', '\u00a0', '\u0001', '\u0085', '\u0081', 'é', '\u2028'];
    let seed = 13;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      const length = Math.floor(random() * 24);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(tidyText(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});
