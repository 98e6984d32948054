// parseFeed: each format, encodings, xml:base, dates, hostile markup and hostile documents.
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes, FeedParseError, parseFeed, parseFeedBytes, parseFeedDate } from '../../src/pipeline/parse';

const URL_ = 'https://wire.example/feeds/main.xml';

function rss(items: string, channel = '<title>Example Wire</title><link>https://wire.example/</link>'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>${channel}${items}</channel></rss>`;
}

function parseError(run: () => unknown): FeedParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    return error as FeedParseError;
  }
  throw new Error('expected a FeedParseError');
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('formats', () => {
  it('reads RSS 2.0 items with content:encoded, dc:creator and a CDATA title', () => {
    const feed = parseFeed(
      rss(`<item><title><![CDATA[Model <em>weights</em> released]]></title><link>https://wire.example/a</link>
        <guid isPermaLink="false">wire-1</guid><description>Short &amp; sweet</description>
        <content:encoded><![CDATA[<p>First paragraph.</p><p>Second paragraph.</p>]]></content:encoded>
        <dc:creator>Ada Quill</dc:creator><pubDate>Tue, 03 Jun 2025 09:30:00 GMT</pubDate></item>`),
      { url: URL_ },
    );
    expect(feed.title).toBe('Example Wire');
    expect(feed.link).toBe('https://wire.example/');
    expect(feed.items).toEqual([
      {
        guid: 'wire-1',
        url: 'https://wire.example/a',
        title: 'Model weights released',
        summary: 'Short & sweet',
        contentText: 'First paragraph.\n\nSecond paragraph.',
        author: 'Ada Quill',
        publishedAt: '2025-06-03T09:30:00.000Z',
      },
    ]);
    expect(feed.warnings).toBeUndefined();
  });

  it('reads RSS 0.91 with its Netscape DOCTYPE and HTML entities', () => {
    const feed = parseFeed(
      `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
      <rss version="0.91"><channel><title>Caf&eacute; Wire</title><item><title>One</title><link>https://wire.example/1</link></item></channel></rss>`,
      { url: URL_ },
    );
    expect(feed.title).toBe('Café Wire');
    expect(feed.items[0]).toMatchObject({ title: 'One', url: 'https://wire.example/1', guid: 'https://wire.example/1' });
  });

  it('reads RDF / RSS 1.0 with dc:date and rdf:about as the guid', () => {
    const feed = parseFeed(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://wire.example/"><title>RDF Wire</title><link>https://wire.example/</link></channel>
        <item rdf:about="https://wire.example/r1"><title>Audit finds gaps</title><link>https://wire.example/r1</link>
          <description>An audit found gaps.</description><dc:date>2025-06-03T10:00:00+02:00</dc:date></item>
      </rdf:RDF>`,
      { url: URL_ },
    );
    expect(feed.title).toBe('RDF Wire');
    expect(feed.items[0]).toMatchObject({ guid: 'https://wire.example/r1', title: 'Audit finds gaps', publishedAt: '2025-06-03T08:00:00.000Z' });
  });

  it('reads Atom 1.0 with html and xhtml text, author and published/updated', () => {
    const feed = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Atom &lt;b&gt;Wire&lt;/b&gt;</title>
        <link rel="self" href="https://wire.example/atom.xml"/><link href="https://wire.example/"/>
        <entry><id>tag:wire.example,2025:1</id><title type="text">Less &lt; more</title>
          <link rel="alternate" type="text/html" href="https://wire.example/e1"/>
          <summary type="html">&lt;p&gt;Sum&lt;/p&gt;</summary>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body &lt;tag&gt; text</p><script>steal()</script></div></content>
          <author><name>Lin Oak</name><email>lin@wire.example</email></author>
          <published>2025-06-01T12:00:00Z</published><updated>2025-06-02T12:00:00-05:00</updated></entry></feed>`,
      { url: URL_ },
    );
    expect(feed.title).toBe('Atom Wire');
    expect(feed.link).toBe('https://wire.example/');
    expect(feed.items[0]).toEqual({
      guid: 'tag:wire.example,2025:1',
      url: 'https://wire.example/e1',
      title: 'Less < more',
      summary: 'Sum',
      contentText: 'Body <tag> text',
      author: 'Lin Oak (lin@wire.example)',
      publishedAt: '2025-06-01T12:00:00.000Z',
      updatedAt: '2025-06-02T17:00:00.000Z',
    });
  });

  it('reads Atom 0.3 with issued/modified and escaped mode', () => {
    const feed = parseFeed(
      `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title>
        <entry><id>urn:old:1</id><title>Old entry</title><link rel="alternate" type="text/html" href="https://wire.example/old"/>
        <content type="text/html" mode="escaped">&lt;p&gt;Escaped &amp;amp; fine&lt;/p&gt;</content>
        <issued>2004-01-02T03:04:05Z</issued><modified>2004-01-03T03:04:05Z</modified></entry></feed>`,
      { url: URL_ },
    );
    expect(feed.items[0]).toMatchObject({ url: 'https://wire.example/old', contentText: 'Escaped & fine', publishedAt: '2004-01-02T03:04:05.000Z' });
  });

  it('reads JSON Feed 1.1 authors and 1.0 author, HTML content as text', () => {
    const v11 = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'JSON Wire',
        home_page_url: 'https://wire.example/',
        authors: [{ name: 'Desk' }],
        items: [
          { id: 'j1', url: '/j1', title: 'Item one', content_html: '<p>Hello <b>there</b></p><script>x()</script>', date_published: '2025-06-03T09:00:00-07:00', authors: [{ name: 'Mo Reed' }, { name: 'Ira Vale' }] },
          { id: 2, content_text: 'Plain <not a tag>', summary: 'S' },
        ],
      }),
      { url: URL_, contentType: 'application/feed+json' },
    );
    expect(v11.title).toBe('JSON Wire');
    expect(v11.items[0]).toEqual({
      guid: 'j1',
      url: 'https://wire.example/j1',
      title: 'Item one',
      summary: 'Hello there',
      contentText: 'Hello there',
      author: 'Mo Reed, Ira Vale',
      publishedAt: '2025-06-03T16:00:00.000Z',
    });
    expect(v11.items[1]).toMatchObject({ guid: '2', contentText: 'Plain <not a tag>', summary: 'S', author: 'Desk' });

    const v10 = parseFeed(JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'Old JSON', items: [{ id: 'a', title: 't', author: { name: 'Solo' } }] }), { url: URL_ });
    expect(v10.items[0]?.author).toBe('Solo');
  });
});

