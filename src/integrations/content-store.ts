/**
 * Lets the prerendered pages read the content layer's store from disk instead of from the bundle.
 *
 * Astro builds the store into the server bundle as one JavaScript module
 * (`export default JSON.parse("…")`): for 10,000 documents a 78 MB JSON text that Rolldown parses,
 * keeps and writes out, which took the build process from 0.6 GB to 3.4 GB of memory, almost all of
 * it outside the JavaScript heap (measured with --trace-gc: 0.44 GB of heap). The pages of a static
 * build are rendered on the machine that just wrote the store, so the module can read the file
 * there: Astro's runtime gets the same parsed value, and the bundle stays small. Only for static
 * builds (`output: 'static'`): a server deployment would have no such file.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's virtual module of the store (astro/dist/content/consts.js, astro 7.3). */
const DATA_STORE_MODULE = 'astro:data-layer-content';
const RESOLVED = '\0minutes-archive:data-store-from-disk';

/** Where `astro build` writes the store: `data-store.json` in the cache folder (astro/dist/content/paths.js). */
export function dataStoreFile(cacheDir: URL): string {
  return fileURLToPath(new URL('data-store.json', cacheDir));
}

/** The module that replaces the bundled store: the same `JSON.parse` of the same text, read at render time. */
export function dataStoreModule(file: string): string {
  return [`import { readFileSync } from 'node:fs';`, `export default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`].join('\n');
}

export default function contentStoreFromDisk(): AstroIntegration {
  let file: string | undefined;
  return {
    name: 'minutes-archive-content-store',
    hooks: {
      'astro:config:done': ({ config }) => {
        file = config.output === 'static' ? dataStoreFile(config.cacheDir) : undefined;
      },
      'astro:build:setup': ({ vite }) => {
        if (!file) return;
        const from = file;
        // First of all plugins: Astro's own content plugin (also `enforce: 'pre'`) would otherwise
        // resolve the module and inline the store.
        vite.plugins ??= [];
        vite.plugins.unshift({
          name: 'minutes-archive-data-store-from-disk',
          enforce: 'pre',
          resolveId: (id) => (id === DATA_STORE_MODULE ? RESOLVED : undefined),
          load: (id) => (id === RESOLVED ? dataStoreModule(from) : undefined),
        });
      },
    },
  };
}
