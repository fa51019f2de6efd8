/**
 * The Open Graph share card of every document, `og/<id>.png` (src/og/ draws one). Cards are kept in
 * `node_modules/.cache/minutes-archive/og/<digest>.png` by `cardDigest` (the card's texts, its
 * design version and the font and renderer versions), so a later build draws only the cards whose
 * text changed and links the rest into place.
 */
import { copyFile, link, mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ArchiveDocument } from '../model/types.ts';
import { type CardInput, cardDigest, renderCard } from '../og/card.ts';
import { cardInput } from '../og/inputs.ts';
import { OG_DIR } from '../og/path.ts';
import { eachLimited } from '../utils/each-limited.ts';

export { OG_DIR };

/** The card cache under the project root. */
export const OG_CACHE_DIR = join('node_modules', '.cache', 'minutes-archive', 'og');

/** Cards handled at once: drawing is on this thread, so this only overlaps one card's file calls with the next's drawing. */
const CONCURRENCY = 2;

export interface CardsResult {
  drawn: number;
  reused: number;
  ms: number;
}

/** The cache file of a card: its digest names it. */
export function cachedCardPath(cacheDir: string, input: CardInput): string {
  return join(cacheDir, `${cardDigest(input)}.png`);
}

/** Keeps a card just written to the site in the cache: a hard link, else a copy renamed into place (never half a card). */
async function keep(out: string, cached: string): Promise<void> {
  await link(out, cached).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') return;
    const partial = `${cached}.${process.pid}.tmp`;
    await copyFile(out, partial);
    await rename(partial, cached);
  });
}

/** Puts the cached card at `out`: a hard link where the file system allows one (10,000 copies cost seconds), else a copy. */
async function place(cached: string, out: string): Promise<void> {
  await link(cached, out).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') return copyFile(cached, out);
    await unlink(out);
    await link(cached, out).catch(() => copyFile(cached, out));
  });
}

/**
 * Writes `<dist>/og/<id>.png` for every document, drawing only the cards missing from `cacheDir`.
 * A cache that can't be written (read-only `node_modules`) costs time, not cards: `warn` says so
 * once and the rest are drawn straight into `dist`.
 */
export async function writeCards(
  dist: string,
  cacheDir: string,
  documents: ArchiveDocument[],
  siteName: string,
  warn: (message: string) => void,
): Promise<CardsResult> {
  const started = performance.now();
  const outDir = join(dist, OG_DIR);
  await mkdir(outDir, { recursive: true });
  let cacheWritable = await mkdir(cacheDir, { recursive: true }).then(
    () => true,
    (error: Error) => (warn(`card cache ${cacheDir} unavailable (${error.message}): drawing every card`), false),
  );
  // One listing instead of a file lookup a card.
  const inCache = new Set(cacheWritable ? await readdir(cacheDir) : []);
  const result: CardsResult = { drawn: 0, reused: 0, ms: 0 };
  await eachLimited(documents, CONCURRENCY, async (document) => {
    const input = cardInput(document, siteName);
    const cached = cachedCardPath(cacheDir, input);
    const out = join(outDir, `${document.id}.png`);
    if (cacheWritable && inCache.has(basename(cached))) {
      await place(cached, out);
      result.reused++;
      return;
    }
    result.drawn++;
    // Into the site first, then linked into the cache under its digest: the cache never holds a card
    // not yet whole, and a card costs one new file instead of two.
    await writeFile(out, await renderCard(input));
    if (!cacheWritable) return;
    try {
      await keep(out, cached);
      inCache.add(basename(cached));
    } catch (error) {
      cacheWritable = false;
      warn(`card cache ${cacheDir} not writable (${(error as Error).message}): the rest are not kept for the next build`);
    }
  });
  result.ms = Math.round(performance.now() - started);
  return result;
}
