/**
 * Open data: every resolution as a row of `dist/data/resolutions.csv` (src/outputs/resolutions-csv.ts),
 * with the absolute URL of its anchor for citing.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../../site/archive.ts';
import { resolutionRows, resolutionsCsv } from '../../outputs/resolutions-csv.ts';
import { withBase } from '../../utils/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const rows = resolutionRows(archive.documents, (document) => new URL(withBase(document.url), site).href);
  return new Response(resolutionsCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
