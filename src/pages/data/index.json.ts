/**
 * Open data: the list of documents (`dist/data/index.json`), after what the dataset is: its licence,
 * 管理機關, 更新頻率 and contact from content/site.yaml. `url` is the document's page and `json` its
 * model file, both relative to the site root (prefix the base path when the site lives under one).
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../../site/archive.ts';
import { indexSchema } from '../../schemas/open-data.ts';
import { getSite } from '../../site/identity.ts';

export const GET: APIRoute = async () => {
  const [archive, site] = await Promise.all([getArchive(), getSite()]);
  const dataset = { title: site.name, owner: site.owner, license: site.license, ...site.dataset };
  const documents = archive.documents.map((document) => ({
    id: document.id,
    kind: document.kind,
    title: document.title,
    url: document.url,
    date: document.date ?? null,
    json: `/data/documents/${document.id}.json`,
  }));
  // Checked against the published schema (data/schema/index.json) before it is written.
  return new Response(JSON.stringify(indexSchema.parse({ dataset, documents })), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
