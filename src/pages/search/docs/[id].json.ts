/**
 * The text search checks and excerpts, per document: `/search/docs/<id>.json` (see
 * src/search/segments.ts). A build writes these files beside the pages
 * (src/outputs/document-files.ts); this route serves the same bytes under `astro dev`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSearchDocuments } from '../../../site/archive.ts';
import { searchJson } from '../../../outputs/document-files.ts';
import type { SearchDocument } from '../../../search/segments.ts';

export const getStaticPaths = (async () =>
  import.meta.env.DEV
    ? [...(await getSearchDocuments()).values()].map((search) => ({ params: { id: search.id }, props: { search } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute<{ search: SearchDocument }> = ({ props }) =>
  new Response(searchJson(props.search), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
