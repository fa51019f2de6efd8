/**
 * The Open Graph share card of a document: a 1200×630 PNG with the title, the series and session,
 * the date and the site name, drawn without a layout engine or an RGB image, ~2 ms a card:
 *
 * - fonts.ts: Noto Sans TC from its package, parsed by opentype.js for advances and outlines;
 * - layout.ts: the title wrapped with those advances, balanced, clamped with an ellipsis;
 * - glyphs.ts: each glyph rasterized once by sharp (librsvg) and kept as a coverage bitmap;
 * - canvas.ts, png.ts: the card composed as palette indices and written as a 4-bit palette PNG.
 *
 * The design is the one the cards had when Satori drew them (CSS flexbox, see `cardLayout`), placed
 * the same to the pixel, except that glyphs sit at whole pixels (up to half a pixel from where
 * Satori put them) and that a title needing more lines than its clamp is no longer balanced first
 * (Satori balanced it to half the width, then clamped it).
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { codeDigest } from '../utils/code-digest.ts';
import { IndexedCanvas } from './canvas.ts';
import { IGNORABLE, fontGlyph, kerning, loadGlyphs, type Weight } from './fonts.ts';
import { glyphBitmap, rasterizeGlyphs, type GlyphRequest } from './glyphs.ts';
import { layoutParagraph, layoutSingleLine, type Line } from './layout.ts';
import { buildPalette, encodeIndexedPng } from './png.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardInput {
  title: string;
  /** `主任秘書會報`. */
  series?: string;
  /** As printed: `第210次`, `113 年第 12 次`. */
  session?: string;
  /** ISO date (`2021-07-22`), or any short date text such as a period. */
  date?: string;
  /** As printed: `民國110年7月22日`. */
  rocDate?: string;
  /** Shown before the series only when the title doesn't already name it. */
  organization?: string;
  siteName: string;
}

const COLORS = {
  background: '#f8f6f1',
  accent: '#1f3a5f', // navy: 11:1 on the background
  title: '#14161a', // 17:1
  muted: '#3f4652', // 9:1
  rule: '#c9c2b2',
};

const PADDING_X = 72;
const PADDING_Y = 56;
const ACCENT_WIDTH = 20;
const TITLE_WIDTH = CARD_WIDTH - ACCENT_WIDTH - 2 * PADDING_X;
const TITLE_LINE_HEIGHT = 1.3;

/** The content box: right of the accent bar, inside the padding; every text spans its width. */
const CONTENT_LEFT = ACCENT_WIDTH + PADDING_X;
const CONTENT_WIDTH = TITLE_WIDTH;
const CONTENT_TOP = PADDING_Y;
const CONTENT_BOTTOM = CARD_HEIGHT - PADDING_Y;

/** The texts' styles, as the CSS of the card had them. */
const SITE_NAME = { weight: 700, fontSize: 30, lineHeight: 1.2, ink: 'accent', paddingBottom: 18, rule: 2 } as const;
const SERIES = { weight: 700, fontSize: 34, lineHeight: 1.25, ink: 'accent' } as const;
const DATE = { weight: 400, fontSize: 30, lineHeight: 1.25, ink: 'muted', marginTop: 12 } as const;

const ELLIPSIS = '…';

type Ink = 'accent' | 'title' | 'muted' | 'rule';

/**
 * Every colour of a card: the background, a ramp of 4 blends of each text ink over it, and the
 * rule's colour (it is only filled solid): 14 colours, so a 4-bit PNG. Measured on 60 cards of a
 * generated archive (median): 16 levels (61 colours, an 8-bit PNG) 23.0 KB a card; 5 levels
 * 15.9 KB, 31% less, with text edges that look the same at 2× zoom; 4 levels 14.6 KB.
 */
const LEVELS = 5;
const palette = buildPalette(
  COLORS.background,
  { accent: COLORS.accent, title: COLORS.title, muted: COLORS.muted, rule: COLORS.rule },
  { accent: LEVELS, title: LEVELS, muted: LEVELS, rule: 2 },
);

