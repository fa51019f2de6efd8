/** The archive's feed: the newest documents of every series. */
import type { APIRoute } from 'astro';
import { getArchive } from '../archive/collection.ts';
import { SITE_TITLE } from '../consts.ts';
import { documentFeed } from '../utils/feed.ts';

export const GET: APIRoute = async ({ site }) => documentFeed(site, SITE_TITLE, (await getArchive()).documents);
