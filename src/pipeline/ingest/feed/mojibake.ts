/**
 * Repairs UTF-8 text that was read as Windows-1252 somewhere upstream and re-encoded ("Ã©" for
 * "é", "â€™" for "’"), as feedparser does for double-encoded feeds.
 */
// By hand, and narrow on purpose: only the lead characters that real mojibake of Latin and
// punctuation text produces (Â Ã Ä Å, and â before €‚ƒ„…), so "CAFÉ”" stays as written.

let reverse: Map<string, number> | undefined;
let candidate: RegExp | undefined;

/** Windows-1252 character -> its byte, for 0x80-0xFF (undefined bytes stand as C1 controls). */
function windows1252Bytes(): Map<string, number> {
  if (reverse) return reverse;
  reverse = new Map();
  const decoded = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 128 }, (_, i) => i + 128));
  Array.from(decoded).forEach((ch, i) => reverse!.set(ch, i + 128));
  for (let b = 0x80; b <= 0x9f; b++) reverse.set(String.fromCharCode(b), b);
  return reverse;
}

function candidatePattern(): RegExp {
  if (candidate) return candidate;
  const map = windows1252Bytes();
  const cont = [...map].filter(([, b]) => b >= 0x80 && b <= 0xbf).map(([ch]) => ch);
  const punct = [...map].filter(([, b]) => b >= 0x80 && b <= 0x86).map(([ch]) => ch);
  const c = escapeClass(cont.join(''));
  candidate = new RegExp(`[\u00c2-\u00c5][${c}]|\u00e2[${escapeClass(punct.join(''))}][${c}]`, 'g');
  return candidate;
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

/**
 * The text with each mojibake sequence decoded back to the character it was.
 * @example repairMojibake('Caf\u00c3\u00a9 \u00e2\u20ac\u201c open') // 'Café – open'
 */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00c5\u00e2]/.test(text)) return text;
  const map = windows1252Bytes();
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return text.replace(candidatePattern(), (seq) => {
    const bytes = Uint8Array.from(Array.from(seq), (ch) => map.get(ch) ?? ch.charCodeAt(0));
    try {
      const decoded = utf8.decode(bytes);
      return decoded.length === 1 && decoded >= '\u00a0' ? decoded : seq;
    } catch {
      return seq;
    }
  });
}
