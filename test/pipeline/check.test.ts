import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/pipeline/check';
import { storiesA } from '../fixtures/checks/stories-a';
import { EVAL_CATEGORIES, EVAL_NOW, EVAL_SITE } from '../fixtures/checks/story';

const story = storiesA[0]!;
const policy = { now: EVAL_NOW, siteName: EVAL_SITE, categories: EVAL_CATEGORIES };

describe('checkArticle', () => {
  it('reports all twelve checks in the stable order and passes a clean article', () => {
    const report = checkArticle(story.draft, story.sources, policy);
    expect(report.results.map((r) => r.name)).toEqual([
      'schema', 'citations', 'source-diversity', 'numbers', 'quotes', 'entities', 'verbatim', 'freshness', 'duplicate', 'injection', 'links', 'readability',
    ]);
    expect(report.results.filter((r) => !r.passed)).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('blocks on every check but entities by default, and honours severity overrides', () => {
    const report = checkArticle(story.draft, story.sources, { ...policy, severity: { entities: 'block', duplicate: 'warn' } });
    const sev = Object.fromEntries(report.results.map((r) => [r.name, r.severity]));
    expect(sev.entities).toBe('block');
    expect(sev.duplicate).toBe('warn');
    expect(sev.numbers).toBe('block');
    expect(checkArticle(story.draft, story.sources, policy).results.find((r) => r.name === 'entities')!.severity).toBe('warn');
  });

  it('passes when only a warning check fails, and fails when a blocking check fails', () => {
    const draft = structuredClone(story.draft);
    draft.sections[1]!.paragraphs[1]!.text += ' Analysts at Quorn Partners agreed.';
    const warned = checkArticle(draft, story.sources, policy);
    expect(warned.results.find((r) => r.name === 'entities')!.passed).toBe(false);
    expect(warned.passed).toBe(true);
    const stale = checkArticle(story.draft, story.sources, { ...policy, now: '2026-04-01T00:00:00Z' });
    expect(stale.passed).toBe(false);
  });

  it('holds an article whose only sources are the publication itself', () => {
    const own = story.sources.map((s) => ({ ...s, publisher: EVAL_SITE }));
    const report = checkArticle(story.draft, own, policy);
    expect(report.passed).toBe(false);
    expect(report.results.find((r) => r.name === 'source-diversity')!.details).toEqual([
      'the only cited sources are Digital Mind News itself: no real source behind the claims',
    ]);
    expect(report.results.find((r) => r.name === 'citations')!.details).toContain(
      'every cited source is Digital Mind News itself: no real source behind the claims',
    );
  });

  it('counts cited sources with the same title and text under two publishers as one family', () => {
    const [one, two] = story.sources;
    const mirrored = { ...two!, title: one!.title, text: one!.text, publishedAt: one!.publishedAt > two!.publishedAt ? one!.publishedAt : two!.publishedAt };
    const sources = story.sources.map((s) => (s.n === two!.n ? mirrored : s));
    const diversity = (docs: typeof sources) => checkArticle(story.draft, docs, { ...policy, minPublishers: story.sources.length }).results.find((r) => r.name === 'source-diversity')!;
    expect(diversity(story.sources).passed).toBe(true);
    expect(diversity(sources).passed).toBe(false);
    expect(diversity(sources).details[0]).toContain(`${one!.publisher.toLowerCase()} (`);
  });

  it('treats sources on our own host as our own', () => {
    const own = story.sources.map((s) => ({ ...s, url: `https://news.test/articles/${s.n}` }));
    const report = checkArticle(story.draft, own, { ...policy, siteUrl: 'https://news.test' });
    expect(report.results.find((r) => r.name === 'source-diversity')!.passed).toBe(false);
  });

  it('survives a malformed draft and reports it under schema', () => {
    const report = checkArticle({ title: 'x' } as never, story.sources, policy);
    expect(report.passed).toBe(false);
    expect(report.results).toHaveLength(12);
    expect(report.results[0]!.details.length).toBeGreaterThan(0);
  });

  it('survives parts of the draft of another type (a null section, a string for a list) and sources it cannot read', () => {
    for (const bad of [{ ...story.draft, sections: [null] }, { ...story.draft, sections: 'abc' }, { ...story.draft, faq: [null] }]) {
      const report = checkArticle(bad as never, story.sources, policy);
      expect(report.passed).toBe(false);
      expect(report.results.find((r) => r.name === 'schema')!.passed).toBe(false);
    }
    const report = checkArticle(story.draft, [...story.sources, null] as never, policy);
    expect(report.passed).toBe(false);
    expect(report.results).toHaveLength(12);
    expect(report.results[0]!.details[0]).toMatch(/the sources could not be read/);
  });
});

describe('checkArticle on an over-long draft', () => {
  it('holds it on the schema check and does not spend CPU reading the rest', () => {
    const story = storiesA[0]!;
    const draft = structuredClone(story.draft);
    draft.sections[0]!.paragraphs[0]!.text = '5% of Ab '.repeat(5_000);
    const started = Date.now();
    const report = checkArticle(draft, story.sources, { now: EVAL_NOW, siteName: EVAL_SITE, categories: EVAL_CATEGORIES });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(report.passed).toBe(false);
    expect(report.results.find((r) => r.name === 'schema')?.details.join(' ')).toMatch(/sections\.0\.paragraphs\.0\.text/);
    expect(report.results.find((r) => r.name === 'numbers')?.details[0]).toMatch(/^not run: a text field of 45000 characters/);
    expect(report.results).toHaveLength(12);
  });
});
