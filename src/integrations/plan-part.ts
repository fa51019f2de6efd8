/**
 * A part of a planned build (src/plan/) publishes only what is its own: the pages of its documents
 * and their images, beside the per-document files and search shards its outputs worker writes. The
 * pages that span documents (home, listings, feeds, open data) are the hub's: their routes give a
 * part no paths (hubPaths in src/site/archive.ts), but Astro renders the routes without parameters
 * (the home page, the open-data files, a few indexes) all the same, from the part's documents only,
 * so their files are removed here before anyone can take them for the real ones.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { PlanPart } from '../options.ts';

/** The routes whose pages are per document (src/pages/[...document].astro, src/pages/sources/[...image].ts). */
export const PART_ROUTES = new Set(['/[...document]', '/sources/[...image]']);

export default function planPart(plan: PlanPart | undefined): AstroIntegration {
  return {
    name: 'minutes-archive-plan-part',
    hooks: {
      'astro:build:done': ({ assets, logger }) => {
        if (!plan || plan.part === 'hub') return;
        let removed = 0;
        for (const [route, files] of assets) {
          if (PART_ROUTES.has(route)) continue;
          for (const file of files) rmSync(fileURLToPath(file), { force: true });
          removed += files.length;
        }
        logger.info(`part ${plan.part}: left ${removed} files of the pages spanning documents to the hub`);
      },
    },
  };
}
