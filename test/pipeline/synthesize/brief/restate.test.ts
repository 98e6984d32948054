import { describe, expect, it } from 'vitest';
import { attribute, attributionInCause, condensed, copyTest, restate } from '../../../../src/pipeline/synthesize/brief/restate';

// Sources of our own: a long sentence full of names, one of ordinary wording.
const NAMES = 'Mayor Ilse Varnholt of Kestrel Bay met Governor Tomas Rindell and Senator Aino Halvard at Brackwater Hall on Friday.';
const WORDING = 'The harbour board said the new ferry would carry more passengers across the bay than the old one ever could in a day.';
const copied = copyTest([NAMES, WORDING]);

describe('copyTest (a copied run as the verbatim check reads it)', () => {
  it('does not count names: a long run made long by names is not copying', () => {
    expect(copied(NAMES)).toBe(false);
  });

  it('finds a run of ordinary words, possessives read as the check reads them', () => {
    expect(copied(WORDING)).toBe(true);
    expect(copied('Officials said the new ferry would carry more passengers across the bay than the old one ever could, they added.')).toBe(true);
  });

  it('does not join two sources into one run: every word pair is in a source, the run in none', () => {
    const first = 'the harbour board said the new ferry would carry more passengers';
    const second = 'more passengers across the bay than the old one';
    const joined = 'The harbour board said the new ferry would carry more passengers across the bay than the old one.';
    expect(copyTest([first, second])(joined)).toBe(false);
    expect(copyTest([`${first} across the bay than the old one`])(joined)).toBe(true);
  });

  it('finds a run that a source gives after a false start with the same words', () => {
    const source = 'the new ferry would carry cars. Then the new ferry would carry more passengers across the bay than the old one ever could.';
    expect(copyTest([source])('We hear the new ferry would carry more passengers across the bay than the old one ever could.')).toBe(true);
  });

  it('leaves text inside quotation marks to the quotes check', () => {
    expect(copied(`The board's view: "${WORDING.slice(0, -1)}."`)).toBe(false);
  });
});

