/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page returned from
 * `getStaticPaths` with a `cacheKey` equal to the last build's is copied from that build instead of
 * rendered, when its code is unchanged too (Astro hashes the route's module graph). So a key must
 * change whenever anything the page shows does: it is the SHA-256 of everything the page reads,
 * serialised, with each document standing for the digest the loader stored it under (its bytes, the
 * registries and the ingest code; src/ingest/ingest.ts) and its id and URL, each series for the
 * key of its documents and each registry (agencies, topics) for its digest; plus what every page's layout reads (content/site.yaml, the standard pages).
 * A page that reads the archive beyond what it passes in gets no key and is rendered every time.
 */
import { createHash } from 'node:crypto';
import { type Series, walkItems } from '../facts/archive.ts';
import { getAgencies, getArchive, getStoredDocuments, getTopics } from './archive.ts';
import { getSite, getStandardPages } from './identity.ts';

export type PageKey = (reads: unknown) => string;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let keys: Promise<PageKey> | undefined;

export function getPageKey(): Promise<PageKey> {
  keys ??= Promise.all([getStoredDocuments(), getArchive(), getSite(), getStandardPages(), getAgencies(), getTopics()]).then(
    ([entries, archive, site, pages, agencies, topics]) => {
      const stands = new Map<object, string>();
      for (const { data: document, digest } of entries) {
        if (!digest) throw new Error(`document ${document.id} has no digest in the content store: src/loaders/documents.ts stores one with every document`);
        stands.set(document, `document ${digest} ${document.id} ${document.url}`);
        // An item or resolution of it (what a listing page shows of the document) is its place in the
        // document, whose digest it is part of: written out, 120 items of a listing page were ~1 MB.
        let place = 0;
        for (const item of walkItems(document.items)) {
          stands.set(item, `item ${digest} ${place++}`);
          for (const resolution of item.resolutions) stands.set(resolution, `resolution ${digest} ${place++}`);
        }
      }
      // A Map or Set would serialise as {}: written out, so that what it holds counts.
      const serialise = (value: unknown) =>
        JSON.stringify(value, (_, part: unknown) => {
          if (!part || typeof part !== 'object') return part;
          const stand = stands.get(part);
          if (stand) return stand;
          if (part instanceof Map || part instanceof Set) return [...part];
          return part;
        });
      // After the documents: a series stands for their keys, in order, and its own fields.
      for (const series of archive.series.values()) {
        const { documents, ...fields } = series satisfies Series;
        stands.set(series, `series ${sha256(serialise({ fields, documents }))}`);
      }
      // The registries (every document page links names through them) stand for their digest, once.
      stands.set(agencies, `agencies ${sha256(serialise(agencies))}`);
      stands.set(topics, `topics ${sha256(serialise(topics))}`);
      const layout = serialise({ site, pages: pages.map((page) => ({ id: page.id, digest: page.digest, data: page.data, body: page.body })) });
      return (reads: unknown) => sha256(`${layout}\0${serialise(reads)}`);
    },
  );
  return keys;
}
