/** One person's feed: the meetings they chaired or recorded and the items they spoke under. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Participant } from '../../../facts/people.ts';
import { getPeople } from '../../../site/archive.ts';
import { feed } from '../../../site/feed.ts';
import { personEntries, feedPath } from '../../../site/feed-entries.ts';
import { routes } from '../../../utils/routes.ts';

export const getStaticPaths = (async () =>
  (await getPeople()).all.map((person) => ({ params: { slug: person.slug }, props: { person } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ person: Participant }> = ({ site, props: { person } }) => {
  const page = routes.person(person.slug);
  return feed({ site, title: person.name, page, self: feedPath(page), entries: personEntries(person) });
};
