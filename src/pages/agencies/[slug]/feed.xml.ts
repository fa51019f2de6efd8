/**
 * One agency's feed: the newest documents it held, reported in, spoke in or was addressed in; an
 * entry links to the first resolution addressed to the agency (or item it reported) and lists them
 * (src/site/feed.ts: served under `astro dev`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { AgencyMentions } from '../../../facts/archive.ts';
import { getMentionedAgencies, hubPaths } from '../../../site/archive.ts';
import type { Agency } from '../../../schemas/registry.ts';
import { feed, servesFeeds } from '../../../site/feed.ts';
import { agencyFeed } from '../../../outputs/feed-entries.ts';

export const getStaticPaths = hubPaths(async () =>
  servesFeeds ? (await getMentionedAgencies()).map(({ agency, mentions }) => ({ params: { slug: agency.slug }, props: { agency, mentions } })) : [],
) satisfies GetStaticPaths;

export const GET: APIRoute<{ agency: Agency; mentions: AgencyMentions }> = ({ site, props: { agency, mentions } }) => feed(site, agencyFeed(agency, mentions));
