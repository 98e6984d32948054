import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../../src/pipeline/check';
import { extractEntities, extractStatusClaims } from '../../../src/pipeline/check/extract/entities';
import { storiesA } from '../../fixtures/checks/stories-a';
import { EVAL_CATEGORIES, EVAL_NOW, EVAL_SITE } from '../../fixtures/checks/story';

describe('name extraction', () => {
  it('finds multi-word names and acronyms, not calendar words, titles or sentence-initial words alone', () => {
    const found = extractEntities('On Tuesday the Data Standards Office fined Tarnbrook Health. NASA agreed. The CEO said What This Means.').map((e) => e.raw);
    expect(found).toEqual(['Data Standards Office', 'Tarnbrook Health', 'NASA']);
  });

  it.each([
    ['former chief executive Ada Lin', 'former', 'Ada Lin'],
    ['the acting CEO Bo Park', 'acting', 'Bo Park'],
    ['ex-minister Ruth Okafor', 'ex', 'Ruth Okafor'],
    ['the late Owen Blake', 'late', 'Owen Blake'],
  ])('reads the status in %s', (text, status, name) => {
    expect(extractStatusClaims(text)).toMatchObject([{ status, name }]);
  });

  it('does not read "late March" or "former employees" as a status claim', () => {
    expect(extractStatusClaims('in late March, former employees said')).toEqual([]);
  });
});

describe('entities check', () => {
  const story = storiesA[0]!;
  const policy = { now: EVAL_NOW, siteName: EVAL_SITE, categories: EVAL_CATEGORIES };
  const run = (text: string, citations = [1]) => {
    const draft = structuredClone(story.draft);
    draft.sections[0]!.paragraphs[1] = { text, citations };
    return checkArticle(draft, story.sources, policy).results.find((r) => r.name === 'entities')!;
  };

  it('passes names from the cited source, our own name and categories', () => {
    expect(run('Ada Lin told Digital Mind News readers in Open Source circles that Harwick Systems would cut jobs.').details).toEqual([]);
  });

  it('flags a name no cited source has, and warns rather than blocks', () => {
    const r = run('Harwick Systems said Pellan Research had advised it on the restructuring plan.');
    expect(r.severity).toBe('warn');
    expect(r.details).toEqual([
      'section 1 ("The cuts"), paragraph 2: "Pellan Research" is not in the cited [1] Calder Courier (it is in [3] Oxley Tribune, which the paragraph does not cite) — "Harwick Systems said Pellan Research had advised it on the restructuring plan."',
    ]);
  });

  it('accepts the cited publishers\' names, also two joined by "and"', () => {
    expect(run('Calder Courier and Oxley Tribune reported that Harwick Systems will cut 1,302 positions.', [1, 3]).details).toEqual([]);
  });

  it('flags a name put where the cited source gives another name', () => {
    const swapped = run('Harwick Systems chief executive Mira Sato said the cuts would fall mostly on customer support teams.', [1, 3]);
    expect(swapped.details.join(' ')).toContain('"Mira Sato"');
    expect(run('Harwick Systems chief executive Ada Lin said the cuts would fall mostly on customer support teams.', [1, 3]).details).toEqual([]);
  });

  it('flags a quotation given to a person the source does not give it to', () => {
    const r = run('"Support is where customers feel a company first," said Ada Lin of Harwick Systems.', [1, 3]);
    expect(r.details.join(' ')).toContain('is named as the speaker, but [3] Oxley Tribune gives the quotation to Sato');
  });

  it('flags a status word the sources do not support', () => {
    expect(run('The plan was explained by former chief executive Ada Lin in Dunmore.').details).toEqual([
      'section 1 ("The cuts"), paragraph 2: "former chief executive Ada Lin" calls Ada Lin former, which the cited [1] Calder Courier does not say — "The plan was explained by former chief executive Ada Lin in Dunmore."',
    ]);
  });
});
