/**
 * Writes `search/tokens/<bucket>.json` (./token-shards.ts) from the check files of every shard's
 * documents: the same folded text, tokenized the same way, as each shard's Pagefind index.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckFile } from './check-file.ts';
import { type Shard, searchOrder } from './shards.ts';
import { TOKEN_BUCKETS, TOKEN_FOLDER, type TokenShards, bucketName, tokenBucket } from './token-shards.ts';
import { indexTokens } from './tokens.ts';

/** Writes the files (none for one shard: there is nothing to skip); returns the tokens listed. */
export function writeTokenShards(dist: string, shards: Shard[]): number {
  const folder = join(dist, 'search', TOKEN_FOLDER);
  rmSync(folder, { recursive: true, force: true });
  if (shards.length < 2) return 0;
  const order = searchOrder(shards);
  const held = new Map<string, number>();
  for (const shard of shards) {
    const bit = 2 ** order.indexOf(shard.name);
    for (const id of shard.ids) {
      const { text } = JSON.parse(readFileSync(join(dist, 'search', 'check', `${id}.json`), 'utf8')) as CheckFile;
      for (const token of indexTokens(text).split(' ')) {
        if (!token) continue;
        const shards = held.get(token) ?? 0;
        // Once per shard, however many of its documents hold the token.
        if (shards % (2 * bit) < bit) held.set(token, shards + bit);
      }
    }
  }
  const every = 2 ** shards.length - 1;
  const buckets: TokenShards[] = Array.from({ length: TOKEN_BUCKETS }, () => ({}));
  let listed = 0;
  for (const [token, shards] of held) {
    if (shards === every) continue;
    buckets[Number.parseInt(tokenBucket(token), 16)]![token] = shards;
    listed++;
  }
  mkdirSync(folder, { recursive: true });
  buckets.forEach((tokens, bucket) => writeFileSync(join(folder, `${bucketName(bucket)}.json`), JSON.stringify(tokens)));
  return listed;
}
