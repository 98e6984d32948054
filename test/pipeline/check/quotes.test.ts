import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../../src/pipeline/check';
import { extractQuotes, sameSpeaker, speakerOf } from '../../../src/pipeline/check/extract/quotes';
import { storiesA } from '../../fixtures/checks/stories-a';
import { EVAL_NOW } from '../../fixtures/checks/story';

describe('quote extraction', () => {
  it.each([
    ['He said "we will ship it" today.', 'we will ship it'],
    ['He said “we will ship it” today.', 'we will ship it'],
    ["He said ‘we will ship it’ today.", 'we will ship it'],
    ["He said 'we don't ship it' today.", "we don't ship it"],
  ])('finds the quotation in %s', (text, inner) => {
    expect(extractQuotes(text).map((q) => q.inner)).toEqual([inner]);
  });

  it('does not read a plural possessive as a quotation mark', () => {
    expect(extractQuotes("the companies' plans were late")).toEqual([]);
  });

  it.each([
    ['"We will ship," said Ada Lin, the chief executive.', 'Ada Lin'],
    ['"We will ship," Lin said.', 'Lin'],
    ['"We will ship," said Corvane operations chief Selma Varga.', 'Selma Varga'],
    ['Ada Lin, Harwick\'s chief executive, said "we will ship".', 'Ada Lin'],
    ['"We will ship," she said.', null],
    ['"We will ship," the company told reporters on Tuesday.', null],
    ['"Enhancement is a lead," said Dr. Amara Okafor.', 'Dr Amara Okafor'],
    ['"This was a known hole," said Ruben Achebe-Lindahl of the Open Network Users Group, a volunteer group.', 'Ruben Achebe-Lindahl'],
    ['"We would rather pay for turbines," said Ferncastle\'s head of energy, Tobias Marangoni.', 'Tobias Marangoni'],
    ['Chair Bronwen Tegid said the company had promised figures "before the concrete is poured." Ferncastle said the site would be cooled.', 'Chair Bronwen Tegid'],
    ['“Was the mayor paid for these books?” — Party Chair Ronna Maddox, in a tweet, April 26', 'Party Chair Ronna Maddox'],
    ['They could not prove he “acted in willful violation of the law” — while noting that Garner was not held.', null],
  ])('names the speaker of %s', (text, who) => {
    const [q] = extractQuotes(text);
    expect(speakerOf(text, q!.start, q!.end)).toBe(who);
  });

  it('matches a surname to a full name', () => {
    expect(sameSpeaker('Ada Lin', 'Lin')).toBe(true);
    expect(sameSpeaker('Dr. Ada Lin', 'Bo Park')).toBe(false);
  });
});

describe('quotes check', () => {
  const story = storiesA[0]!;
  const run = (text: string, citations = [1]) => {
    const draft = structuredClone(story.draft);
    draft.sections[0]!.paragraphs[1] = { text, citations };
    return checkArticle(draft, story.sources, { now: EVAL_NOW }).results.find((r) => r.name === 'quotes')!;
  };

  it('accepts a verbatim quotation in either quote style, with a different first-letter case', () => {
    expect(run('Lin said the company was “asking fewer people to do more interesting work,” and nothing more.').details).toEqual([]);
    expect(run("Lin put it plainly: 'We owe the people leaving a fair exit.'").details).toEqual([]);
  });

  it('flags an altered quotation', () => {
    expect(run('"We are asking fewer people to do far more interesting work," Lin said.').details).toEqual([
      'section 1 ("The cuts"), paragraph 2: the quotation "We are asking fewer people to do far more interesting work," is not word for word in the cited [1] Calder Courier',
    ]);
  });

  it('flags a quotation from a source the paragraph does not cite', () => {
    expect(run('"Automation is being used as a reason, not a plan," Park said.').details[0]).toContain(
      'is not word for word in the cited [1] Calder Courier (it is in [2] Brightwater Signal, which the paragraph does not cite)',
    );
  });

  it('flags a quotation attributed to the wrong speaker', () => {
    expect(run('"We owe the people leaving a fair exit," said Mira Sato.').details).toEqual([
      'section 1 ("The cuts"), paragraph 2: the quotation "We owe the people leaving a fair exit," is attributed to Mira Sato, but [1] Calder Courier attributes it to Ada Lin',
    ]);
  });

  it('checks two-word scare quotes for presence in a cited source, not for their speaker', () => {
    expect(run('Harwick calls the change a "fair exit" for the people who leave the company.').details).toEqual([]);
    expect(run('Harwick calls the change a "generous exit" for the people who leave the company.').details.join(' ')).toMatch(/generous exit/);
  });
});

describe('a quotation without words', () => {
  it('is checked like any other attribution instead of breaking a check', () => {
    const story = storiesA.find((s) => s.sources.some((src) => src.text.includes('said Ada Lin')))!;
    const draft = structuredClone(story.draft);
    draft.sections[0]!.paragraphs[0]!.text = '"…," said Ada Lin, and the rest of this paragraph is plain.';
    const report = checkArticle(draft, story.sources, { now: EVAL_NOW });
    expect(report.results.flatMap((r) => r.details).filter((d) => d.includes('could not run'))).toEqual([]);
  });
});
