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
 * Windows-1252); invalid sequences become U+FFFD rather than failing the feed.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): string {
  const { charset, skip } = sniffFeedCharset(bytes, contentType);
  const body = bytes.subarray(skip);
  if (charset === 'utf-32le' || charset === 'utf-32be') return decodeUtf32(body, charset === 'utf-32le');
  return new TextDecoder(charset, { fatal: false, ignoreBOM: true }).decode(body);
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
