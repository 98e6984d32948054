import { describe, expect, it } from 'vitest';
import { demoWriter } from './demo-writer';

describe('demoWriter (npm start)', () => {
  it('writes with the local OpenAI-compatible model when OPENAI_BASE_URL is set, and says so', () => {
    const { vars, line } = demoWriter({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'mistral:7b' });
    expect(vars).toEqual(['--var', 'WRITER:openai-compatible', '--var', 'OPENAI_BASE_URL:http://127.0.0.1:11434/v1', '--var', 'OPENAI_MODEL:mistral:7b']);
    expect(line).toMatch(/mistral:7b at http:\/\/127\.0\.0\.1:11434\/v1 \(OpenAI-compatible\)/);
  });

  it('defaults the model to llama3.1:8b and passes a key only when one is given', () => {
    expect(demoWriter({ OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1' }).vars).toContain('OPENAI_MODEL:llama3.1:8b');
    expect(demoWriter({ OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1', OPENAI_API_KEY: 'sk-local' }).vars.slice(-2)).toEqual(['--var', 'OPENAI_API_KEY:sk-local']);
  });

  it('leaves the writer as configured (offline: extractive) without OPENAI_BASE_URL', () => {
    const { vars, line } = demoWriter({});
    expect(vars).toEqual([]);
    expect(line).toMatch(/extractive writer, no model/);
  });
});
