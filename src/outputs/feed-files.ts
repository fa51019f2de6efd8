/**
 * The site's RSS feeds as plain files, written by the outputs worker (./worker.ts) beside the pages:
 * the archive's and each series', agency's, topic's, tracked case's and person's `feed.xml`
 * (src/outputs/feed-entries.ts says what each lists, src/outputs/feed-xml.ts writes it). Through Astro's
 * page generation each feed cost its route's render, @astrojs/rss's validation and XML builder and a
 * file write on the one core the pages have: 15,000 feeds at 10,000 documents, a fifth to a quarter
 * of the page generation. Here they are computed from the same documents (the loader's handoff) by
 * the same facts code as the pages, and written in a few seconds on the other core. They are written
 * on every build: that costs less than telling which of them changed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildArchive } from '../facts/archive.ts';
import { buildPeople } from '../facts/people.ts';
import type { ArchiveDocument } from '../model/types.ts';
import type { PersonAlias } from '../schemas/people.ts';
import type { Agency, Topic } from '../schemas/registry.ts';
import { archiveFeeds } from './feed-entries.ts';
import { absoluteUrl, feedXml } from './feed-xml.ts';

export interface FeedFilesOptions {
  /** Astro's `site`: the site's public URL. */
  site: string;
  /** Astro's `base`: `/`, `/minutes/`. */
  base: string;
  /** The site's name (content/site.yaml). */
  siteName: string;
  /** The registries in registry order, and content/people.yaml, as the content collections hold them. */
  agencies: Agency[];
  topics: Topic[];
  people: PersonAlias[];
}

/** Writes every feed of the archive of `documents` into `dist`; returns how many. */
export function writeFeedFiles(dist: string, documents: ArchiveDocument[], options: FeedFilesOptions): number {
  const archive = buildArchive(documents);
  const people = buildPeople(archive.documents, options.people);
  const site = { name: options.siteName, absolute: absoluteUrl(options.site, options.base) };
  const folders = new Set<string>();
  let count = 0;
  for (const feed of archiveFeeds({ archive, people, agencies: options.agencies, topics: options.topics, siteName: options.siteName })) {
    const file = join(dist, feed.self);
    const folder = dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(file, feedXml(site, feed));
    count++;
  }
  return count;
}
