/** The text search checks and excerpts, per document: `/search/docs/<id>.json` (see src/search/segments.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSearchDocuments } from '../../../archive/collection.ts';
import type { SearchDocument } from '../../../search/segments.ts';

export const getStaticPaths = (async () =>
  [...(await getSearchDocuments()).values()].map((search) => ({ params: { id: search.id }, props: { search } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ search: SearchDocument }> = ({ props }) =>
  new Response(JSON.stringify(props.search), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
