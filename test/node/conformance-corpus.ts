// Reads the feedparser conformance corpus (test/fixtures/feedparser, BSD-2-Clause) in Node,
// for the workerd conformance test (via provide) and the eval script.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The corpus folder, inside the repository: a plain clone has everything the tests read. */
export const FEEDPARSER_CORPUS_DIR = fileURLToPath(new URL('../fixtures/feedparser', import.meta.url));

/** Every .xml/.json case under the given folders, as paths relative to the corpus and base64 bytes. */
export function readFeedparserCorpus(folders: readonly string[]): { path: string; base64: string }[] {
  const out: { path: string; base64: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(xml|json)$/.test(entry.name)) {
        out.push({ path: relative(FEEDPARSER_CORPUS_DIR, full).split('\\').join('/'), base64: readFileSync(full).toString('base64') });
      }
    }
  };
  if (!existsSync(FEEDPARSER_CORPUS_DIR)) {
    // Say what is missing instead of a bare ENOENT from deep inside the walk.
    throw new Error(`The feedparser corpus is not at ${FEEDPARSER_CORPUS_DIR}: it is part of the repository (test/fixtures/feedparser).`);
  }
  for (const folder of folders) walk(join(FEEDPARSER_CORPUS_DIR, folder));
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
