/**
 * The folders tell the data flow, and no import runs back up it:
 *   text, utils → schemas, model → pipeline → ingest → facts → search, og → outputs, plan
 *   → loaders, integrations → site → components, layouts, pages
 * A module may import from its own layer or a layer before it, never after; so ingest can call the
 * pipeline, a page can read the facts, and the pipeline never depends on how pages or outputs work.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from './utils/code-digest.ts';

const src = resolve(import.meta.dirname);

const LAYERS: string[][] = [
  ['text', 'utils', 'options.ts'],
  ['schemas', 'model'],
  ['pipeline'],
  ['ingest'],
  ['facts'],
  ['search', 'og'],
  ['outputs', 'plan'],
  ['loaders', 'integrations', 'content.config.ts'],
  ['site'],
  ['components', 'layouts', 'pages', 'styles', 'client'],
];

const layerOf = (file: string): number => {
  const top = relative(src, file).split(sep)[0]!;
  const layer = LAYERS.findIndex((names) => names.includes(top));
  if (layer < 0) throw new Error(`src/${top} is in no layer of ${import.meta.filename}: add it where it belongs in the data flow`);
  return layer;
};

const modules = (readdirSync(src, { recursive: true }) as string[])
  .filter((file) => /\.(?:ts|astro)$/.test(file) && !/\.test\.ts$/.test(file))
  .map((file) => join(src, file));

describe('the folders of src/', () => {
  it('import only from their own layer of the data flow or an earlier one', () => {
    const backwards: string[] = [];
    for (const file of modules) {
      for (const target of importsOf(file).files) {
        if (!target.startsWith(src + sep)) continue;
        if (layerOf(target) > layerOf(file)) backwards.push(`${relative(src, file)} → ${relative(src, target)}`);
      }
    }
    expect(backwards).toEqual([]);
  });

  it('have no import cycle between two folders', () => {
    const folderOf = (file: string) => relative(src, file).split(sep)[0]!;
    const edges = new Set<string>();
    for (const file of modules)
      for (const target of importsOf(file).files)
        if (target.startsWith(src + sep) && folderOf(target) !== folderOf(file)) edges.add(`${folderOf(file)}→${folderOf(target)}`);
    const cycles = [...edges].filter((edge) => edges.has(edge.split('→').reverse().join('→'))).sort();
    expect(cycles).toEqual([]);
  });
});
