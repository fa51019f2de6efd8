/**
 * Open data: every figure printed in the archive's documents as a row of `dist/data/figures.csv`
 * (src/outputs/figures-csv.ts), with the absolute URL of the item it is printed in.
 */
import type { APIRoute } from 'astro';
import { figureRows, figuresCsv } from '../../outputs/figures-csv.ts';
import { getArchive } from '../../site/archive.ts';
import { withBase } from '../../utils/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const rows = figureRows(archive.documents, (document) => new URL(withBase(document.url), site).href);
  return new Response(figuresCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
