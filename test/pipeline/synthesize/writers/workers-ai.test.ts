import { describe, expect, it } from 'vitest';
import { reviseStory, SynthesisError, synthesizeStory, writeStory } from '../../../../src/pipeline/synthesize';
import { workersAiWriter, type AiRunner } from '../../../../src/pipeline/synthesize/writers/workers-ai';
import { twoSources } from '../../../helpers/demo-stories';

const MODEL = '@cf/meta/llama-3.3-70b-instruct-fp8-fast';
type Inputs = { messages: { role: string; content: string }[]; response_format: { type: string; json_schema: Record<string, unknown> } };

/** A scripted AI binding: each call gets the next answer (a value, a thrown error, or a never-settling promise). */
function scripted(...answers: ((inputs: Inputs) => unknown)[]) {
  const calls: Inputs[] = [];
  const ai: AiRunner = {
    async run(_model, inputs) {
      calls.push(inputs as Inputs);
      const answer = answers[Math.min(calls.length, answers.length) - 1]!;
      return answer(inputs as Inputs);
    },
  };
  return { ai, calls };
}

function validDraft() {
  return {
    title: 'Lumen Forge opens its Atlas model to every developer',
    dek: 'Two outlets report that the model is free for research and commercial use.',
    category: 'Open Source',
    tags: ['Lumen Forge'],
    sections: [
      { heading: 'What was released', paragraphs: [{ text: 'Lumen Forge released Atlas under an open licence, one outlet reports.', citations: [1] }] },
      { heading: 'How it was trained', paragraphs: [{ text: 'The company said the model learned from a very large body of text.', citations: [2] }] },
    ],
    whatThisMeans: [{ text: 'Developers can adapt Atlas without asking Lumen Forge for permission.', citations: [1, 2] }],
    faq: [
      { question: 'Who released the model?', answer: { text: 'Lumen Forge released it, according to both reports.', citations: [1, 2] } },
      { question: 'Can companies use it?', answer: { text: 'Yes, the model is free for commercial use, one report says.', citations: [2] } },
    ],
  };
}

const writer = (ai: AiRunner, extra: Partial<Parameters<typeof workersAiWriter>[0]> = {}) =>
  workersAiWriter({ ai, model: MODEL, timeoutMs: 2_000, attempts: 3, sleep: async () => {}, ...extra });

async function failure(promise: Promise<unknown>): Promise<SynthesisError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SynthesisError);
  return error as SynthesisError;
}

