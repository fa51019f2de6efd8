/**
 * Draws the Open Graph share card of every document after the Astro build: `dist/og/<id>.png`, from
 * the document models the build wrote (`dist/data/documents/<id>.json`), so a card shows exactly
 * what the page does. Drawing costs ~70 ms a card, so cards are kept in
 * `node_modules/.cache/minutes-archive/og/<digest>.png` by `cardDigest` (the card's texts, its
 * design version and the font version) and copied from there when a document hasn't changed.
 */
import { copyFile, mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ArchiveDocument } from '../model/types.ts';
import { cardDigest, renderCard, type CardInput } from '../og/card.ts';
import { loadSiteIdentity } from '../site/identity.ts';
import { eachLimited } from '../utils/each-limited.ts';

/** Cards drawn at once: Satori lays out one card while sharp rasterizes the other on its own thread. */
const CONCURRENCY = 2;

/** Where the cards go under `dist`, and so the `og:image` path: `/og/<id>.png` (after the base path). */
export const OG_DIR = 'og';

/** The card cache under the project root. */
export const OG_CACHE_DIR = join('node_modules', '.cache', 'minutes-archive', 'og');

/** The card of one document. Reports have a period instead of a session: it stands in for the date. */
export function cardInput(document: ArchiveDocument, siteName: string): CardInput {
  return {
    // A text whose title could not be read is still published; its card names the file.
    title: document.title || document.source,
    series: document.series,
    session: document.session?.label,
    date: document.period ? `${document.period.start} 至 ${document.period.end}` : document.date,
    rocDate: document.rocDate,
    organization: document.organization,
    siteName,
  };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export interface OgCardsResult {
  drawn: number;
  reused: number;
}

/**
 * Writes `<dir>/og/<id>.png` for every `<dir>/data/documents/*.json`, drawing only the cards missing
 * from `cacheDir`. A cache that can't be written (read-only `node_modules`) costs time, not cards.
 */
export async function writeOgCards(
  dir: string,
  cacheDir: string,
  logger: AstroIntegrationLogger,
  siteName: string,
): Promise<OgCardsResult> {
  const started = performance.now();
  const documentsDir = join(dir, 'data', 'documents');
  const outDir = join(dir, OG_DIR);
  const files = (await readdir(documentsDir).catch(() => [] as string[])).filter((file) => file.endsWith('.json'));
  if (!files.length) {
    logger.warn(`no documents in ${documentsDir}: no Open Graph cards written`);
    return { drawn: 0, reused: 0 };
  }
  await mkdir(outDir, { recursive: true });
  let cacheWritable = await mkdir(cacheDir, { recursive: true }).then(
    () => true,
    (error: Error) => (logger.warn(`card cache ${cacheDir} unavailable (${error.message}): drawing every card`), false),
  );
  const result: OgCardsResult = { drawn: 0, reused: 0 };
  await eachLimited(files, CONCURRENCY, async (file) => {
    const document = JSON.parse(await readFile(join(documentsDir, file), 'utf8')) as ArchiveDocument;
    // The id names the PNG: refuse one that could leave the folder or break the URL.
    if (typeof document.id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(document.id))
      throw new Error(`Open Graph cards: ${file} has no usable id`);
    const input = cardInput(document, siteName);
    const cached = join(cacheDir, `${cardDigest(input)}.png`);
    const out = join(outDir, `${document.id}.png`);
    if (cacheWritable && (await exists(cached))) {
      await copyFile(cached, out);
      result.reused++;
      return;
    }
    const png = await renderCard(input);
    await writeFile(out, png);
    result.drawn++;
    if (!cacheWritable) return;
    // Write then rename, so an interrupted build never leaves a truncated card to be reused.
    const partial = `${cached}.${process.pid}.tmp`;
    try {
      await writeFile(partial, png);
      await rename(partial, cached);
    } catch (error) {
      cacheWritable = false;
      logger.warn(`card cache ${cacheDir} not writable (${(error as Error).message}): drawing the rest uncached`);
    }
  });
  const ms = Math.round(performance.now() - started);
  logger.info(`drew ${result.drawn} Open Graph cards and reused ${result.reused} from the cache in ${ms} ms`);
  return result;
}

export default function ogCards(options: { siteName?: string } = {}): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'minutes-archive-og-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.OG_CARDS === '0') return logger.warn('OG_CARDS=0: no Open Graph cards drawn');
        // The card names the site as content/site.yaml does, unless the integration was given a name.
        const siteName = options.siteName ?? loadSiteIdentity(join(root, 'content')).name;
        await writeOgCards(fileURLToPath(dir), join(root, OG_CACHE_DIR), logger, siteName);
      },
    },
  };
}
