// Scratch: why a who-did-what or speaker error is missed (alignment score, source sentence, names).
import { buildContext, sourcesFor } from '../../src/pipeline/check/context';
import { alignments } from '../../src/pipeline/check/align';
import { passageSentences } from '../../src/pipeline/check/passages';
import { eventSources, eventsByIndex, modelDrafts } from './checks-real-news';
const events = eventsByIndex(process.env.NEUS_DIR!);
for (const d of modelDrafts().filter((x) => x.set === 'dev' && ['who-did-what', 'speaker'].includes(x.error.kind))) {
  const text = JSON.stringify(d.draft).replace(JSON.stringify(d.error.find).slice(1, -1), JSON.stringify(d.error.replace).slice(1, -1));
  const draft = JSON.parse(text);
  const ctx = buildContext(draft, eventSources(events.get(d.event)!), {});
  for (const p of ctx.passages) for (const part of passageSentences(p)) {
    if (!part.text.includes(d.error.replace.slice(0, 30))) continue;
    const pool = sourcesFor(ctx, p);
    const top = alignments(ctx, part, pool).slice(0, 2);
    console.log(`\n${d.event} ${d.error.kind}: ${part.text.slice(0, 160)}`);
    for (const a of top) console.log(`   ${a.score.toFixed(2)} [${a.sentence.n}] ${a.sentence.text.slice(0, 160)}`);
  }
}
