/**
 * The image files documents show, byte for byte as published, at their path under content/
 * (`/sources/reports/images/chart.png`): what each figure's caption links to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPageDocuments } from '../../site/archive.ts';
import type { Item } from '../../model/types.ts';

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' };

function imagePaths(items: Item[], paths: Set<string>): Set<string> {
  for (const item of items) {
    for (const image of item.images ?? []) if (image.path) paths.add(image.path);
    imagePaths(item.items, paths);
  }
  return paths;
}

export const getStaticPaths = (async () => {
  // Published by whichever build renders the documents showing them (a part of a planned build: its own).
  const paths = new Set<string>();
  for (const document of await getPageDocuments()) imagePaths(document.items, paths);
  return [...paths].sort().map((path) => ({ params: { image: path }, props: { path } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ path: string }> = ({ props }) =>
  new Response(readFileSync(join(process.cwd(), 'content', props.path)), {
    headers: { 'Content-Type': TYPES[props.path.slice(props.path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream' },
  });
