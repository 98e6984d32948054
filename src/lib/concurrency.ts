/** Bounded concurrency for async work over a list (ingest's sources, a queue batch's sources). */

/** Runs `work` over `list` with at most `limit` in flight. */
export async function eachWithConcurrency<T>(list: T[], limit: number, work: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(Math.max(1, limit), list.length) }, async () => {
    while (next < list.length) {
      const x = list[next++] as T;
      await work(x);
    }
  });
  await Promise.all(lanes);
}
