/** One series' feed: its newest sessions. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Series } from '../../../archive/archive.ts';
import { getArchive } from '../../../archive/collection.ts';
import { documentFeed } from '../../../utils/feed.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return [...archive.series.values()].map((series) => ({ params: { key: series.key }, props: { series } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ series: Series }> = ({ site, props }) =>
  documentFeed(site, `${props.series.organization}${props.series.series}`, props.series.documents);
