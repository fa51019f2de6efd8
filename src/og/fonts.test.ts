import { describe, expect, it } from 'vitest';
import { fontGlyph, kerning, loadGlyphs, loadedFontFiles, parseFontCss, subsetFiles } from './fonts.ts';

const TITLE = '臺北市政府主任秘書會報第210次會議紀錄';
const SITE = '臺北市政府會議紀錄典藏';

describe('subsetFiles', () => {
  it('finds the subset files of a text in both weights, every character covered', () => {
    for (const weight of [400, 700] as const) {
      const { files, uncovered } = subsetFiles(`${TITLE}（民國）${SITE}…\u00a0`, weight);
      expect(uncovered).toEqual([]);
      expect(files.length).toBeGreaterThan(1);
      for (const file of files) expect(file).toMatch(new RegExp(`noto-sans-tc-.+-${weight}-normal\\.woff$`));
    }
  });

  it('lists the characters no subset holds', () => {
    expect(subsetFiles('會😀\ue000', 700).uncovered).toEqual(['😀', '\ue000']);
  });

  it('parses unicode ranges, including wildcards', () => {
    const css = `@font-face { src: url(./files/a.woff2) format('woff2'), url(./files/a.woff) format('woff');
      unicode-range: U+4e00-4e10,U+20,U+30??; }`;
    const [subset] = parseFontCss(css, '/fonts');
    expect(subset.file).toBe('/fonts/a.woff');
    expect(subset.ranges).toEqual([
      [0x20, 0x20],
      [0x3000, 0x30ff],
      [0x4e00, 0x4e10],
    ]);
  });
});

describe('loadGlyphs', () => {
  it('gives each character its glyph, advance and the font metrics', async () => {
    await loadGlyphs(`${TITLE}A\u00a0 `, 700);
    const glyph = fontGlyph('會', 700);
    expect(glyph.glyph.index).toBeGreaterThan(0);
    expect(glyph.advance).toBe(1); // ideographs are 1em
    expect(glyph.glyph.path.commands.length).toBeGreaterThan(10);
    expect(glyph).toMatchObject({ ascender: 1.16, descender: 0.288 }); // Noto Sans TC's hhea
    expect(fontGlyph('2', 700).advance).toBeGreaterThan(0.4);
    expect(fontGlyph('2', 700).advance).toBeLessThan(0.7);
    // The no-break space is as wide as a space, and draws nothing.
    expect(fontGlyph('\u00a0', 700).advance).toBe(fontGlyph(' ', 700).advance);
    expect(fontGlyph(' ', 700).glyph.path.commands).toEqual([]);
    expect(loadedFontFiles()).toBeGreaterThan(1);
  });

  it('draws characters in no subset with the .notdef box of one subset', async () => {
    await loadGlyphs('😀\ue000', 700);
    const [emoji, privateUse] = [fontGlyph('😀', 700), fontGlyph('\ue000', 700)];
    expect(emoji.glyph.index).toBe(0);
    expect(emoji.id).toBe(privateUse.id);
    expect(emoji.advance).toBe(1);
    expect(emoji.glyph.path.commands.length).toBeGreaterThan(4); // a box, not nothing
  });

  it('throws for a character that was not loaded', () => {
    expect(() => fontGlyph('鬱', 400)).toThrow(/no glyph loaded/);
  });
});

describe('kerning', () => {
  it('kerns Latin pairs of one font, never across fonts', async () => {
    await loadGlyphs('Tai會', 700);
    expect(kerning(fontGlyph('T', 700), fontGlyph('a', 700))).toBeLessThan(0);
    expect(kerning(fontGlyph('a', 700), fontGlyph('i', 700))).toBe(0);
    expect(kerning(fontGlyph('T', 700), fontGlyph('會', 700))).toBe(0);
  });
});