describe('encodings', () => {
  it('decodes ISO-8859-1 bytes named in the XML declaration', () => {
    const head = new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf');
    const tail = new TextEncoder().encode('</title></channel></rss>');
    const bytes = new Uint8Array([...head, 0xe9, ...tail]);
    expect(parseFeedBytes(bytes, { url: URL_ }).title).toBe('Café');
  });

  it('decodes Windows-1252 smart quotes from an HTTP charset, even when labelled ISO-8859-1', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<rss><channel><title>'), 0x93, 0x68, 0x69, 0x94, ...new TextEncoder().encode('</title></channel></rss>')]);
    expect(parseFeedBytes(bytes, { url: URL_, contentType: 'application/rss+xml; charset=iso-8859-1' }).title).toBe('“hi”');
  });

  it('lets a BOM win over the HTTP charset and the declaration', () => {
    const utf8 = new TextEncoder().encode('<?xml version="1.0" encoding="iso-8859-1"?><rss><channel><title>naïve</title></channel></rss>');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(parseFeedBytes(bytes, { url: URL_, contentType: 'text/xml; charset=windows-1252' }).title).toBe('naïve');
  });

  it('decodes UTF-16 with a BOM', () => {
    const text = '<rss><channel><title>Zoë</title></channel></rss>';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(decodeFeedBytes(bytes)).toBe(text);
    expect(parseFeedBytes(bytes, { url: URL_ }).title).toBe('Zoë');
  });

  it('decodes legacy East Asian charsets that workerd supports', () => {
    // "한" is 0xC7 0xD1 in EUC-KR.
    const bytes = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="euc-kr"?><rss><channel><title>'), 0xc7, 0xd1, ...new TextEncoder().encode('</title></channel></rss>')]);
    expect(parseFeedBytes(bytes, { url: URL_ }).title).toBe('한');
  });
});

