/** One tracked case's feed: each meeting that decided on it, linking to the decision (src/site/feed.ts: served under `astro dev`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { TrackedCase } from '../../../facts/archive.ts';
import { getArchive, hubPaths } from '../../../site/archive.ts';
import { feed, servesFeeds } from '../../../site/feed.ts';
import { caseFeed } from '../../../outputs/feed-entries.ts';

export const getStaticPaths = hubPaths(async () => {
  if (!servesFeeds) return [];
  const archive = await getArchive();
  return [...archive.cases.values()].map((tracked) => ({ params: { key: tracked.key }, props: { tracked } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tracked: TrackedCase }> = ({ site, props: { tracked } }) => feed(site, caseFeed(tracked));
