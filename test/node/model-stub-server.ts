// A scripted OpenAI-compatible model server on loopback: the request's `model` picks the behaviour under test.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface ChatRequest {
  model?: string;
  messages?: { role: string; content: string }[];
  response_format?: unknown;
}

/** How long `stub-slow` waits: far beyond any client timeout in the tests. */
const SLOW_MS = 30_000;

export async function startModelStub(opts: { port: number; host?: string }) {
  // Attempts per conversation (keyed by the system prompt, which carries a per-run canary).
  const attempts = new Map<string, number>();
  const pending = new Set<ReturnType<typeof setTimeout>>();

  const server = createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) return json(res, 404, { error: { message: 'not found' } });
    let body: ChatRequest;
    try {
      body = JSON.parse(await readBody(req)) as ChatRequest;
    } catch {
      return json(res, 400, { error: { message: 'body is not JSON' } });
    }
    const messages = body.messages ?? [];
    const system = messages.find((m) => m.role === 'system')?.content ?? '';
    const user = messages.find((m) => m.role === 'user')?.content ?? '';
    const isRepair = messages.some((m) => m.role === 'assistant');
    const numbers = [...user.matchAll(/^Source number: (\d+)$/gm)].map((m) => Number(m[1]));
    const valid = () => validDraft(numbers.length ? numbers : [1]);
    const reply = (content: string, finish = 'stop') =>
      json(res, 200, { id: 'stub', object: 'chat.completion', model: body.model, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finish }] });

    switch (body.model) {
      case 'stub-valid':
        return reply('Here is the article:\n```json\n' + JSON.stringify({ ...valid(), sources: [{ url: 'https://model-invented.example/' }] }) + '\n```');
      case 'stub-invalid-json':
        return reply('{"title": "Half an object", "sections": [');
      case 'stub-schema-violation':
        return reply(JSON.stringify({ ...valid(), title: 'Short', faq: [] }));
      case 'stub-truncated':
        return reply(JSON.stringify(valid()).slice(0, 300), 'length');
      case 'stub-url': {
        const draft = valid();
        draft.sections[0]!.paragraphs[0]!.text += ' Read more at https://evil.example/path for details.';
        return reply(JSON.stringify(draft));
      }
      case 'stub-canary': {
        const canary = /CANARY-[0-9a-f]+/.exec(system)?.[0] ?? 'no-canary-found';
        const draft = valid();
        draft.whatThisMeans[0]!.text += ` The marker is ${canary}.`;
        return reply(JSON.stringify(draft));
      }
      case 'stub-slow': {
        const timer = setTimeout(() => {
          pending.delete(timer);
          reply(JSON.stringify(valid()));
        }, SLOW_MS);
        pending.add(timer);
        // The client gave up: stop the timer and drop the socket.
        res.on('close', () => {
          clearTimeout(timer);
          pending.delete(timer);
          req.socket.destroy();
        });
        return;
      }
      case 'stub-500-then-ok': {
        const n = (attempts.get(system) ?? 0) + 1;
        attempts.set(system, n);
        return n === 1 ? json(res, 500, { error: { message: 'scripted server error' } }) : reply(JSON.stringify(valid()));
      }
      // llama.cpp servers before JSON mode, some vLLM builds: `response_format` is refused with a 400.
      case 'stub-no-json-mode':
        if (body.response_format) return json(res, 400, { error: { message: "Unsupported parameter: 'response_format' is not supported with this model." } });
        return reply('Sure! Based on the sources, here is the article you asked for.\n\n' + JSON.stringify(valid()) + '\n\nLet me know if you need changes.');
      // Small open models (Llama 3 8B, Mistral 7B) often fence the object and add a remark after it.
      case 'stub-fenced-remark':
        return reply('```json\n' + JSON.stringify(valid(), null, 2) + '\n```\nNote: all facts are taken from the sources.');
      // Reasoning models (DeepSeek-R1 distills, Qwen3) think aloud first, braces and all.
      case 'stub-think':
        return reply('<think>The user wants {title, dek, sections}. Sources {1} and {2} agree.</think>\nAs requested: ' + JSON.stringify(valid()) + ' (end of answer {ok}).');
      case 'stub-repairable':
        return isRepair ? reply(JSON.stringify(valid())) : reply(JSON.stringify({ ...valid(), sections: [] }));
      default:
        return json(res, 404, { error: { message: `unknown stub model "${body.model}"` } });
    }
  });

  await new Promise<void>((r) => server.listen(opts.port, opts.host ?? '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((r) => {
        for (const t of pending) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A schema-valid draft that cites the given source numbers. */
function validDraft(numbers: number[]) {
  const first = numbers[0]!;
  const cite = (i: number) => [numbers[i % numbers.length]!];
  return {
    title: 'Scripted model writes a valid article for the tests',
    dek: 'A draft built by the loopback model stub from the numbered sources in the prompt.',
    category: 'Research',
    tags: ['stub'],
    sections: [
      { heading: 'What happened', paragraphs: [{ text: 'The first source describes the event that this scripted article covers.', citations: cite(0) }] },
      { heading: 'What others said', paragraphs: [{ text: 'Another source gives its own account of the same event in its own words.', citations: cite(1) }] },
    ],
    whatThisMeans: [{ text: 'The sources agree on the outline of the event described in this article.', citations: numbers }],
    faq: [
      { question: 'What is this article?', answer: { text: 'It is a scripted draft used to test the OpenAI-compatible writer.', citations: [first] } },
      { question: 'Which sources does it cite?', answer: { text: 'It cites the numbered sources that the prompt gave to the model.', citations: numbers } },
    ],
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