describe('links', () => {
  it('resolves relative links against nested xml:base and the feed URL', () => {
    const feed = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://cdn.example/news/"><title>t</title>
        <entry xml:base="2025/"><id>1</id><link href="story.html"/></entry>
        <entry><id>2</id><link xml:base="/root/" href="x.html"/></entry></feed>`,
      { url: URL_ },
    );
    expect(feed.items.map((i) => i.url)).toEqual(['https://cdn.example/news/2025/story.html', 'https://cdn.example/root/x.html']);
    const plain = parseFeed(rss('<item><title>r</title><link>../story/7</link></item>'), { url: URL_ });
    expect(plain.items[0]?.url).toBe('https://wire.example/story/7');
  });

  it('drops javascript:, data: and other non-http links', () => {
    const feed = parseFeed(
      rss(`<item><title>a</title><link>javascript:alert(1)</link></item>
           <item><title>b</title><link>data:text/html,hi</link></item>
           <item><title>c</title><link>ftp://wire.example/file</link></item>`, '<title>t</title><link>javascript:void(0)</link>'),
      { url: URL_ },
    );
    expect(feed.link).toBeUndefined();
    expect(feed.items.map((i) => i.url)).toEqual([undefined, undefined, undefined]);
    expect(feed.items.every((i) => !i.guid.startsWith('javascript:'))).toBe(true);
  });
});

describe('guids', () => {
  it('derives a missing guid from the link, else from a stable content hash', () => {
    const xml = rss('<item><title>Linked</title><link>https://wire.example/l</link></item><item><title>Unlinked</title><description>Body</description></item>');
    const first = parseFeed(xml, { url: URL_ });
    const again = parseFeed(xml, { url: URL_ });
    expect(first.items[0]?.guid).toBe('https://wire.example/l');
    expect(first.items[1]?.guid).toMatch(/^urn:fnv1a64:[0-9a-f]{16}$/);
    expect(again.items[1]?.guid).toBe(first.items[1]?.guid);
    const changed = parseFeed(xml.replace('Body', 'Other body'), { url: URL_ });
    expect(changed.items[1]?.guid).not.toBe(first.items[1]?.guid);
  });
});

describe('dates', () => {
  it.each([
    ['Tue, 03 Jun 2025 09:30:00 GMT', '2025-06-03T09:30:00.000Z'],
    ['Tue, 3 Jun 2025 09:30 EST', '2025-06-03T14:30:00.000Z'],
    ['03 Jun 25 09:30:00 PDT', '2025-06-03T16:30:00.000Z'],
    ['Sat, 07 Sep 2002 00:00:01 UT', '2002-09-07T00:00:01.000Z'],
    ['Sat, 07 Sep 2002 00:00:01 Z', '2002-09-07T00:00:01.000Z'],
    ['Sat, 07 Sep 2002 00:00:01 A', '2002-09-06T23:00:01.000Z'],
    ['Sat, 07 Sep 2002 00:00:01 +0530', '2002-09-06T18:30:01.000Z'],
    ['2025-06-03T09:30:00+02:00', '2025-06-03T07:30:00.000Z'],
    ['2025-06-03T09:30:00.25-0130', '2025-06-03T11:00:00.250Z'],
    ['2025-06-03', '2025-06-03T00:00:00.000Z'],
    ['20250603T093000Z', '2025-06-03T09:30:00.000Z'],
  ])('reads %s as %s', (input, iso) => {
    expect(parseFeedDate(input)).toBe(iso);
  });

  it.each(['yesterday', '2025-02-31T00:00:00Z', '31 Foo 2025 10:00 GMT', 'Tue, 03 Jun 2025 09:30:00 XYZ', ''])('rejects %j', (input) => {
    expect(parseFeedDate(input)).toBeUndefined();
  });

  it('leaves an unreadable item date undefined rather than guessing', () => {
    const feed = parseFeed(rss('<item><title>x</title><pubDate>sometime soon</pubDate></item>'), { url: URL_ });
    expect(feed.items[0]?.publishedAt).toBeUndefined();
  });
});

