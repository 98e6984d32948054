/** Hashing helpers that run in workerd and in Node (Web Crypto only). */

const encoder = new TextEncoder();

/** SHA-256 of text or bytes as lower-case hex. */
export async function sha256Hex(input: string | ArrayBuffer | Uint8Array): Promise<string> {
  const data = typeof input === 'string' ? encoder.encode(input) : input;
  const digest = await crypto.subtle.digest('SHA-256', data as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A short, stable, synchronous 64-bit FNV-1a hash as hex: ids and keys, not security. */
export function fnv1a64(text: string): string {
  // The 64-bit state as two 32-bit halves (BigInt arithmetic costs ~20x more): h * (2^40 + 0x1b3) mod 2^64.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    lo ^= text.charCodeAt(i);
    const low = (lo >>> 0) * 0x1b3;
    hi = (hi * 0x1b3 + Math.floor(low / 0x100000000) + ((lo & 0xffffff) << 8 >>> 0)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}
