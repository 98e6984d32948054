// Small, valid article fixtures for tests of the publish step and the editor API.
import type { ArticleDraft, CheckReport, SourceDoc } from '../../src/pipeline/types';

const CHECK_NAMES = ['schema', 'citations', 'source-diversity', 'numbers', 'quotes', 'entities', 'verbatim', 'freshness', 'duplicate', 'injection', 'links'];

export function sampleSources(now = new Date()): (SourceDoc & { itemId?: string })[] {
  const at = new Date(now.getTime() - 3_600_000).toISOString();
  return [
    { n: 1, publisher: 'Northwind Ledger', url: 'https://northwind-ledger.demo.invalid/a/1', title: 'Lumen Forge opens its 40-billion-parameter model', text: 'Lumen Forge released Atlas, a 40-billion-parameter model, under an open licence on Tuesday.', publishedAt: at },
    { n: 2, publisher: 'Harbor Signal', url: 'https://harbor-signal.demo.invalid/b/2', title: 'Atlas model goes open', text: 'Lumen Forge said Atlas was trained on 3 trillion tokens and is free for research and commercial use.', publishedAt: at },
  ];
}

export function sampleDraft(title = 'Lumen Forge opens its Atlas model to everyone'): ArticleDraft {
  return {
    title,
    dek: 'Both outlets report that the 40-billion-parameter model is free to use and adapt.',
    category: 'Open Source',
    tags: ['Lumen Forge', 'Atlas'],
    sections: [
      { heading: 'What was released', paragraphs: [{ text: 'Lumen Forge released Atlas, a model with 40 billion parameters, under an open licence.', citations: [1] }] },
      { heading: 'How it was trained', paragraphs: [{ text: 'The company said the model was trained on 3 trillion tokens of text.', citations: [2] }] },
    ],
    whatThisMeans: [{ text: 'Researchers and companies can run and adapt Atlas without asking Lumen Forge first.', citations: [1, 2] }],
    faq: [
      { question: 'Who released the Atlas model?', answer: { text: 'Lumen Forge released it, according to both reports.', citations: [1, 2] } },
      { question: 'How large is the Atlas model?', answer: { text: 'It has 40 billion parameters, Northwind Ledger reported.', citations: [1] } },
    ],
  };
}

/** A report with every check passing, or failing the named blocking checks. */
export function sampleReport(failing: string[] = []): CheckReport {
  const results = CHECK_NAMES.map((name) => ({
    name,
    passed: !failing.includes(name),
    severity: (name === 'entities' ? 'warn' : 'block') as 'warn' | 'block',
    details: failing.includes(name) ? [`section 1, paragraph 1: "${name}" finding for the editor`] : [],
  }));
  return { passed: results.every((r) => r.passed || r.severity === 'warn'), results, evidence: [] };
}
