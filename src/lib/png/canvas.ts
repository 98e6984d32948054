/** An indexed-colour pixel canvas (one byte a pixel, up to 256 colours) that draws rectangles and block text and encodes as PNG. */
import { encodeIndexedPng } from './encode';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyph } from './font';

/** An sRGB colour as [r, g, b], each 0–255. */
export type Rgb = [number, number, number];

export class IndexedCanvas {
  readonly pixels: Uint8Array;

  /** @param palette the colours; pixel value i is palette[i] (the canvas starts filled with colour 0). */
  constructor(
    readonly width: number,
    readonly height: number,
    readonly palette: Rgb[],
  ) {
    if (palette.length < 1 || palette.length > 256) throw new RangeError('A palette holds 1 to 256 colours');
    this.pixels = new Uint8Array(width * height);
  }

  /** Fills a rectangle, clipped to the canvas. */
  fillRect(x: number, y: number, w: number, h: number, colour: number): void {
    const x0 = Math.max(0, Math.floor(x));
    const x1 = Math.min(this.width, Math.floor(x + w));
    const y0 = Math.max(0, Math.floor(y));
    const y1 = Math.min(this.height, Math.floor(y + h));
    for (let row = y0; row < y1; row++) this.pixels.fill(colour, row * this.width + x0, row * this.width + x1);
  }

  /**
   * Draws text in the block font with its top-left corner at (x, y); each font pixel is a
   * `scale`-pixel square. Returns the x after the text.
   */
  drawText(text: string, x: number, y: number, scale: number, colour: number): number {
    let cursor = x;
    for (const ch of text) {
      const rows = glyph(ch);
      if (rows) {
        rows.forEach((row, gy) =>
          row.forEach((ink, gx) => {
            if (ink) this.fillRect(cursor + gx * scale, y + gy * scale, scale, scale, colour);
          }),
        );
      }
      cursor += advance(scale);
    }
    return cursor;
  }

  /** The image as PNG bytes (colour type 3, 8 bits). */
  toPng(): Promise<Uint8Array> {
    return encodeIndexedPng(this.width, this.height, this.pixels, this.palette);
  }
}

/** Horizontal distance from one character to the next: the glyph and one pixel of space. */
export function advance(scale: number): number {
  return (GLYPH_WIDTH + 1) * scale;
}

/** Width in pixels of text drawn at this scale (without the trailing space). */
export function textWidth(text: string, scale: number): number {
  const n = [...text].length;
  return n ? n * advance(scale) - scale : 0;
}

/** Height in pixels of a line drawn at this scale. */
export function lineHeight(scale: number): number {
  return GLYPH_HEIGHT * scale;
}
