// npm run eval:checks — detection rate per corruption type and false holds on clean articles.
import { evaluationSet } from '../fixtures/checks/index';
import { evaluate, missedTargets, pct, DETECTION_TARGETS } from '../fixtures/checks/metrics';

const verbose = process.argv.includes('--verbose');
const { stories, skipped } = evaluationSet();
const started = performance.now();
const e = evaluate(stories);
const ms = performance.now() - started;

const byOrigin = (o: string) => stories.filter((s) => s.origin === o).length;
console.log(`clean articles: ${e.clean.total} (${byOrigin('hand')} hand-written, ${byOrigin('extractive')} extractive drafts of the demo newswire)`);
for (const s of skipped) console.log(`  skipped (extractive writer failed): ${s}`);
console.log(`false holds: ${e.clean.held}/${e.clean.total} = ${pct(e.clean.falseHoldRate)} (limit 3.0%)`);
for (const h of e.clean.holds) console.log(`  held: ${h}`);
console.log(`entities warnings on clean articles: ${e.clean.entityFlags}/${e.clean.total} = ${pct(e.clean.entityFlagRate)}`);
if (verbose) for (const f of e.clean.flags) console.log(`  flag: ${f}`);
console.log('\ncorruption               caught/total   rate    target');
for (const t of e.byType) {
  console.log(`${t.type.padEnd(24)} ${`${t.caught}/${t.total}`.padStart(11)}  ${pct(t.rate).padStart(6)}  ${pct(DETECTION_TARGETS[t.type]).padStart(6)}`);
  if (verbose || t.rate < DETECTION_TARGETS[t.type]) for (const m of t.misses) console.log(`    missed ${m}`);
}
console.log(`\n(${ms.toFixed(0)} ms for the whole evaluation)`);
const missed = missedTargets(e);
if (missed.length) {
  console.log(`\nBELOW TARGET:\n  ${missed.join('\n  ')}`);
  process.exitCode = 1;
}
