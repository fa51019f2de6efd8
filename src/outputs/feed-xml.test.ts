import { join } from 'node:path';
import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { buildArchive } from '../facts/archive.ts';
import { buildPeople } from '../facts/people.ts';
import { loadPeopleRegistry, loadRegistries } from '../ingest/registries.ts';
import { listSources, processPath } from '../ingest/sources.ts';
import type { ArchiveDocument } from '../model/types.ts';
import { formatDate } from '../text/format.ts';
import { FEED_SIZE, type FeedSpec, archiveFeeds, newestEntries, publishedAt } from './feed-entries.ts';
import { type FeedSite, absoluteUrl, feedXml } from './feed-xml.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
const documents = listSources(ARCHIVE).map((path) => processPath(ARCHIVE, path, registries).document!);
const archive = buildArchive(documents);
const people = buildPeople(archive.documents, loadPeopleRegistry(join(ARCHIVE, 'content')));
const site: FeedSite = { name: '範例市政府會議紀錄典藏', absolute: absoluteUrl('https://example.org', '/minutes/') };
const feeds = [...archiveFeeds({ archive, people, agencies: registries.data.agencies, topics: registries.data.topics, siteName: site.name })];

/** The feed as src/site/feed.ts wrote it through @astrojs/rss before feed-xml.ts: the bytes to keep. */
function astroRss(feed: FeedSpec): Promise<string> {
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return getRssString({
    title: feed.title === site.name ? feed.title : `${feed.title}｜${site.name}`,
    description: `${feed.title}：最新 ${FEED_SIZE} 份會議紀錄與施政成果報告`,
    site: site.absolute(feed.page),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-TW</language><atom:link href="${escapeXml(site.absolute(feed.self))}" rel="self" type="application/rss+xml"/>`,
    items: newestEntries(feed.entries).map(({ document, places }) => {
      const date = publishedAt(document);
      const about = `${[document.series, document.session?.label].filter(Boolean).join(' ')}（${formatDate(document.date)}）`;
      return {
        title: document.title,
        link: site.absolute(places[0] ? `${document.url}#${places[0].anchor}` : document.url),
        ...(date ? { pubDate: date } : {}),
        description: [about, ...places.map((place) => place.text)].join('\n'),
      };
    }),
  });
}

describe('feed XML', () => {
  it('lists a feed for the archive and each series, agency, topic, tracked case and person', () => {
    const pages = new Set(feeds.map((feed) => feed.page));
    expect(pages.size).toBe(feeds.length);
    expect(pages).toContain('/');
    expect(pages).toContain('/series/taipei/chief-secretaries-meeting/');
    expect(pages).toContain('/agencies/information-technology/');
    expect(pages).toContain('/cases/taipei/chief-secretaries-meeting/205-1/');
    expect(pages).toContain('/people/cultural-affairs-liu-zhu-mi/');
    expect(feeds.filter((feed) => feed.page.startsWith('/cases/'))).toHaveLength(archive.cases.size);
    expect(feeds.filter((feed) => feed.page.startsWith('/people/'))).toHaveLength(people.all.length);
    expect(feeds.every((feed) => feed.self === `${feed.page}feed.xml`)).toBe(true);
  });

  it('writes every feed of the sample archive byte for byte as @astrojs/rss did', async () => {
    for (const feed of feeds) expect(feedXml(site, feed), feed.page).toBe(await astroRss(feed));
  });

  it('escapes what XML reserves as @astrojs/rss did, in text, links and the self link', async () => {
    const [first] = archive.documents;
    const odd: ArchiveDocument = { ...first!, title: `A & B <c> "d" 'e' ]]> 會議`, url: "/minutes/o'neil/&x/" };
    const feed: FeedSpec = {
      title: '<資訊局> & "其他"',
      page: "/agencies/o'neil&co/",
      self: "/agencies/o'neil&co/feed.xml",
      entries: [{ document: odd, places: [{ anchor: 'res-1', text: '請 A&B 辦理 <說明> "x"\n第二行' }] }],
    };
    const xml = feedXml(site, feed);
    expect(xml).toBe(await astroRss(feed));
    expect(xml).toContain('<item><title>A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; ]]&gt; 會議</title>');
  });

  it('writes a feed with no entries as an empty channel', async () => {
    const feed: FeedSpec = { title: '無', page: '/topics/none/', self: '/topics/none/feed.xml', entries: [] };
    expect(feedXml(site, feed)).toBe(await astroRss(feed));
  });

  it('names the document whose date cannot date its entry', () => {
    const [first] = archive.documents;
    const feed: FeedSpec = { title: 'x', page: '/x/', self: '/x/feed.xml', entries: [{ document: { ...first!, date: '2024-13-45' }, places: [] }] };
    expect(() => feedXml(site, feed)).toThrow(first!.source);
  });
});
