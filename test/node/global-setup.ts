// Runs in Node before the workerd test pool: starts the loopback servers the tests
// use and hands their base URLs to the tests through `inject()`.
import type { TestProject } from 'vitest/node';
import { startModelStub } from './model-stub-server';
import { startNewswire } from './newswire-server';
import { readFeedparserCorpus } from './conformance-corpus';
import { CONFORMANCE_FOLDERS } from '../helpers/conformance-folders';

declare module 'vitest' {
  export interface ProvidedContext {
    newswireUrl: string;
    modelStubUrl: string;
    /** The feedparser conformance cases (workerd has no fs): path + base64 bytes. */
    feedparserCorpus: { path: string; base64: string }[];
  }
}

export default async function setup(project: TestProject) {
  // vitest.config.ts chose the port and configured it as the Worker's only loopback port.
  const newswire = await startNewswire({ port: Number(process.env.DMN_NEWSWIRE_PORT ?? 0) });
  const modelStub = await startModelStub({ port: 0 });
  project.provide('newswireUrl', newswire.url);
  project.provide('modelStubUrl', modelStub.url);
  project.provide('feedparserCorpus', readFeedparserCorpus(CONFORMANCE_FOLDERS));
  return async () => {
    await Promise.all([newswire.close(), modelStub.close()]);
  };
}
