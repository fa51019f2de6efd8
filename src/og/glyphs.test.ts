import { describe, expect, it } from 'vitest';
import { fontGlyph, loadGlyphs } from './fonts.ts';
import { atlasStats, glyphBitmap, rasterizeGlyphs } from './glyphs.ts';

describe('rasterizeGlyphs', () => {
  it('rasterizes the glyphs new to the atlas in one sharp call, once', async () => {
    await loadGlyphs('一會議紀錄 A', 700);
    const requests = [...'一會議紀錄 A'].map((char) => ({ glyph: fontGlyph(char, 700), size: 64 }));
    const before = atlasStats();
    await rasterizeGlyphs(requests);
    const after = atlasStats();
    expect(after.batches).toBe(before.batches + 1);
    expect(after.glyphs).toBe(before.glyphs + requests.length);
    // Drawn already: no sharp call. Two cards at once share one call.
    await Promise.all([rasterizeGlyphs(requests), rasterizeGlyphs(requests)]);
    expect(atlasStats().batches).toBe(after.batches);
  });

  it('keeps a coverage bitmap placed around the pen position on the baseline', async () => {
    await loadGlyphs('一會 ', 700);
    const request = { glyph: fontGlyph('會', 700), size: 100 };
    await rasterizeGlyphs([request, { glyph: fontGlyph('一', 700), size: 100 }, { glyph: fontGlyph(' ', 700), size: 100 }]);
    const bitmap = glyphBitmap(request);
    // An ideograph fills most of its em square, from about 0.88em above the baseline to 0.12em below.
    expect(bitmap.width).toBeGreaterThan(80);
    expect(bitmap.width).toBeLessThanOrEqual(100);
    expect(bitmap.left).toBeGreaterThanOrEqual(0);
    expect(bitmap.top).toBeLessThan(-80);
    expect(bitmap.top + bitmap.height).toBeGreaterThan(0);
    expect(bitmap.coverage.length).toBe(bitmap.width * bitmap.height);
    expect(Math.max(...bitmap.coverage)).toBe(255);
    // Anti-aliased: partial coverage on the edges.
    expect(bitmap.coverage.some((value) => value > 0 && value < 255)).toBe(true);
    // 一 is a horizontal stroke: a few pixels tall, the bitmap trimmed to it.
    const one = glyphBitmap({ glyph: fontGlyph('一', 700), size: 100 });
    expect(one.height).toBeLessThan(20);
    expect(glyphBitmap({ glyph: fontGlyph(' ', 700), size: 100 })).toMatchObject({ width: 0, height: 0 });
  });

  it('throws for a glyph not rasterized', async () => {
    await loadGlyphs('鬱', 700);
    expect(() => glyphBitmap({ glyph: fontGlyph('鬱', 700), size: 13 })).toThrow(/not rasterized/);
  });
});
