import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../../../src/pipeline/check';
import { draftSchema, describeIssues } from '../../../../src/pipeline/draft-schema';
import { synthesizeStory } from '../../../../src/pipeline/synthesize';
import { composeArticle, EXTRACTIVE_PROVENANCE, extractiveWriter } from '../../../../src/pipeline/synthesize/writers/extractive';
import { demoStories } from '../../../helpers/demo-stories';

const CATEGORIES = ['Enterprise', 'Research', 'Policy', 'Security', 'Open Source', 'Industry'];
const stories = demoStories().filter((s) => s.publishers.size >= 2);

describe('extractiveWriter', () => {
  it('has demo stories with two or more publishers to write', () => {
    expect(stories.length).toBeGreaterThanOrEqual(5);
  });

  for (const story of stories) {
    describe(`demo story ${story.key}`, () => {
      const draft = composeArticle(story.sources, CATEGORIES);

      it('produces a draft that satisfies the ArticleDraft schema', () => {
        const parsed = draftSchema(story.sources.map((s) => s.n)).safeParse(draft);
        expect(parsed.success ? [] : describeIssues(parsed.error)).toEqual([]);
      });

      it('cites at least two publishers and files the story under a configured category', () => {
        const cited = new Set(
          [...draft.sections.flatMap((s) => s.paragraphs), ...draft.whatThisMeans, ...draft.faq.map((f) => f.answer)]
            .flatMap((p) => p.citations)
            .map((n) => story.sources.find((s) => s.n === n)!.publisher),
        );
        expect(cited.size).toBeGreaterThanOrEqual(2);
        expect(CATEGORIES).toContain(draft.category);
      });

      it('passes every blocking check against its own sources', () => {
        const report = checkArticle(draft, story.sources, { categories: CATEGORIES });
        const blocking = report.results.filter((r) => !r.passed && r.severity === 'block');
        expect(blocking.map((r) => `${r.name}: ${r.details.join(' | ')}`)).toEqual([]);
        expect(report.passed).toBe(true);
      });
    });
  }

  it('writes the same article twice for the same sources', () => {
    const story = stories[0]!;
    expect(composeArticle(story.sources, CATEGORIES)).toEqual(composeArticle(story.sources, CATEGORIES));
  });

  it('attributes each differing figure to its own publisher', () => {
    const story = stories.find((s) => s.key === 'tidewater-7b-release');
    expect(story, 'the demo newswire has the Tidewater story').toBeDefined();
    const draft = composeArticle(story!.sources, CATEGORIES);
    const differ = draft.sections.find((s) => s.heading === 'Where the accounts differ');
    expect(differ?.paragraphs[0]?.text).toMatch(/Harbor Signal reports 6 gigabytes.*Gazette Alpine reports 5\.5 gigabytes/);
  });

  it('keeps quotations verbatim and names the speaker the source names', () => {
    const story = stories.find((s) => s.key === 'ember-40b-release')!;
    const draft = composeArticle(story.sources, CATEGORIES);
    const quotes = draft.sections.find((s) => s.heading === 'In their own words')!.paragraphs;
    expect(quotes.some((p) => p.text.includes('"We did not expect this," Dr. Amara Okafor said, according to Northwind Ledger.'))).toBe(true);
  });

  it('goes through synthesizeStory unchanged and is labelled as written without a model', async () => {
    const story = stories[0]!;
    const writer = extractiveWriter();
    expect(writer.name).toBe('extractive');
    expect(writer.model).toBeUndefined();
    expect(EXTRACTIVE_PROVENANCE).toBe('written by the extractive writer (no language model)');
    const draft = await synthesizeStory(story.sources, writer, { categories: CATEGORIES });
    expect(draft).toEqual(composeArticle(story.sources, CATEGORIES));
  });
});
