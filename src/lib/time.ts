/** Time helpers: the newsroom stores and compares ISO 8601 UTC strings. */

export const HOUR_MS = 3_600_000;

/** Now as ISO 8601 UTC (millisecond precision). */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}

/** Hours between two ISO times (b - a). */
export function hoursBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / HOUR_MS;
}

/** The date part (yyyy-mm-dd, UTC) of a time. */
export function isoDay(at: Date | string): string {
  return (typeof at === 'string' ? new Date(at) : at).toISOString().slice(0, 10);
}
