/** The writer for any OpenAI-compatible chat-completions endpoint (vLLM, llama.cpp, hosted APIs). */
import { SynthesisError, TruncatedOutputError } from '../synthesis-error';
import type { Writer } from '../../types';
import { TransientError, callWithRetries, isTransientStatus, resolvePolicy, type CallPolicy } from './transport';

export interface OpenAiCompatibleOptions extends Partial<CallPolicy> {
  /** e.g. "http://127.0.0.1:8000/v1"; `/chat/completions` is appended. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  fetch?: typeof fetch;
  maxTokens?: number;
  temperature?: number;
  /** Ask for `response_format: json_object` (default true; turned off by itself when the server rejects it). */
  jsonMode?: boolean;
}

/**
 * A writer that POSTs the prompt to `{baseUrl}/chat/completions` in JSON mode.
 * Returns the message content; synthesizeStory parses and validates it.
 *
 * @example openAiCompatibleWriter({ baseUrl: env.OPENAI_BASE_URL, model: 'qwen2.5-32b', apiKey: env.OPENAI_API_KEY })
 */
export function openAiCompatibleWriter(options: OpenAiCompatibleOptions): Writer {
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const policy = resolvePolicy(options);
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  // Servers without JSON mode (older llama.cpp, some vLLM builds) reject `response_format` with a 400:
  // from then on we ask without it and extract the JSON object from the reply (write-story's extractJson).
  let jsonMode = options.jsonMode ?? true;
  return {
    name: 'openai-compatible',
    model: options.model,
    async write(request) {
      if (!request.messages?.length) throw new SynthesisError('model-error', 'openai-compatible writer called without a prompt');
      const bodyOf = () =>
        JSON.stringify({
          model: options.model,
          messages: request.messages,
          ...(jsonMode ? { response_format: { type: 'json_object' } } : {}),
          max_tokens: options.maxTokens ?? 4096,
          temperature: options.temperature ?? 0.2,
        });
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

      const completion = await callWithRetries(`openai-compatible ${options.model}`, policy, async (signal) => {
        let response: Response;
        try {
          response = await doFetch(endpoint, { method: 'POST', headers, body: bodyOf(), signal });
        } catch (error) {
          if (signal.aborted) throw error;
          throw new TransientError(`request failed: ${(error as Error).message}`, 'model-error');
        }
        let text = await response.text();
        if (jsonMode && (response.status === 400 || response.status === 422) && /response_format|json_object|json mode|grammar/i.test(text)) {
          jsonMode = false;
          response = await doFetch(endpoint, { method: 'POST', headers, body: bodyOf(), signal });
          text = await response.text();
        }
        if (isTransientStatus(response.status)) throw new TransientError(`HTTP ${response.status}: ${text.slice(0, 200)}`, 'model-error');
        if (!response.ok) throw new SynthesisError('model-error', `endpoint answered HTTP ${response.status}`, [text.slice(0, 500)]);
        try {
          return JSON.parse(text) as ChatCompletion;
        } catch {
          throw new SynthesisError('model-error', 'endpoint answered with something other than JSON', [text.slice(0, 500)]);
        }
      });

      const choice = completion.choices?.[0];
      const content = choice?.message?.content;
      if (typeof content !== 'string') throw new SynthesisError('model-error', 'completion has no choices[0].message.content');
      if (choice?.finish_reason === 'length') throw new TruncatedOutputError(content);
      return content;
    },
  };
}

interface ChatCompletion {
  choices?: { message?: { content?: unknown }; finish_reason?: string }[];
}
