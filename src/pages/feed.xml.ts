/** The archive's feed: the newest documents of every series. */
import type { APIRoute } from 'astro';
import { getArchive } from '../site/archive.ts';
import { getSite } from '../site/identity.ts';
import { documentFeed } from '../site/feed.ts';
import { feedPath } from '../site/feed-entries.ts';
import { routes } from '../utils/routes.ts';

export const GET: APIRoute = async ({ site }) =>
  documentFeed({ site, title: (await getSite()).name, page: routes.home(), self: feedPath(routes.home()), documents: (await getArchive()).documents });
