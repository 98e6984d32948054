/** Which writer `npm start` runs the demo with: a local open model when OPENAI_BASE_URL is set, else the configured one. */

/** The `wrangler dev` variables that choose the writer, and the line the launcher prints about it. */
export function demoWriter(env: Record<string, string | undefined>): { vars: string[]; line: string } {
  const base = env.OPENAI_BASE_URL;
  if (!base) {
    return { vars: [], line: '[demo] writer: as configured (offline: the extractive writer, no model); set OPENAI_BASE_URL and OPENAI_MODEL to write with a local open model' };
  }
  const model = env.OPENAI_MODEL ?? 'llama3.1:8b';
  return {
    vars: [
      '--var', 'WRITER:openai-compatible', '--var', `OPENAI_BASE_URL:${base}`, '--var', `OPENAI_MODEL:${model}`,
      ...(env.OPENAI_API_KEY ? ['--var', `OPENAI_API_KEY:${env.OPENAI_API_KEY}`] : []),
    ],
    line: `[demo] writer: ${model} at ${base} (OpenAI-compatible); each article's page names its writer`,
  };
}
