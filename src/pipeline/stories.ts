/**
 * Stories in D1, kept incrementally: the items of the last CLUSTER_WINDOW_HOURS that have no story
 * yet join the open stories (through the clusterer's blocking index, never a re-clustering of the
 * window) or start new ones, and the stories that became ready or grew are reported so the run can
 * start a workflow per `{storyId}-v{sourceSetHash}`.
 *
 * Stability rules: an item, once in a story, stays there (a published article never loses a
 * source because a later batch clustered differently). Kept stories never merge; only new items
 * move. A group of new items that joins no story starts one, keyed by its earliest item.
 */
import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { items, sources, stories, type Item } from '../db/schema';
import type { Config } from '../env';
import { fnv1a64 } from '../lib/hash';
import { chunks } from '../lib/chunks';
import { copyGroups, independentPublishers, joinStories, type ClusterPolicy, type OpenStory } from './cluster';
import { decodeVector } from './cluster/embed';
import type { ClusterItem, SourceDoc } from './types';

export interface StoryToStart {
  storyId: string;
  sourceSetHash: string;
  /** new = reached MIN_PUBLISHERS for the first time; grew = its source set changed after that; revised = a source changed its item's text. */
  reason: 'new' | 'grew' | 'revised';
}

export interface StoriesUpdate {
  created: number;
  updated: number;
  /** Items given a story in this pass. */
  assigned: number;
  toWrite: StoryToStart[];
}

export interface UpdateStoriesOptions {
  config: Pick<Config, 'CLUSTER_WINDOW_HOURS' | 'MIN_PUBLISHERS'>;
  now: Date;
  policy?: Partial<ClusterPolicy>;
}

/** D1 allows 100 bound parameters per statement; stay well below. */
const CHUNK = 90;


function toClusterItem(row: Item): ClusterItem {
  return {
    id: row.id,
    publisher: row.publisher,
    title: row.title,
    text: row.contentText || row.summary || '',
    url: row.canonicalUrl ?? row.url ?? undefined,
    publishedAt: row.publishedAt,
  };
}

const byTimeThenId = (a: Item, b: Item) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The story id for a key: deterministic, so two overlapping runs make the same row, not two. */
export function storyIdFor(key: string): string {
  return `st_${fnv1a64(`story:${key}`)}`;
}

/** Hash of a story's sorted item ids (with their revision, once revised): a new value means the story's sources changed. */
export function sourceSetHash(itemIds: string[]): string {
  return fnv1a64([...itemIds].sort().join('\n'));
}

/** An item as the source set counts it: a revised item is a new source version, so the story is written again. */
const itemVersion = (row: Pick<Item, 'id' | 'revision'>) => (row.revision ? `${row.id}#r${row.revision}` : row.id);

/**
 * Clusters recent items into stories and writes the result in one batch.
 * A second call with no new items writes nothing and reports nothing to start.
 * @example const { toWrite } = await updateStories(db, { config, now: new Date() })
 */
