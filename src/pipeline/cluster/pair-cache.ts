/**
 * Logits of item pairs, kept once computed: an open-addressing table over typed arrays (no entry
 * objects, no boxed keys), since a run of 8,000 items keeps ~100k pairs and reads them again.
 */
/** Items a run may hold (2^26): pair keys stay exact integers in a double (below 2^53). */
const STRIDE = 2 ** 26;

export class PairCache {
  /** Pair keys (i * STRIDE + j, i < j; -1 when empty) and their logits, in slots found by linear probing. */
  private keys: Float64Array;
  private values: Float64Array;
  private size = 0;

  constructor(capacity = 1 << 10) {
    this.keys = new Float64Array(capacity).fill(-1);
    this.values = new Float64Array(capacity);
  }

  /** The slot of pair (i, j), i < j: where it is, or the empty slot where it would go. */
  private slot(i: number, j: number, key: number): number {
    const mask = this.keys.length - 1;
    let s = (Math.imul(i, 0x9e3779b1) ^ Math.imul(j, 0x85ebca6b)) & mask;
    while (this.keys[s] !== key && this.keys[s] !== -1) s = (s + 1) & mask;
    return s;
  }

  /** The logit kept for pair (i, j) in either order, or undefined. */
  get(i: number, j: number): number | undefined {
    if (i > j) return this.get(j, i);
    const key = i * STRIDE + j;
    const s = this.slot(i, j, key);
    return this.keys[s] === key ? this.values[s] : undefined;
  }

  /** Keeps the logit of pair (i, j) in either order. */
  set(i: number, j: number, z: number): void {
    if (i > j) return this.set(j, i, z);
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const key = i * STRIDE + j;
    const s = this.slot(i, j, key);
    if (this.keys[s] !== key) this.size++;
    this.keys[s] = key;
    this.values[s] = z;
  }

  /** Doubles the table, placing every kept pair again. */
  private grow(): void {
    const [keys, values] = [this.keys, this.values];
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.values = new Float64Array(keys.length * 2);
    for (let s = 0; s < keys.length; s++) {
      const key = keys[s]!;
      if (key === -1) continue;
      const i = Math.floor(key / STRIDE);
      const t = this.slot(i, key - i * STRIDE, key);
      this.keys[t] = key;
      this.values[t] = values[s]!;
    }
  }
}
