/** One topic's feed: the newest documents with resolutions or items on it, each linking to the first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ItemRef, ResolutionRef } from '../../../facts/archive.ts';
import { getArchive, getTopics } from '../../../site/archive.ts';
import type { Topic } from '../../../schemas/registry.ts';
import { feed } from '../../../site/feed.ts';
import { topicEntries, feedPath } from '../../../site/feed-entries.ts';
import { routes } from '../../../utils/routes.ts';

export const getStaticPaths = (async () => {
  const [archive, topics] = await Promise.all([getArchive(), getTopics()]);
  return [...topics.values()].flatMap((topic) => {
    const record = archive.topics.get(topic.slug);
    return record ? [{ params: { slug: topic.slug }, props: { topic, record } }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: Topic; record: { resolutions: ResolutionRef[]; items: ItemRef[] } }> = ({ site, props: { topic, record } }) => {
  const page = routes.topic(topic.slug);
  return feed({ site, title: `主題：${topic.name}`, page, self: feedPath(page), entries: topicEntries(record) });
};
