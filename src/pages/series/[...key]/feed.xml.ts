/** One series' feed: its newest sessions; the channel links to the series' page (src/site/feed.ts: served under `astro dev`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Series } from '../../../facts/archive.ts';
import { getArchive, hubPaths } from '../../../site/archive.ts';
import { feed, servesFeeds } from '../../../site/feed.ts';
import { seriesFeed } from '../../../outputs/feed-entries.ts';

export const getStaticPaths = hubPaths(async () => {
  if (!servesFeeds) return [];
  const archive = await getArchive();
  return [...archive.series.values()].map((series) => ({ params: { key: series.key }, props: { series } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ series: Series }> = ({ site, props: { series } }) => feed(site, seriesFeed(series));
