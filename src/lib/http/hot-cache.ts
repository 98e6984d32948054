/**
 * A few seconds of memory in front of the edge cache: the pages one isolate is serving right now
 * answer without a Cache API lookup. Bounded in entries, bytes and age; purges clear it too.
 */

/** How long an entry answers from memory. Short, so an isolate that did not see a purge is stale for seconds at most. */
export const HOT_TTL_MS = 5_000;
const MAX_ENTRIES = 64;
/** Pages larger than this stay in the Cache API only. */
const MAX_ENTRY_BYTES = 512 * 1024;

interface HotEntry {
  body: ArrayBuffer;
  status: number;
  headers: [string, string][];
  /** Date.now() after which the entry is no longer served. */
  expires: number;
}

// Map keeps insertion order: the first key is the oldest entry, evicted first.
const entries = new Map<string, HotEntry>();

/** A fresh response for `key` from memory, or undefined when there is none or it is older than HOT_TTL_MS. */
export function hotGet(key: string, now = Date.now()): Response | undefined {
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (entry.expires <= now) {
    entries.delete(key);
    return undefined;
  }
  return new Response(entry.body, { status: entry.status, headers: entry.headers });
}

/** Keeps `body` with the status and headers of `res` under `key` for HOT_TTL_MS (ignored when too large). */
export function hotPut(key: string, res: Response, body: ArrayBuffer, now = Date.now()): void {
  if (body.byteLength > MAX_ENTRY_BYTES) return;
  entries.delete(key);
  while (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, { body, status: res.status, headers: [...res.headers], expires: now + HOT_TTL_MS });
}

/** Forgets `key` (called with every edge-cache purge). */
export function hotDelete(key: string): void {
  entries.delete(key);
}
