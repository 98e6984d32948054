import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src/db/client';
import { items, sources } from '../../../src/db/schema';
import { clusterWith } from '../../../src/pipeline/cluster';
import { decodeVector, embeddingText, embedNewItems, encodeVector, workersAiEmbedder } from '../../../src/pipeline/cluster/embed';
import type { ClusterItem } from '../../../src/pipeline/types';

/** A deterministic stand-in for bge-m3: texts that name the same `[event]` get the same direction. */
function stubVector(text: string): number[] {
  const key = /\[(\w+)\]/.exec(text)?.[1] ?? text;
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  return Array.from({ length: 64 }, (_, i) => Math.sin(h * 0.001 + i * 1.7) + (i === h % 64 ? 4 : 0));
}

/** The AI binding's shape, as far as the embedder uses it. */
const stubAi = (calls: string[][]) =>
  ({
    run: async (_model: string, input: { text: string[] }) => {
      calls.push(input.text);
      return { shape: [input.text.length, 64], data: input.text.map(stubVector) };
    },
  }) as unknown as Ai;

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('item embeddings', () => {
  it('stores a vector compactly (one byte a component) and reads it back as the same direction', () => {
    const v = stubVector('[kite]');
    const stored = encodeVector(v);
    expect(stored.length).toBeLessThanOrEqual(Math.ceil(64 / 3) * 4);
    const back = decodeVector(stored)!;
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    expect(cosine(back, Float32Array.from(v, (x) => x / norm))).toBeGreaterThan(0.999);
    expect(decodeVector(null)).toBeUndefined();
    expect(decodeVector('not base64!')).toBeUndefined();
  });

  it('embeds each new item once, from its headline and lede, through the AI binding', async () => {
    const db = openDb(env.DB);
    await db.insert(sources).values({ id: 'emb', name: 'Embed Wire', publisher: 'Embed Wire', feedUrl: 'https://emb.example/feed.xml' });
    const row = (id: string, title: string) => ({
      id, sourceId: 'emb', publisher: 'Embed Wire', guid: id, title, contentText: `${title} [${id}] and more words.`,
      publishedAt: '2026-11-20T10:00:00.000Z', fetchedAt: '2026-11-20T10:00:00.000Z', snapshotKey: 'raw/emb/x.xml', contentHash: id,
    });
    await db.insert(items).values([row('e1', 'First headline'), row('e2', 'Second headline')]);
    const calls: string[][] = [];
    const embed = workersAiEmbedder(stubAi(calls));
    expect(await embedNewItems(db, embed, '2026-11-19T00:00:00.000Z')).toBe(2);
    expect(await embedNewItems(db, embed, '2026-11-19T00:00:00.000Z')).toBe(0);
    expect(calls).toEqual([[embeddingText('First headline', 'First headline [e1] and more words.'), embeddingText('Second headline', 'Second headline [e2] and more words.')]]);
    const stored = await db.select({ id: items.id, embedding: items.embedding }).from(items);
    for (const r of stored) expect(decodeVector(r.embedding)?.length).toBe(64);
  });

  it('refuses a model answer with the wrong number of vectors', async () => {
    const ai = { run: async () => ({ data: [[1, 0]] }) } as unknown as Ai;
    await expect(workersAiEmbedder(ai)(['a', 'b'])).rejects.toThrow(/1 vectors for 2 texts/);
  });

  it('lets the embedding cosine decide a borderline pair, and leaves clustering lexical without vectors', () => {
    const at = (h: number) => new Date(Date.parse('2026-11-20T12:00:00Z') + h * 3_600_000).toISOString();
    const pair: ClusterItem[] = [
      { id: 'a', publisher: 'relay', title: 'Harbour cranes idle as dockers at Pellmore stop work', text: 'Dockers at the port of Pellmore stopped work on Monday over a pay offer.', publishedAt: at(0) },
      { id: 'b', publisher: 'ledger', title: 'Pellmore port shut by walkout', text: 'No ships were unloaded in Pellmore as union members refused to cross picket lines.', publishedAt: at(2) },
    ];
    const vectors = (same: boolean) =>
      new Map(pair.map((item, i) => [item.id, decodeVector(encodeVector(stubVector(same ? '[strike]' : `[other${i}]`)))!]));
    const lexical = clusterWith(pair);
    expect(clusterWith(pair, {}, vectors(true))).toEqual([['a', 'b']]);
    expect(clusterWith(pair, {}, vectors(false))).toEqual([['a'], ['b']]);
    expect(lexical.flat().sort()).toEqual(['a', 'b']);
  });
});