/** Collapses whitespace runs and trims (a card has no room for layout whitespace); drops zero-width characters. */
function clean(text: string | undefined): string {
  return (text ?? '').replace(IGNORABLE, '').replace(/\s+/g, ' ').trim();
}

/** Rough width of a text in em: CJK and full-width forms are 1em, the rest about half. */
function emWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    width += code >= 0x1100 && !(code >= 0xff61 && code <= 0xffdc) ? 1 : char === ' ' || char === '\u00a0' ? 0.26 : 0.58;
  }
  return width;
}

/**
 * The title's font size and wrapping: as large as the (estimated) width allows in few lines, a
 * short title on one line, a typical one in two balanced lines. The size is chosen from an estimate
 * of the width (so it doesn't need the fonts); the lines are then wrapped with the real advances,
 * and `lineClamp` allows one line more than estimated, for the estimate's error. Titles too long
 * even at 40px over four lines are cut after five, unbalanced, with an ellipsis.
 */
export function titleLayout(title: string): { fontSize: number; lineClamp: number; balance: boolean } {
  const steps = [
    { fontSize: 72, maxLines: 1 },
    { fontSize: 64, maxLines: 2 },
    { fontSize: 56, maxLines: 2 },
    { fontSize: 52, maxLines: 3 },
    { fontSize: 46, maxLines: 3 },
    { fontSize: 40, maxLines: 4 },
  ];
  const width = emWidth(title);
  const fit = steps.find(({ fontSize, maxLines }) => Math.ceil((width * fontSize) / TITLE_WIDTH) <= maxLines);
  return fit ? { fontSize: fit.fontSize, lineClamp: fit.maxLines + 1, balance: true } : { fontSize: 40, lineClamp: 5, balance: false };
}

