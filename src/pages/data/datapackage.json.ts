/** Open data: the Frictionless Data Package descriptor of the data files (src/outputs/datapackage.ts). */
import type { APIRoute } from 'astro';
import { dataPackage } from '../../outputs/datapackage.ts';
import { getArchive } from '../../site/archive.ts';
import { getSite } from '../../site/identity.ts';
import { withBase } from '../../utils/url.ts';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const [archive, site] = await Promise.all([getArchive(), getSite()]);
  const descriptor = dataPackage({ site, dataUrl: new URL(withBase('/data/'), siteUrl).href, documents: archive.documents });
  return new Response(JSON.stringify(descriptor), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
