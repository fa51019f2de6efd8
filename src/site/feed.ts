/**
 * RSS 2.0 feeds (by @astrojs/rss): the newest documents of the archive, of a series or of an agency,
 * with absolute links under the configured site and base path.
 */
import rss from '@astrojs/rss';
import type { ArchiveDocument } from '../model/types.ts';
import { getSite } from './identity.ts';
import { formatDate } from '../text/format.ts';
import { withBase } from '../utils/url.ts';

/** How many documents a feed lists, newest first. */
export const FEED_SIZE = 50;

const byDateDesc = (a: ArchiveDocument, b: ArchiveDocument) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id);

export async function documentFeed(site: URL | undefined, title: string, documents: ArchiveDocument[]): Promise<Response> {
  const origin = site ?? new URL('https://example.org');
  const { name } = await getSite();
  return rss({
    title: title === name ? title : `${title}｜${name}`,
    description: `${title}：最新 ${FEED_SIZE} 份會議紀錄與施政成果報告`,
    site: new URL(withBase('/'), origin).href,
    customData: '<language>zh-TW</language>',
    items: [...new Set(documents)]
      .sort(byDateDesc)
      .slice(0, FEED_SIZE)
      .map((document) => ({
        title: document.title,
        link: new URL(withBase(document.url), origin).href,
        ...(document.date ? { pubDate: new Date(`${document.date}T00:00:00+08:00`) } : {}),
        description: `${[document.series, document.session?.label].filter(Boolean).join(' ')}（${formatDate(document.date)}）`,
      })),
  });
}
