/** Writing one article from a story's sources: prompt, writer call, validation, one repair, typed failure. */
import { describeIssues, draftSchema } from '../draft-schema';
import { findLinksAndMarkup } from '../injection';
import { buildPrompt, repairMessages, revisionMessages, type Prompt } from './prompt';
import { SynthesisError, TruncatedOutputError } from './synthesis-error';
import type { ArticleDraft, ChatMessage, SourceDoc, WriteRequest, Writer } from '../types';
import { LEFT_OUT, type LeftOut } from './brief/sentences';

export { SynthesisError, TruncatedOutputError } from './synthesis-error';

export interface SynthesisOptions {
  /** Categories the article may be filed under (config CATEGORIES). */
  categories?: readonly string[];
  siteName?: string;
}

/** A validated draft and what the caller records about how it was made. */
export interface Synthesis {
  draft: ArticleDraft;
  /** Sources left out of the prompt as instruction-like; record them. */
  flagged: Prompt['flagged'];
  /** Sources written from without their instruction-like sentences; record what was dropped. */
  cleaned: Prompt['cleaned'];
  /** The sources as the writer saw them (flagged ones out, cleaned ones without the dropped sentences): check the draft against these. */
  sources: SourceDoc[];
  /** Writer calls made: 1, or 2 when a repair was needed. */
  calls: number;
  /** Validation problems of the first answer when a repair was needed. */
  repaired: string[];
  /** Source sentences the writer chose not to use for what they carry (links, instructions); the caller records them. */
  leftOut: LeftOut[];
}

const DEFAULT_CATEGORIES = ['Enterprise', 'Research', 'Policy', 'Security', 'Open Source', 'Industry'];

/**
 * The contract of DESIGN.md: the validated draft for a story's sources.
 * Throws SynthesisError when no valid draft can be had.
 */
export async function synthesizeStory(sources: SourceDoc[], writer: Writer, options: SynthesisOptions = {}): Promise<ArticleDraft> {
  return (await writeStory(sources, writer, options)).draft;
}

/**
 * Writes a story and reports what the caller should record (flagged sources, repairs).
 *
 * @example const { draft, flagged } = await writeStory(sources, extractiveWriter(), { categories })
 */
export async function writeStory(sources: SourceDoc[], writer: Writer, options: SynthesisOptions = {}): Promise<Synthesis> {
  const { prompt, request } = prepare(sources, options);
  return produce(writer, request, prompt);
}

/**
 * One revision request after the fact checks failed: the model sees its draft
 * and the findings, and the answer goes through the same validation and repair.
 */
export async function reviseStory(
  sources: SourceDoc[],
  writer: Writer,
  draft: ArticleDraft,
  findings: string[],
  options: SynthesisOptions = {},
): Promise<Synthesis> {
  const { prompt, request } = prepare(sources, options);
  return produce(
    writer,
    { ...request, revise: { draft, findings }, messages: revisionMessages(prompt.messages, draft, findings, request.sources) },
    prompt,
  );
}

/**
 * Turns a writer's raw answer into a draft, or lists why it cannot be used.
 * Accepts a string (JSON, possibly fenced or wrapped in prose) or an object.
 */
export function validateOutput(
  raw: unknown,
  context: { sourceNumbers: readonly number[]; canary?: string; categories?: readonly string[] },
): { ok: true; draft: ArticleDraft } | { ok: false; problems: string[] } {
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw ?? null);
  if (context.canary && text.includes(context.canary)) {
    return { ok: false, problems: ['the answer repeats the confidential marker from the instructions'] };
  }
  let value: unknown = raw;
  if (typeof raw === 'string') {
    const parsed = extractJson(raw);
    if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
    value = parsed.value;
  }
  const result = draftSchema(context.sourceNumbers).safeParse(value);
  if (!result.success) return { ok: false, problems: describeIssues(result.error) };
  // zod drops keys the schema does not name, so any `sources` or `url` the model added is gone here.
  const draft = result.data;
  const problems: string[] = [];
  for (const [where, value] of stringsOf(draft)) {
    for (const found of findLinksAndMarkup(value)) problems.push(`${where}: contains ${found}`);
  }
  if (context.categories?.length) {
    const match = context.categories.find((c) => c.toLowerCase() === draft.category.trim().toLowerCase());
    if (match) draft.category = match;
    else problems.push(`category: "${draft.category}" is not one of ${context.categories.join(', ')}`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, draft };
}

/**
 * The JSON object in a model's answer, tolerating code fences, prose around it and a reasoning
 * block (`<think>…</think>`, DeepSeek-R1 distills, Qwen3) that may itself hold braces.
 */
