/** The archive's feed: the newest documents of every series. */
import type { APIRoute } from 'astro';
import { getArchive } from '../site/archive.ts';
import { getSite } from '../site/identity.ts';
import { documentFeed } from '../site/feed.ts';

export const GET: APIRoute = async ({ site }) => documentFeed(site, (await getSite()).name, (await getArchive()).documents);
