/**
 * The fonts of the Open Graph cards: Noto Sans TC from @fontsource/noto-sans-tc, never a system
 * font, so a card draws the same on a fresh machine. The package splits each weight into ~100
 * subset files by unicode range (listed in its `400.css`, `700.css`); a card loads only the subsets
 * holding its characters (6 to 9 files, ~50 KB each), as .woff, the format Satori parses (the .woff2
 * are for browsers). Loaded files stay in memory for the next card: titles share most of their
 * characters, so the sample archive's five cards read nine files in all.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font } from 'satori';

export const FONT_PACKAGE = '@fontsource/noto-sans-tc';
export const FONT_FAMILY = 'Noto Sans TC';
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

/** The installed version of the font package: part of the card cache key, since new fonts draw new cards. */
export function fontPackageVersion(): string {
  const file = join(fontPackageDir(), 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
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
      ? range[1].split(',').map(parseRange).filter((r): r is [number, number] => r !== undefined)
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
 * package's CSS order, and the characters no subset holds (drawn as nothing by Satori).
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

/** Loaded font files by path; a promise so that two cards drawn at once read a file once. */
const fileCache = new Map<string, Promise<Buffer>>();

function loadFile(file: string): Promise<Buffer> {
  let data = fileCache.get(file);
  if (!data) {
    data = readFile(file).catch((error: NodeJS.ErrnoException) => {
      fileCache.delete(file);
      throw new Error(
        error.code === 'ENOENT'
          ? `Open Graph cards: font file ${file} is missing from ${FONT_PACKAGE}; reinstall it (npm install).`
          : `Open Graph cards: cannot read font file ${file}: ${error.message}`,
        { cause: error },
      );
    });
    fileCache.set(file, data);
  }
  return data;
}

/**
 * The font name of one subset of one weight. Every subset needs its own name, and an element lists
 * the names of its weight (see `loadFonts`): Satori takes one font per family name, so subsets
 * sharing `Noto Sans TC` draw every character outside the first subset as a missing-glyph box.
 */
function fontName(file: string, weight: Weight): string {
  const subset = /noto-sans-tc-(.+)-\d+-normal\.woff$/.exec(file)?.[1] ?? file;
  return `${FONT_FAMILY} ${weight} ${subset}`;
}

/** Satori fonts for the texts to draw in each weight, and the CSS `fontFamily` of each weight. */
export async function loadFonts(
  texts: Partial<Record<Weight, string>>,
): Promise<{ fonts: Font[]; fontFamily: Record<Weight, string> }> {
  const fonts: Font[] = [];
  const fontFamily = {} as Record<Weight, string>;
  for (const weight of WEIGHTS) {
    const { files } = subsetFiles(texts[weight] ?? '', weight);
    const data = await Promise.all(files.map(loadFile));
    const names = files.map((file) => fontName(file, weight));
    files.forEach((_, i) => fonts.push({ name: names[i], data: data[i], weight, style: 'normal' }));
    // A family list that is never empty, even for a weight with no text.
    fontFamily[weight] = names.length ? names.map((name) => JSON.stringify(name)).join(', ') : 'sans-serif';
  }
  return { fonts, fontFamily };
}

/** How many font files are held in memory (for tests and logs). */
export function loadedFontFiles(): number {
  return fileCache.size;
}
