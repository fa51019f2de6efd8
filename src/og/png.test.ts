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
    expect(palette.level[solid]).toBe(15);
    expect(palette.level[0]).toBe(0);
  });

  it('refuses more than 256 colours', () => {
    expect(() => buildPalette('#ffffff', { a: '#000000', b: '#000000' }, 200)).toThrow(/256/);
  });
});

describe('encodeIndexedPng', () => {
  const palette = buildPalette('#f8f6f1', { ink: '#14161a' }, 16);

  for (const width of [40, 37]) {
    it(`writes an 8-bit palette PNG that decodes to the same indices (width ${width})`, async () => {
      const height = 23;
      const pixels = new Uint8Array(width * height);
      for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7 + (i % width) * (i % 3)) % 16;
      const png = encodeIndexedPng(width, height, pixels, palette.colors);
      const decoded = decode(png);
      expect(decoded).toMatchObject({ width, height, depth: 8, channels: 1 });
      expect(Buffer.from(decoded.data as Uint8Array).equals(Buffer.from(pixels))).toBe(true);
      expect(decoded.palette!.flat()).toEqual([...palette.colors]);
      // And sharp (libspng) reads it as the palette's colours.
      const rgb = await sharp(png).removeAlpha().raw().toBuffer();
      expect([...rgb.subarray(0, 3)]).toEqual([...palette.colors.subarray(pixels[0] * 3, pixels[0] * 3 + 3)]);
    });
  }
});
