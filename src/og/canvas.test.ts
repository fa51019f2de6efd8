import { describe, expect, it } from 'vitest';
import { IndexedCanvas } from './canvas.ts';
import { buildPalette } from './png.ts';

const palette = buildPalette('#ffffff', { a: '#000000', b: '#ff0000' }, 16);
const glyph = (coverage: number[][]) => ({
  left: 0,
  top: -coverage.length,
  width: coverage[0].length,
  height: coverage.length,
  coverage: Uint8Array.from(coverage.flat()),
});

describe('IndexedCanvas', () => {
  it('fills rectangles clipped to the canvas', () => {
    const canvas = new IndexedCanvas(4, 3, palette.level);
    canvas.fillRect(-1, 1, 3, 5, 9);
    expect([...canvas.pixels]).toEqual([0, 0, 0, 0, 9, 9, 0, 0, 9, 9, 0, 0]);
  });

  it('draws glyph coverage through an ink ramp, keeping the larger coverage where glyphs overlap', () => {
    const canvas = new IndexedCanvas(3, 2, palette.level);
    canvas.drawGlyph(glyph([[255, 128, 0]]), 0, 1, palette.ramps.a);
    canvas.drawGlyph(glyph([[64, 255, 0]]), 0, 1, palette.ramps.b);
    const { a, b } = palette.ramps;
    expect([...canvas.pixels]).toEqual([a.solid, b.solid, 0, 0, 0, 0]);
    expect(canvas.pixels[0]).toBe(a.index[255]);
  });

  it('clips a glyph at the canvas edges and copies a base image', () => {
    const base = new IndexedCanvas(2, 2, palette.level);
    base.fillRect(0, 0, 2, 1, 3);
    const canvas = new IndexedCanvas(2, 2, palette.level, base.pixels);
    canvas.drawGlyph(
      glyph([
        [255, 255, 255],
        [255, 255, 255],
      ]),
      1,
      3,
      palette.ramps.a,
    );
    expect([...canvas.pixels]).toEqual([3, 3, 0, palette.ramps.a.solid]);
    expect([...base.pixels]).toEqual([3, 3, 0, 0]); // the base is copied, not drawn on
  });
});
