/**
 * One agency's feed: the newest documents it held, reported in, spoke in or was addressed in; an
 * entry links to the first resolution addressed to the agency (or item it reported) and lists them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { AgencyMentions } from '../../../facts/archive.ts';
import { getMentionedAgencies } from '../../../site/archive.ts';
import type { Agency } from '../../../schemas/registry.ts';
import { feed } from '../../../site/feed.ts';
import { agencyEntries, feedPath } from '../../../site/feed-entries.ts';
import { routes } from '../../../utils/routes.ts';

export const getStaticPaths = (async () =>
  (await getMentionedAgencies()).map(({ agency, mentions }) => ({ params: { slug: agency.slug }, props: { agency, mentions } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ agency: Agency; mentions: AgencyMentions }> = ({ site, props: { agency, mentions } }) => {
  const page = routes.agency(agency.slug);
  return feed({ site, title: agency.name, page, self: feedPath(page), entries: agencyEntries(mentions) });
};
