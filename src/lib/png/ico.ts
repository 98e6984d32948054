/** Wraps one PNG in an ICO container (Windows Vista and every browser read PNG-in-ICO). */

/**
 * @param png PNG bytes of a square image of `size` pixels (1–256)
 * @returns the .ico file: 6-byte header, one 16-byte directory entry, then the PNG
 */
export function pngToIco(png: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(22 + png.length);
  const view = new DataView(out.buffer);
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, 1, true); // one image
  out[6] = size >= 256 ? 0 : size; // 0 means 256
  out[7] = size >= 256 ? 0 : size;
  view.setUint16(10, 1, true); // colour planes
  view.setUint16(12, 32, true); // bits per pixel
  view.setUint32(14, png.length, true);
  view.setUint32(18, 22, true); // offset of the PNG
  out.set(png, 22);
  return out;
}