describe('hostile markup', () => {
  it('leaves no markup, script or style text in any field', () => {
    const hostile =
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;style&gt;body{}&lt;/style&gt;&lt;img src=x onerror="alert(2)"&gt;' +
      '&lt;iframe src="https://evil.example/"&gt;frame text&lt;/iframe&gt;&lt;!-- hidden --&gt;Visible &lt;b&gt;words&lt;/b&gt;';
    const feed = parseFeed(
      rss(`<item><title>${hostile}</title><description>${hostile}</description>
        <content:encoded><![CDATA[<p onclick="x()">Para</p><script type="text/javascript">var a = "</p>";</script><![CDATA-ish]]></content:encoded></item>`),
      { url: URL_ },
    );
    const item = feed.items[0]!;
    for (const text of [item.title, item.summary, item.contentText]) {
      expect(text).not.toMatch(/[<>]|alert|body\{|frame text|hidden|onerror|onclick/);
    }
    expect(item.title).toBe('Visible words');
    expect(item.contentText).toBe('Para');
  });

  it('treats raw (unescaped) child elements in a description as HTML, dropping their scripts', () => {
    const feed = parseFeed(rss('<item><title>t</title><description>Hello <script>evil()</script><b>world</b></description></item>'), { url: URL_ });
    expect(feed.items[0]?.summary).toBe('Hello world');
  });
});

describe('invisible controls', () => {
  it('strips NUL and the bidi overrides and isolates from titles, text and authors, in XML and JSON feeds', () => {
    const hidden = /[\u0000\u202a-\u202e\u2066-\u2069]/;
    const xml = parseFeed(
      rss(`<item><title>Mill &#x202E;stuc boj&#x202C; at Ostrava</title><link>https://wire.example/a</link>
        <description>Cuts \u2066announced\u2069 today, with &lt;b&gt;\u202Abold\u202C&lt;/b&gt; text.</description><dc:creator>Ana \u202EVo</dc:creator></item>`),
      { url: URL_ },
    );
    const json = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'JSON \u202eWire',
        items: [{ id: 'j1', url: '/j1', title: 'Null\u0000 and \u202eoverride', content_text: 'Text\u0000 with \u2067isolate\u2069.' }],
      }),
      { url: URL_ },
    );
    expect(xml.items[0]).toMatchObject({ title: 'Mill stuc boj at Ostrava', summary: 'Cuts announced today, with bold text.', author: 'Ana Vo' });
    expect(json.title).toBe('JSON Wire');
    expect(json.items[0]).toMatchObject({ title: 'Null and override', contentText: 'Text with isolate.' });
    for (const item of [...xml.items, ...json.items]) expect(JSON.stringify(item)).not.toMatch(hidden);
  });
});

describe('two faults in one item', () => {
  it('keeps every item when an unescaped "&" sits beside an unclosed tag (the validator stops at the first)', () => {
    const feed = parseFeed(
      rss('<item><title>Fares & fees <b>rise</title><link>https://wire.example/a</link></item><item><title>Second item</title><link>https://wire.example/b</link></item>'),
      { url: URL_ },
    );
    expect(feed.items.map((i) => i.title)).toEqual(['Fares & fees rise', 'Second item']);
    expect(feed.warnings?.join(' ')).toMatch(/'&' in the text was not escaped/);
  });
});

describe('caps', () => {
  it('keeps at most maxItems items, in document order, and says so', () => {
    const items = Array.from({ length: 30 }, (_, i) => `<item><title>n${i}</title><guid>g${i}</guid></item>`).join('');
    const feed = parseFeed(rss(items), { url: URL_, maxItems: 5 });
    expect(feed.items.map((i) => i.guid)).toEqual(['g0', 'g1', 'g2', 'g3', 'g4']);
    expect(feed.warnings?.join(' ')).toMatch(/30 items; the 5 newest were kept/);
    expect(parseFeed(rss(items), { url: URL_ }).items).toHaveLength(30);
  });

  it('keeps the newest items of a feed listed oldest first', () => {
    const day = (i: number) => new Date(Date.UTC(2026, 10, 1 + i)).toUTCString();
    const items = Array.from({ length: 30 }, (_, i) => `<item><title>n${i}</title><guid>g${i}</guid><pubDate>${day(i)}</pubDate></item>`).join('');
    const feed = parseFeed(rss(items), { url: URL_, maxItems: 3 });
    expect(feed.items.map((i) => i.guid)).toEqual(['g27', 'g28', 'g29']);
  });

  it('cuts fields at their character caps', () => {
    const long = 'word '.repeat(50_000);
    const feed = parseFeed(rss(`<item><title>${long}</title><description>${long}</description><content:encoded>${long}</content:encoded></item>`), {
      url: URL_,
      limits: { content: 1_000 },
    });
    const item = feed.items[0]!;
    expect(item.title.length).toBeLessThanOrEqual(500);
    expect(item.summary!.length).toBeLessThanOrEqual(5_000);
    expect(item.contentText!.length).toBeLessThanOrEqual(1_000);
    expect(item.title.length).toBeGreaterThan(400);
  });

  it('caps a 10,000-item feed at 200 items quickly', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => `<item><title>Item ${i}</title><link>https://wire.example/${i}</link><description>Text ${i}</description></item>`).join('\n');
    const { value, ms } = timed(() => parseFeed(rss(items), { url: URL_ }));
    expect(value.items).toHaveLength(200);
    expect(value.items[199]?.title).toBe('Item 199');
    expect(ms).toBeLessThan(2_000);
  });
});

