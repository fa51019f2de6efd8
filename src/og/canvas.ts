/**
 * An image of palette indices (see png.ts) that glyph bitmaps and rectangles are drawn into. It
 * holds indices, not colours: a card's palette is fixed, so drawing a glyph is one table lookup a
 * pixel and the PNG needs no quantization.
 */
import type { GlyphBitmap } from './glyphs.ts';
import type { Ramp } from './png.ts';

export class IndexedCanvas {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
  /** The coverage level of each palette index, from the palette. */
  private readonly level: Uint8Array;

  /** A canvas of the background (index 0), or a copy of `pixels` (a precomputed base). */
  constructor(width: number, height: number, level: Uint8Array, pixels?: Uint8Array) {
    this.width = width;
    this.height = height;
    this.level = level;
    this.pixels = pixels ? pixels.slice() : new Uint8Array(width * height);
  }

  /** Fills a rectangle (whole pixels, clipped to the canvas) with one index. */
  fillRect(x: number, y: number, width: number, height: number, index: number): void {
    const x0 = Math.max(0, x);
    const x1 = Math.min(this.width, x + width);
    for (let row = Math.max(0, y); row < Math.min(this.height, y + height); row++)
      if (x1 > x0) this.pixels.fill(index, row * this.width + x0, row * this.width + x1);
  }

  /**
   * Draws a glyph with its pen at (`x`, `y`) on the baseline, clipped to the canvas. Where it
   * overlaps something already drawn (tight kerning, a glyph reaching into the next), the pixel
   * keeps the larger coverage.
   */
  drawGlyph(bitmap: GlyphBitmap, x: number, y: number, ramp: Ramp): void {
    const { pixels, level, width: canvasWidth } = this;
    const left = x + bitmap.left;
    const top = y + bitmap.top;
    const col0 = Math.max(0, -left);
    const col1 = Math.min(bitmap.width, canvasWidth - left);
    const row0 = Math.max(0, -top);
    const row1 = Math.min(bitmap.height, this.height - top);
    const { coverage } = bitmap;
    const index = ramp.index;
    for (let row = row0; row < row1; row++) {
      const src = row * bitmap.width;
      const dst = (top + row) * canvasWidth + left;
      for (let col = col0; col < col1; col++) {
        const value = coverage[src + col];
        if (!value) continue;
        const next = index[value];
        if (level[next] > level[pixels[dst + col]]) pixels[dst + col] = next;
      }
    }
  }
}
