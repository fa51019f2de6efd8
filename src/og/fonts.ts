/**
 * The fonts of the Open Graph cards: Noto Sans TC from @fontsource/noto-sans-tc, never a system
 * font, so a card draws the same on a fresh machine. The package splits each weight into ~100
 * subset files by unicode range (listed in its `400.css`, `700.css`); a card loads only the subsets
 * holding its characters (6 to 9 files, ~50 KB each), as .woff (the .woff2 would need a Brotli
 * and WOFF2 table decoder; .woff is zlib, see woff.ts), parsed by opentype.js for glyph outlines and
 * advances. Parsed fonts stay in memory for the next card: titles share most of their characters.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import * as opentypeModule from 'opentype.js';
import type { Font, Glyph } from 'opentype.js';
import { woffToSfnt } from './woff.ts';

// Node loads opentype.js's CommonJS build (everything under `default`); a bundler may pick its ES
// build (named exports only).
const opentype = (opentypeModule as typeof opentypeModule & { default?: typeof opentypeModule }).default ?? opentypeModule;

export const FONT_PACKAGE = '@fontsource/noto-sans-tc';
export const WEIGHTS = [400, 700] as const;
export type Weight = (typeof WEIGHTS)[number];

/** One `@font-face` of the package CSS: a subset file and the code points it holds. */
interface Subset {
  /** Absolute path of the .woff file. */
  file: string;
  /** Sorted, inclusive [first, last] code point ranges. */
  ranges: Array<[number, number]>;
}

let packageRoot: string | undefined;

/** The package folder, with an error naming the file that is missing when it isn't installed. */
function fontPackageDir(): string {
  if (packageRoot) return packageRoot;
  // From this file, then from the project (in case a bundler moved this module elsewhere).
  const bases = [import.meta.url, join(process.cwd(), 'package.json')];
  for (const base of bases) {
    try {
      packageRoot = dirname(createRequire(base).resolve(`${FONT_PACKAGE}/package.json`));
      return packageRoot;
    } catch {}
  }
  const expected = join(process.cwd(), 'node_modules', FONT_PACKAGE, 'package.json');
  throw new Error(`Open Graph cards: the font package ${FONT_PACKAGE} is missing (${expected} not found); run npm install.`);
}

/** `U+4e00-9fff`, `U+20`, `U+4??` → [first, last]. */
function parseRange(token: string): [number, number] | undefined {
  const match = /^U\+([0-9a-f?]+)(?:-([0-9a-f]+))?$/i.exec(token.trim());
  if (!match) return undefined;
  const [, first, last] = match;
  if (first.includes('?')) return [parseInt(first.replaceAll('?', '0'), 16), parseInt(first.replaceAll('?', 'f'), 16)];
  return [parseInt(first, 16), parseInt(last ?? first, 16)];
}

