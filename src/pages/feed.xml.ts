/** The archive's feed: the newest documents of every series (src/site/feed.ts: served under `astro dev`, no file in a build). */
import type { APIRoute } from 'astro';
import { getArchive } from '../site/archive.ts';
import { getSite } from '../site/identity.ts';
import { feed, servesFeeds } from '../site/feed.ts';
import { archiveFeed } from '../outputs/feed-entries.ts';

export const GET: APIRoute = async ({ site }) => (servesFeeds ? feed(site, archiveFeed((await getSite()).name, await getArchive())) : new Response(null));
