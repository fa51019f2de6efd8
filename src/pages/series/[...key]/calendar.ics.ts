/** One meeting series' calendar (src/outputs/calendar.ts); achievement reports are not meetings and have none. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Series } from '../../../facts/archive.ts';
import { hasCalendar, seriesCalendar } from '../../../outputs/calendar.ts';
import { getArchive, hubPaths } from '../../../site/archive.ts';
import { getPageKey } from '../../../site/page-keys.ts';
import { routes } from '../../../utils/routes.ts';
import { withBase } from '../../../utils/url.ts';

// The calendar reads the series alone (and the site's URL, in Astro's config): its cache key is the series'.
export const getStaticPaths = hubPaths(async () => {
  const [archive, pageKey] = await Promise.all([getArchive(), getPageKey()]);
  return [...archive.series.values()].filter(hasCalendar).map((series) => ({ params: { key: series.key }, props: { series }, cacheKey: pageKey({ series }) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ series: Series }> = ({ site, props: { series } }) => {
  if (!site) throw new Error('calendars need the site URL (`url` in content/site.yaml, or SITE_URL)');
  const absolute = (path: string) => new URL(withBase(path), site).href;
  const text = seriesCalendar({
    name: `${series.organization}${series.series}`,
    page: absolute(routes.series(series.key)),
    host: site.hostname,
    pageUrl: (document) => absolute(document.url),
    documents: series.documents,
  });
  return new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
