/**
 * The site's identity (`content/site.yaml`) and its standard pages (`content/pages/*.md`), as pages
 * read them from the content collections, loaded once per build.
 */
import { type CollectionEntry, getCollection, getEntry } from 'astro:content';
import type { SiteIdentity } from '../schemas/site.ts';

let site: Promise<SiteIdentity> | undefined;

/** content/site.yaml, validated by its loader (src/ingest/site-identity.ts). */
export function getSite(): Promise<SiteIdentity> {
  site ??= Promise.resolve(getEntry('site', 'site')).then((entry) => {
    if (!entry) throw new Error('content/site.yaml was not loaded: is the site collection in src/content.config.ts?');
    return entry.data as SiteIdentity;
  });
  return site;
}

export type StandardPageEntry = CollectionEntry<'pages'>;

let pages: Promise<StandardPageEntry[]> | undefined;

/** The standard pages in footer order; each is published at `/about/<id>/`. */
export function getStandardPages(): Promise<StandardPageEntry[]> {
  pages ??= getCollection('pages').then((entries) => {
    // The id (front-matter slug or file name) becomes a URL: the archive's URLs are ASCII.
    const bad = entries.find((entry) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(entry.id));
    if (bad) throw new Error(`${bad.filePath ?? bad.id}: a standard page needs an ASCII URL name: add \`slug: some-name\` to its front matter`);
    return entries.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
  });
  return pages;
}

/** Site-relative URL of a standard page. */
export const standardPageUrl = (page: { id: string }) => `/about/${page.id}/`;
