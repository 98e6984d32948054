/** Plain-text helpers shared by clustering, writing and checking: words, sentences, shingles. */

/** Collapses runs of whitespace to single spaces and trims. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Lower-case word tokens (letters and digits, Unicode-aware), apostrophes folded. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .match(/[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Number of words a reader would count. */
export function wordCount(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/**
 * Sentences of a plain text. Splits after . ! ? (and closing quotes) when the next
 * word starts a sentence, keeping common abbreviations and decimals intact.
 */
export function sentences(text: string): string[] {
  const clean = normalizeWhitespace(text);
  if (!clean) return [];
  const out: string[] = [];
  const re = /[.!?]+["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let m = re.exec(clean); m; m = re.exec(clean)) {
    const before = clean.slice(start, m.index);
    if (/\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|etc|Inc|Ltd|Co|Corp|No|Gen|Sen|Rep|Gov|U\.S|e\.g|i\.e|[A-Z])$/.test(before)) continue;
    out.push(clean.slice(start, m.index + m[0].length).trim());
    start = m.index + m[0].length;
  }
  const rest = clean.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Word n-gram shingles (joined by spaces) of a token list. */
export function shingles(tokens: readonly string[], size: number): Set<string> {
  const out = new Set<string>();
  if (tokens.length < size) {
    if (tokens.length) out.add(tokens.join(' '));
    return out;
  }
  for (let i = 0; i + size <= tokens.length; i++) out.add(tokens.slice(i, i + size).join(' '));
  return out;
}

/** Jaccard similarity of two sets. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (!a.size && !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
