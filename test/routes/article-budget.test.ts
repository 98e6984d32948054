import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftBodyText } from '../../src/lib/draft-text';
import { wordCount } from '../../src/lib/text';
import { longDraft, seedArticle } from '../helpers/seed';

const draft = longDraft(1200);

beforeAll(async () => {
  await seedArticle({
    slug: 'harborview-computing-centre',
    draft,
    category: 'Policy',
    versions: 3,
    corrections: [{ text: 'An earlier version misstated the number of colleges taking part.' }],
    actions: [{ action: 'correction', reason: 'Reader report' }],
  });
});

describe('article page budget', () => {
  it('renders a ~1,200-word article in under 30 KB of HTML with zero executable scripts', async () => {
    expect(wordCount(draftBodyText(draft))).toBeGreaterThanOrEqual(1150);
    const res = await exports.default.fetch('https://news.test/articles/harborview-computing-centre');
    expect(res.status).toBe(200);
    const html = await res.text();
    const bytes = new TextEncoder().encode(html).length;
    expect(bytes).toBeLessThan(30 * 1024);
    const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => s !== '<script type="application/ld+json">')).toEqual([]);
    console.log(`article page: ${bytes} bytes for ${wordCount(draftBodyText(draft))} words`);
  });
});
