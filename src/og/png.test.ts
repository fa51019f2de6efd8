import { decode } from 'fast-png';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildPalette, encodeIndexedPng, parseHex } from './png.ts';

describe('buildPalette', () => {
  const palette = buildPalette('#f8f6f1', { ink: '#14161a', rule: '#c9c2b2' }, 16);

  it('puts the background first, then a ramp of each ink from faint to full', () => {
    expect(palette.colors.length).toBe((1 + 2 * 15) * 3);
    expect([...palette.colors.subarray(0, 3)]).toEqual(parseHex('#f8f6f1'));
    const { index, solid } = palette.ramps.ink;
    expect([...palette.colors.subarray(solid * 3, solid * 3 + 3)]).toEqual(parseHex('#14161a'));
    expect(index[0]).toBe(0);
    expect(index[255]).toBe(solid);
    expect(index[128]).toBeGreaterThan(0);
    // Darker with more coverage.
    const red = (i: number) => palette.colors[index[i] * 3];
    for (let coverage = 16; coverage < 256; coverage += 16) expect(red(coverage)).toBeLessThanOrEqual(red(coverage - 16));
    expect(palette.level[solid]).toBe(255);
    expect(palette.level[0]).toBe(0);
  });

  it('gives each ink its own number of levels: a solid-only ink one colour', () => {
    const mixed = buildPalette('#f8f6f1', { ink: '#14161a', rule: '#c9c2b2' }, { ink: 5, rule: 2 });
    expect(mixed.colors.length).toBe((1 + 4 + 1) * 3);
    expect([...mixed.colors.subarray(mixed.ramps.rule.solid * 3, mixed.ramps.rule.solid * 3 + 3)]).toEqual(parseHex('#c9c2b2'));
    expect(mixed.ramps.rule.index[255]).toBe(mixed.ramps.rule.solid);
    expect(mixed.ramps.rule.index[100]).toBe(0);
    // Levels are coverage, comparable across inks of different ramps.
    expect(mixed.level[mixed.ramps.ink.solid]).toBe(mixed.level[mixed.ramps.rule.solid]);
  });

  it('refuses more than 256 colours', () => {
    expect(() => buildPalette('#ffffff', { a: '#000000', b: '#000000' }, 200)).toThrow(/256/);
  });
});

describe('encodeIndexedPng', () => {
  /** Decoded indices, one a pixel (a 4-bit PNG holds two a byte, the left one high). */
  const unpacked = (data: Uint8Array, width: number, height: number, depth: number) => {
    if (depth === 8) return Buffer.from(data);
    const rowBytes = Math.ceil(width / 2);
    const pixels = Buffer.alloc(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = (data[y * rowBytes + (x >> 1)] >> (x & 1 ? 0 : 4)) & 15;
    return pixels;
  };

  for (const [colours, depth] of [
    [16, 4],
    [31, 8],
  ] as const)
    for (const width of [40, 37]) {
      it(`writes a ${depth}-bit PNG of ${colours} colours that decodes to the same indices (width ${width})`, async () => {
        const palette = buildPalette('#f8f6f1', colours === 16 ? { ink: '#14161a' } : { ink: '#14161a', rule: '#c9c2b2' }, 16);
        expect(palette.colors.length / 3).toBe(colours);
        const height = 23;
        const pixels = new Uint8Array(width * height);
        for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7 + (i % width) * (i % 3)) % colours;
        const png = encodeIndexedPng(width, height, pixels, palette.colors);
        const decoded = decode(png);
        expect(decoded).toMatchObject({ width, height, depth, channels: 1 });
        expect(unpacked(decoded.data as Uint8Array, width, height, depth).equals(Buffer.from(pixels))).toBe(true);
        expect(decoded.palette!.flat()).toEqual([...palette.colors]);
        // And sharp (libspng) reads it as the palette's colours, the last pixel of a row included.
        const rgb = await sharp(png).removeAlpha().raw().toBuffer();
        for (const at of [0, width - 1, width * height - 1])
          expect([...rgb.subarray(at * 3, at * 3 + 3)]).toEqual([...palette.colors.subarray(pixels[at] * 3, pixels[at] * 3 + 3)]);
      });
    }
});
