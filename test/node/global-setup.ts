// Runs in Node before the workerd test pool: starts the loopback servers the tests
// use and hands their base URLs to the tests through `inject()`.
import type { TestProject } from 'vitest/node';
import { startModelStub } from './model-stub-server';
import { startNewswire } from './newswire-server';

declare module 'vitest' {
  export interface ProvidedContext {
    newswireUrl: string;
    modelStubUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const newswire = await startNewswire({ port: 0 });
  const modelStub = await startModelStub({ port: 0 });
  project.provide('newswireUrl', newswire.url);
  project.provide('modelStubUrl', modelStub.url);
  return async () => {
    await Promise.all([newswire.close(), modelStub.close()]);
  };
}
