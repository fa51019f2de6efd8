/** The feed of the resolutions addressed to every agency (src/site/collective.ts): the newest documents with one, each linking to the first. */
import type { APIRoute } from 'astro';
import { getArchive } from '../../../site/archive.ts';
import { COLLECTIVE, COLLECTIVE_NAME } from '../../../site/collective.ts';
import { feed } from '../../../site/feed.ts';
import { feedPath, topicEntries } from '../../../site/feed-entries.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  // A topic's feed is its resolutions then its items: this list has resolutions only.
  return feed({
    site,
    title: COLLECTIVE_NAME,
    page: COLLECTIVE,
    self: feedPath(COLLECTIVE),
    entries: topicEntries({ resolutions: archive.collective, items: [] }),
  });
};
