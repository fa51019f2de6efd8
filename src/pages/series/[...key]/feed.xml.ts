/** One series' feed: its newest sessions; the channel links to the series' page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Series } from '../../../facts/archive.ts';
import { getArchive } from '../../../site/archive.ts';
import { documentFeed } from '../../../site/feed.ts';
import { feedPath } from '../../../site/feed-entries.ts';
import { routes } from '../../../utils/routes.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return [...archive.series.values()].map((series) => ({ params: { key: series.key }, props: { series } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ series: Series }> = ({ site, props: { series } }) => {
  const page = routes.series(series.key);
  return documentFeed({ site, title: `${series.organization}${series.series}`, page, self: feedPath(page), documents: series.documents });
};
