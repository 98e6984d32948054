import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../../src/env';
import { chooseWriter } from '../../../../src/pipeline/synthesize/writers';

const fakeAi = { run: async () => ({ response: '{}' }) } as unknown as Ai;
const config = (vars: Record<string, string>) => loadConfig({ ...vars });

describe('chooseWriter', () => {
  it('picks Workers AI when the AI binding is present and WRITER is auto', () => {
    const writer = chooseWriter(config({}), { AI: fakeAi });
    expect(writer.name).toBe('workers-ai');
    expect(writer.model).toBe('@cf/meta/llama-3.3-70b-instruct-fp8-fast');
  });

  it('falls back to the extractive writer when no model is configured', () => {
    expect(chooseWriter(config({}), {}).name).toBe('extractive');
  });

  it('uses a configured OpenAI-compatible endpoint when there is no AI binding', () => {
    const writer = chooseWriter(config({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_MODEL: 'local-model' }), {});
    expect(writer).toMatchObject({ name: 'openai-compatible', model: 'local-model' });
  });

  it('honours an explicit choice of the extractive writer even with AI bound', () => {
    expect(chooseWriter(config({ WRITER: 'extractive' }), { AI: fakeAi }).name).toBe('extractive');
  });

  it('names what is missing when the chosen writer cannot run', () => {
    expect(() => chooseWriter(config({ WRITER: 'workers-ai' }), {})).toThrow(ConfigError);
    expect(() => chooseWriter(config({ WRITER: 'openai-compatible' }), {})).toThrow(/OPENAI_BASE_URL and OPENAI_MODEL/);
  });
});