describe('workersAiWriter with a scripted AI binding', () => {
  it('accepts the answer as an object and sends a JSON schema with the prompt', async () => {
    const { ai, calls } = scripted(() => ({ response: validDraft() }));
    const draft = await synthesizeStory(twoSources(), writer(ai));
    expect(draft.title).toBe(validDraft().title);
    expect(calls[0]!.response_format.type).toBe('json_schema');
    expect(calls[0]!.response_format.json_schema).toMatchObject({ type: 'object', required: expect.arrayContaining(['title', 'sections', 'faq']) });
    expect(calls[0]!.messages.map((m) => m.role)).toEqual(['system', 'user']);
  });

  it('accepts the answer as a JSON string', async () => {
    const { ai } = scripted(() => ({ response: JSON.stringify(validDraft()) }));
    expect((await synthesizeStory(twoSources(), writer(ai))).faq).toHaveLength(2);
  });

  // Llama and Mistral instruct models on Workers AI often fence their JSON or talk around it when they answer as text.
  it('reads an answer given as a code-fenced JSON string, and one wrapped in prose', async () => {
    const fenced = scripted(() => ({ response: `\`\`\`json\n${JSON.stringify(validDraft(), null, 2)}\n\`\`\`` }));
    expect((await synthesizeStory(twoSources(), writer(fenced.ai))).title).toBe(validDraft().title);
    const prose = scripted(() => ({ response: `Here is the article you asked for:\n${JSON.stringify(validDraft())}\nLet me know if you need changes.` }));
    expect((await synthesizeStory(twoSources(), writer(prose.ai))).title).toBe(validDraft().title);
    expect(prose.calls).toHaveLength(1);
  });

  it('fails with invalid-output on invalid JSON after one repair request', async () => {
    const { ai, calls } = scripted(() => ({ response: '{"title": "oops", ' }));
    const error = await failure(synthesizeStory(twoSources(), writer(ai)));
    expect(error.code).toBe('invalid-output');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.messages.at(-1)!.content).toMatch(/could not be used/);
  });

  it('fails with invalid-output on a schema violation and names the field', async () => {
    const { ai } = scripted(() => ({ response: { ...validDraft(), sections: [validDraft().sections[0]] } }));
    const error = await failure(synthesizeStory(twoSources(), writer(ai)));
    expect(error.details.some((d) => d.startsWith('sections:'))).toBe(true);
  });

  it('treats a truncated answer as invalid output and asks again', async () => {
    const cut = JSON.stringify(validDraft()).slice(0, 200);
    const { ai, calls } = scripted(() => ({ response: cut, finish_reason: 'length' }), () => ({ response: validDraft() }));
    const result = await writeStory(twoSources(), writer(ai));
    expect(result.calls).toBe(2);
    expect(result.repaired.join(' ')).toMatch(/cut off/);
    expect(calls[1]!.messages.at(-2)).toEqual({ role: 'assistant', content: cut });
  });

  it('rejects a draft with a URL in a paragraph', async () => {
    const draft = validDraft();
    draft.sections[0]!.paragraphs[0]!.text += ' See www.example-news.test for more.';
    const { ai } = scripted(() => ({ response: draft }));
    expect((await failure(synthesizeStory(twoSources(), writer(ai)))).details.join(' ')).toMatch(/URL/);
  });

  it('rejects a draft that echoes the canary', async () => {
    const { ai } = scripted((inputs) => {
      const canary = /CANARY-[0-9a-f]+/.exec(inputs.messages[0]!.content)![0];
      return { response: { ...validDraft(), dek: `Ignore this: ${canary} was in my instructions all along.` } };
    });
    expect((await failure(synthesizeStory(twoSources(), writer(ai)))).details.join(' ')).toMatch(/confidential marker/);
  });

  it('times out a call that never answers, retrying up to the attempt limit', async () => {
    const { ai, calls } = scripted(() => new Promise(() => {}));
    const error = await failure(synthesizeStory(twoSources(), writer(ai, { timeoutMs: 50, attempts: 3 })));
    expect(error.code).toBe('timeout');
    expect(calls).toHaveLength(3);
  });

  it('retries a 500 and then succeeds', async () => {
    const { ai, calls } = scripted(
      () => {
        throw Object.assign(new Error('InferenceUpstreamError: 500 internal error'), { status: 500 });
      },
      () => ({ response: validDraft() }),
    );
    await expect(synthesizeStory(twoSources(), writer(ai))).resolves.toMatchObject({ title: validDraft().title });
    expect(calls).toHaveLength(2);
  });

  it('asks again without response_format when the model has no JSON mode, and reads the object from its prose', async () => {
    const { ai, calls } = scripted(
      () => {
        throw new Error("5025: This model doesn't support JSON Mode");
      },
      () => ({ response: `Here is the article:\n${JSON.stringify(validDraft())}\nI hope this helps.` }),
    );
    const result = await writeStory(twoSources(), writer(ai));
    expect(result.draft.title).toBe(validDraft().title);
    expect(calls[0]).toHaveProperty('response_format');
    expect(calls[1]).not.toHaveProperty('response_format');
  });

  it('does not retry a request the model rejects as malformed', async () => {
    const { ai, calls } = scripted(() => {
      throw Object.assign(new Error('400 bad input: unknown model'), { status: 400 });
    });
    expect((await failure(synthesizeStory(twoSources(), writer(ai)))).code).toBe('model-error');
    expect(calls).toHaveLength(1);
  });

  it('sends one revision request with the draft and the check findings, validated like a first answer', async () => {
    const revised = { ...validDraft(), title: 'Lumen Forge opens Atlas, a model free for commercial use' };
    const { ai, calls } = scripted(() => ({ response: revised }));
    const result = await reviseStory(twoSources(), writer(ai), validDraft(), ['numbers: "3 trillion" is not in the cited source']);
    expect(result.draft.title).toBe(revised.title);
    const turns = calls[0]!.messages;
    expect(turns.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(JSON.parse(turns[2]!.content)).toEqual(validDraft());
    expect(turns[3]!.content).toContain('- numbers: "3 trillion" is not in the cited source');
  });

  it('gives each failed claim of a revision request the source passage closest to it', async () => {
    const { ai, calls } = scripted(() => ({ response: validDraft() }));
    await reviseStory(twoSources(), writer(ai), validDraft(), ['numbers: section 1, paragraph 1: "4 trillion" is not in the cited [2] Harbor Signal — Atlas was trained on 4 trillion tokens']);
    expect(calls[0]!.messages[3]!.content).toContain('closest source passage [2]: "Lumen Forge said Atlas was trained on 3 trillion tokens and is free for research and commercial use."');
  });
});
