/** The text search checks and excerpts, per document: `/search/docs/<id>.json` (see src/search/segments.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAgencies, getArchive, getTopics } from '../../../archive/collection.ts';
import type { ArchiveDocument } from '../../../model/types.ts';
import { searchDocument } from '../../../search/segments.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.documents.map((document) => ({ params: { id: document.id }, props: { document } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: ArchiveDocument }> = async ({ props }) => {
  const [agencies, topics] = await Promise.all([getAgencies(), getTopics()]);
  const names = { agency: (slug: string) => agencies.get(slug)?.short ?? slug, topic: (slug: string) => topics.get(slug)?.name ?? slug };
  return new Response(JSON.stringify(searchDocument(props.document, names)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
