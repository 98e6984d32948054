import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../../src/pipeline/check';
import { attributionsOf } from '../../../src/pipeline/check/extract/attribution';
import type { ArticleDraft } from '../../../src/pipeline/types';
import { EVAL_CATEGORIES, EVAL_NOW, EVAL_SITE, p, source } from '../../fixtures/checks/story';

describe('attribution structures', () => {
  const read = (text: string) => attributionsOf(text).map((a) => [a.speaker, a.verb, text.slice(a.content[0], a.content[1]).trim()]);

  it.each([
    ['Mayor Lena Ortiz announced the appointment on Tuesday.', 'Mayor Lena Ortiz', 'announced', 'the appointment on Tuesday.'],
    ['Fares will not rise this year, the agency said.', 'the agency', 'said', 'Fares will not rise this year,'],
    ['The case turns on another question, Barrett said during her first day of questions.', 'Barrett', 'said', 'The case turns on another question,'],
    ['“That will get better,” said Dr. Anthony Fauci, who leads the fight.', 'Dr. Anthony Fauci', 'said', '“That will get better,”'],
    ['The Prairie Journal, in an analysis, argued that the fight cannot be won.', 'The Prairie Journal', 'argued', 'that the fight cannot be won.'],
    ['Joe Biden, the Democratic nominee, said Monday that he is not a fan.', 'Joe Biden', 'said', 'Monday that he is not a fan.'],
    ['The measure has been widely celebrated by Republicans for its aims.', 'Republicans', 'celebrated', 'The measure has been widely celebrated by Republicans for its aims.'],
    ['Six senators joined the race, according to the Coastal Herald.', 'the Coastal Herald', 'according to', 'Six senators joined the race,'],
    ['Sources told KIRO-TV of the decision, with one source calling it "devastating."', 'one source', 'calling', 'it "devastating."'],
    ['Boyd alerted the committee in a letter, saying Democrats had soured the chances.', 'Boyd', 'saying', 'Democrats had soured the chances.'],
    ['Martha McSally: Abuse in the military is a national security threat', 'Martha McSally', ':', 'Abuse in the military is a national security threat'],
  ])('reads %s', (text, speaker, verb, content) => {
    expect(read(text)).toContainEqual([speaker, verb, content]);
  });

  it('reads no speaker in a noun, a negation, a naming or a figure', () => {
    expect(attributionsOf('All reports describe it as the first veto.').map((a) => a.speaker)).toEqual(['All reports']);
    expect(attributionsOf('Hutchinson has not yet said whether he will sign the bill.')).toEqual([]);
    expect(attributionsOf('The bill, called the For the People Act, would fail.')).toEqual([]);
    expect(attributionsOf('U.S. employers added 916,000 jobs in March.')).toEqual([]);
  });

  it('marks an attribution reported inside another speaker\'s words', () => {
    const [outer, inner] = attributionsOf("Bremmer's tweet claimed Trump had said that Kim is smarter.");
    expect(outer!.speaker).toBe("Bremmer's tweet");
    expect(inner).toMatchObject({ speaker: 'Trump', within: 0 });
  });
});

