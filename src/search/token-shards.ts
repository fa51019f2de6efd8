/**
 * Which index shards hold each token of the index: `search/tokens/<bucket>.json`, written when an
 * index of several shards is assembled (./token-shard-files.ts); a token no file lists is in no
 * document. With it the browser skips a shard that lacks one of a query's tokens without loading
 * it: a query no document holds (TPE-001) otherwise merged and searched every shard for its first
 * page, 820 KB at 10,000 documents. Where at most LISTED_PAGES documents of a shard hold a token,
 * the file lists them too, in the shard's rank order, so a query held by few documents spread over
 * several shards (205-1: 407 KB, three shards' index chunks and metadata) finds its candidates
 * there without loading those shards' indexes, or Pagefind at all.
 */

/** Files the tokens are spread over, by a hash of the token. */
export const TOKEN_BUCKETS = 4096;

/** Under `search/`. */
export const TOKEN_FOLDER = 'tokens';

/**
 * The most documents of a shard a token file lists for a token. A listed shard costs a query its
 * share of a token file instead of Pagefind's index chunk per token (~21 KB each at 10,000
 * documents) and the shard's metadata (~34 KB), and each listed document the check a candidate
 * needs unless every token of the query is listed there.
 */
export const LISTED_PAGES = 64;

/**
 * A token's shards, as a sum of 2^i for the i-th shard of search/shards.json (newest first; exact
 * in a double up to 53 shards); or that sum and, by shard, the Pagefind page ids of the documents
 * holding it, space separated, in the shard's rank order (`rankKey`) where they are few.
 */
export type TokenEntry = number | [shards: number, pages: Record<string, string>];

export type TokenShards = Record<string, TokenEntry>;

/** A bucket's file name: its number in three hex digits. */
export const bucketName = (bucket: number): string => bucket.toString(16).padStart(3, '0');

/** The bucket of a token: FNV-1a of its characters (ASCII: src/search/tokens.ts). */
export function tokenBucket(token: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < token.length; index++) hash = Math.imul(hash ^ token.charCodeAt(index), 0x01000193) >>> 0;
  return bucketName(hash % TOKEN_BUCKETS);
}

/** Whether shard `shard` is among those a shard sum names. */
export const holdsShard = (shards: number, shard: number): boolean => Math.floor(shards / 2 ** shard) % 2 === 1;

/** The shards of an entry, as a sum of 2^i. */
export const entryShards = (entry: TokenEntry): number => (typeof entry === 'number' ? entry : entry[0]);

/** The pages of shard `shard` an entry lists, in rank order; undefined where it lists none (many hold the token, or none). */
export const listedPages = (entry: TokenEntry, shard: number): string[] | undefined => (typeof entry === 'number' ? undefined : entry[1][shard]?.split(' '));

/**
 * The order Pagefind ranks a shard's candidates in by relevance (src/search/engine.ts `rankOrder`):
 * every token is in a record once (src/search/tokens.ts), so a page's score falls with its length
 * alone, the number of its tokens, and ties go by page id. Lists in this order intersect in it.
 */
export const rankKey = (a: { id: string; tokens: number }, b: { id: string; tokens: number }): number =>
  a.tokens - b.tokens || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A shard's candidates as the token files give them: `exact` when they are Pagefind's too (every token listed). */
export interface ListedCandidates {
  pages: string[];
  exact: boolean;
}

/**
 * The candidates of shard `shard` for a query's tokens (`entries`: each token's entry, undefined
 * when no file lists it: no document holds it) from the token files alone: none when the shard
 * lacks a token; else the pages listed there for every token that has them, in rank order, a
 * superset of the documents holding all the tokens unless every token has them; undefined when
 * no token has its pages listed there (many documents hold each: Pagefind must say which).
 */
export function listedCandidates(entries: Array<TokenEntry | undefined>, shard: number): ListedCandidates | undefined {
  if (entries.some((entry) => entry === undefined || !holdsShard(entryShards(entry), shard))) return { pages: [], exact: true };
  const lists = entries.map((entry) => listedPages(entry!, shard));
  const known = lists.filter((list) => list !== undefined).sort((a, b) => a.length - b.length);
  if (!known.length) return undefined;
  const [shortest, ...others] = known as [string[], ...string[][]];
  const sets = others.map((list) => new Set(list));
  return { pages: shortest.filter((page) => sets.every((set) => set.has(page))), exact: known.length === lists.length };
}
