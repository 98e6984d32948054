/**
 * Item embeddings for clustering: headline + lede embedded once, when the Workers AI binding is
 * present, and stored on the item as a compact string (int8 components of the unit vector, base64).
 * Their cosine is one more pair signal (./pair.ts); without them the lexical model works alone.
 *
 * Cost: bge-m3 is billed per input token; a headline + 60-word lede is about 100 tokens, so 1,000
 * items are about 100,000 tokens (see README, "Clustering", for the price per 1,000 items).
 */
import { and, gte, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { items } from '../../db/schema';
import { chunks } from '../../lib/chunks';
import { lede } from './features';
import { LEDE_WORDS } from './signals';

/** A multilingual embedding model on Workers AI (1,024 dimensions). */
export const EMBEDDING_MODEL = '@cf/baai/bge-m3';

/** Turns texts into vectors, one per text, in order. */
export type Embedder = (texts: string[]) => Promise<number[][]>;

/** Texts sent to the model in one call. */
const BATCH = 50;
/** Items embedded per run at most, so a backlog cannot hold up the run (the rest wait for the next). */
const MAX_PER_RUN = 1_000;

/** The text an item is embedded from: its headline and lede. */
export function embeddingText(title: string, text: string): string {
  return `${title}\n${lede(text, LEDE_WORDS)}`.trim();
}

/** A vector as stored: normalised to unit length, each component as int8 (x127), base64. */
export function encodeVector(v: readonly number[]): string {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  const bytes = new Uint8Array(v.length);
  v.forEach((x, i) => (bytes[i] = Math.max(-127, Math.min(127, Math.round((x / norm) * 127))) & 0xff));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The stored string back to a unit vector, or undefined when it is not one. */
export function decodeVector(s: string | null | undefined): Float32Array | undefined {
  if (!s) return undefined;
  let bin: string;
  try {
    bin = atob(s);
  } catch {
    return undefined;
  }
  const v = new Float32Array(bin.length);
  let sum = 0;
  for (let i = 0; i < bin.length; i++) {
    const b = bin.charCodeAt(i);
    v[i] = (b > 127 ? b - 256 : b) / 127;
    sum += v[i]! * v[i]!;
  }
  const norm = Math.sqrt(sum);
  if (!norm) return undefined;
  for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

/**
 * An Embedder over the Workers AI binding.
 * @example const embed = workersAiEmbedder(env.AI); await embed(['Headline\nLede'])
 */
export function workersAiEmbedder(ai: Ai, model: string = EMBEDDING_MODEL): Embedder {
  return async (texts) => {
    const out = (await ai.run(model as Parameters<Ai['run']>[0], { text: texts } as never)) as { data?: number[][] };
    if (!Array.isArray(out?.data) || out.data.length !== texts.length) throw new Error(`${model} returned ${out?.data?.length ?? 'no'} vectors for ${texts.length} texts`);
    return out.data;
  };
}

/**
 * Embeds the items published since `since` that have no embedding yet, and stores the vectors.
 * @returns how many items were embedded
 */
export async function embedNewItems(db: Db, embed: Embedder, since: string): Promise<number> {
  const rows = await db
    .select({ id: items.id, title: items.title, summary: items.summary, contentText: items.contentText })
    .from(items)
    .where(and(isNull(items.embedding), gte(items.publishedAt, since)))
    .limit(MAX_PER_RUN);
  let done = 0;
  for (const part of chunks(rows, BATCH)) {
    const vectors = await embed(part.map((r) => embeddingText(r.title, r.contentText || r.summary || '')));
    const updates = part.map((r, i) => db.update(items).set({ embedding: encodeVector(vectors[i]!) }).where(and(inArray(items.id, [r.id]), isNull(items.embedding))));
    await db.batch(updates as [(typeof updates)[number], ...(typeof updates)[number][]]);
    done += part.length;
  }
  return done;
}