export async function updateStories(db: Db, opts: UpdateStoriesOptions): Promise<StoriesUpdate> {
  const since = new Date(opts.now.getTime() - opts.config.CLUSTER_WINDOW_HOURS * 3_600_000).toISOString();
  const recent = await db.select().from(items).where(gte(items.publishedAt, since)).orderBy(asc(items.publishedAt), asc(items.id));
  const result: StoriesUpdate = { created: 0, updated: 0, assigned: 0, toWrite: [] };
  if (!recent.length) return result;

  const byId = new Map(recent.map((row) => [row.id, row]));
  const newRows = recent.filter((r) => !r.storyId);
  // Stories with an item its publisher changed after first sight: their source set hash may have moved.
  const revisedIn = new Set(recent.flatMap((r) => (r.storyId && r.revision > 0 ? [r.storyId] : [])));
  if (!newRows.length && !revisedIn.size) return result;
  const open = new Map<string, OpenStory>();
  for (const r of recent) {
    if (!r.storyId) continue;
    const story = open.get(r.storyId) ?? { id: r.storyId, items: [] };
    story.items.push(toClusterItem(r));
    open.set(r.storyId, story);
  }
  const vectors = new Map<string, Float32Array>();
  for (const r of recent) {
    const v = decodeVector(r.embedding);
    if (v) vectors.set(r.id, v);
  }
  const { joins, created } = joinStories([...open.values()], newRows.map(toClusterItem), { windowHours: opts.config.CLUSTER_WINDOW_HOURS, ...opts.policy }, vectors);
  const fresh = created.map((ids) => ids.map((id) => byId.get(id)!));
  const storyIdsInPlay = new Set([...joins.keys(), ...revisedIn]);
  const existing = new Map<string, typeof stories.$inferSelect>();
  for (const ids of chunks([...storyIdsInPlay], CHUNK)) for (const s of await db.select().from(stories).where(inArray(stories.id, ids))) existing.set(s.id, s);
  if (!joins.size && !fresh.length && !revisedIn.size) return result;

  // Every item of a touched story (also those older than the window) counts toward its numbers.
  const members = new Map<string, Item[]>();
  for (const ids of chunks([...storyIdsInPlay], CHUNK)) {
    for (const row of await db.select().from(items).where(inArray(items.storyId, ids))) {
      members.set(row.storyId!, [...(members.get(row.storyId!) ?? []), row]);
    }
  }

  const nowIso = opts.now.toISOString();
  const statements: Parameters<Db['batch']>[0][number][] = [];
  const summarise = (rows: Item[]) => {
    const sorted = [...rows].sort(byTimeThenId);
    return {
      title: sorted[0]!.title,
      publisherCount: independentPublishers(sorted.map(toClusterItem), opts.policy),
      itemCount: sorted.length,
      sourceSetHash: sourceSetHash(sorted.map(itemVersion)),
      firstSeenAt: sorted[0]!.publishedAt,
      lastSeenAt: sorted[sorted.length - 1]!.publishedAt,
    };
  };
  const assign = (storyId: string, ids: string[]) => {
    result.assigned += ids.length;
    for (const part of chunks(ids, CHUNK)) {
      statements.push(db.update(items).set({ storyId }).where(and(inArray(items.id, part), isNull(items.storyId))));
    }
  };

  for (const rows of fresh) {
    const sorted = [...rows].sort(byTimeThenId);
    const key = sorted[0]!.id;
    const id = storyIdFor(key);
    const s = summarise(sorted);
    const ready = s.publisherCount >= opts.config.MIN_PUBLISHERS;
    statements.push(
      db.insert(stories).values({ id, key, ...s, status: ready ? 'ready' : 'collecting', createdAt: nowIso, updatedAt: nowIso }).onConflictDoNothing(),
    );
    assign(id, sorted.map((r) => r.id));
    result.created++;
    if (ready) result.toWrite.push({ storyId: id, sourceSetHash: s.sourceSetHash, reason: 'new' });
  }

  for (const [storyId, joining] of joins) {
    const story = existing.get(storyId);
    if (!story) continue; // its row vanished (deleted by hand): leave these items for the next run
    const all = [...(members.get(storyId) ?? []), ...joining.map((id) => byId.get(id)!)];
    const s = summarise(all);
    const ready = s.publisherCount >= opts.config.MIN_PUBLISHERS;
    let status = story.status;
    let reason: StoryToStart['reason'] | undefined;
    if (story.status === 'collecting' && ready) [status, reason] = ['ready', 'new'];
    else if (story.status !== 'collecting' && s.sourceSetHash !== story.sourceSetHash) [status, reason] = ['ready', 'grew'];
    statements.push(
      db.update(stories).set({ ...s, status, updatedAt: nowIso }).where(eq(stories.id, storyId)),
    );
    assign(storyId, joining);
    result.updated++;
    if (reason) result.toWrite.push({ storyId, sourceSetHash: s.sourceSetHash, reason });
  }

  for (const storyId of revisedIn) {
    const story = existing.get(storyId);
    const rows = members.get(storyId);
    if (!story || !rows?.length || joins.has(storyId)) continue; // a joined story was summed up above, revisions included
    const s = summarise(rows);
    if (story.status === 'collecting' || s.sourceSetHash === story.sourceSetHash) continue;
    statements.push(db.update(stories).set({ ...s, status: 'ready', updatedAt: nowIso }).where(eq(stories.id, storyId)));
    result.updated++;
    result.toWrite.push({ storyId, sourceSetHash: s.sourceSetHash, reason: 'revised' });
  }

  if (statements.length) await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
  return result;
}

/** A numbered source with the item it came from. */
export type StorySourceDoc = SourceDoc & { itemId: string };

/**
 * The sources a story is written from, numbered 1..k by publication time: one per item,
 * leaving out republished copies (the original stays) and items flagged for instruction-like text.
 */
export async function loadStorySources(db: Db, storyId: string): Promise<StorySourceDoc[]> {
  const rows = await db
    .select({ item: items, homepage: sources.homepage })
    .from(items)
    .innerJoin(sources, eq(items.sourceId, sources.id))
    .where(eq(items.storyId, storyId))
    .orderBy(asc(items.publishedAt), asc(items.id));
  const originals = new Set(copyGroups(rows.map((r) => toClusterItem(r.item))).map((group) => group[0]!));
  return rows
    .filter(({ item }) => originals.has(item.id) && !item.injectionFlag)
    .map(({ item, homepage }, i) => ({
      n: i + 1,
      itemId: item.id,
      publisher: item.publisher,
      url: item.url ?? item.canonicalUrl ?? homepage ?? '',
      title: item.title,
      text: item.contentText || item.summary || '',
      publishedAt: item.publishedAt,
    }));
}
