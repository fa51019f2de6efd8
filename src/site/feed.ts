/**
 * The feeds under `astro dev`: a build writes them beside the pages (src/outputs/feed-files.ts, in
 * the outputs worker), so their routes (`feed.xml.ts` in src/pages/) give a build no paths and no
 * body, and serve the same text from the same facts while developing.
 */
import { getSite } from './identity.ts';
import type { FeedSpec } from '../outputs/feed-entries.ts';
import { absoluteUrl, feedXml } from '../outputs/feed-xml.ts';

/** Whether the feed routes render: under `astro dev` only. */
export const servesFeeds = import.meta.env.DEV;

/** The feed as RSS, its links absolute under Astro's `site` and base path. */
export async function feed(site: URL | undefined, spec: FeedSpec): Promise<Response> {
  if (!site) throw new Error('feeds need the site URL (`url` in content/site.yaml, or SITE_URL)');
  const { name } = await getSite();
  const xml = feedXml({ name, absolute: absoluteUrl(site, import.meta.env.BASE_URL) }, spec);
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
}