describe('restate', () => {
  it('writes out a contraction the source uses, as it contracts one the source writes out', () => {
    const source = "The ferry operator said on the quay that the crossing doesn't reopen before the storm season ends next month.";
    expect(restate(source, copyTest([source]))).toBe('The ferry operator said on the quay that the crossing does not reopen before the storm season ends next month.');
  });

  it('quotes one short phrase of lower-case words rather than the sentence tail, when asked to and that breaks the run', () => {
    const source = 'Engineers at the yard warned that salt water had eaten through the hull plates faster than any survey had predicted last winter.';
    const out = restate(source, copyTest([source]), 0, 'plain')!;
    expect(out).toBeDefined();
    const quoted = [...out.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    expect(quoted).toHaveLength(1);
    expect(quoted[0]!.split(' ').length).toBeLessThanOrEqual(6);
    expect(quoted[0]).not.toMatch(/\p{Lu}/u);
    expect(copyTest([source])(out)).toBe(false);
  });

  it("never quotes a phrase that would read as a named speaker's words", () => {
    const source = 'The harbour board chair Aino Halvard said the ferry would carry more passengers across the bay than the old one ever could.';
    const out = restate(`According to Harbor Ledger, ${source.charAt(0).toLowerCase()}${source.slice(1)}`, copyTest([source]), 4, 'plain');
    expect(out ?? '').not.toMatch(/said [^"]*"[a-z ]+" /);
  });

  it('quotes a phrase in a sentence that already quotes someone only when asked to, and only outside their quotation', () => {
    const source = 'The harbour board called the plan "a costly mistake" on Friday after the ferry operator refused to pay for the repairs to the old northern quay wall.';
    const copied = copyTest([source]);
    expect(restate(source, copied, 0, 'plain')).toBeUndefined();
    const out = restate(source, copied, 0, 'quoting')!;
    expect(out).toBeDefined();
    expect(out).toContain('"a costly mistake"');
    expect([...out.matchAll(/"([^"]+)"/g)].map((m) => m[1]!)).toHaveLength(2);
    expect(copied(out)).toBe(false);
  });

  it('never quotes the words that say what a figure counts', () => {
    const source = 'The yard said it had repaired 14 ferries for the harbour board over the winter and would start on the remaining hulls in the spring.';
    const out = restate(source, copyTest([source]), 0, 'plain');
    for (const m of (out ?? '').matchAll(/"([^"]+)"/g)) expect(out!.slice(0, m.index)).not.toMatch(/\d+(?:\s+\S+){0,2}\s*$/);
  });
});

describe('condensed', () => {
  it('keeps an aside that holds a figure and drops one that does not', () => {
    const variants = condensed('The board approved the budget (about $4m in all) for the new ferry terminal (a glass building) on the north quay this week.');
    expect(variants.at(-1)).toContain('$4m');
    expect(variants.at(-1)).not.toContain('glass building');
  });

  it('drops a closing phrase that only says where something was said, and keeps one that qualifies the claim', () => {
    const said = 'Mayor Ilse Varnholt said Friday she will step down, in a speech to the harbour board that left several members of her own party looking at the floor.';
    expect(condensed(said)).toContain('Mayor Ilse Varnholt said Friday she will step down.');
    const qualified = 'The harbour board said ferries would sail again on the northern route, in certain conditions set by the coast guard.';
    expect(condensed(qualified).join(' ')).not.toMatch(/northern route\./);
  });
});

describe('attributionInCause', () => {
  it('flags our outlet on the cause side of a causal link, either way round', () => {
    expect(attributionInCause('According to Harbor Ledger, the storm forced the ferry to turn back.', ['Harbor Ledger'])).toBe(true);
    expect(attributionInCause('The storm forced the ferry to turn back, Harbor Ledger reported.', ['Harbor Ledger'])).toBe(false);
    expect(attributionInCause('The ferry turned back due to the storm, Harbor Ledger reported.', ['Harbor Ledger'])).toBe(true);
    expect(attributionInCause('According to Harbor Ledger, the ferry turned back due to the storm.', ['Harbor Ledger'])).toBe(false);
  });
});

describe('attribute', () => {
  const none = new Set<string>();
  it('names the outlet once beside a sentence that names its own source', () => {
    const sentence = 'No cases of illness have been reported, according to the utility.';
    for (const style of ['prefix', 'suffix'] as const) {
      expect(attribute(sentence, ['Marrow Herald'], style, none), style).toBe('Marrow Herald reported that, according to the utility, no cases of illness have been reported.');
    }
    // In the middle (to split a long copied stretch) the outlet reports; it is never "according to" twice.
    const long = 'Employers added 661,000 jobs in September, a drop from July when more than 1 million jobs were created, according to the Labor Department.';
    expect(attribute(long, ['Meridian Times'], 'middle', none)).toBe(
      'Employers added 661,000 jobs in September, Meridian Times reported, a drop from July when more than 1 million jobs were created, according to the Labor Department.',
    );
    // A name keeps its capital after the lead-in.
    expect(attribute('Halden Water shut the plant on Sunday, according to the utility.', ['Marrow Herald'], 'prefix', new Set(['Halden']))).toBe(
      'Marrow Herald reported that, according to the utility, Halden Water shut the plant on Sunday.',
    );
  });

  it('puts no second "according to" in the middle of a sentence that has one', () => {
    const sentence = 'According to the filing, the company cut 300 jobs in the first quarter, and it plans to cut more this year.';
    expect(attribute(sentence, ['Marrow Herald'], 'middle', none).match(/according to/gi)).toHaveLength(1);
  });

  it('still writes "According to P, …" and "…, P reported." for a sentence without an attribution', () => {
    const sentence = 'The plant was shut on Sunday after a routine test.';
    expect(attribute(sentence, ['Marrow Herald'], 'prefix', none)).toBe('According to Marrow Herald, the plant was shut on Sunday after a routine test.');
    expect(attribute(sentence, ['Marrow Herald'], 'suffix', none)).toBe('The plant was shut on Sunday after a routine test, Marrow Herald reported.');
  });
});
