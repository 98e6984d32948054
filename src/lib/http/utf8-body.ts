/**
 * Request bodies that must be UTF-8 (the editor API's JSON, the desk's forms), decoded strictly:
 * bytes that are not UTF-8 are refused, not turned into U+FFFD and stored.
 */

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The body as text, or undefined when its bytes are not UTF-8.
 * @example strictUtf8(new Uint8Array([0x61, 0xff])) // undefined
 */
export function strictUtf8(bytes: ArrayBuffer | Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

const ESCAPED_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/**
 * Whether an `application/x-www-form-urlencoded` body is UTF-8 throughout: its raw bytes, and
 * the bytes each run of `%XX` escapes stands for (`%FF` is what a non-UTF-8 form sends).
 * @example formBodyIsUtf8(new TextEncoder().encode('reason=caf%C3%A9')) // true; 'reason=%FF' -> false
 */
export function formBodyIsUtf8(bytes: ArrayBuffer | Uint8Array): boolean {
  const text = strictUtf8(bytes);
  if (text === undefined) return false;
  for (const [run] of text.matchAll(ESCAPED_RUN)) {
    const escaped = new Uint8Array(run.length / 3);
    for (let i = 0; i < escaped.length; i++) escaped[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    if (strictUtf8(escaped) === undefined) return false;
  }
  return true;
}
