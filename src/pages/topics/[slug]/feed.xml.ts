/** One topic's feed: the newest documents with resolutions or items on it, each linking to the first (src/site/feed.ts: served under `astro dev`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ItemRef, ResolutionRef } from '../../../facts/archive.ts';
import { getArchive, getTopics, hubPaths } from '../../../site/archive.ts';
import type { Topic } from '../../../schemas/registry.ts';
import { feed, servesFeeds } from '../../../site/feed.ts';
import { topicFeed } from '../../../outputs/feed-entries.ts';

export const getStaticPaths = hubPaths(async () => {
  if (!servesFeeds) return [];
  const [archive, topics] = await Promise.all([getArchive(), getTopics()]);
  return [...topics.values()].flatMap((topic) => {
    const record = archive.topics.get(topic.slug);
    return record ? [{ params: { slug: topic.slug }, props: { topic, record } }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: Topic; record: { resolutions: ResolutionRef[]; items: ItemRef[] } }> = ({ site, props: { topic, record } }) =>
  feed(site, topicFeed(topic, record));
