// The one-pass reader of well-formed XML must build exactly the tree the validating path builds.
import { describe, expect, inject, it } from 'vitest';
import { decodeFeedBytes } from '../../../src/pipeline/parse';
import { readXmlTree } from '../../../src/pipeline/ingest/feed/xml-tree';

declare module 'vitest' {
  export interface ProvidedContext {
    feedparserCorpus: { path: string; base64: string }[];
  }
}

const URL = 'https://example.org/feed.xml';

/** The tree (or the error) of each path, as JSON, for comparison. */
function both(xml: string): [string, string] {
  const read = (fastPath: boolean) => {
    try {
      return JSON.stringify(readXmlTree(xml, URL, { fastPath }));
    } catch (error) {
      return `throws ${(error as Error).message}`;
    }
  };
  return [read(true), read(false)];
}

describe('xml-scan (the fast path of readXmlTree)', () => {
  it('builds the same tree, warnings and errors as the validating path on every document of the feedparser corpus', () => {
    const corpus = inject('feedparserCorpus');
    expect(corpus.length).toBeGreaterThan(1000);
    for (const { path, base64 } of corpus) {
      if (!/\.(xml|rss|atom|rdf)$/.test(path)) continue;
      const binary = atob(base64);
      const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
      const [fast, slow] = both(decodeFeedBytes(bytes));
      expect(fast, path).toBe(slow);
    }
  });

  it.each([
    ['text split at tags, CDATA and processing instructions but not at comments', '<rss><a>one<!-- c -->two<![CDATA[<b>three</b>]]>four<?pi x?>five<b/>six</a></rss>'],
    ['empty CDATA, whitespace-only text and CRLF line ends', '<rss>\r\n  <a><![CDATA[]]></a>\r\n  <b>x\ry</b>\r\n</rss>'],
    ['namespaces, xml:base, boolean and single-quoted attributes, entities', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="urn:x" xml:base="https://a.example/b/"><x:e flag k=\'v&amp;w\' x:n="&#233;">&lt;p&gt;&eacute;&nosuch;</x:e></feed>'],
    ['an undeclared prefix', '<rss><dc:creator>A</dc:creator></rss>'],
    ['a stray ampersand', '<rss><title>Fish & chips</title></rss>'],
    ['a stray less-than', '<rss><title>a < b</title></rss>'],
    ['an XML declaration after the start', '\n<?xml version="1.0"?><rss/>'],
    ['a mismatched end tag', '<rss><a></b></rss>'],
    ['a missing end tag', '<rss><a>x</rss>'],
    ['text after the root', '<rss></rss>junk'],
    ['two roots', '<rss></rss><rss></rss>'],
    ['a repeated attribute', '<rss><a k="1" k="2"/></rss>'],
    ['attributes without a space between them', '<rss><a k="1"j="2"/></rss>'],
    ['spaces around =', '<rss><a k = "1"/></rss>'],
    ['an end tag with a space', '<rss><a>x</a ></rss>'],
    ['a DOCTYPE without entities', '<!DOCTYPE rss SYSTEM "x.dtd">\n<rss><a>&nbsp;</a></rss>'],
    ['nesting deeper than the limit', `<rss>${'<a>'.repeat(300)}${'</a>'.repeat(300)}</rss>`],
  ])('agrees with the validating path: %s', (_name, xml) => {
    const [fast, slow] = both(xml);
    expect(fast).toBe(slow);
  });
});