/** The texts of a card, as drawn. */
function cardTexts(input: CardInput) {
  // Spaces printed around numbers become no-break spaces after a number and after 第, so a wrapped
  // title keeps `第 224 次` and `113 年` whole but may still break in `秘書處 109 年`.
  const title = (clean(input.title) || clean(input.siteName)).replace(/(?<=\d) |(?<=第) (?=\d)/g, '\u00a0');
  const organization = clean(input.organization);
  const seriesLine = [organization && !title.includes(organization) ? organization : '', clean(input.series), clean(input.session)].filter(Boolean).join(' ');
  const date = clean(input.date);
  const rocDate = clean(input.rocDate);
  const dateLine = date && rocDate ? `${date}（${rocDate}）` : date || rocDate;
  return { siteName: clean(input.siteName), title, seriesLine, dateLine };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A glyph placed on the card: its pen position on the baseline, in whole pixels. */
export interface PlacedGlyph extends GlyphRequest {
  char: string;
  x: number;
  y: number;
  ink: Ink;
}

/** A text laid out: its lines as drawn (with the ellipsis, if cut), its CSS box and its glyphs. */
export interface PlacedText {
  lines: string[];
  box: Box;
  fontSize: number;
  glyphs: PlacedGlyph[];
}

export interface CardLayout {
  siteName: PlacedText;
  rule: Box;
  /** The room between the header and the meta lines, where the title is centred. */
  titleArea: Box;
  title: PlacedText;
  series?: PlacedText;
  date?: PlacedText;
}

/**
 * A line box as browsers (and Satori) size it: `lineHeight` × font size tall, rounded to pixels,
 * with the baseline where the font's ascent and descent, rounded, sit centred, half the leading
 * floored. The metrics are those of the subset holding the ellipsis (loaded for every text; all
 * subsets of a weight share them).
 */
function lineBox(weight: Weight, fontSize: number, lineHeight: number): { height: number; baseline: number } {
  const glyph = fontGlyph(ELLIPSIS, weight);
  const ascent = Math.round(glyph.ascender * fontSize);
  const descent = Math.round(glyph.descender * fontSize);
  return { height: Math.round(fontSize * lineHeight), baseline: ascent + Math.floor((fontSize * lineHeight - ascent - descent) / 2) };
}

/** The characters of a text, their glyphs and their advances in px, kerned with the next character. */
function measure(text: string, weight: Weight, fontSize: number) {
  const chars = [...text];
  const glyphs = chars.map((char) => fontGlyph(char, weight));
  const widths = glyphs.map((glyph, i) => (glyph.advance + (i + 1 < glyphs.length ? kerning(glyph, glyphs[i + 1]) : 0)) * fontSize);
  return { chars, glyphs, widths };
}

/** The glyphs of laid-out lines, pen positions rounded to whole pixels, and the lines as text. */
function place(
  measured: ReturnType<typeof measure>,
  lines: Line[],
  weight: Weight,
  fontSize: number,
  ink: Ink,
  x: number,
  baselines: (line: number) => number,
): { lines: string[]; glyphs: PlacedGlyph[] } {
  const { chars, glyphs, widths } = measured;
  const placed: PlacedGlyph[] = [];
  const texts = lines.map((line, n) => {
    const y = baselines(n);
    let pen = x;
    for (let i = line.start; i < line.end; i++) {
      placed.push({ char: chars[i], glyph: glyphs[i], size: fontSize, x: Math.round(pen), y, ink });
      pen += widths[i];
    }
    if (line.ellipsis) placed.push({ char: ELLIPSIS, glyph: fontGlyph(ELLIPSIS, weight), size: fontSize, x: Math.round(pen), y, ink });
    return chars.slice(line.start, line.end).join('') + (line.ellipsis ? ELLIPSIS : '');
  });
  return { lines: texts, glyphs: placed };
}

/** A single-line text at `top`, cut with an ellipsis if wider than the content. */
function singleLine(text: string, style: { weight: Weight; fontSize: number; lineHeight: number; ink: Ink }, top: number): PlacedText {
  const { weight, fontSize, lineHeight, ink } = style;
  const measured = measure(text, weight, fontSize);
  const box = lineBox(weight, fontSize, lineHeight);
  const ellipsisWidth = fontGlyph(ELLIPSIS, weight).advance * fontSize;
  const line = layoutSingleLine(measured.chars, measured.widths, CONTENT_WIDTH, ellipsisWidth);
  const placed = place(measured, [line], weight, fontSize, ink, CONTENT_LEFT, () => top + box.baseline);
  return { ...placed, fontSize, box: { x: CONTENT_LEFT, y: top, width: CONTENT_WIDTH, height: box.height } };
}

/** CSS rounds box positions to whole pixels, halves up (Yoga's pixel grid in Satori). */
const roundHalfUp = (value: number) => Math.floor(value + 0.5);

/**
 * Where everything goes, as the card's CSS had it: a column inside the padding, right of the
 * accent bar; the site name on top over a 2px rule (padding-bottom 18); the series line and the
 * date line (margin-top 12) at the bottom; the title centred in the room between, its lines
 * balanced and clamped as `titleLayout` says.
 */
export async function cardLayout(input: CardInput): Promise<CardLayout> {
  const texts = cardTexts(input);
  // The ellipsis in both weights: any text may be cut.
  await Promise.all([loadGlyphs(`${texts.siteName}${texts.title}${texts.seriesLine}${ELLIPSIS}`, 700), loadGlyphs(`${texts.dateLine}${ELLIPSIS}`, 400)]);

  const siteName = texts.siteName
    ? singleLine(texts.siteName, SITE_NAME, CONTENT_TOP)
    : { lines: [], glyphs: [], fontSize: SITE_NAME.fontSize, box: { x: CONTENT_LEFT, y: CONTENT_TOP, width: CONTENT_WIDTH, height: 0 } };
  const rule = { x: CONTENT_LEFT, y: CONTENT_TOP + siteName.box.height + SITE_NAME.paddingBottom, width: CONTENT_WIDTH, height: SITE_NAME.rule };

  // The meta lines from the bottom up: their heights decide the title's room.
  const seriesHeight = texts.seriesLine ? lineBox(SERIES.weight, SERIES.fontSize, SERIES.lineHeight).height : 0;
  const dateHeight = texts.dateLine ? DATE.marginTop + lineBox(DATE.weight, DATE.fontSize, DATE.lineHeight).height : 0;
  const metaTop = CONTENT_BOTTOM - seriesHeight - dateHeight;
  const series = texts.seriesLine ? singleLine(texts.seriesLine, SERIES, metaTop) : undefined;
  const date = texts.dateLine ? singleLine(texts.dateLine, DATE, metaTop + seriesHeight + DATE.marginTop) : undefined;

  const titleArea = { x: CONTENT_LEFT, y: rule.y + rule.height, width: CONTENT_WIDTH, height: metaTop - rule.y - rule.height };
  const { fontSize, lineClamp, balance } = titleLayout(texts.title);
  const measured = measure(texts.title, 700, fontSize);
  const lines = layoutParagraph(measured.chars, measured.widths, {
    maxWidth: TITLE_WIDTH,
    maxLines: lineClamp,
    balance,
    ellipsisWidth: fontGlyph(ELLIPSIS, 700).advance * fontSize,
  });
  const box = lineBox(700, fontSize, TITLE_LINE_HEIGHT);
  const height = lines.length * box.height;
  const top = roundHalfUp(titleArea.y + (titleArea.height - height) / 2);
  const title = {
    ...place(measured, lines, 700, fontSize, 'title', CONTENT_LEFT, (n) => top + n * box.height + box.baseline),
    fontSize,
    box: { x: CONTENT_LEFT, y: top, width: TITLE_WIDTH, height },
  };
  return { siteName, rule, titleArea, title, series, date };
}

/** The last base drawn: background, accent bar, site name and rule, the same on every card of a site. */
let base: { siteName: string; pixels: Uint8Array } | undefined;

function baseFor(layout: CardLayout, siteName: string): Uint8Array {
  if (base?.siteName !== siteName) {
    const canvas = new IndexedCanvas(CARD_WIDTH, CARD_HEIGHT, palette.level);
    canvas.fillRect(0, 0, ACCENT_WIDTH, CARD_HEIGHT, palette.ramps.accent.solid);
    const { rule } = layout;
    canvas.fillRect(rule.x, rule.y, rule.width, rule.height, palette.ramps.rule.solid);
    for (const glyph of layout.siteName.glyphs) canvas.drawGlyph(glyphBitmap(glyph), glyph.x, glyph.y, palette.ramps[glyph.ink]);
    base = { siteName, pixels: canvas.pixels };
  }
  return base.pixels;
}

/** The card as a 1200×630 palette PNG. */
export async function renderCard(input: CardInput): Promise<Buffer> {
  const layout = await cardLayout(input);
  const glyphs = [...layout.title.glyphs, ...(layout.series?.glyphs ?? []), ...(layout.date?.glyphs ?? [])];
  // The glyphs new to the atlas, the site name's included, in one sharp call.
  await rasterizeGlyphs([...layout.siteName.glyphs, ...glyphs]);
  const canvas = new IndexedCanvas(CARD_WIDTH, CARD_HEIGHT, palette.level, baseFor(layout, layout.siteName.lines.join('')));
  for (const glyph of glyphs) canvas.drawGlyph(glyphBitmap(glyph), glyph.x, glyph.y, palette.ramps[glyph.ink]);
  return encodeIndexedPng(CARD_WIDTH, CARD_HEIGHT, canvas.pixels, palette.colors);
}

let design: string | undefined;

/**
 * What decides how a card looks besides its texts: this module's import graph (layout, colours, PNG
 * encoding) with the versions of the packages it uses (opentype.js, sharp and its librsvg), and the
 * fonts, which are read from their package's files rather than imported. Once per process: cards are
 * drawn in a build, never while the code changes.
 */
const cardDesign = () =>
  (design ??= codeDigest([import.meta.filename], { root: resolve(import.meta.dirname, '../..'), packages: ['@fontsource/noto-sans-tc'] }));

/** A cache key for a card: sha256 of the input and of the code and packages that draw it. */
export function cardDigest(input: CardInput): string {
  const fields: Array<keyof CardInput> = ['title', 'series', 'session', 'date', 'rocDate', 'organization', 'siteName'];
  // Fixed key order, absent fields left out: the same card gets the same key however it was built.
  const normalized = Object.fromEntries(fields.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]));
  return createHash('sha256')
    .update(JSON.stringify({ design: cardDesign(), input: normalized }))
    .digest('hex');
}
