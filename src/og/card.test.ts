import { decode } from 'fast-png';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, cardDigest, cardLayout, renderCard, titleLayout, type Box, type CardInput } from './card.ts';

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
const typical: CardInput = {
  title: '臺北市政府資訊局113年第12次局務會議紀錄',
  series: '局務會議',
  session: '第12次',
  date: '2024-12-05',
  rocDate: '民國113年12月5日',
  organization: '臺北市政府資訊局',
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

/** The card's palette indices (one a pixel, unpacked from a 4-bit PNG's two a byte) and colours, as written. */
function indices(png: Buffer) {
  const { width, height, data, palette, depth } = decode(png);
  const packed = data as Uint8Array;
  if (depth === 8) return { width, height, data: packed, palette: palette! };
  expect(depth).toBe(4);
  const rowBytes = Math.ceil(width / 2);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = (packed[y * rowBytes + (x >> 1)] >> (x & 1 ? 0 : 4)) & 15;
  return { width, height, data: pixels, palette: palette! };
}

const inside = (box: Box, x: number, y: number, margin = 0) =>
  x >= box.x - margin && x < box.x + box.width + margin && y >= box.y - margin && y < box.y + box.height + margin;

describe('renderCard', () => {
  it('draws a 1200×630 PNG with the title, series and date', async () => {
    const png = await renderCard(card210);
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: CARD_WIDTH, height: CARD_HEIGHT });
    expect(png.length).toBeLessThan(20_000);
    expect(decode(png).depth).toBe(4);

    const title = await region(png, TITLE);
    const blank = await region(png, BLANK);
    expect(blank.stdev).toBeLessThan(1);
    expect(title.min).toBeLessThan(60); // near-black text on the light background
    expect(title.stdev).toBeGreaterThan(30);
    expect(title.dark).toBeGreaterThan(0.05);
    expect((await region(png, META)).dark).toBeGreaterThan(0.02);
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
    const layout = await cardLayout({ ...card210, title });
    expect(layout.title.lines).toHaveLength(5);
    expect(layout.title.lines[4]).toMatch(/…$/);
    expect(layout.title.box.y).toBeGreaterThanOrEqual(layout.titleArea.y);
    expect(layout.title.box.y + layout.title.box.height).toBeLessThanOrEqual(layout.titleArea.y + layout.titleArea.height);
  });

  it('puts the title glyphs in the title box, in the title colour, and nothing but the palette colours', async () => {
    const png = await renderCard(typical);
    const { data, palette } = indices(png);
    const layout = await cardLayout(typical);
    const box = layout.title.box;
    const titleInk = palette.findIndex(([r, g, b]) => r === 0x14 && g === 0x16 && b === 0x1a);
    expect(titleInk).toBeGreaterThan(0);
    // Every line of the title has fully inked pixels; the rows above and below the box have none.
    const lineHeight = box.height / layout.title.lines.length;
    for (let line = 0; line < layout.title.lines.length; line++) {
      let ink = 0;
      for (let y = box.y + line * lineHeight; y < box.y + (line + 1) * lineHeight; y++)
        for (let x = box.x; x < box.x + box.width; x++) if (data[y * CARD_WIDTH + x] === titleInk) ink++;
      expect(ink).toBeGreaterThan(1000);
    }
    for (const y of [box.y - 5, box.y + box.height + 5])
      expect(data.subarray(y * CARD_WIDTH + box.x, y * CARD_WIDTH + box.x + box.width).every((index) => index === 0)).toBe(true);
    // The decoded RGB pixels are palette colours only.
    const colours = new Set(palette.map(([r, g, b]) => (r << 16) | (g << 8) | b));
    const rgb = await sharp(png).removeAlpha().raw().toBuffer();
    for (let i = 0; i < rgb.length; i += 3)
      if (!colours.has((rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2])) throw new Error(`pixel ${i / 3} is not a palette colour`);
  });

  it('leaves everything outside the bar, the rule and the texts in the background colour', async () => {
    const png = await renderCard(typical);
    const { data, palette } = indices(png);
    expect(palette[0]).toEqual([0xf8, 0xf6, 0xf1]);
    const layout = await cardLayout(typical);
    const boxes = [layout.siteName.box, layout.title.box, layout.series!.box, layout.date!.box];
    const navy = palette.findIndex(([r, g, b]) => r === 0x1f && g === 0x3a && b === 0x5f);
    const rule = palette.findIndex(([r, g, b]) => r === 0xc9 && g === 0xc2 && b === 0xb2);
    let stray = 0;
    for (let y = 0; y < CARD_HEIGHT; y++)
      for (let x = 0; x < CARD_WIDTH; x++) {
        const index = data[y * CARD_WIDTH + x];
        if (x < 20) expect(index).toBe(navy);
        else if (inside(layout.rule, x, y)) expect(index).toBe(rule);
        else if (!boxes.some((box) => inside(box, x, y, 2)) && index !== 0) stray++;
      }
    expect(stray).toBe(0);
  });

  it('draws a character missing from the fonts as a box, not nothing', async () => {
    const input = { ...typical, title: '資訊局😀會議紀錄' };
    const layout = await cardLayout(input);
    const missing = layout.title.glyphs.find((glyph) => glyph.char === '😀')!;
    expect(missing.glyph.glyph.index).toBe(0);
    const { data, palette } = indices(await renderCard(input));
    // The box outline: inked pixels within its em square.
    let ink = 0;
    for (let y = missing.y - missing.size * 0.85; y < missing.y + missing.size * 0.1; y++)
      for (let x = missing.x; x < missing.x + missing.size; x++) if (palette[data[Math.round(y) * CARD_WIDTH + x]][0] < 0x80) ink++;
    expect(ink).toBeGreaterThan(missing.size * 4);
  });
});

