/** Finds a feed's character encoding (BOM, then HTTP charset, then XML declaration) and decodes its bytes. */

export interface CharsetGuess {
  /** The encoding used, as TextDecoder names it (or utf-32le/utf-32be, decoded by hand). */
  charset: string;
  /** Where it came from. */
  source: 'bom' | 'http' | 'xml' | 'sniffed' | 'default';
  /** Bytes to skip (the BOM). */
  skip: number;
}

/** Which encoding a feed's bytes are in. */
export function sniffFeedCharset(bytes: Uint8Array, contentType?: string): CharsetGuess {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { charset: 'utf-8', source: 'bom', skip: 3 };
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { charset: 'utf-32be', source: 'bom', skip: 4 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { charset: 'utf-32le', source: 'bom', skip: 4 };
  if (b0 === 0xfe && b1 === 0xff) return { charset: 'utf-16be', source: 'bom', skip: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { charset: 'utf-16le', source: 'bom', skip: 2 };
  // '<' (or '<?') in a wide encoding, without a BOM (XML 1.0 appendix F).
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x3c) return { charset: 'utf-32be', source: 'sniffed', skip: 0 };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return { charset: 'utf-32le', source: 'sniffed', skip: 0 };
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00) return { charset: 'utf-16be', source: 'sniffed', skip: 0 };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f) return { charset: 'utf-16le', source: 'sniffed', skip: 0 };
  const http = supportedCharset(contentType?.match(/;\s*charset\s*=\s*["']?([^"';\s]+)/i)?.[1]);
  if (http && !http.startsWith('utf-16')) return { charset: http, source: 'http', skip: 0 };
  const head = String.fromCharCode(...bytes.subarray(0, 512));
  const declared = head.match(/^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/)?.[1];
  const xml = supportedCharset(declared);
  // A declaration of UTF-16 on bytes with no wide '<' is a lie the bytes themselves disprove.
  if (xml && !xml.startsWith('utf-16')) return { charset: xml, source: 'xml', skip: 0 };
  return { charset: 'utf-8', source: 'default', skip: 0 };
}

/**
 * Decodes a feed's bytes to text. Legacy charsets decode as browsers do (ISO-8859-1 as
 * Windows-1252); bytes that are not valid UTF-8 in a UTF-8 feed are read as Windows-1252
 * (as feedparser falls back), and other invalid sequences become U+FFFD rather than failing the feed.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): string {
  return decodeFeed(bytes, contentType).text;
}

/** decodeFeedBytes, with a warning when the declared encoding did not fit the bytes. */
export function decodeFeed(bytes: Uint8Array, contentType?: string): { text: string; warning?: string } {
  const { charset, skip } = sniffFeedCharset(bytes, contentType);
  const body = bytes.subarray(skip);
  if (charset === 'utf-32le' || charset === 'utf-32be') return { text: decodeUtf32(body, charset === 'utf-32le') };
  // A CMS that writes UTF-8 under a Latin-1 label: bytes that are valid UTF-8 with multi-byte
  // sequences are almost never Latin-1 text, and reading them as it gives "Ã©" for "é".
  if (LEGACY_SINGLE_BYTE.test(charset) && hasUtf8MultiByte(body)) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
      return { text, warning: `The feed is labelled ${charset} but its bytes are UTF-8; they were read as UTF-8` };
    } catch {
      // Not UTF-8 after all: the label was right.
    }
  }
  if (charset === 'utf-8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
    } catch {
      return { text: decodeUtf8Or1252(body), warning: 'Some bytes were not valid UTF-8 as declared; they were read as Windows-1252' };
    }
  }
  return { text: new TextDecoder(charset, { fatal: false, ignoreBOM: true }).decode(body) };
}

const LEGACY_SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+)$/;

/** Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence. */
function hasUtf8MultiByte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0xc2 && utf8SequenceLength(bytes, i) > 0) return true;
  return false;
}

let cp1252: string[] | undefined;

/**
 * UTF-8 where the bytes are valid UTF-8, Windows-1252 byte by byte where they are not: feeds
 * that mix the two (an editor pasting from Word into a UTF-8 CMS) keep both right.
 */
// By hand: TextDecoder can only replace invalid bytes with U+FFFD or throw, never fall back per byte.
function decodeUtf8Or1252(bytes: Uint8Array): string {
  cp1252 ??= Array.from(new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 128 }, (_, i) => i + 128)));
  const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  const parts: string[] = [];
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    if (i > runStart) parts.push(utf8.decode(bytes.subarray(runStart, i)));
    parts.push(cp1252[b - 0x80]!);
    i++;
    runStart = i;
  }
  if (runStart < bytes.length) parts.push(utf8.decode(bytes.subarray(runStart)));
  return parts.join('');
}

/** Length of the valid UTF-8 sequence starting at i (a byte >= 0x80), or 0 when it is not one. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** The TextDecoder name for a label, or undefined when this runtime cannot decode it. */
function supportedCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const lower = label.trim().toLowerCase();
  if (lower === 'utf-32' || lower === 'utf-32le' || lower === 'utf-32be' || lower === 'ucs-4') {
    return lower === 'utf-32be' ? 'utf-32be' : 'utf-32le';
  }
  try {
    return new TextDecoder(lower).encoding;
  } catch {
    return undefined;
  }
}

// TextDecoder has no UTF-32 (the Encoding Standard dropped it), and it is four lines by hand.
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let i = 0; i + 4 <= bytes.byteLength; i += 4) {
    const code = view.getUint32(i, littleEndian);
    parts.push(code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD');
  }
  return parts.join('');
}
