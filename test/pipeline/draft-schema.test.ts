import { describe, expect, it } from 'vitest';
import { draftSchema } from '../../src/pipeline/draft-schema';
import { sampleDraft } from '../helpers/draft';

const schema = draftSchema([1, 2]);
const problems = (draft: unknown) => {
  const parsed = schema.safeParse(draft);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the draft schema refuses markup', () => {
  it('refuses a tag that is never closed, which a feed reader would close itself', () => {
    const draft = { ...sampleDraft(), dek: 'Both outlets report on the model and a telescope <svg onload=alert(1)//' };
    expect(problems(draft)).toEqual(['dek: contains HTML markup']);
  });

  it.each([
    ['a closing tag', 'The model was released </title><script>alert(1)</script> on Tuesday.'],
    ['a comment opener', 'The model was released <!-- hidden --> under an open licence.'],
    ['a processing instruction', 'The model was released <?xml-stylesheet href=x?> under an open licence.'],
    ['an unclosed image', 'The model was released under an open licence <img src=x onerror=alert(1)'],
  ])('refuses %s in a paragraph', (_, text) => {
    const draft = sampleDraft();
    draft.sections[0]!.paragraphs[0]!.text = text;
    expect(problems(draft)).toEqual(['sections.0.paragraphs.0.text: contains HTML markup']);
  });

  it('refuses markup in the category and the tags, which editors can set too', () => {
    expect(problems({ ...sampleDraft(), category: 'Open <b' })).toEqual(['category: contains HTML markup']);
    expect(problems({ ...sampleDraft(), tags: ['Atlas', '<svg/onload=alert(1)>'] })).toEqual(['tags.1: contains HTML markup']);
    expect(problems({ ...sampleDraft(), tags: ['Atlas', 'javascript:alert(1)'] })).toEqual(['tags.1: contains a script or data URL']);
  });

  it('still accepts a less-than sign that opens no tag', () => {
    const draft = sampleDraft();
    draft.sections[0]!.paragraphs[0]!.text = 'Lumen Forge said latency stayed < 5 ms and that 3<4 in every test it ran.';
    expect(problems(draft)).toEqual([]);
  });
});
