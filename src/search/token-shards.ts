/**
 * Which index shards hold a token, for the tokens some shard lacks: `search/tokens/<bucket>.json`,
 * token → the shards holding it, written when the index is assembled (./token-shard-files.ts).
 * With it the browser skips a shard that lacks one of a query's tokens without loading it: a query
 * no document holds (TPE-001) otherwise merged and searched every shard for its first page, 820 KB
 * at 10,000 documents. A token no file lists is in every shard or in none, as the newest shard,
 * searched first anyway, tells.
 */

/** Files the tokens are spread over, by a hash of the token. */
export const TOKEN_BUCKETS = 1024;

/** Under `search/`. */
export const TOKEN_FOLDER = 'tokens';

/**
 * Token → the shards holding it, as a sum of 2^i for the i-th shard of search/shards.json (newest
 * first; exact in a double up to 53 shards).
 */
export type TokenShards = Record<string, number>;

/** A bucket's file name: its number in three hex digits. */
export const bucketName = (bucket: number): string => bucket.toString(16).padStart(3, '0');

/** The bucket of a token: FNV-1a of its characters (ASCII: src/search/tokens.ts). */
export function tokenBucket(token: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < token.length; index++) hash = Math.imul(hash ^ token.charCodeAt(index), 0x01000193) >>> 0;
  return bucketName(hash % TOKEN_BUCKETS);
}

/** Whether shard `shard` is among those a TokenShards value names. */
export const holdsShard = (shards: number, shard: number): boolean => Math.floor(shards / 2 ** shard) % 2 === 1;
