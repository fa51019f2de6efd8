/**
 * The source file of each document, byte for byte as published: `/sources/<id>.txt`. A build copies
 * these files beside the pages (src/outputs/document-files.ts); this route serves them under `astro dev`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../site/archive.ts';
import { sourceFileName } from '../../utils/routes.ts';

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const archive = await getArchive();
  return archive.documents.map((document) => ({ params: { file: sourceFileName(document) }, props: { source: document.source } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ source: string }> = ({ props }) =>
  new Response(readFileSync(join(process.cwd(), 'content', props.source)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