export function extractJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  const unfenced = text.replace(/<think>[\s\S]*?(?:<\/think>|$)/gi, ' ').replace(/```(?:json)?/gi, '');
  const start = unfenced.indexOf('{');
  const end = unfenced.lastIndexOf('}');
  if (start < 0) return { ok: false, problem: 'the answer contains no JSON object' };
  if (end <= start) return { ok: false, problem: 'the answer is not valid JSON (the object is never closed)' };
  try {
    return { ok: true, value: JSON.parse(unfenced.slice(start, end + 1)) };
  } catch (error) {
    // Prose with braces of its own around the object: the largest balanced object that parses.
    const objects = balancedObjects(unfenced).sort((a, b) => b.length - a.length);
    for (const candidate of objects) {
      try {
        return { ok: true, value: JSON.parse(candidate) };
      } catch {
        // not this one
      }
    }
    return { ok: false, problem: `the answer is not valid JSON (${(error as Error).message})` };
  }
}

/** Every top-level `{…}` span whose braces balance outside JSON strings. */
function balancedObjects(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"' && depth > 0) inString = true;
    else if (c === '{') {
      if (depth++ === 0) from = i;
    } else if (c === '}' && depth > 0 && --depth === 0) out.push(text.slice(from, i + 1));
  }
  return out;
}

function prepare(sources: SourceDoc[], options: SynthesisOptions) {
  if (!sources.length) throw new SynthesisError('no-usable-sources', 'a story needs at least one source');
  const numbers = sources.map((s) => s.n);
  if (new Set(numbers).size !== numbers.length) throw new SynthesisError('no-usable-sources', `source numbers repeat: ${numbers.join(', ')}`);
  const categories = options.categories?.length ? options.categories : DEFAULT_CATEGORIES;
  const prompt = buildPrompt(sources, { categories, siteName: options.siteName });
  if (!prompt.included.length) {
    throw new SynthesisError(
      'no-usable-sources',
      'every source was flagged as instruction-like text',
      prompt.flagged.map((f) => `source ${f.n} (${f.publisher}): ${f.reasons.join('; ')}`),
    );
  }
  const request: WriteRequest = { sources: prompt.included, categories: [...categories], messages: prompt.messages };
  return { prompt, request };
}

async function produce(writer: Writer, request: WriteRequest, prompt: Prompt): Promise<Synthesis> {
  const context = { sourceNumbers: request.sources.map((s) => s.n), canary: prompt.canary, categories: request.categories };
  const made = { flagged: prompt.flagged, cleaned: prompt.cleaned, sources: prompt.included };
  const first = await attempt(writer, request, context);
  if (first.ok) return { draft: first.draft, ...made, calls: 1, repaired: [], leftOut: first.leftOut };

  const messages: ChatMessage[] = repairMessages(request.messages ?? [], first.output, first.problems);
  const second = await attempt(writer, { ...request, messages }, context);
  if (second.ok) return { draft: second.draft, ...made, calls: 2, repaired: first.problems, leftOut: second.leftOut };
  throw new SynthesisError(
    'invalid-output',
    `${writer.name} gave no valid article after one repair attempt`,
    second.problems,
  );
}

async function attempt(writer: Writer, request: WriteRequest, context: Parameters<typeof validateOutput>[1]) {
  let raw: unknown;
  try {
    raw = await writer.write(request);
  } catch (error) {
    // A truncated answer is bad output, not a dead model: it earns the repair turn.
    if (error instanceof TruncatedOutputError) return { ok: false as const, problems: [error.message], output: error.partial };
    throw error;
  }
  const result = validateOutput(raw, context);
  const output = typeof raw === 'string' ? raw : JSON.stringify(raw ?? null);
  // Only our own writer can say what it left out: a symbol key is nothing a model's JSON can carry.
  const leftOut = typeof raw === 'object' && raw !== null ? ((raw as { [LEFT_OUT]?: LeftOut[] })[LEFT_OUT] ?? []) : [];
  return result.ok ? { ...result, leftOut } : { ...result, output };
}

function* stringsOf(draft: ArticleDraft): Generator<[string, string]> {
  yield ['title', draft.title];
  yield ['dek', draft.dek];
  yield ['category', draft.category];
  for (const [i, tag] of draft.tags.entries()) yield [`tags.${i}`, tag];
  for (const [i, s] of draft.sections.entries()) {
    yield [`sections.${i}.heading`, s.heading];
    for (const [j, p] of s.paragraphs.entries()) yield [`sections.${i}.paragraphs.${j}.text`, p.text];
  }
  for (const [i, p] of draft.whatThisMeans.entries()) yield [`whatThisMeans.${i}.text`, p.text];
  for (const [i, f] of draft.faq.entries()) {
    yield [`faq.${i}.question`, f.question];
    yield [`faq.${i}.answer.text`, f.answer.text];
  }
}
