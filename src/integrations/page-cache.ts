/**
 * Keeps Astro's incremental build cache (`experimental.incrementalBuild`: the manifest
 * `<cacheDir>/incremental-build.json` and a copy of every keyed page under `<cacheDir>/dist/`) from
 * serving a page a killed build left behind. Astro writes the copies in place as it renders and the
 * manifest at the end, so a build killed between the two leaves copies the old manifest does not
 * describe (half-written, or of another key): a later build whose key matches the old manifest again
 * would copy them. A build marks itself unfinished from its start to its end; the build after one
 * that never ended drops the manifest, so every keyed page is rendered (and its copy rewritten) once.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's manifest of the incremental build (astro/dist/core/build/incremental.js, astro 7.3), and the mark of a build under way. */
export function pageCache(cacheDir: URL): { manifest: string; unfinished: string } {
  return { manifest: fileURLToPath(new URL('incremental-build.json', cacheDir)), unfinished: fileURLToPath(new URL('build-unfinished', cacheDir)) };
}

export default function pageCacheCheck(): AstroIntegration {
  let cache: { manifest: string; unfinished: string } | undefined;
  return {
    name: 'minutes-archive-page-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = pageCache(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        if (!cache) return;
        if (existsSync(cache.unfinished) && existsSync(cache.manifest)) {
          rmSync(cache.manifest, { force: true });
          logger.info('the last build did not finish: every page is rendered afresh');
        }
        mkdirSync(dirname(cache.unfinished), { recursive: true });
        writeFileSync(cache.unfinished, '');
      },
      'astro:build:done': () => {
        if (cache) rmSync(cache.unfinished, { force: true });
      },
    },
  };
}
