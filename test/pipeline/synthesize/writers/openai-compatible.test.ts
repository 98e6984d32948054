import { describe, expect, inject, it } from 'vitest';
import { SynthesisError, synthesizeStory, writeStory } from '../../../../src/pipeline/synthesize';
import { openAiCompatibleWriter } from '../../../../src/pipeline/synthesize/writers/openai-compatible';
import { twoSources } from '../../../helpers/demo-stories';

// test/node is outside the worker tsconfig, so its ProvidedContext augmentation is repeated here.
declare module 'vitest' {
  export interface ProvidedContext {
    modelStubUrl: string;
  }
}

const baseUrl = inject('modelStubUrl');
const noSleep = async () => {};
const writer = (model: string, extra: Partial<Parameters<typeof openAiCompatibleWriter>[0]> = {}) =>
  openAiCompatibleWriter({ baseUrl, model, apiKey: 'test-key', timeoutMs: 5_000, attempts: 3, sleep: noSleep, ...extra });

async function failure(promise: Promise<unknown>): Promise<SynthesisError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SynthesisError);
  return error as SynthesisError;
}

describe('openAiCompatibleWriter against the loopback model stub', () => {
  it('turns a valid answer wrapped in prose and a code fence into a draft, ignoring model-supplied sources', async () => {
    const result = await writeStory(twoSources(), writer('stub-valid'));
    expect(result.calls).toBe(1);
    expect(result.draft.title).toBe('Scripted model writes a valid article for the tests');
    expect(result.draft.sections[1]!.paragraphs[0]!.citations).toEqual([2]);
    expect(result.draft).not.toHaveProperty('sources');
  });

  it('asks again without response_format when the server refuses JSON mode, and finds the object in the prose', async () => {
    const result = await writeStory(twoSources(), writer('stub-no-json-mode'));
    expect(result.calls).toBe(1);
    expect(result.draft.title).toBe('Scripted model writes a valid article for the tests');
  });

  it('reads the object after a reasoning block and among prose with braces of its own', async () => {
    const result = await writeStory(twoSources(), writer('stub-think'));
    expect(result.calls).toBe(1);
    expect(result.draft.title).toBe('Scripted model writes a valid article for the tests');
  });

  it('reads a pretty-printed object in a code fence followed by a remark', async () => {
    const result = await writeStory(twoSources(), writer('stub-fenced-remark'));
    expect(result.draft.faq.length).toBeGreaterThanOrEqual(2);
  });

  it('fails with invalid-output when the answer is not JSON, even after the repair request', async () => {
    const error = await failure(synthesizeStory(twoSources(), writer('stub-invalid-json')));
    expect(error.code).toBe('invalid-output');
    expect(error.details.join(" ")).toMatch(/not valid JSON/);
  });

  it('fails with invalid-output and lists the schema problems when the JSON violates the schema', async () => {
    const error = await failure(synthesizeStory(twoSources(), writer('stub-schema-violation')));
    expect(error.code).toBe('invalid-output');
    expect(error.details.some((d) => d.startsWith('title:'))).toBe(true);
    expect(error.details.some((d) => d.startsWith('faq:'))).toBe(true);
  });

  it('treats an answer cut off at the token limit as invalid output', async () => {
    const error = await failure(synthesizeStory(twoSources(), writer('stub-truncated')));
    expect(error.code).toBe('invalid-output');
  });

  it('rejects a draft that carries a URL', async () => {
    const error = await failure(synthesizeStory(twoSources(), writer('stub-url')));
    expect(error.code).toBe('invalid-output');
    expect(error.details.join(' ')).toMatch(/sections\.0\.paragraphs\.0\.text: contains a URL/);
  });

  it('rejects a draft that repeats the canary from the system prompt', async () => {
    const error = await failure(synthesizeStory(twoSources(), writer('stub-canary')));
    expect(error.code).toBe('invalid-output');
    expect(error.details.join(' ')).toMatch(/confidential marker/);
  });

  it('times out a slow endpoint after the configured attempts', async () => {
    const started = Date.now();
    const error = await failure(synthesizeStory(twoSources(), writer('stub-slow', { timeoutMs: 150, attempts: 2 })));
    expect(error.code).toBe('timeout');
    expect(error.details).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('retries a 500 with backoff and then succeeds', async () => {
    const delays: number[] = [];
    const result = await writeStory(twoSources(), writer('stub-500-then-ok', { backoffMs: 250, sleep: async (ms) => void delays.push(ms) }));
    expect(result.draft.title).toMatch(/Scripted model/);
    expect(delays).toEqual([250]);
  });

  it('gives up with model-error when every attempt gets a 500', async () => {
    // One attempt only: the stub answers 500 to the first request of a conversation.
    const error = await failure(synthesizeStory(twoSources(), writer('stub-500-then-ok', { attempts: 1 })));
    expect(error.code).toBe('model-error');
    expect(error.message).toMatch(/HTTP 500/);
  });

  it('repairs an invalid first answer with one follow-up request', async () => {
    const result = await writeStory(twoSources(), writer('stub-repairable'));
    expect(result.calls).toBe(2);
    expect(result.repaired.some((p) => p.startsWith('sections:'))).toBe(true);
  });

  it('sends the key as a bearer token and asks for JSON mode', async () => {
    let seen: { auth: string | null; body: Record<string, unknown> } | undefined;
    const spy: typeof fetch = async (input, init) => {
      seen = { auth: new Headers(init?.headers).get('authorization'), body: JSON.parse(String(init?.body)) };
      return fetch(input, init);
    };
    await writeStory(twoSources(), writer('stub-valid', { fetch: spy }));
    expect(seen?.auth).toBe('Bearer test-key');
    expect(seen?.body.response_format).toEqual({ type: 'json_object' });
    expect(seen?.body.model).toBe('stub-valid');
  });
});
