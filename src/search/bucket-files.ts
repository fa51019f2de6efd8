/**
 * The files the browser reads by a Pagefind page id's bucket (src/search/engine.ts
 * `fragmentBucket`: 256 of each), written once every shard's bundle is in place:
 *
 * - `search/fragments/<bucket>.json`: page id → document id, for the search files of the results a
 *   page shows (a Pagefind fragment would hold the page's whole token list);
 * - `search/cards/<bucket>.json`: page id → what a result shows without an excerpt, so every result
 *   of a query the index proves costs a share of 256 small files, not a file each;
 * - `search/packs/<bucket>.json`: page id → the check file of every document of the bucket
 *   (src/search/check-file.ts), and `search/packs/sizes.json` (documents per bucket): a query
 *   whose candidates are a large share of a bucket checks them with one request, not one each
 *   (a request cost ~3 ms in Chromium here whatever its size, so 5,000 candidates cost 15 s one
 *   by one).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CheckFile, type ResultCard, resultCard } from './check-file.ts';
import { fragmentBucket } from './engine.ts';
import { PAGE_MAP, type Shard, shardPath, sitePageId } from './shards.ts';

/** The folders written here, under `search/`. */
export const BUCKET_FOLDERS = ['fragments', 'cards', 'packs'] as const;

/** Writes the bucket files from the page maps of the shard bundles in `dist` (./index-shard.ts), keyed by {@link sitePageId}; returns the pages mapped. */
export function writeBucketFiles(dist: string, shards: Shard[]): number {
  // Page id → document id, by bucket: small, so held whole; the check files are read a bucket at a time.
  const buckets = new Map<string, Record<string, string>>();
  let pages = 0;
  for (const shard of shards) {
    const map = join(dist, shardPath(shards, shard), PAGE_MAP);
    if (!existsSync(map))
      throw new Error(`search shard ${shard.name} is missing: ${map} not found (build it with scripts/search-index.ts --shard ${shard.name})`);
    const older = shard === shards.at(-1) ? undefined : shard.name;
    for (const [pagefindId, id] of Object.entries(JSON.parse(readFileSync(map, 'utf8')) as Record<string, string>)) {
      const page = sitePageId(pagefindId, older);
      const bucket = fragmentBucket(page);
      const documents = buckets.get(bucket) ?? buckets.set(bucket, {}).get(bucket)!;
      if (documents[page] !== undefined) throw new Error(`${map}: page ${page} is ${documents[page]} already, and ${id} too (two shards of one name?)`);
      documents[page] = id;
      pages++;
    }
  }
  for (const folder of BUCKET_FOLDERS) {
    rmSync(join(dist, 'search', folder), { recursive: true, force: true });
    mkdirSync(join(dist, 'search', folder), { recursive: true });
  }
  const sizes: Record<string, number> = {};
  for (const [bucket, documents] of [...buckets].sort(([a], [b]) => a.localeCompare(b))) {
    const cards: Record<string, ResultCard> = {};
    const pack: Record<string, CheckFile> = {};
    for (const [page, id] of Object.entries(documents)) {
      const check = JSON.parse(readFileSync(join(dist, 'search', 'check', `${id}.json`), 'utf8')) as CheckFile;
      cards[page] = resultCard(check);
      pack[page] = check;
    }
    writeFileSync(join(dist, 'search', 'fragments', `${bucket}.json`), JSON.stringify(documents));
    writeFileSync(join(dist, 'search', 'cards', `${bucket}.json`), JSON.stringify(cards));
    writeFileSync(join(dist, 'search', 'packs', `${bucket}.json`), JSON.stringify(pack));
    sizes[bucket] = Object.keys(documents).length;
  }
  writeFileSync(join(dist, 'search', 'packs', 'sizes.json'), JSON.stringify(sizes));
  return pages;
}
