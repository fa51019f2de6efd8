/** Open data: one document's model (`dist/data/documents/<id>.json`), as the pipeline produced it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../archive/collection.ts';
import type { ArchiveDocument } from '../../../model/types.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.documents.map((document) => ({ params: { id: document.id }, props: { document } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: ArchiveDocument }> = ({ props }) =>
  new Response(JSON.stringify(props.document, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
