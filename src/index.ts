/** Worker entry: the reader/editor app, the cron trigger, the ingest queue's consumer and the per-story workflow. */
import { app } from './app';
import type { Bindings } from './env';
import { handleIngestBatch, runScheduled, type IngestMessage } from './newsroom';

export { StoryWorkflow } from './workflow';

export default {
  fetch: app.fetch,
  // Awaited, not left to waitUntil: a cron invocation may run for minutes, waitUntil only briefly.
  async scheduled(_controller, env, _ctx) {
    const run = await runScheduled(env);
    if (run.errors.length) console.warn(`run ${run.id}: ${run.status}, ${run.errors.length} problem(s):`, run.errors.slice(0, 20));
  },
  // The ingest queue and its dead-letter queue; the batch that lands a run's last source finishes the run.
  async queue(batch, env, _ctx) {
    for (const run of await handleIngestBatch(env, batch as MessageBatch<IngestMessage>)) {
      if (run.errors.length) console.warn(`run ${run.id}: ${run.status}, ${run.errors.length} problem(s):`, run.errors.slice(0, 20));
    }
  },
} satisfies ExportedHandler<Bindings>;