/** The subsets listed in the package CSS of one weight, e.g. `400.css`. Exported for tests. */
export function parseFontCss(css: string, filesDir: string): Subset[] {
  const subsets: Subset[] = [];
  for (const [, body] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const woff = /url\(\s*['"]?([^'")]+\.woff)['"]?\s*\)\s*format\(\s*['"]woff['"]\s*\)/.exec(body);
    const range = /unicode-range:\s*([^;]+);/.exec(body);
    if (!woff) continue;
    const ranges = range
      ? range[1]
          .split(',')
          .map(parseRange)
          .filter((r): r is [number, number] => r !== undefined)
      : [[0, 0x10ffff] as [number, number]];
    ranges.sort((a, b) => a[0] - b[0]);
    subsets.push({ file: join(filesDir, woff[1].replace(/^\.\/files\//, '')), ranges });
  }
  return subsets;
}

const subsetsByWeight = new Map<Weight, Subset[]>();

function subsets(weight: Weight): Subset[] {
  let list = subsetsByWeight.get(weight);
  if (!list) {
    const dir = fontPackageDir();
    const cssFile = join(dir, `${weight}.css`);
    let css: string;
    try {
      css = readFileSync(cssFile, 'utf8');
    } catch {
      throw new Error(`Open Graph cards: ${cssFile} is missing from ${FONT_PACKAGE}; reinstall it (npm install).`);
    }
    list = parseFontCss(css, join(dir, 'files'));
    if (!list.length) throw new Error(`Open Graph cards: no .woff font faces found in ${cssFile}.`);
    subsetsByWeight.set(weight, list);
  }
  return list;
}

function covers(subset: Subset, code: number): boolean {
  // Binary search over the sorted ranges: a CJK subset lists hundreds of them.
  let low = 0;
  let high = subset.ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [first, last] = subset.ranges[middle];
    if (code < first) high = middle - 1;
    else if (code > last) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * The subset files (absolute paths) holding the characters of `text` in one weight, in the
 * package's CSS order, and the characters no subset holds (drawn as the .notdef box, see `loadGlyphs`).
 */
export function subsetFiles(text: string, weight: Weight): { files: string[]; uncovered: string[] } {
  const list = subsets(weight);
  const used = new Set<Subset>();
  const uncovered: string[] = [];
  for (const char of new Set(text)) {
    const code = char.codePointAt(0)!;
    if (code < 0x20) continue; // line breaks and tabs are layout, not glyphs
    const subset = list.find((candidate) => covers(candidate, code));
    if (subset) used.add(subset);
    else uncovered.push(char);
  }
  return { files: list.filter((subset) => used.has(subset)).map((subset) => subset.file), uncovered };
}

/** Parsed fonts by file; a promise so that two cards drawn at once read and parse a file once. */
const fontCache = new Map<string, Promise<Font>>();

function loadFont(file: string): Promise<Font> {
  let font = fontCache.get(file);
  if (!font) {
    font = readFile(file).then(
      (data) => {
        const sfnt = woffToSfnt(data, file);
        try {
          // opentype.js wants an ArrayBuffer of the font alone.
          return opentype.parse(sfnt.buffer.slice(sfnt.byteOffset, sfnt.byteOffset + sfnt.byteLength));
        } catch (error) {
          throw new Error(`Open Graph cards: cannot parse font file ${file}: ${(error as Error).message}`, { cause: error });
        }
      },
      (error: NodeJS.ErrnoException) => {
        throw new Error(
          error.code === 'ENOENT'
            ? `Open Graph cards: font file ${file} is missing from ${FONT_PACKAGE}; reinstall it (npm install).`
            : `Open Graph cards: cannot read font file ${file}: ${error.message}`,
          { cause: error },
        );
      },
    );
    // A failed read is not cached: the next card tries again (and reports it again).
    font.catch(() => fontCache.delete(file));
    fontCache.set(file, font);
  }
  return font;
}

/** One glyph of one subset font: what the layout measures and the atlas rasterizes. */
export interface FontGlyph {
  /** Names the outline, `<subset file>#<glyph index>`: characters drawn with the same .notdef share it. */
  id: string;
  font: Font;
  glyph: Glyph;
  /** The advance width in em. */
  advance: number;
  /** The font's hhea ascender and descender in em (descender positive), what Satori and browsers place lines with. */
  ascender: number;
  descender: number;
}

/**
 * Characters in no subset are drawn with the .notdef glyph (a box) of the subset holding this
 * character: the Latin subset, which most cards load anyway for their digits.
 */
const NOTDEF_SOURCE = 0x20;

/** Default-ignorable characters (zero-width space and joiners, variation selectors, BOM): no glyph, no width. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each listed character is ignorable on its own, variation selectors included
export const IGNORABLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufe00-\ufe0f\ufeff]/gu;

const subsetOfChar = new Map<Weight, Map<string, Subset | null>>();

/** The subset holding a character, null for none; cached, as lookups repeat for every card. */
function subsetOf(char: string, weight: Weight): Subset | null {
  let byChar = subsetOfChar.get(weight);
  if (!byChar) subsetOfChar.set(weight, (byChar = new Map()));
  let subset = byChar.get(char);
  if (subset === undefined) {
    const code = char.codePointAt(0)!;
    subset = subsets(weight).find((candidate) => covers(candidate, code)) ?? null;
    byChar.set(char, subset);
  }
  return subset;
}

function notdefSubset(weight: Weight): Subset {
  const subset = subsetOf(String.fromCodePoint(NOTDEF_SOURCE), weight);
  if (!subset) throw new Error(`Open Graph cards: no ${FONT_PACKAGE} subset of weight ${weight} holds U+0020.`);
  return subset;
}

const glyphsByWeight = new Map<Weight, Map<string, FontGlyph>>();

function glyphCache(weight: Weight): Map<string, FontGlyph> {
  let glyphs = glyphsByWeight.get(weight);
  if (!glyphs) glyphsByWeight.set(weight, (glyphs = new Map()));
  return glyphs;
}

/** Loads the subset fonts holding the characters of `text` in one weight, for `fontGlyph`. */
export async function loadGlyphs(text: string, weight: Weight): Promise<void> {
  const glyphs = glyphCache(weight);
  const missing = [...new Set(text)].filter((char) => !glyphs.has(char));
  if (!missing.length) return;
  const sources = missing.map((char) => subsetOf(char, weight) ?? notdefSubset(weight));
  const fonts = await Promise.all(sources.map((subset) => loadFont(subset.file)));
  missing.forEach((char, i) => {
    const font = fonts[i];
    // A character in no subset gets index 0, the .notdef box; so does one a subset's range lists
    // but its font lacks. U+00A0 (no-break space) draws as a space where a font has no glyph for it.
    let glyph = subsetOf(char, weight) ? font.charToGlyph(char) : font.glyphs.get(0);
    if (char === '\u00a0' && !glyph.index) glyph = font.charToGlyph(' ');
    glyphs.set(char, {
      id: `${basename(sources[i].file)}#${glyph.index}`,
      font,
      glyph,
      advance: (glyph.advanceWidth ?? 0) / font.unitsPerEm,
      ascender: font.ascender / font.unitsPerEm,
      descender: -font.descender / font.unitsPerEm,
    });
  });
}

/** The glyph of a character loaded by `loadGlyphs`. */
export function fontGlyph(char: string, weight: Weight): FontGlyph {
  const glyph = glyphsByWeight.get(weight)?.get(char);
  if (!glyph) throw new Error(`Open Graph cards: no glyph loaded for ${JSON.stringify(char)} in weight ${weight}`);
  return glyph;
}

const kerningCache = new Map<string, number>();

/**
 * The kerning between two glyphs in em, from the font's GPOS `kern` feature, as HarfBuzz applies it
 * in Satori: only between glyphs of the same font (a run), e.g. `Ta`, `P.`.
 */
export function kerning(left: FontGlyph, right: FontGlyph): number {
  if (left.font !== right.font) return 0;
  const key = `${left.id}|${right.glyph.index}`;
  let value = kerningCache.get(key);
  if (value === undefined) {
    value = left.font.getKerningValue(left.glyph, right.glyph) / left.font.unitsPerEm;
    kerningCache.set(key, value);
  }
  return value;
}

/** How many font files are parsed and held in memory (for tests and logs). */
export function loadedFontFiles(): number {
  return fontCache.size;
}
