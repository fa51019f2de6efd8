/**
 * The share-card cache: `<cacheDir>/<cardDigest>.png`. A card is drawn once per text, design and font
 * version; later builds take it from here (src/outputs/cards.ts links it into the site).
 */
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CardInput, cardDigest, renderCard } from './card.ts';

export function cachedCardPath(cacheDir: string, input: CardInput): string {
  return join(cacheDir, `${cardDigest(input)}.png`);
}

/**
 * Draws a card into the cache: written then renamed, so an interrupted build never leaves a truncated
 * card to be reused, and two writers of one card never mix their bytes. Returns the PNG.
 */
export async function drawIntoCache(file: string, input: CardInput): Promise<Buffer> {
  const png = await renderCard(input);
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, png);
  await rename(partial, file);
  return png;
}
