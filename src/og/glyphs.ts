/**
 * The glyph atlas: every (glyph, font size) a card draws, rasterized once by sharp (librsvg, the
 * rasterizer that drew Satori's SVG cards) into an 8-bit coverage bitmap and kept in memory, so a
 * card only copies pixels. Titles of one archive share most of their characters: after the first
 * few hundred cards nearly every glyph is already here.
 */
import sharp from 'sharp';
import type { PathCommand } from 'opentype.js';
import type { FontGlyph } from './fonts.ts';

export interface GlyphBitmap {
  /** Offset of the bitmap's top-left pixel from the pen position on the baseline (whole pixels). */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Coverage 0–255, row by row; empty (0×0) for a space. */
  coverage: Uint8Array;
}

/** One glyph to draw at one size (px). */
export interface GlyphRequest {
  glyph: FontGlyph;
  size: number;
}

const atlas = new Map<string, GlyphBitmap>();
/** Glyphs being rasterized, so that a card drawn meanwhile waits for them instead of drawing them again. */
const pending = new Map<string, Promise<void>>();
let batches = 0;

const keyOf = ({ glyph, size }: GlyphRequest) => `${glyph.id}@${size}`;

/** Width of the sheet glyphs are packed into for one sharp call. */
const SHEET_WIDTH = 2048;
/** Empty pixels between cells: no glyph's anti-aliasing reaches its neighbour. */
const GAP = 2;

/** A number for path data: font units are mostly integers, curve midpoints halves. */
const num = (value: number) => (Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100));

/** SVG path data of glyph commands in font units (y up; the `<path>` transform flips and scales it). */
function pathData(commands: readonly PathCommand[]): string {
  let data = '';
  for (const command of commands) {
    switch (command.type) {
      case 'M':
      case 'L':
        data += `${command.type}${num(command.x)} ${num(command.y)}`;
        break;
      case 'Q':
        data += `Q${num(command.x1)} ${num(command.y1)} ${num(command.x)} ${num(command.y)}`;
        break;
      case 'C':
        data += `C${num(command.x1)} ${num(command.y1)} ${num(command.x2)} ${num(command.y2)} ${num(command.x)} ${num(command.y)}`;
        break;
      case 'Z':
        data += 'Z';
        break;
    }
  }
  return data;
}

/** Pixel bounds of a glyph around its pen position (y down), from every point of its outline (control points included). */
function pixelBounds(commands: readonly PathCommand[], scale: number) {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  const add = (x: number, y: number) => {
    if (x < xMin) xMin = x;
    if (x > xMax) xMax = x;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  };
  for (const command of commands) {
    if (command.type === 'Z') continue;
    add(command.x, command.y);
    if (command.type === 'Q' || command.type === 'C') add(command.x1, command.y1);
    if (command.type === 'C') add(command.x2, command.y2);
  }
  if (xMin > xMax) return undefined;
  const left = Math.floor(xMin * scale);
  const top = Math.floor(-yMax * scale);
  return { left, top, width: Math.ceil(xMax * scale) - left, height: Math.ceil(-yMin * scale) - top };
}

/** The bitmap of a glyph rasterized by `rasterizeGlyphs`. */
export function glyphBitmap(request: GlyphRequest): GlyphBitmap {
  const bitmap = atlas.get(keyOf(request));
  if (!bitmap) throw new Error(`Open Graph cards: glyph ${keyOf(request)} is not rasterized`);
  return bitmap;
}

/**
 * Puts the glyphs in the atlas, rasterizing those not there yet in one sharp call: one SVG with
 * each glyph at its own place on a sheet, sliced afterwards. One call for a whole card's new glyphs
 * costs about what one glyph would (librsvg's setup dominates).
 */
export async function rasterizeGlyphs(requests: Iterable<GlyphRequest>): Promise<void> {
  const missing = new Map<string, GlyphRequest>();
  const waits = new Set<Promise<void>>();
  for (const request of requests) {
    const key = keyOf(request);
    if (atlas.has(key) || missing.has(key)) continue;
    const wait = pending.get(key);
    if (wait) waits.add(wait);
    else missing.set(key, request);
  }
  if (missing.size) {
    const batch = rasterizeBatch([...missing]);
    for (const key of missing.keys()) pending.set(key, batch);
    // Cleared on failure too: the next card tries those glyphs again (and reports the error again).
    batch.finally(() => missing.forEach((_, key) => pending.delete(key))).catch(() => {});
    waits.add(batch);
  }
  await Promise.all(waits);
}

async function rasterizeBatch(entries: Array<[string, GlyphRequest]>): Promise<void> {
  // Shelf packing: cells left to right, a new row when the sheet is full.
  const cells: Array<{ key: string; x: number; y: number; left: number; top: number; width: number; height: number }> = [];
  let paths = '';
  let x = GAP;
  let y = GAP;
  let rowHeight = 0;
  for (const [key, { glyph, size }] of entries) {
    const commands = glyph.glyph.path.commands;
    const scale = size / glyph.font.unitsPerEm;
    const bounds = pixelBounds(commands, scale);
    if (!bounds) {
      atlas.set(key, { left: 0, top: 0, width: 0, height: 0, coverage: new Uint8Array(0) });
      continue;
    }
    if (x + bounds.width + GAP > SHEET_WIDTH && x > GAP) {
      x = GAP;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    cells.push({ key, x, y, ...bounds });
    // The pen position sits at whole pixels, so the bitmap is the same wherever the glyph is drawn.
    paths += `<path transform="translate(${x - bounds.left} ${y - bounds.top}) scale(${scale} ${-scale})" d="${pathData(commands)}"/>`;
    x += bounds.width + GAP;
    rowHeight = Math.max(rowHeight, bounds.height);
  }
  if (!cells.length) return;
  const width = cells.length === 1 ? cells[0].width + 2 * GAP : SHEET_WIDTH;
  const height = y + rowHeight + GAP;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${paths}</svg>`;
  // The alpha channel of glyphs drawn on nothing is their coverage.
  const sheet = await sharp(Buffer.from(svg), { density: 72 }).extractChannel(3).raw().toBuffer();
  batches++;
  for (const cell of cells) atlas.set(cell.key, slice(sheet, width, cell));
}

/** A cell cut out of the sheet, its empty rows and columns trimmed (the outline's box is loose around curves). */
function slice(sheet: Uint8Array, sheetWidth: number, cell: { x: number; y: number; left: number; top: number; width: number; height: number }): GlyphBitmap {
  let [x0, y0, x1, y1] = [cell.width, cell.height, -1, -1];
  for (let row = 0; row < cell.height; row++) {
    const offset = (cell.y + row) * sheetWidth + cell.x;
    for (let col = 0; col < cell.width; col++) {
      if (!sheet[offset + col]) continue;
      if (col < x0) x0 = col;
      if (col > x1) x1 = col;
      if (row < y0) y0 = row;
      if (row > y1) y1 = row;
    }
  }
  if (x1 < 0) return { left: 0, top: 0, width: 0, height: 0, coverage: new Uint8Array(0) };
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  const coverage = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    const offset = (cell.y + y0 + row) * sheetWidth + cell.x + x0;
    coverage.set(sheet.subarray(offset, offset + width), row * width);
  }
  return { left: cell.left + x0, top: cell.top + y0, width, height, coverage };
}

/** The atlas's size: glyphs held, their bytes, and the sharp calls that drew them (for tests and logs). */
export function atlasStats(): { glyphs: number; bytes: number; batches: number } {
  let bytes = 0;
  for (const bitmap of atlas.values()) bytes += bitmap.coverage.length;
  return { glyphs: atlas.size, bytes, batches };
}
