/** One person's feed: the meetings they chaired or recorded and the items they spoke under (src/site/feed.ts: served under `astro dev`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Participant } from '../../../facts/people.ts';
import { getPeople, hubPaths } from '../../../site/archive.ts';
import { feed, servesFeeds } from '../../../site/feed.ts';
import { personFeed } from '../../../outputs/feed-entries.ts';

export const getStaticPaths = hubPaths(async () =>
  servesFeeds ? (await getPeople()).all.map((person) => ({ params: { slug: person.slug }, props: { person } })) : [],
) satisfies GetStaticPaths;

export const GET: APIRoute<{ person: Participant }> = ({ site, props: { person } }) => feed(site, personFeed(person));
