// parseFeed against the Python feedparser test corpus (test/fixtures/feedparser), per folder.
import { describe, expect, inject, it } from 'vitest';
import { conformanceTable, tallyConformance } from '../helpers/conformance-report';
import { folderOf, runCase } from '../helpers/feedparser-expect';

// Provided by test/node/global-setup.ts (workerd has no fs to read the corpus with).
declare module 'vitest' {
  export interface ProvidedContext {
    feedparserCorpus: { path: string; base64: string }[];
  }
}

/** Pass rates we reach today (pass / cases not skipped); a drop below any of them is a regression. */
const MINIMUM_PASS_RATE: Record<string, number> = {
  'wellformed/rss': 0.85,
  'wellformed/atom': 0.95,
  'wellformed/atom10': 0.95,
  'wellformed/rdf': 1,
  'wellformed/base': 0.85,
  'wellformed/sanitize': 0.95,
  encoding: 0.8,
  entities: 0.99,
  illformed: 1,
  json: 1,
};

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

describe('feedparser conformance corpus', () => {
  const files = inject('feedparserCorpus').map((f) => ({ path: f.path, bytes: fromBase64(f.base64) }));
  const tally = tallyConformance(files, folderOf, runCase);
  console.log(`feedparser conformance\n${conformanceTable(tally)}`);

  it('finds the corpus in test/fixtures', () => {
    expect(files.length).toBeGreaterThan(1500);
  });

  for (const [folder, minimum] of Object.entries(MINIMUM_PASS_RATE)) {
    it(`passes at least ${Math.round(minimum * 100)}% of ${folder}`, () => {
      const row = tally.folders.get(folder);
      expect(row, `no cases found in ${folder}`).toBeDefined();
      const failures = tally.failures.filter((f) => f.path.startsWith(`${folder}/`)).map((f) => `${f.path}: ${f.detail.slice(0, 200)}`);
      expect(row!.pass / (row!.pass + row!.fail), failures.join('\n')).toBeGreaterThanOrEqual(minimum);
    });
  }

  it('never crashes with anything but a FeedParseError', () => {
    expect(tally.failures.filter((f) => f.detail.startsWith('crashed')).map((f) => f.path)).toEqual([]);
  });
});
