import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { subsetFiles } from './fonts.ts';
import { isWoff, woffToSfnt } from './woff.ts';

const tags = (sfnt: Uint8Array) => {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  return Array.from({ length: view.getUint16(4) }, (_, i) => String.fromCharCode(...sfnt.subarray(12 + i * 16, 16 + i * 16)));
};

describe('woffToSfnt', () => {
  // The Latin subset: the one opentype.js 2.0's own WOFF reader fails on.
  const [file] = subsetFiles('A', 700).files;
  const woff = readFileSync(file);

  it('unwraps the tables of a WOFF subset of the font package', () => {
    expect(isWoff(woff)).toBe(true);
    const sfnt = woffToSfnt(woff, file);
    expect(isWoff(sfnt)).toBe(false);
    expect(new DataView(sfnt.buffer).getUint32(0)).toBe(woff.readUInt32BE(4)); // the flavour
    expect(tags(sfnt)).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']));
    // Every table starts 4-byte aligned, inside the file.
    const view = new DataView(sfnt.buffer);
    for (let i = 0; i < view.getUint16(4); i++) {
      const offset = view.getUint32(12 + i * 16 + 8);
      expect(offset % 4).toBe(0);
      expect(offset + view.getUint32(12 + i * 16 + 12)).toBeLessThanOrEqual(sfnt.length);
    }
  });

  it('passes other data through and refuses a truncated WOFF', () => {
    const ttf = Uint8Array.of(0, 1, 0, 0, 0, 0);
    expect(woffToSfnt(ttf)).toBe(ttf);
    expect(() => woffToSfnt(woff.subarray(0, 20), 'cut.woff')).toThrow(/cut\.woff: truncated WOFF header/);
    expect(() => woffToSfnt(woff.subarray(0, 100), 'cut.woff')).toThrow(/cut\.woff: .*WOFF/);
  });
});
