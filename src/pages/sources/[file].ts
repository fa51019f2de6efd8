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
  return archive.documents.flatMap((document) => [
    {
      params: { file: sourceFileName(document) },
      props: { source: document.source, mediaType: document.file.format ? document.file.mediaType : 'text/plain; charset=utf-8' },
    },
    // An original's extracted text, beside it.
    ...(document.file.text !== undefined
      ? [{ params: { file: `${document.id}.txt` }, props: { source: document.source, mediaType: 'text/plain; charset=utf-8', text: document.file.text } }]
      : []),
  ]);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ source: string; mediaType: string; text?: string }> = ({ props }) =>
  new Response(props.text ?? readFileSync(join(process.cwd(), 'content', props.source)), { headers: { 'Content-Type': props.mediaType } });
