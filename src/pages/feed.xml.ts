/** The archive's feed: the newest documents of every series. */
import type { APIRoute } from 'astro';
import { getArchive } from '../archive/collection.ts';
import { getSite } from '../site/collection.ts';
import { documentFeed } from '../utils/feed.ts';

export const GET: APIRoute = async ({ site }) => documentFeed(site, (await getSite()).name, (await getArchive()).documents);
