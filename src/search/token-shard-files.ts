/**
 * Writes `search/tokens/<bucket>.json` (./token-shards.ts) from the check files of every shard's
 * documents: the same folded text, tokenized the same way, as each shard's Pagefind index, and the
 * shard bundles' page maps (./index-shard.ts), for the page ids the browser's index gives.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckFile } from './check-file.ts';
import { PAGE_MAP, type Shard, searchOrder, shardPath } from './shards.ts';
import { LISTED_PAGES, TOKEN_BUCKETS, TOKEN_FOLDER, type TokenShards, bucketName, rankKey, tokenBucket } from './token-shards.ts';
import { indexTokens } from './tokens.ts';

/** Writes the files (none for one shard: there is nothing to skip); returns the tokens listed, every token of the index. */
export function writeTokenShards(dist: string, shards: Shard[]): number {
  const folder = join(dist, 'search', TOKEN_FOLDER);
  rmSync(folder, { recursive: true, force: true });
  if (shards.length < 2) return 0;
  const order = searchOrder(shards);
  // By token, the shards (in search order) holding it, and their first LISTED_PAGES + 1 pages.
  const held = new Map<string, Map<number, Array<{ id: string; tokens: number }>>>();
  for (const shard of shards) {
    const position = order.indexOf(shard.name);
    const pageOf = new Map(
      Object.entries(JSON.parse(readFileSync(join(dist, shardPath(shards, shard), PAGE_MAP), 'utf8')) as Record<string, string>).map(([page, id]) => [
        id,
        page,
      ]),
    );
    for (const id of shard.ids) {
      const page = pageOf.get(id);
      if (page === undefined) throw new Error(`search shard ${shard.name}: ${PAGE_MAP} has no page for ${id}: the shard is from another build`);
      const { text } = JSON.parse(readFileSync(join(dist, 'search', 'check', `${id}.json`), 'utf8')) as CheckFile;
      const tokens = indexTokens(text).split(' ').filter(Boolean);
      const entry = { id: page, tokens: tokens.length };
      for (const token of tokens) {
        const shardsHolding = held.get(token) ?? held.set(token, new Map()).get(token)!;
        const pages = shardsHolding.get(position) ?? shardsHolding.set(position, []).get(position)!;
        // One more than may be listed: enough to know that too many hold it.
        if (pages.length <= LISTED_PAGES) pages.push(entry);
      }
    }
  }
  const buckets: TokenShards[] = Array.from({ length: TOKEN_BUCKETS }, () => ({}));
  let listed = 0;
  for (const [token, shardsHolding] of held) {
    const few = [...shardsHolding].filter(([, pages]) => pages.length <= LISTED_PAGES);
    const sum = [...shardsHolding.keys()].reduce((total, position) => total + 2 ** position, 0);
    buckets[Number.parseInt(tokenBucket(token), 16)]![token] = few.length
      ? [
          sum,
          Object.fromEntries(
            few.map(([position, pages]) => [
              position,
              pages
                .sort(rankKey)
                .map((page) => page.id)
                .join(' '),
            ]),
          ),
        ]
      : sum;
    listed++;
  }
  mkdirSync(folder, { recursive: true });
  buckets.forEach((tokens, bucket) => writeFileSync(join(folder, `${bucketName(bucket)}.json`), JSON.stringify(tokens)));
  return listed;
}
