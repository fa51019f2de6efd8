/**
 * RSS 2.0 feeds (by @astrojs/rss): the newest documents of the archive, of a series, an agency, a
 * topic, a tracked case or a person, with absolute links under the configured site and base path.
 * Each channel links to the page it belongs to and to itself (`atom:link rel="self"`, as feed
 * validators ask); an entry about places in a document (the resolutions addressed to an agency, a
 * case's decision) links to the first of them and lists them all.
 */
import rss from '@astrojs/rss';
import type { ArchiveDocument } from '../model/types.ts';
import { getSite } from './identity.ts';
import { formatDate } from '../text/format.ts';
import { withBase } from '../utils/url.ts';
import { FEED_SIZE, type FeedEntry, newestEntries, publishedAt } from './feed-entries.ts';

export interface FeedOptions {
  /** Astro's `site`: the site's public URL. */
  site: URL | undefined;
  /** What the feed follows: `臺北市政府主任秘書會報`, `資訊局`; the site's name for the archive's feed. */
  title: string;
  /** Site-relative URL of the page the feed belongs to: the channel's link. */
  page: string;
  /** Site-relative URL of the feed itself. */
  self: string;
  entries: FeedEntry[];
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export async function feed(options: FeedOptions): Promise<Response> {
  if (!options.site) throw new Error('feeds need the site URL (`url` in content/site.yaml, or SITE_URL)');
  const origin = options.site;
  const { name } = await getSite();
  const absolute = (path: string) => new URL(withBase(path), origin).href;
  return rss({
    title: options.title === name ? options.title : `${options.title}｜${name}`,
    description: `${options.title}：最新 ${FEED_SIZE} 份會議紀錄與施政成果報告`,
    site: absolute(options.page),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-TW</language><atom:link href="${escapeXml(absolute(options.self))}" rel="self" type="application/rss+xml"/>`,
    items: newestEntries(options.entries).map(({ document, places }) => {
      const date = publishedAt(document);
      const about = `${[document.series, document.session?.label].filter(Boolean).join(' ')}（${formatDate(document.date)}）`;
      return {
        title: document.title,
        link: absolute(places[0] ? `${document.url}#${places[0].anchor}` : document.url),
        ...(date ? { pubDate: date } : {}),
        description: [about, ...places.map((place) => place.text)].join('\n'),
      };
    }),
  });
}

/** A feed of whole documents: the archive's or a series'. */
export function documentFeed(options: Omit<FeedOptions, 'entries'> & { documents: ArchiveDocument[] }): Promise<Response> {
  const { documents, ...rest } = options;
  return feed({ ...rest, entries: documents.map((document) => ({ document, places: [] })) });
}
