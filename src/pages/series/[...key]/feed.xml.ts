/** One series' feed: its newest sessions. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Series } from '../../../facts/archive.ts';
import { getArchive } from '../../../site/archive.ts';
import { documentFeed } from '../../../site/feed.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return [...archive.series.values()].map((series) => ({ params: { key: series.key }, props: { series } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ series: Series }> = ({ site, props }) =>
  documentFeed(site, `${props.series.organization}${props.series.series}`, props.series.documents);
