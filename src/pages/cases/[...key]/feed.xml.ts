/** One tracked case's feed: each meeting that decided on it, linking to the decision. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { TrackedCase } from '../../../facts/archive.ts';
import { getArchive } from '../../../site/archive.ts';
import { getPageKey } from '../../../site/page-keys.ts';
import { feed } from '../../../site/feed.ts';
import { caseEntries, feedPath } from '../../../site/feed-entries.ts';
import { routes } from '../../../utils/routes.ts';

export const getStaticPaths = (async () => {
  const [archive, pageKey] = await Promise.all([getArchive(), getPageKey()]);
  // The feed reads the case alone, and the site's name (in every key).
  return [...archive.cases.values()].map((tracked) => ({ params: { key: tracked.key }, props: { tracked }, cacheKey: pageKey({ tracked }) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tracked: TrackedCase }> = ({ site, props: { tracked } }) => {
  const page = routes.case(tracked);
  const title = `列管案件 ${tracked.id}（${tracked.series.organization}${tracked.series.series}）`;
  return feed({ site, title, page, self: feedPath(page), entries: caseEntries(tracked) });
};
