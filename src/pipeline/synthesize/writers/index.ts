/** Picks the writer the configuration asks for: workers-ai, openai-compatible or the offline extractive writer. */
import { ConfigError, type Config } from '../../../env';
import type { Writer } from '../../types';
import { extractiveWriter } from './extractive';
import { openAiCompatibleWriter } from './openai-compatible';
import type { CallPolicy } from './transport';
import { workersAiWriter } from './workers-ai';

export { EXTRACTIVE_PROVENANCE, extractiveWriter } from './extractive';
export { openAiCompatibleWriter } from './openai-compatible';
export { workersAiWriter } from './workers-ai';

type WriterConfig = Pick<Config, 'WRITER' | 'AI_MODEL' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL'>;

/**
 * `auto`: Workers AI when the AI binding is present, else an OpenAI-compatible
 * endpoint when one is configured, else the extractive writer. An explicit
 * choice whose binding or endpoint is missing is a configuration error.
 *
 * @example const writer = chooseWriter(loadConfig(env), env)
 */
export function chooseWriter(
  config: WriterConfig,
  env: { AI?: Ai; OPENAI_API_KEY?: string },
  transport: Partial<CallPolicy> & { fetch?: typeof fetch } = {},
): Writer {
  const openAiConfigured = Boolean(config.OPENAI_BASE_URL && config.OPENAI_MODEL);
  const choice = config.WRITER === 'auto' ? (env.AI ? 'workers-ai' : openAiConfigured ? 'openai-compatible' : 'extractive') : config.WRITER;
  switch (choice) {
    case 'extractive':
      return extractiveWriter();
    case 'workers-ai':
      if (!env.AI) throw new ConfigError('WRITER: "workers-ai" needs the AI binding (add [ai] binding = "AI" to wrangler.toml)');
      return workersAiWriter({ ai: env.AI, model: config.AI_MODEL, ...transport });
    case 'openai-compatible':
      if (!config.OPENAI_BASE_URL || !config.OPENAI_MODEL) {
        throw new ConfigError('WRITER: "openai-compatible" needs OPENAI_BASE_URL and OPENAI_MODEL');
      }
      return openAiCompatibleWriter({ baseUrl: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, apiKey: env.OPENAI_API_KEY, ...transport });
  }
}
