/**
 * Open data: the list of documents (`dist/data/index.json`). `url` is the document's page and `json`
 * its model file, both relative to the site root (prefix the base path when the site lives under one).
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../../archive/collection.ts';
import { indexSchema } from '../../schemas/open-data.ts';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const documents = archive.documents.map((document) => ({
    id: document.id,
    kind: document.kind,
    title: document.title,
    url: document.url,
    date: document.date ?? null,
    json: `/data/documents/${document.id}.json`,
  }));
  // Checked against the published schema (data/schema/index.json) before it is written.
  return new Response(JSON.stringify(indexSchema.parse({ documents }), null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
