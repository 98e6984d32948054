/** The writer for Workers AI (the production default): an open model in JSON mode through the AI binding. */
import { draftJsonSchema } from '../prompt';
import { SynthesisError, TruncatedOutputError } from '../synthesis-error';
import type { Writer } from '../../types';
import { TransientError, callWithRetries, isTransientStatus, resolvePolicy, type CallPolicy } from './transport';

/** The part of the AI binding this writer uses, so tests can script it. */
export interface AiRunner {
  run(model: string, inputs: Record<string, unknown>, options?: Record<string, unknown>): Promise<unknown>;
}

export interface WorkersAiOptions extends Partial<CallPolicy> {
  ai: AiRunner | Ai;
  model: string;
  maxTokens?: number;
  temperature?: number;
  /** Ask for `response_format: json_schema` (default true; turned off by itself when the model refuses it). */
  jsonMode?: boolean;
}

/**
 * A writer that runs `model` on the AI binding with `response_format: json_schema`.
 * Handles both answer shapes Workers AI returns: `{ response: string }` and `{ response: object }`.
 *
 * @example workersAiWriter({ ai: env.AI, model: '@cf/meta/llama-3.3-70b-instruct-fp8-fast' })
 */
export function workersAiWriter(options: WorkersAiOptions): Writer {
  const ai = options.ai as AiRunner;
  const policy = resolvePolicy(options);
  // JSON mode is per model on Workers AI: a model without it (or one that cannot meet the schema) is asked
  // again without `response_format`, and the object is found in its prose (write-story's extractJson).
  let jsonMode = options.jsonMode ?? true;
  return {
    name: 'workers-ai',
    model: options.model,
    async write(request) {
      if (!request.messages?.length) throw new SynthesisError('model-error', 'workers-ai writer called without a prompt');
      const inputsOf = () => ({
        messages: request.messages,
        ...(jsonMode ? { response_format: { type: 'json_schema', json_schema: draftJsonSchema(request.sources.map((s) => s.n)) } } : {}),
        max_tokens: options.maxTokens ?? 4096,
        temperature: options.temperature ?? 0.2,
      });
      const answer = await callWithRetries(`workers-ai ${options.model}`, policy, async () => {
        try {
          return await ai.run(options.model, inputsOf());
        } catch (error) {
          if (jsonMode && JSON_MODE_REFUSED.test(error instanceof Error ? error.message : String(error))) {
            jsonMode = false;
            try {
              return await ai.run(options.model, inputsOf());
            } catch (again) {
              throw classify(again);
            }
          }
          throw classify(error);
        }
      });
      return readResponse(answer);
    },
  };
}

/** How the binding says a model has no JSON mode, or could not meet the schema. */
const JSON_MODE_REFUSED = /json mode|response_format|json_schema|structured output/i;

function readResponse(answer: unknown): unknown {
  if (typeof answer !== 'object' || answer === null || !('response' in answer)) {
    throw new SynthesisError('model-error', 'Workers AI answer has no `response` field');
  }
  const { response } = answer as { response: unknown };
  const truncated = (answer as { finish_reason?: unknown }).finish_reason === 'length';
  if (truncated) throw new TruncatedOutputError(typeof response === 'string' ? response : JSON.stringify(response));
  if (typeof response === 'string' || (typeof response === 'object' && response !== null)) return response;
  throw new SynthesisError('model-error', `Workers AI response is ${response === null ? 'null' : typeof response}`);
}

// The binding throws Errors whose message carries the upstream status or error code.
function classify(error: unknown): Error {
  if (error instanceof SynthesisError || error instanceof TransientError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const status = Number((error as { status?: unknown })?.status ?? /\b([45]\d\d)\b/.exec(message)?.[1]);
  if ((Number.isFinite(status) && isTransientStatus(status)) || /timed? ?out|overloaded|capacity|rate limit|network|internal/i.test(message)) {
    return new TransientError(message, /timed? ?out/i.test(message) ? 'timeout' : 'model-error');
  }
  return new SynthesisError('model-error', `Workers AI failed: ${message}`);
}
