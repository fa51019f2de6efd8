/**
 * Builds the Pagefind index after the Astro build (src/search/build-index.ts): one record per
 * document from the search files the build wrote (`dist/search/docs/*.json`), in shards of whole
 * years that are built side by side, each by its own process. `SEARCH_INDEX=skip` leaves the index
 * out, for a site whose shards are built elsewhere (README: "Search index in shards").
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from '../search/build-index.ts';

export default function searchIndex(): AstroIntegration {
  return {
    name: 'minutes-archive-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.SEARCH_INDEX === 'skip') return logger.warn('SEARCH_INDEX=skip: no search index built');
        const started = performance.now();
        const report = await buildSearchIndex(fileURLToPath(dir), (message) => logger.info(message));
        logger.info(`indexed ${report.documents} documents for search in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
