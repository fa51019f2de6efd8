/**
 * Which documents of each index shard hold each token: `search/tokens/<bucket>.json`, written when
 * the index is assembled (./token-shard-files.ts); a token no file lists is in no
 * document. A query without filters, in relevance order, takes every shard's candidates from them
 * and Pagefind is never loaded for it: a shard's candidates are exactly the documents holding every
 * token, and Pagefind's rank order within a shard is one fixed order of its pages (`rankKey`), so
 * they are the intersection of the tokens' sets of ranks, smallest first. Before, a shard where
 * many documents held each token was Pagefind's: its metadata (~34 KB at 10,000 documents) and an
 * index chunk per token (~21 KB), so 秘書處 節電, words common in every shard but rarely together,
 * cost 276 KB before its first page. A rank is turned into a Pagefind page id by the shard's rank
 * files (`ranks/<shard>-<chunk>.json`, RANK_CHUNK ids each), fetched only for the ranks a query needs.
 * A count takes the results per filter value from each shard's filter file (`filters/<shard>.json`)
 * the same way: the ranks holding the tokens that have the value.
 */

/** Files the tokens are spread over, by a hash of the token. */
export const TOKEN_BUCKETS = 4096;

/** Under `search/`. */
export const TOKEN_FOLDER = 'tokens';

/** Page ids per rank file: a first page of results from one shard needs one or two. */
export const RANK_CHUNK = 256;

/**
 * A page of a rank file: its Pagefind page id and its document's id, so a result's search file is
 * fetched without first asking search/fragments/ which document the page is.
 */
export type RankedPage = [page: string, document: string];

/** A shard's rank file under `search/`: the pages (`RankedPage`) of ranks `chunk × RANK_CHUNK` on. */
export const rankFile = (shard: number, chunk: number): string => `${TOKEN_FOLDER}/ranks/${shard}-${chunk}.json`;

/** A shard's filter file under `search/`: by filter and value, the ranks of the documents that have it (`ShardFilters`). */
export const filterFile = (shard: number): string => `${TOKEN_FOLDER}/filters/${shard}.json`;

/** The filter values of a shard's documents: `{ year: { 2021: <ranks> }, … }`, each `encodeRanks`. */
export type ShardFilters = Record<string, Record<string, string>>;

/**
 * A token's documents in each shard holding it, by the shard's place in search/shards.json (0:
 * newest): their ranks (`encodeRanks`). A shard the entry has no key for holds no document with the token.
 */
export type TokenEntry = Record<string, string>;

export type TokenShards = Record<string, TokenEntry>;

/** A bucket's file name: its number in three hex digits. */
export const bucketName = (bucket: number): string => bucket.toString(16).padStart(3, '0');

/** The bucket of a token: FNV-1a of its characters (ASCII: src/search/tokens.ts). */
export function tokenBucket(token: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < token.length; index++) hash = Math.imul(hash ^ token.charCodeAt(index), 0x01000193) >>> 0;
  return bucketName(hash % TOKEN_BUCKETS);
}

/** Whether shard `shard` has documents holding the token of `entry` (undefined: no document has it). */
export const holdsShard = (entry: TokenEntry | undefined, shard: number): boolean => entry?.[shard] !== undefined;

/**
 * The order Pagefind ranks a shard's candidates in by relevance (src/search/engine.ts `rankOrder`):
 * every token is in a record once (src/search/tokens.ts), so a page's score falls with its length
 * alone, the number of its tokens, and ties go by page id. A page's rank is its place in this order.
 */
export const rankKey = (a: { id: string; tokens: number }, b: { id: string; tokens: number }): number =>
  a.tokens - b.tokens || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Starts a bitmap's encoding; neither base 36 nor base 64 has it. */
const BITMAP = '~';

/**
 * Ranks (ascending) as the shorter of two spellings: the first and then each difference from the
 * one before, in base 36, space separated (few documents), or `~` and the base64 of a bitmap, bit
 * `r % 8` of byte `r / 8` for rank r (many: at most 4 characters per 24 documents of the shard).
 */
export function encodeRanks(ranks: readonly number[]): string {
  const list = ranks.map((rank, index) => (rank - (index ? ranks[index - 1]! : 0)).toString(36)).join(' ');
  const last = ranks.at(-1) ?? 0;
  // A bitmap's spelling is 4 characters per 3 bytes, and one for the mark.
  if (list.length <= 1 + Math.ceil((Math.floor(last / 8) + 1) / 3) * 4) return list;
  const bytes = new Uint8Array(Math.floor(last / 8) + 1);
  for (const rank of ranks) bytes[rank >> 3]! |= 1 << (rank & 7);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return BITMAP + btoa(binary);
}

/** The ranks an `encodeRanks` spelling holds, ascending. */
export function decodeRanks(encoded: string): number[] {
  const ranks: number[] = [];
  if (encoded.startsWith(BITMAP)) {
    const binary = atob(encoded.slice(1));
    for (let index = 0; index < binary.length; index++) {
      const byte = binary.charCodeAt(index);
      for (let bit = 0; bit < 8; bit++) if (byte & (1 << bit)) ranks.push(index * 8 + bit);
    }
    return ranks;
  }
  let rank = 0;
  for (const step of encoded.split(' ')) ranks.push((rank += Number.parseInt(step, 36)));
  return ranks;
}

/**
 * The ranks of shard `shard`'s documents holding every token of a query (`entries`: each token's
 * entry, undefined when no file lists it: no document holds it), ascending: the shard's candidates
 * in Pagefind's rank order. None when the shard lacks a token.
 */
export function shardRanks(entries: Array<TokenEntry | undefined>, shard: number): number[] {
  if (!entries.length || entries.some((entry) => !holdsShard(entry, shard))) return [];
  const [shortest, ...others] = entries.map((entry) => entry![shard]!).sort((a, b) => a.length - b.length) as [string, ...string[]];
  const sets = others.map((encoded) => new Set(decodeRanks(encoded)));
  return decodeRanks(shortest).filter((rank) => sets.every((set) => set.has(rank)));
}