describe('speakers in paraphrase (entities check)', () => {
  const sources = [
    source(
      1,
      'Calder Courier',
      'transit-chief',
      3,
      'Harbor City names a new transit chief',
      'Mayor Lena Ortiz announced the appointment on Tuesday at a council briefing held online. The new chief, Omar Haddad, will start in May. ' +
        'The agency said fares would not rise this year. “We will rebuild trust in the buses,” Haddad said. He said the first changes to the timetables would come within weeks. ' +
        'City officials said the budget would cover forty new electric buses.',
    ),
    source(
      2,
      'Oxley Tribune',
      'transit-shakeup',
      4,
      'Transit shake-up in Harbor City',
      'Council member Priya Nair criticized the selection process as rushed. One rider advocate called the choice of an outsider "overdue." ' +
        'The city has had four transit chiefs in six years. Riders blame the turnover for chronic delays on the waterfront lines.',
    ),
  ];
  const draft = (text: string, citations: number[]): ArticleDraft => ({
    title: 'Harbor City picks a transit chief',
    dek: 'The city named Omar Haddad to run its buses.',
    category: 'Policy',
    tags: [],
    sections: [{ heading: 'The appointment', paragraphs: [p([1, 2], 'Harbor City has a new transit chief, Omar Haddad, who will start in May.'), p(citations, text)] }],
    whatThisMeans: [],
    faq: [],
  });
  const findings = (text: string, citations = [1, 2]) =>
    checkArticle(draft(text, citations), sources, { now: EVAL_NOW, siteName: EVAL_SITE, categories: EVAL_CATEGORIES })
      .results.find((r) => r.name === 'entities')!
      .details.filter((d) => /named as the speaker|credited to/.test(d));

  it.each([
    ['Mayor Lena Ortiz announced the appointment on Tuesday at a council briefing held online, the Calder Courier reported.'],
    ['Fares will not rise this year, the agency said.'],
    ['Haddad said the first changes to the timetables would come within weeks.'],
    ['City officials said the budget would cover forty new electric buses.'],
    ['The Oxley Tribune noted that the city has had four transit chiefs in six years.'],
    ['Harbor City has had four transit chiefs in six years, according to the Oxley Tribune.'],
  ])('lets a speaker the sources support stand: %s', (text) => {
    expect(findings(text)).toEqual([]);
  });

  it('flags a named speaker where the cited sentence names another, naming both', () => {
    expect(findings('Council member Priya Nair announced the appointment on Tuesday at a council briefing held online.')).toEqual([
      expect.stringContaining('"Council member Priya Nair" is named as the speaker, but [1] Calder Courier gives these words to Mayor Lena Ortiz'),
    ]);
  });

  it('flags a named speaker for words the source gives to someone it leaves unnamed', () => {
    expect(findings('Mayor Lena Ortiz called the choice of an outsider "overdue."')).toEqual([expect.stringContaining('but [2] Oxley Tribune gives these words to One rider advocate')]);
  });

  it('reads "he said" as the speaker before it', () => {
    expect(findings('Ortiz said the first changes to the timetables would come within weeks.')).toEqual([expect.stringContaining('gives these words to He')]);
  });

  it.each([
    ['a credit after another attribution', '"Riders blame the turnover for chronic delays on the waterfront lines," one advocate said, according to the Calder Courier.', '"Riders blame the turnover for chronic delays on the waterfront lines," one advocate said, according to the Oxley Tribune.'],
    ['"the paper" for the outlet named before it', 'The Calder Courier led with the delays: riders blame the turnover for chronic delays on the waterfront lines, the paper reported.', 'The Oxley Tribune led with the delays: riders blame the turnover for chronic delays on the waterfront lines, the paper reported.'],
    ['an outlet that ran a column', 'A Calder Courier column by Ruth Adair argued that riders blame the turnover for chronic delays on the waterfront lines.', 'An Oxley Tribune column by Ruth Adair argued that riders blame the turnover for chronic delays on the waterfront lines.'],
    ['"In the X, a writer …"', 'In the Calder Courier, a columnist recalled that riders blame the turnover for chronic delays on the waterfront lines.', 'In the Oxley Tribune, a columnist recalled that riders blame the turnover for chronic delays on the waterfront lines.'],
  ])('credits the outlet in %s with the words, and flags the wrong one', (_, wrong, right) => {
    // Words in quotation marks are found word for word in the outlet credited; other words by how much of them it reports.
    expect(findings(wrong).join(' ')).toMatch(/credited to Calder Courier, but (?:\[1\] Calder Courier does not report them; \[2\] Oxley Tribune does|\[2\] Oxley Tribune gives it and \[1\] Calder Courier does not)/);
    expect(findings(right)).toEqual([]);
  });

  it('credits a quotation said "on Tuesday, according to" the outlet, and leaves a contrasting credit its own clause', () => {
    const quote = '"Riders blame the turnover for chronic delays on the waterfront lines," one advocate said on Tuesday, according to the';
    expect(findings(`${quote} Calder Courier.`).join(' ')).toMatch(/credited to Calder Courier, but/);
    expect(findings(`${quote} Oxley Tribune.`)).toEqual([]);
    expect(findings('The city has had four transit chiefs in six years, the Oxley Tribune said, while the Calder Courier reported a new chief.')).toEqual([]);
  });

  it.each([
    ['"per the X"', 'Riders blame the turnover for chronic delays on the waterfront lines, per the Calder Courier.', 'Riders blame the turnover for chronic delays on the waterfront lines, per the Oxley Tribune.'],
    ['"According to X, Y said …"', 'According to the Calder Courier, one advocate said "riders blame the turnover for chronic delays."', 'According to the Oxley Tribune, one advocate said "riders blame the turnover for chronic delays."'],
    ['"Y told X"', '"Riders blame the turnover for chronic delays," one advocate told the Calder Courier.', '"Riders blame the turnover for chronic delays," one advocate told the Oxley Tribune.'],
  ])('flags a wrong outlet credited by %s, and passes the right one', (_, wrong, right) => {
    expect(findings(wrong).join(' ')).toMatch(/credited to Calder Courier/);
    expect(findings(right)).toEqual([]);
  });

  it('reads ", per the X," inside a sentence as a credit of the clause after it, and a quoted title as a name', () => {
    expect(findings('Riders blame the turnover for chronic delays on the waterfront lines and, per the Calder Courier, the new chief will start in May.')).toEqual([]);
    expect(findings('The Calder Courier said the program is called "Buses For Harbor City" and that riders blame the turnover for chronic delays.').join(' ')).not.toMatch(/the quotation/);
  });

  it('reads "per" after a figure as a rate, not a credit', () => {
    expect(findings('Fares will rise 10 cents per ride, per the Oxley Tribune, as riders blame the turnover for chronic delays.')).toEqual([]);
  });

  it('reads "the paper" as a study named after the outlet, not as the outlet', () => {
    expect(findings('The Calder Courier covered the pick. Planners wrote a study, and the paper said riders blame the turnover for chronic delays on the waterfront lines.')).toEqual([]);
  });

  it('reads no outlet into "the outlet" after a sentence naming two', () => {
    expect(findings('The Calder Courier and the Oxley Tribune both covered the pick. Riders blame the turnover for chronic delays on the waterfront lines, the outlet said.')).toEqual([]);
  });

  it('flags an outlet credited with what only another outlet reports', () => {
    expect(findings('The Calder Courier noted that riders blame the turnover for chronic delays on the waterfront lines.')).toEqual([
      expect.stringContaining('these words are credited to Calder Courier, but [1] Calder Courier does not report them; [2] Oxley Tribune does'),
    ]);
  });
});
