/**
 * The generated documents with Astro's own glob() loader. glob() knows no `.txt`, so the bench
 * copies each file to `content/<minutes|reports>/…/*.md` (scripts/bench/stock.ts): what a site
 * built with stock Astro would hold, rendered by Astro's markdown pipeline.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const documents = defineCollection({
  loader: glob({ pattern: ['minutes/**/*.md', 'reports/**/*.md'], base: './content' }),
});

export const collections = { documents };
