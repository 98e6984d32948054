/** Independence is counted by publisher, not by feed: two feeds of one outlet are one account. */

/** How many distinct publishers (case-folded, trimmed) the names hold. */
export function independentPublishers(names: readonly string[]): number {
  return new Set(names.map((p) => p.trim().toLowerCase())).size;
}

/** "3 independent publishers" (or "1 independent publisher"). */
export function publishersLabel(n: number): string {
  return `${n} independent ${n === 1 ? 'publisher' : 'publishers'}`;
}