describe('cardLayout', () => {
  it('places the texts as the card design did (the Satori layout, to the pixel)', async () => {
    const layout = await cardLayout(typical);
    expect(layout.siteName.box).toEqual({ x: 92, y: 56, width: 1036, height: 36 });
    expect(layout.rule).toEqual({ x: 92, y: 110, width: 1036, height: 2 });
    expect(layout.series!.box).toEqual({ x: 92, y: 481, width: 1036, height: 43 });
    expect(layout.date!.box).toEqual({ x: 92, y: 536, width: 1036, height: 38 });
    expect(layout.titleArea).toEqual({ x: 92, y: 112, width: 1036, height: 369 });
    expect(layout.title.box).toEqual({ x: 92, y: 214, width: 1036, height: 166 });
    // Baselines where Satori drew them.
    expect(layout.siteName.glyphs[0].y).toBe(87);
    expect(layout.title.glyphs[0].y).toBe(283);
    expect(layout.series!.glyphs[0].y).toBe(516);
    expect(layout.date!.glyphs[0].y).toBe(567);
    expect(layout.series!.lines).toEqual(['局務會議 第12次']);
    expect(layout.date!.lines).toEqual(['2024-12-05（民國113年12月5日）']);
  });

  it('balances a two-line title into lines of similar width', async () => {
    const layout = await cardLayout(typical);
    expect(layout.title.fontSize).toBe(titleLayout(typical.title).fontSize);
    expect(layout.title.lines).toEqual(['臺北市政府資訊局113', '年第12次局務會議紀錄']);
    const widths = layout.title.lines.map((_, line) => {
      const glyphs = layout.title.glyphs.filter((glyph) => glyph.y === layout.title.glyphs[0].y + line * 83);
      return glyphs.at(-1)!.x - glyphs[0].x;
    });
    expect(Math.abs(widths[0] - widths[1])).toBeLessThan(100);
  });

  it('keeps 第 224 次 and 113 年 whole and punctuation with its characters', async () => {
    const title = '臺北市政府秘書處113 年度第 224 次主任秘書會報會議紀錄，討論事項：（一）預算執行情形、（二）資訊安全稽核結果報告及其他臨時動議';
    const { title: placed } = await cardLayout({ ...typical, title });
    expect(placed.lines.length).toBeGreaterThan(2);
    expect(placed.lines.some((line) => line.includes('第\u00a0224\u00a0次'))).toBe(true);
    expect(placed.lines.some((line) => line.includes('113\u00a0年'))).toBe(true);
    for (const line of placed.lines.slice(1)) expect('，、。：）」').not.toContain(line[0]);
    for (const line of placed.lines.slice(0, -1)) expect('（「').not.toContain(line.at(-1));
  });

  it('cuts a single line too long for the card with an ellipsis', async () => {
    const layout = await cardLayout({ ...typical, series: '臺北市政府資訊局委託辦理智慧城市推動方案專案管理及技術顧問服務工作小組', session: '第12次' });
    expect(layout.series!.lines[0]).toMatch(/…$/);
    const last = layout.series!.glyphs.at(-1)!;
    expect(last.x + last.size).toBeLessThanOrEqual(92 + 1036 + 1);
  });
});

describe('cardDigest', () => {
  it('is stable for the same card and changes with any text', () => {
    expect(cardDigest(card210)).toMatch(/^[0-9a-f]{64}$/);
    expect(cardDigest({ ...card210 })).toBe(cardDigest(card210));
    expect(cardDigest({ ...card210, date: '2021-07-23' })).not.toBe(cardDigest(card210));
    expect(cardDigest({ ...card210, rocDate: undefined })).not.toBe(cardDigest(card210));
    expect(cardDigest({ ...card210, title: `${card210.title}。` })).not.toBe(cardDigest(card210));
  });
});
