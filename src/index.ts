/** Worker entry: the reader/editor app, the cron trigger and the per-story workflow. */
import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from 'cloudflare:workers';
import { app } from './app';
import type { Bindings } from './env';

/** Synthesize -> check -> publish for one story version (built by the pipeline issues). */
export class StoryWorkflow extends WorkflowEntrypoint<Bindings, { storyId: string }> {
  override async run(event: WorkflowEvent<{ storyId: string }>, step: WorkflowStep) {
    return step.do('noop', async () => ({ storyId: event.payload.storyId }));
  }
}

export default {
  fetch: app.fetch,
  async scheduled(_controller, _env, _ctx) {
    // The newsroom run (ingest -> cluster -> start workflows) lands with the pipeline issues.
  },
} satisfies ExportedHandler<Bindings>;
