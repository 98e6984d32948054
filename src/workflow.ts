/**
 * StoryWorkflow: one instance per story version (`{storyId}-v{sourceSetHash}`).
 * Each step's result is durable, so a failure while publishing retries the publish
 * step without paying for the model call again.
 */
import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from 'cloudflare:workers';
import { NonRetryableError } from 'cloudflare:workflows';
import { eq } from 'drizzle-orm';
import { openDb } from './db/client';
import { stories } from './db/schema';
import { loadConfig, type Bindings } from './env';
import { purgeArticle } from './lib/cache';
import { articleImages } from './pipeline/article-images';
import { publishArticle } from './pipeline/publish';
import { loadStorySources } from './pipeline/stories';
import { checkPolicy, checkWithRevision, recentArticles, writeArticle, type StorySource } from './pipeline/story';
import { chooseWriter } from './pipeline/synthesize';

export interface StoryParams {
  storyId: string;
  sourceSetHash: string;
}

export { storyInstanceId } from './pipeline/story-start';

const MODEL_STEP = { retries: { limit: 2, delay: '30 seconds', backoff: 'exponential' }, timeout: '5 minutes' } as const;
const DB_STEP = { retries: { limit: 5, delay: '5 seconds', backoff: 'exponential' }, timeout: '1 minute' } as const;

export class StoryWorkflow extends WorkflowEntrypoint<Bindings, StoryParams> {
  override async run(event: WorkflowEvent<StoryParams>, step: WorkflowStep) {
    const { storyId, sourceSetHash } = event.payload;
    const config = loadConfig(this.env);
    const db = openDb(this.env.DB);
    const writer = chooseWriter(config, this.env);

    const sources = await step.do('load sources', DB_STEP, async () => {
      const docs = await loadStorySources(db, storyId);
      if (docs.length === 0) throw new NonRetryableError(`Story ${storyId} has no usable sources.`);
      return docs as StorySource[];
    });

    await step.do('mark writing', DB_STEP, async () => {
      await db.update(stories).set({ status: 'writing', updatedAt: new Date().toISOString() }).where(eq(stories.id, storyId));
      return true;
    });

    const written = await step.do('synthesize', MODEL_STEP, () => writeArticle({ db, writer, config }, sources));
    if (!written.ok) {
      await step.do('mark failed', DB_STEP, async () => {
        await db
          .update(stories)
          .set({ status: 'failed', failureReason: written.reason, failureReportedAt: null, updatedAt: new Date().toISOString() })
          .where(eq(stories.id, storyId));
        return written.reason;
      });
      return { storyId, status: 'failed' as const, reason: written.reason };
    }

    const checked = await step.do('check', MODEL_STEP, async () => {
      const now = new Date();
      return checkWithRevision({ writer, config }, written, checkPolicy(config, now, await recentArticles(db, storyId, now)));
    });

    const published = await step.do('publish', DB_STEP, () =>
      publishArticle(
        { db, store: this.env.STORE, autoPublish: config.AUTO_PUBLISH, now: new Date() },
        {
          storyId,
          sourceSetHash,
          sources: written.sources,
          draft: checked.draft,
          report: checked.report,
          writer: written.writer,
          notes: [...written.notes, ...checked.notes],
          ...articleImages(checked.draft, written.sources, config.SITE_NAME),
        },
      ),
    );

    if (published.created && published.status === 'published') {
      await step.do('purge cache', async () => purgeArticle(caches.default, config.SITE_URL, published));
    }
    return { storyId, status: published.status, slug: published.slug, version: published.version };
  }
}
