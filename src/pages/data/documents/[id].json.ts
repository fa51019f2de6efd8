/**
 * Open data: one document's model (`/data/documents/<id>.json`), as the pipeline produced it. A build
 * writes these files beside the pages (src/outputs/document-files.ts); this route serves the same
 * bytes under `astro dev`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../site/archive.ts';
import type { ArchiveDocument } from '../../../model/types.ts';
import { documentJson } from '../../../outputs/document-files.ts';

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const archive = await getArchive();
  return archive.documents.map((document) => ({ params: { id: document.id }, props: { document } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: ArchiveDocument }> = ({ props }) =>
  new Response(documentJson(props.document), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