describe('documents that are not feeds', () => {
  it('refuses a billion-laughs document fast, without expanding it', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><rss><channel><title>&lol9;</title></channel></rss>`;
    const { value: error, ms } = timed(() => parseError(() => parseFeed(lol, { url: URL_ })));
    expect(error.message).toBe('The document declares entities (DOCTYPE), which feeds must not use');
    expect(ms).toBeLessThan(2_000);
  });

  it('refuses an external entity without fetching anything', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://127.0.0.1:1/secret">]><rss><channel><title>&xxe;</title></channel></rss>`;
    expect(parseError(() => parseFeed(xxe, { url: URL_ })).code).toBe('entities');
    const pub = `<!DOCTYPE rss [ <!ENTITY % remote PUBLIC "-//x//EN" "http://127.0.0.1:1/x.dtd"> %remote; ]><rss/>`;
    expect(parseError(() => parseFeed(pub, { url: URL_ })).code).toBe('entities');
  });

  it('does not hang on a huge attribute or deep nesting', () => {
    const huge = `<rss version="${'x'.repeat(5_000_000)}"><channel><title>t</title></channel></rss>`;
    const { value: feed, ms } = timed(() => parseFeed(huge, { url: URL_ }));
    expect(feed.title).toBe('t');
    expect(ms).toBeLessThan(2_000);
    const deep = `<rss><channel>${'<x>'.repeat(20_000)}${'</x>'.repeat(20_000)}</channel></rss>`;
    const nested = timed(() => {
      try {
        return parseFeed(deep, { url: URL_ });
      } catch (error) {
        return error;
      }
    });
    expect(nested.ms).toBeLessThan(2_000);
    expect(nested.value instanceof FeedParseError || (nested.value as { items?: unknown }).items !== undefined).toBe(true);
  });

  it('says an HTML page is not a feed', () => {
    const page = '<!DOCTYPE html><html><head><title>Home</title><meta charset="utf-8"></head><body><p>Hi<br></body></html>';
    expect(parseError(() => parseFeed(page, { url: URL_, contentType: 'text/html' })).message).toBe('This is an HTML page, not a feed');
    expect(parseError(() => parseFeed(page, { url: URL_ })).message).toBe('This is an HTML page, not a feed');
  });

  it('reports invalid XML with the problem and its line', () => {
    const error = parseError(() => parseFeed('<rss>\n<channel>\n<title>x</title>\n</chanel>\n</rss>', { url: URL_ }));
    expect(error.message).toMatch(/^The XML is not well-formed: .*'chanel'.* at line 4$/);
  });

  it('recovers the items of a feed cut short, with a warning', () => {
    const cut = rss('<item><title>Kept</title><guid>k</guid></item><item><title>Lo').replace(/<\/channel><\/rss>$/, '');
    const feed = parseFeed(cut, { url: URL_ });
    expect(feed.items[0]?.title).toBe('Kept');
    expect(feed.warnings?.[0]).toMatch(/not well-formed/);
  });

  it.each([
    ['', 'Empty body'],
    ['   \n ', 'Empty body'],
    ['just some words', 'neither XML nor JSON'],
    ['{"hello": "world"}', 'not a JSON Feed'],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": [', 'JSON is not valid'],
    ['<opml version="2.0"><body/></opml>', 'root element is <opml>'],
  ])('refuses %j with a clear message', (body, message) => {
    expect(parseError(() => parseFeed(body, { url: URL_ })).message).toContain(message);
  });
});
