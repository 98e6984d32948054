/** Distinct runs of k consecutive words of some texts, found by a hash of their words (for `verbatim` and `duplicate`): no run is built as a string. */

// Multiplier of the hashes (the FNV prime: an odd constant that spreads the bits).
const HASH_BASE = 0x01000193;

/** FNV-1a hash of each word: cheaper than looking words up in a vocabulary, and runs are confirmed word by word anyway. */
export function wordHashes(words: readonly string[]): Int32Array {
  const out = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let h = 0x811c9dc5;
    for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), HASH_BASE);
    out[i] = h;
  }
  return out;
}

/**
 * The distinct runs of `size` consecutive words of `texts` (each a list of words), each kept
 * with the first text that has it, in an open-addressing table keyed by a hash of the run's
 * words. Equal hashes are confirmed word by word, so every answer is exact. `size` is a whole
 * number of at least 1.
 *
 * @example
 * const runs = new WordRuns([['a', 'b', 'c'], ['b', 'c', 'd']], 2);
 * runs.count; // 3: "a b", "b c", "c d"
 * runs.find(['x', 'b', 'c'], wordHashes(['x', 'b', 'c']), 1); // 0: the first text has "b c"
 */
export class WordRuns {
  /** How many distinct runs the texts have. */
  readonly count: number;
  private readonly texts: readonly (readonly string[])[];
  private readonly size: number;
  private readonly hashes: Int32Array[];
  private readonly mask: number;
  // Slot -> the text whose run it holds (-1 = empty) and where that run starts.
  private readonly slotText: Int32Array;
  private readonly slotStart: Int32Array;

  constructor(texts: readonly (readonly string[])[], size: number) {
    this.texts = texts;
    this.size = size;
    this.hashes = texts.map(wordHashes);
    let runs = 0;
    for (const t of texts) runs += Math.max(0, t.length - size + 1);
    let capacity = 16;
    while (capacity < runs * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slotText = new Int32Array(capacity).fill(-1);
    this.slotStart = new Int32Array(capacity);
    let count = 0;
    texts.forEach((words, text) => {
      for (let i = 0; i + size <= words.length; i++) {
        const slot = this.slotFor(words, this.hashes[text]!, i);
        // The first text to give a run keeps it.
        if (this.slotText[slot]! >= 0) continue;
        this.slotText[slot] = text;
        this.slotStart[slot] = i;
        count++;
      }
    });
    this.count = count;
  }

  /** The first text (its index) that has the run words[i, i + size), or -1; `hashes` = wordHashes(words). */
  find(words: readonly string[], hashes: Int32Array, i: number): number {
    return this.slotText[this.slotFor(words, hashes, i)]!;
  }

  /** How many of these distinct runs `other` (of the same run length) also has. */
  sharedWith(other: WordRuns): number {
    let shared = 0;
    for (let slot = 0; slot <= this.mask; slot++) {
      const text = this.slotText[slot]!;
      if (text >= 0 && other.find(this.texts[text]!, this.hashes[text]!, this.slotStart[slot]!) >= 0) shared++;
    }
    return shared;
  }

  /** The slot that holds the run words[i, i + size), or the empty slot where it would go. */
  private slotFor(words: readonly string[], hashes: Int32Array, i: number): number {
    let h = 0;
    for (let k = i; k < i + this.size; k++) h = (Math.imul(h, HASH_BASE) + hashes[k]!) | 0;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const text = this.slotText[slot]!;
      if (text < 0) return slot;
      const held = this.texts[text]!;
      const at = this.slotStart[slot]!;
      let k = 0;
      while (k < this.size && held[at + k] === words[i + k]) k++;
      if (k === this.size) return slot;
    }
  }
}
