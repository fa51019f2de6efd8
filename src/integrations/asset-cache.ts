/**
 * Keeps Astro's cache of optimised images (`<cacheDir>/assets/`) from serving a file a killed build
 * left half-written: Astro writes each variant there in place and takes any file it finds for a hit.
 * Before a build, the files not recorded whole by the last finished build are removed (Astro makes
 * them again); after it, every file is recorded (src/utils/verified-folder.ts).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { dropUnverified, record } from '../utils/verified-folder.ts';

/** Astro's image cache in its `cacheDir` (astro/dist/assets/build/generate.js, astro 7.3), and the record of it beside. */
export function assetCache(cacheDir: URL): { dir: string; manifest: string } {
  return { dir: fileURLToPath(new URL('assets/', cacheDir)).replace(/\/$/, ''), manifest: fileURLToPath(new URL('assets.sha256.json', cacheDir)) };
}

export default function assetCacheCheck(): AstroIntegration {
  let cache: { dir: string; manifest: string } | undefined;
  return {
    name: 'minutes-archive-asset-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = assetCache(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        if (!cache) return;
        const dropped = dropUnverified(cache.dir, cache.manifest);
        if (dropped) logger.info(`removed ${dropped} image(s) from the cache that an unfinished build wrote`);
      },
      'astro:build:done': () => {
        if (cache) record(cache.dir, cache.manifest);
      },
    },
  };
}
