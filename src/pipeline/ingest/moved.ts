/** A feed that moved: a permanent redirect seen on two fetches in a row updates the source's stored URL. */
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sources, type Source } from '../../db/schema';
import { normalFeedUrl } from './sources';

export interface MoveOutcome {
  /** Columns to set on the source with its health. */
  set: Pick<Partial<Source>, 'movedTo' | 'feedUrl'>;
  /** Said on the source's health when the move could not be made. */
  warning?: string;
}

/**
 * What a fetch's redirects mean for the source. A temporary redirect (or none) forgets a pending
 * move; a permanent one is remembered, and the same one on the next fetch becomes the feed URL.
 * @example const move = await followMove(db, source, fetched.movedTo)
 */
export async function followMove(db: Db, source: Pick<Source, 'id' | 'movedTo' | 'feedUrl'>, redirectedTo: string | undefined): Promise<MoveOutcome> {
  // Stored in the registry's one form, so a move cannot respell a feed another source reads.
  const movedTo = redirectedTo && normalFeedUrl(redirectedTo);
  if (!movedTo || movedTo === source.feedUrl) return { set: source.movedTo ? { movedTo: null } : {} };
  if (source.movedTo !== movedTo) return { set: { movedTo } };
  // The feed URL is unique: another source already reading that address keeps it.
  const [taken] = await db
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.feedUrl, movedTo), ne(sources.id, source.id)));
  if (taken) {
    return { set: {}, warning: `The feed moved permanently to ${movedTo}, which source ${taken.id} already reads; the URL was not changed` };
  }
  return { set: { feedUrl: movedTo, movedTo: null } };
}
