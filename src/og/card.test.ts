import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cardDigest, renderCard, renderCardSvg, type CardInput } from './card.ts';
import { loadFonts, parseFontCss, subsetFiles } from './fonts.ts';

const SITE = '臺北市政府會議紀錄典藏';
const card210: CardInput = {
  title: '臺北市政府主任秘書會報第210次會議紀錄',
  series: '主任秘書會報',
  session: '第210次',
  date: '2021-07-22',
  rocDate: '民國110年7月22日',
  organization: '臺北市政府',
  siteName: SITE,
};

/** Where the layout draws the title (between the header rule and the meta lines), the meta lines, and an empty strip. */
const TITLE = { left: 92, top: 160, width: 1000, height: 300 };
const META = { left: 92, top: 480, width: 900, height: 100 };
const BLANK = { left: 700, top: 55, width: 400, height: 40 };

/** Grey pixels of one area, and their statistics (`stats()` reads the whole input, so the area is cut out first). */
async function region(png: Buffer, area: typeof TITLE) {
  const raw = await sharp(png).extract(area).greyscale().raw().toBuffer();
  const stats = await sharp(raw, { raw: { width: area.width, height: area.height, channels: 1 } }).stats();
  const dark = raw.filter((value) => value < 96).length / raw.length;
  return { min: stats.channels[0].min, stdev: stats.channels[0].stdev, dark, raw };
}

describe('fonts', () => {
  it('finds the subset files of a text in both weights, every character covered', () => {
    for (const weight of [400, 700] as const) {
      const { files, uncovered } = subsetFiles(`${card210.title}（民國）${SITE}…\u00a0`, weight);
      expect(uncovered).toEqual([]);
      expect(files.length).toBeGreaterThan(1);
      for (const file of files) expect(file).toMatch(new RegExp(`noto-sans-tc-.+-${weight}-normal\\.woff$`));
    }
  });

  it('names each subset font apart and lists them per weight', async () => {
    const { fonts, fontFamily } = await loadFonts({ 700: card210.title, 400: '2021' });
    expect(new Set(fonts.map((font) => font.name)).size).toBe(fonts.length);
    for (const font of fonts) expect(fontFamily[font.weight as 400 | 700]).toContain(JSON.stringify(font.name));
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

describe('renderCard', () => {
  it('draws a 1200×630 PNG with the title, series and date in glyph paths', async () => {
    const png = await renderCard(card210);
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1200, height: 630 });

    const title = await region(png, TITLE);
    const blank = await region(png, BLANK);
    expect(blank.stdev).toBeLessThan(1);
    expect(title.min).toBeLessThan(60); // near-black text on the light background
    expect(title.stdev).toBeGreaterThan(30);
    expect(title.dark).toBeGreaterThan(0.05);
    expect((await region(png, META)).dark).toBeGreaterThan(0.02);

    // Every glyph is a path: nothing for the rasterizer to look up in system fonts.
    expect(await renderCardSvg(card210)).not.toMatch(/<text/);
  });

  it('draws the characters themselves: one character changed changes the title', async () => {
    // Missing glyphs would all draw the same box, so 紀 → 記 would change nothing.
    const [a, b] = await Promise.all([renderCard(card210), renderCard({ ...card210, title: card210.title.replace('紀', '記') })]);
    const [ra, rb] = await Promise.all([region(a, TITLE), region(b, TITLE)]);
    expect(ra.raw.equals(rb.raw)).toBe(false);
  });

  it('keeps a 200-character title inside the card', async () => {
    const title = '臺北市政府主任秘書會報第二百一十次會議紀錄'.repeat(10).slice(0, 200);
    const png = await renderCard({ ...card210, title });
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    // The title is clamped, so the series and date lines are still drawn at the bottom.
    expect((await region(png, META)).dark).toBeGreaterThan(0.02);
  });
});

describe('cardDigest', () => {
  it('is stable for the same card and changes with any text', () => {
    expect(cardDigest(card210)).toMatch(/^[0-9a-f]{64}$/);
    expect(cardDigest({ ...card210 })).toBe(cardDigest(card210));
    expect(cardDigest({ ...card210, date: '2021-07-23' })).not.toBe(cardDigest(card210));
    expect(cardDigest({ ...card210, rocDate: undefined })).not.toBe(cardDigest(card210));
  });
});
