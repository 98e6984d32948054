// Prints how many feedparser corpus cases parseFeed passes, per folder: `npm run eval:conformance`.
import { CONFORMANCE_FOLDERS, folderOf, runCase } from '../helpers/feedparser-expect';
import { readFeedparserCorpus } from '../node/conformance-corpus';
import { conformanceTable, tallyConformance } from '../helpers/conformance-report';

const files = readFeedparserCorpus(CONFORMANCE_FOLDERS).map((f) => ({ path: f.path, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }));
const started = performance.now();
const tally = tallyConformance(files, folderOf, runCase);
console.log(conformanceTable(tally));
console.log(`${files.length} cases in ${Math.round(performance.now() - started)} ms`);
if (process.argv.includes('--failures')) for (const f of tally.failures) console.log(`FAIL ${f.path}: ${f.detail}`);
if (process.argv.includes('--skips')) for (const [reason, n] of tally.skipReasons) console.log(`SKIP ${n} × ${reason}`);
