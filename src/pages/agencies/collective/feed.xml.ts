/** The feed of the resolutions addressed to every agency (src/facts/collective.ts; src/site/feed.ts: served under `astro dev`, no file in a build). */
import type { APIRoute } from 'astro';
import { getArchive } from '../../../site/archive.ts';
import { feed, servesFeeds } from '../../../site/feed.ts';
import { collectiveFeed } from '../../../outputs/feed-entries.ts';

export const GET: APIRoute = async ({ site }) => (servesFeeds ? feed(site, collectiveFeed(await getArchive())) : new Response(null));
