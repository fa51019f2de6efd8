/**
 * A feed as RSS 2.0 text, written with string templates: the bytes @astrojs/rss 4 wrote for the
 * archive's feeds (its zod validation and fast-xml-parser's XML builder cost ~3 ms a feed, 14,000
 * case feeds at 10,000 documents). Free of Astro, so the outputs worker writes the feeds beside the
 * pages (src/outputs/feed-files.ts) and the dev server serves the same text (src/site/feed.ts);
 * src/outputs/feed-xml.test.ts compares it with @astrojs/rss's.
 */
import { formatDate } from '../text/format.ts';
import { FEED_SIZE, type FeedEntry, type FeedSpec, newestEntries, publishedAt } from './feed-entries.ts';

/** What every feed of a site says about the site. */
export interface FeedSite {
  /** The site's name (content/site.yaml): the end of every channel title. */
  name: string;
  /** The public URL of a site-relative path (`/cases/x/`), under the site's base path. */
  absolute: (path: string) => string;
}

/** The public URL of a site-relative path under `base` (`/`, `/minutes/`) at `origin`, as `withBase` makes it. */
export function absoluteUrl(origin: string | URL, base: string): (path: string) => string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return (path) => new URL(prefix + path.replace(/^\/+/, ''), origin).href;
}

/** Text and attribute values as fast-xml-parser's builder escapes them (all five entities, `&` first). */
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/>/g, '&gt;').replace(/</g, '&lt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');

/** @astrojs/rss's canonical form of the channel link (its createCanonicalURL, trailing slash kept). */
function canonicalUrl(url: string): string {
  let path = url.replace(/\/index.html$/, '');
  const dot = url.lastIndexOf('.');
  if (dot <= url.lastIndexOf('/')) path = path.replace(/\/*$/, '/');
  return new URL(path.replace(/\/+/g, '/')).href;
}

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

function item(site: FeedSite, { document, places }: FeedEntry): string {
  const date = publishedAt(document);
  if (date && Number.isNaN(date.getTime()))
    throw new Error(`${document.source}: document ${document.id} has no valid date for its feed entry (date ${document.date}, start ${document.startTime})`);
  const link = escapeXml(site.absolute(places[0] ? `${document.url}#${places[0].anchor}` : document.url));
  const about = `${[document.series, document.session?.label].filter(Boolean).join(' ')}（${formatDate(document.date)}）`;
  return (
    `<item>${document.title ? element('title', document.title) : ''}<link>${link}</link><guid isPermaLink="true">${link}</guid>` +
    `${element('description', [about, ...places.map((place) => place.text)].join('\n'))}${date ? `<pubDate>${date.toUTCString()}</pubDate>` : ''}</item>`
  );
}

/** The feed's RSS: its newest {@link FEED_SIZE} documents, the entries of one document joined. */
export function feedXml(site: FeedSite, feed: FeedSpec): string {
  const title = feed.title === site.name ? feed.title : `${feed.title}｜${site.name}`;
  const channel =
    `${element('title', title)}${element('description', `${feed.title}：最新 ${FEED_SIZE} 份會議紀錄與施政成果報告`)}` +
    `<link>${escapeXml(canonicalUrl(site.absolute(feed.page)))}</link><language>zh-TW</language>` +
    `<atom:link href="${escapeXml(site.absolute(feed.self))}" rel="self" type="application/rss+xml"/>`;
  const items = newestEntries(feed.entries)
    .map((entry) => item(site, entry))
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>${channel}${items}</channel></rss>`;
}
