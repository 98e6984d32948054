// parseFeed on feeds as publishers write them in the wild: loose dates, escaped and nested CDATA,
// broken items, and bytes that are not the charset they claim. Each handed case of issue 11 is here.
import { describe, expect, it } from 'vitest';
import { parseFeed, parseFeedBytes, parseFeedDate } from '../../src/pipeline/parse';

const URL_ = 'https://wire.example/feeds/main.xml';

function rss(items: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example/</link>
${items}
</channel></rss>`;
}

const item = (n: number, extra = '') => `<item><title>Item ${n}</title><link>https://wire.example/${n}</link>${extra}</item>`;

/** Latin-1 string to bytes, one byte per character (so "\x92" is the byte 0x92). */
const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('dates in the wild', () => {
  it.each([
    // Handed over: month before day, a 12-hour clock, no zone.
    ['Sat, Oct 28 2023 08:28:28 PM', '2023-10-28T20:28:28.000Z'],
    ['Fri, Oct 7 2022 10:15:00 -0400', '2022-10-07T14:15:00.000Z'],
    // Handed over: German month and weekday names.
    ['Mo, 07 Okt 2019 09:00:00 +0200', '2019-10-07T07:00:00.000Z'],
    ['Di, 10 Dez 2019 09:00:00 +0100', '2019-12-10T08:00:00.000Z'],
    ['Do, 14 Mär 2019 09:00:00 +0100', '2019-03-14T08:00:00.000Z'],
    ['Mi, 15 Mai 2019 09:00:00 +0200', '2019-05-15T07:00:00.000Z'],
    // The same kinds, further.
    ['October 28, 2023 8:28 pm EDT', '2023-10-29T00:28:00.000Z'],
    ['October 28th, 2023 at 8:28 p.m.', '2023-10-28T20:28:00.000Z'],
    ['Oct 28, 2023', '2023-10-28T00:00:00.000Z'],
    ['Sat Oct 28 20:28:28 2023', '2023-10-28T20:28:28.000Z'],
    ['12:00 AM, Jan 1 2020', '2020-01-01T00:00:00.000Z'],
    ['10/28/2023 08:28:28 PM', '2023-10-28T20:28:28.000Z'],
    ['2023-10-28 08:28 PM', '2023-10-28T20:28:00.000Z'],
    ['28-Oct-2023 20:28', '2023-10-28T20:28:00.000Z'],
    ['Fri, 7 Oct 2022 10:15 -04:00', '2022-10-07T14:15:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 GMT+0200 (CEST)', '2003-06-10T02:00:00.000Z'],
    ['Do, 10 Okt 2019 10:00:00 MESZ', '2019-10-10T08:00:00.000Z'],
    ['1. Oktober 2019 um 09:00 Uhr', '2019-10-01T09:00:00.000Z'],
    ['28.10.2023 20:28', '2023-10-28T20:28:00.000Z'],
    ['mar., 07 oct. 2019 09:00:00 +0200', '2019-10-07T07:00:00.000Z'], // French: mar. is Tuesday here
    ['lun. 7 oct. 2019 09h30', '2019-10-07T09:30:00.000Z'],
    ['févr. 3, 2020', '2020-02-03T00:00:00.000Z'],
    ['7 de octubre de 2019 09:00', '2019-10-07T09:00:00.000Z'],
    ['mié, 09 dic 2020 10:00:00 +0100', '2020-12-09T09:00:00.000Z'],
    ['gio, 10 ott 2019 10:00:00 +0200', '2019-10-10T08:00:00.000Z'],
    ['dom, 01 gen 2023 08:00:00 +0100', '2023-01-01T07:00:00.000Z'],
    ['do 10 mrt 2019 10:00 CET', '2019-03-10T09:00:00.000Z'],
    ['qua, 09 out 2019 10:00:00 -0300', '2019-10-09T13:00:00.000Z'],
    ['sex, 04 set 2020 10:00:00 -0300', '2020-09-04T13:00:00.000Z'],
    ['tis, 3 maj 2022 08:00:00 +0200', '2022-05-03T06:00:00.000Z'],
    ['Oct. 28, 2023, 8:28 p.m. ET', '2023-10-29T00:28:00.000Z'], // AP style: Eastern daylight time in October
    ['Jan. 5, 2024, 8:28 p.m. ET', '2024-01-06T01:28:00.000Z'], // and standard time in January
    ['Oct 28 2023 8 pm', '2023-10-28T20:00:00.000Z'],
    ['am 7. Oktober 2019 um 9:00 Uhr', '2019-10-07T09:00:00.000Z'],
    ['le 7 octobre 2019 à 9h', '2019-10-07T09:00:00.000Z'],
    ['20:28 28/10/2023', '2023-10-28T20:28:00.000Z'],
    ['1698524908', '2023-10-28T20:28:28.000Z'],
    ['7 октября 2019 г. в 09:00', '2019-10-07T09:00:00.000Z'],
    ['пн, 07 окт 2019 09:00:00 +0300', '2019-10-07T06:00:00.000Z'],
    ['7. října 2019 9:00', '2019-10-07T09:00:00.000Z'],
    ['2019. október 7. 09:00', '2019-10-07T09:00:00.000Z'],
    ['7. lokakuuta 2019 klo 9.00', '2019-10-07T09:00:00.000Z'],
    ['7 Ekim 2019 Pazartesi', '2019-10-07T00:00:00.000Z'],
    ['2019年10月7日 09:00', '2019-10-07T09:00:00.000Z'],
    ['1º de octubre de 2019', '2019-10-01T00:00:00.000Z'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it.each(['yesterday', '2 hours ago', 'Tomorrow at noon', '31 Feb 2020 10:00', 'Juin 2020', 'hello 12 world 2020', 'Sat, 28 Oct 2023 20:28:28 XYZ', '13:00 PM Oct 1 2020'])(
    'still refuses %j rather than guess',
    (input) => {
      expect(parseFeedDate(input)).toBeUndefined();
    },
  );

  it('dates an item whose pubDate writes the month first', () => {
    const feed = parseFeed(rss(item(1, '<pubDate>Sat, Oct 28 2023 08:28:28 PM</pubDate>')), { url: URL_ });
    expect(feed.items[0]?.publishedAt).toBe('2023-10-28T20:28:28.000Z');
  });
});

describe('CDATA as publishers get it wrong', () => {
  it('reads an escaped CDATA section as its content (handed case)', () => {
    const feed = parseFeed(rss(item(1, '<description>&lt;![CDATA[The bridge reopened to traffic on Monday.]]&gt;</description>')), { url: URL_ });
    expect(feed.items[0]?.summary).toBe('The bridge reopened to traffic on Monday.');
  });

  it('reads escaped CDATA holding HTML, in titles, content and JSON Feed too', () => {
    const feed = parseFeed(
      rss(
        '<item><title>&lt;![CDATA[Fares &amp;amp; routes]]&gt;</title><link>https://wire.example/1</link>' +
          '<description>&lt;![CDATA[&lt;p&gt;Votes &lt;b&gt;on Tuesday&lt;/b&gt;.&lt;/p&gt;]]&gt;</description></item>',
      ),
      { url: URL_ },
    );
    expect(feed.items[0]?.title).toBe('Fares & routes');
    expect(feed.items[0]?.summary).toBe('Votes on Tuesday.');
    const json = parseFeed(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', content_html: '<![CDATA[<p>The pier is open.</p>]]>' }] }), { url: URL_ });
    expect(json.items[0]?.contentText).toBe('The pier is open.');
  });

  it('keeps every other item when one nests a CDATA section inside another, and names the broken one (handed case)', () => {
    const feed = parseFeed(
      rss(
        item(1, '<description>First.</description>') +
          item(2, '<description><![CDATA[<p>Votes <![CDATA[on Tuesday]]> to cut fares.</p>]]></description>') +
          item(3, '<description>Third.</description>'),
      ),
      { url: URL_ },
    );
    expect(feed.items.map((i) => i.title)).toEqual(['Item 1', 'Item 3']);
    expect(feed.warnings?.join('\n')).toMatch(/Item 2 \("Item 2"\) is not well-formed XML .*left out/);
  });

  it('keeps the other items of an Atom feed with a tag closing the wrong element in one entry', () => {
    const entry = (n: number, body: string) => `<entry><id>urn:${n}</id><title>Entry ${n}</title><link href="https://wire.example/${n}"/>${body}</entry>`;
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${entry(1, '<summary>ok</summary>')}${entry(2, '<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>bad</div></p></summary>')}${entry(3, '<summary>ok</summary>')}</feed>`;
    const feed = parseFeed(atom, { url: URL_ });
    expect(feed.items.map((i) => i.title)).toEqual(['Entry 1', 'Entry 3']);
    expect(feed.warnings?.some((w) => w.startsWith('Item 2 ("Entry 2")'))).toBe(true);
  });

  it('mends or leaves out the feed’s own broken description, keeping its items', () => {
    const nested = rss(item(1) + item(2)).replace('<link>https://wire.example/</link>', '<description><![CDATA[<p>About <![CDATA[us]]> here</p>]]></description>');
    const feed = parseFeed(nested, { url: URL_ });
    expect(feed.items.map((i) => i.title)).toEqual(['Item 1', 'Item 2']);
    expect(feed.warnings).toContain("The feed's <description> was not well-formed XML; it was left out");
    const raw = rss(item(1)).replace('<link>https://wire.example/</link>', '<description>About<br>us</description>');
    expect(parseFeed(raw, { url: URL_ }).items).toHaveLength(1);
  });

  it('still refuses a feed whose channel itself is broken', () => {
    expect(() => parseFeed('<rss><channel><title>x</titel>' + item(1) + '</channel></rss>', { url: URL_ })).toThrow(/not well-formed/);
  });
});

describe('XML broken in the ways publishers break it', () => {
  const three = (middle: string) => rss(item(1) + middle + item(3));
  const titles = (xml: string) => parseFeed(xml, { url: URL_ }).items.map((i) => i.title);

  it('reads raw, unclosed HTML in a description as HTML and keeps the item', () => {
    const feed = parseFeed(three(item(2, '<description>Hello<br>world <img src="x.png"> <p>end</description>')), { url: URL_ });
    expect(feed.items.map((i) => i.title)).toEqual(['Item 1', 'Item 2', 'Item 3']);
    expect(feed.items[1]?.summary).toBe('Hello\nworld\nend');
    expect(feed.warnings?.[0]).toMatch(/^Item 2 \("Item 2"\) was not well-formed XML .*read after reading the raw HTML/);
  });

  it('reads a bare "<" in text as text', () => {
    const feed = parseFeed(three('<item><title>Rates < 2% for a year</title><link>https://wire.example/2</link></item>'), { url: URL_ });
    expect(feed.items.map((i) => i.title)).toEqual(['Item 1', 'Rates < 2% for a year', 'Item 3']);
  });

  it('closes an item that lost its closing tag, the last one too', () => {
    expect(titles(three('<item><title>Item 2</title><link>https://wire.example/2</link>'))).toEqual(['Item 1', 'Item 2', 'Item 3']);
    expect(titles(rss(item(1) + '<item><title>Item 2</title><link>https://wire.example/2</link>'))).toEqual(['Item 1', 'Item 2']);
  });

  it('leaves out an item with an unclosed CDATA section and keeps the rest', () => {
    expect(titles(three('<item><title>Item 2</title><description><![CDATA[oops</description></item>'))).toEqual(['Item 1', 'Item 3']);
  });

  it('reads HTML the publisher escaped twice as text, but keeps a tag an article only mentions', () => {
    const feed = parseFeed(
      rss(item(1, '<description>&amp;lt;p&amp;gt;Hello &amp;amp; bye&amp;lt;/p&amp;gt;</description>') + item(2, '<description>Use the &amp;lt;video&amp;gt; element.</description>')),
      { url: URL_ },
    );
    expect(feed.items.map((i) => i.summary)).toEqual(['Hello & bye', 'Use the <video> element.']);
  });

  it('skips what a server printed before the XML, and stray BOMs', () => {
    const php = '<br />\n<b>Warning</b>: Cannot modify header information in <b>/var/www/feed.php</b><br />\n';
    const feed = parseFeed(php + rss(item(1)), { url: URL_ });
    expect(feed.items.map((i) => i.title)).toEqual(['Item 1']);
    expect(feed.warnings?.[0]).toMatch(/characters before the feed .* were ignored/);
    expect(parseFeed('\uFEFF\uFEFF\n  ' + rss(item(1)), { url: URL_ }).items).toHaveLength(1);
  });

  it('drops control characters XML forbids', () => {
    expect(titles(rss(item(1).replace('Item 1', 'Item\u001a 1\u0008')))).toEqual(['Item 1']);
  });
});

describe('bytes that are not the charset they claim', () => {
  it('reads invalid UTF-8 in a feed declared UTF-8 as Windows-1252, as browsers and feedparser do (handed case)', () => {
    const feed = parseFeedBytes(bytesOf(rss(`<item><title>Citt\xE0 di Como: l\x92assessore</title><link>https://wire.example/1</link></item>`)), {
      url: URL_,
      contentType: 'application/rss+xml; charset=utf-8',
    });
    expect(feed.items[0]?.title).toBe('Città di Como: l\u2019assessore');
    expect(feed.warnings).toContain('Some bytes were not valid UTF-8 as declared; they were read as Windows-1252');
  });

  it('keeps the valid UTF-8 of a feed that mixes it with Windows-1252 bytes', () => {
    const utf8 = Array.from(new TextEncoder().encode('Zürich — '), (b) => String.fromCharCode(b)).join('');
    const feed = parseFeedBytes(bytesOf(rss(`<item><title>${utf8}\x93Ja\x94</title><link>https://wire.example/1</link></item>`)), { url: URL_ });
    expect(feed.items[0]?.title).toBe('Zürich — \u201cJa\u201d');
  });

  it('reads UTF-8 bytes labelled ISO-8859-1 as UTF-8', () => {
    const body = rss(item(1).replace('Item 1', 'Zürich – Genève')).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const feed = parseFeedBytes(new TextEncoder().encode(body), { url: URL_ });
    expect(feed.items[0]?.title).toBe('Zürich – Genève');
  });

  it('mends text that was decoded as Windows-1252 and re-encoded upstream', () => {
    const feed = parseFeed(rss(item(1).replace('Item 1', 'CafÃ© reopens â€“ the ownerâ€™s plan')), { url: URL_ });
    expect(feed.items[0]?.title).toBe('Café reopens – the owner’s plan');
    expect(parseFeed(rss(item(1).replace('Item 1', '“CAFÉ” and NÃO')), { url: URL_ }).items[0]?.title).toBe('“CAFÉ” and NÃO');
  });

  it('says nothing when the bytes are valid UTF-8', () => {
    const feed = parseFeedBytes(new TextEncoder().encode(rss(item(1))), { url: URL_ });
    expect(feed.warnings).toBeUndefined();
  });
});

describe('a CDATA section nested in another, whose remains leave the tags intact', () => {
  it('keeps the item, reads the inner section as text, and says so in the warnings (as the README says)', () => {
    const feed = parseFeed(
      `<rss><channel><title>C</title><item><title><![CDATA[Outer <![CDATA[inner]]> rest]]></title><link>https://wire.example/1</link></item><item><title>Good</title><link>https://wire.example/2</link></item></channel></rss>`,
      { url: 'https://wire.example/feed.xml' },
    );
    expect(feed.items.map((i) => i.title)).toEqual(['Outer inner rest', 'Good']);
    expect(feed.warnings).toEqual(['A CDATA section was nested in another; the item was kept, the inner section read as text']);
  });
});
