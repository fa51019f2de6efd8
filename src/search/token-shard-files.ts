/**
 * The token files (./token-shards.ts), in two steps. Each shard's builder (./index-shard.ts) lists,
 * as it indexes the shard's documents, which of them hold each token and each filter value, by their
 * ranks in the shard, and leaves the lists in its bundle (SHARD_TOKENS), so the tokens are spelled
 * once, by the processes that build the shards side by side or on other machines. Once every shard
 * is in place, `writeTokenShards` merges them into `search/tokens/<bucket>.json` and writes each
 * shard's rank and filter files.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Shard, searchOrder, shardPath } from './shards.ts';
import {
  RANK_CHUNK,
  type RankedPage,
  type ShardFilters,
  TOKEN_BUCKETS,
  TOKEN_FOLDER,
  type TokenShards,
  bucketName,
  encodeRanks,
  filterFile,
  rankFile,
  rankKey,
  tokenBucket,
} from './token-shards.ts';

/** In each shard's bundle until the index is assembled: its `ShardTokens`. */
export const SHARD_TOKENS = 'tokens.json';

/**
 * A shard's lists: its pages in rank order (the Pagefind page id and the document id of each), and
 * the ranks of the documents holding each token and each filter value.
 */
export interface ShardTokens {
  ranks: RankedPage[];
  tokens: Record<string, string>;
  filters: ShardFilters;
}

/** A shard's lists, collected a document at a time while it is indexed. */
export class ShardTokenLists {
  readonly #documents: Array<{ id: string; tokens: number }> = [];
  /** By token, the documents holding it, by their place in #documents. */
  readonly #holding = new Map<string, number[]>();
  readonly #filters = new Map<string, Map<string, number[]>>();

  /** A document: its id, its tokens (src/search/tokens.ts `indexTokens`, split), its filter values. */
  add(id: string, tokens: string[], filters: Record<string, string[]>): void {
    const place = this.#documents.length;
    for (const token of tokens) (this.#holding.get(token) ?? this.#holding.set(token, []).get(token)!).push(place);
    for (const [key, values] of Object.entries(filters)) {
      const byValue = this.#filters.get(key) ?? this.#filters.set(key, new Map()).get(key)!;
      for (const value of new Set(values)) (byValue.get(value) ?? byValue.set(value, []).get(value)!).push(place);
    }
    this.#documents.push({ id, tokens: tokens.length });
  }

  /** The lists, once Pagefind has named the pages (`pageOf`: document id → page id). */
  finish(pageOf: ReadonlyMap<string, string>, shard: string): ShardTokens {
    const pages = this.#documents.map(({ id, tokens }) => {
      const page = pageOf.get(id);
      if (page === undefined) throw new Error(`search shard ${shard}: Pagefind wrote no page for ${id}`);
      return { id: page, document: id, tokens };
    });
    const ranked = pages.map((_, place) => place).sort((a, b) => rankKey(pages[a]!, pages[b]!));
    const rankOf = new Uint32Array(pages.length);
    ranked.forEach((place, rank) => (rankOf[place] = rank));
    const ranks = (members: number[]) => encodeRanks(members.map((place) => rankOf[place]!).sort((a, b) => a - b));
    return {
      ranks: ranked.map((place): RankedPage => [pages[place]!.id, pages[place]!.document]),
      tokens: Object.fromEntries([...this.#holding].map(([token, members]) => [token, ranks(members)])),
      filters: Object.fromEntries(
        [...this.#filters].map(([key, byValue]) => [
          key,
          Object.fromEntries([...byValue].sort(([a], [b]) => (a < b ? -1 : 1)).map(([value, members]) => [value, ranks(members)])),
        ]),
      ),
    };
  }
}

/**
 * Merges every shard's lists into the token files and writes each shard's rank and filter files,
 * then takes the lists out of the bundles, which the browser never reads. Returns the tokens listed, every token of the index.
 */
export function writeTokenShards(dist: string, shards: Shard[]): number {
  const listsOf = (shard: Shard) => join(dist, shardPath(shards, shard), SHARD_TOKENS);
  for (const shard of shards)
    if (!existsSync(listsOf(shard)))
      throw new Error(`search shard ${shard.name}: ${listsOf(shard)} is missing: build the shard again (npm run search-index -- --shard ${shard.name})`);
  const folder = join(dist, 'search', TOKEN_FOLDER);
  rmSync(folder, { recursive: true, force: true });
  let listed = 0;
  if (shards.length) {
    const order = searchOrder(shards);
    const buckets: TokenShards[] = Array.from({ length: TOKEN_BUCKETS }, () => ({}));
    const write = (path: string, value: unknown) => {
      mkdirSync(dirname(join(dist, 'search', path)), { recursive: true });
      writeFileSync(join(dist, 'search', path), JSON.stringify(value));
    };
    for (const shard of shards) {
      const position = order.indexOf(shard.name);
      const file = listsOf(shard);
      if (!existsSync(file))
        throw new Error(`search shard ${shard.name}: ${file} is missing: build the shard again (npm run search-index -- --shard ${shard.name})`);
      const lists = JSON.parse(readFileSync(file, 'utf8')) as ShardTokens;
      if (lists.ranks.length !== shard.ids.length)
        throw new Error(
          `search shard ${shard.name}: ${file} lists ${lists.ranks.length} pages for ${shard.ids.length} documents: the shard is from another build`,
        );
      for (const [token, ranks] of Object.entries(lists.tokens)) {
        const tokens = buckets[Number.parseInt(tokenBucket(token), 16)]!;
        const entry = tokens[token] ?? ((tokens[token] = {}), listed++, tokens[token]);
        entry[position] = ranks;
      }
      for (let chunk = 0; chunk * RANK_CHUNK < lists.ranks.length; chunk++)
        write(rankFile(position, chunk), lists.ranks.slice(chunk * RANK_CHUNK, (chunk + 1) * RANK_CHUNK));
      write(filterFile(position), lists.filters);
    }
    mkdirSync(folder, { recursive: true });
    buckets.forEach((tokens, bucket) => writeFileSync(join(folder, `${bucketName(bucket)}.json`), JSON.stringify(tokens)));
  }
  for (const shard of shards) rmSync(listsOf(shard), { force: true });
  return listed;
}
