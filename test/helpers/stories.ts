// Stories and articles written straight into D1, for tests of runs, workflows and the editor API.
import { env } from 'cloudflare:workers';
import type { Db } from '../../src/db/client';
import { items, sources, stories } from '../../src/db/schema';
import { publishArticle } from '../../src/pipeline/publish';
import { sampleDraft, sampleReport, sampleSources } from './draft';

/** Two stories, each reported by two publishers, written straight into D1 (no feeds to fetch). */
export async function seedTwoStories(db: Db, now = new Date()) {
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
  await db.insert(sources).values([
    { id: 'wire-a', name: 'Wire A', publisher: 'Wire A', feedUrl: 'https://a.example/feed', enabled: false },
    { id: 'wire-b', name: 'Wire B', publisher: 'Wire B', feedUrl: 'https://b.example/feed', enabled: false },
  ]);
  const item = (id: string, sourceId: string, title: string, text: string, m: number) => ({
    id,
    sourceId,
    publisher: sourceId === 'wire-a' ? 'Wire A' : 'Wire B',
    guid: id,
    url: `https://${sourceId}.example/${id}`,
    canonicalUrl: `https://${sourceId}.example/${id}`,
    title,
    contentText: text,
    publishedAt: minutesAgo(m),
    fetchedAt: now.toISOString(),
    snapshotKey: `raw/${sourceId}/x.xml`,
    contentHash: id,
  });
  await db.insert(items).values([
    item('a1', 'wire-a', 'Orrery Labs recalls its Sextant home robot after battery fires', 'Orrery Labs recalled 40,000 Sextant home robots on Monday after reports of battery fires in Kestria. The company said owners would get a full refund.', 60),
    item('b1', 'wire-b', 'Sextant robot recall: Orrery Labs pulls 40,000 units over fires', 'Orrery Labs is recalling 40,000 Sextant home robots because of battery fires, the company said on Monday. Owners in Kestria will get a refund.', 50),
    item('a2', 'wire-a', 'Tamsin Bank fined for automated loan refusals in Valdoria', 'The Valdoria banking authority fined Tamsin Bank 1.2 million euros over automated loan refusals. The bank said it would appeal the decision.', 40),
    item('b2', 'wire-b', 'Valdoria regulator fines Tamsin Bank over loan algorithm', 'Tamsin Bank must pay a 1.2 million euro fine after its loan algorithm refused applicants unfairly in Valdoria, the banking authority said.', 30),
  ]);
}

/** A story and its published (or, with failing checks, held) sample article. */
export async function publishSampleArticle(db: Db, storyId: string, failing: string[] = []) {
  const now = new Date();
  await db.insert(stories).values({ id: storyId, key: storyId, title: 'A story', firstSeenAt: now.toISOString(), lastSeenAt: now.toISOString(), status: 'ready' });
  return publishArticle(
    { db, store: env.STORE, autoPublish: true, now },
    {
      storyId,
      sourceSetHash: 'h1',
      sources: sampleSources(now),
      draft: sampleDraft(`Lumen Forge opens its Atlas model to everyone (${storyId})`),
      report: sampleReport(failing),
      writer: { name: 'extractive' },
      coverSvg: () => '<svg xmlns="http://www.w3.org/2000/svg"/>',
    },
  );
}
