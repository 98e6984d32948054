import { checkArticle } from '../../src/pipeline/check';
import { eventSources, eventsByIndex, modelDrafts } from './checks-real-news';
const events = eventsByIndex(process.env.NEUS_DIR!);
const id = Number(process.argv[2]);
const d = modelDrafts().find((x) => x.event === id)!;
const draft = JSON.parse(JSON.stringify(d.draft).replace(JSON.stringify(d.error.find).slice(1, -1), JSON.stringify(d.error.replace).slice(1, -1)));
const r = checkArticle(draft, eventSources(events.get(id)!), {});
for (const x of r.results) if (!x.passed) console.log(x.name, x.details);
console.log(JSON.stringify(draft).includes(d.error.replace.slice(0, 20)));
