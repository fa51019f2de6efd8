/**
 * What the archive's search reads in the browser, and how: Pagefind, its shards merged one at a
 * time as queries need them, and the archive's own files, fetched through one small pool so that a
 * query held by thousands of documents never has thousands of requests open (the browser refuses
 * them with `TypeError: Failed to fetch`).
 */
import type { CheckFile, ResultCard } from './check-file.ts';
import { SHARD_FILTER } from './record.ts';
import type { SearchDocument } from './segments.ts';
import {
  RANK_CHUNK,
  type RankedPage,
  type ShardFilters,
  TOKEN_FOLDER,
  type TokenShards,
  decodeRanks,
  filterFile,
  holdsShard,
  rankFile,
  shardRanks,
  tokenBucket,
} from './token-shards.ts';
import { sitePageId } from './shards.ts';
import { Pool } from '../utils/pool.ts';

/** Requests of the archive's own files open at once; Pagefind's index chunks are fetched beside them. */
export const FETCHES_AT_ONCE = 6;

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<{ url: string; meta: Record<string, string> }>;
}

/** Counts of candidates per filter value: `{ year: { 2021: 12, … }, … }`. */
export type FilterCounts = Record<string, Record<string, number>>;

interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}

interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options?: Record<string, unknown>) => Promise<PagefindResponse | null>;
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<FilterCounts>;
}

/** What a search asks Pagefind: the tokens (none: every document), the filters, the order. */
export interface IndexQuery {
  tokens: string;
  facets: Record<string, string>;
  byDate: boolean;
}

/** Whether Pagefind ranks a query by relevance (its score) rather than by date. */
const byRelevance = (query: IndexQuery) => Boolean(query.tokens) && !query.byDate;

/**
 * Rank order within a shard: Pagefind's score, ties broken by the page id (a digest of the page),
 * so equal scores never fall in the order the pages happened to be added to the index, and the
 * page and the API, whatever was searched or merged before, list the same results in the same order.
 */
export const rankOrder = (a: PagefindResult, b: PagefindResult): number => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The first two hex digits of a Pagefind page id's hash: which of the 256 files of
 * `search/fragments/` and `search/cards/` hold that page.
 */
export function fragmentBucket(pagefindId: string): string {
  return pagefindId.slice(pagefindId.lastIndexOf('_') + 1).slice(0, 2);
}

/**
 * Pagefind for a site whose base path is `base` (ending in `/`). `shards` names the index shards
 * newest first (src/search/shards.ts `searchOrder`): the first is the bundle at `pagefind/`, the
 * others are at `pagefind-shards/<name>/` and merged into it, in that order, only when a search
 * needs them. With more than one shard, `searchShard` searches one of them by its filter, so a
 * query's results come shard after shard, newest first, whatever has been merged meanwhile.
 */
export function createIndex(base: string, shards: string[], { learned = () => {} }: { learned?: (page: string, document: string) => void } = {}) {
  let loading: Promise<Pagefind> | undefined;
  /** The shards merged (0, the primary, is the bundle loaded first), and the merges under way. */
  const merges = new Map<number, Promise<void>>();
  const pagefind = () => {
    loading ??= (async () => {
      const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
      // On the main thread: Pagefind's web worker is one more script to fetch (13 KB gzipped) for a
      // search that takes a few milliseconds of wasm, and every chunk it loads would be copied to it.
      await module.options({ baseUrl: base, noWorker: true });
      return module;
    })();
    return loading;
  };
  /**
   * Merges the shards of `wanted` not merged yet, one after another (Pagefind's instances load one
   * at a time); a shard no search needs is never loaded.
   */
  let merging: Promise<void> = Promise.resolve();
  const merge = async (engine: Pagefind, wanted: number[]) => {
    for (const shard of wanted) {
      if (shard === 0 || shard >= shards.length || merges.has(shard)) continue;
      const merged = merging.catch(() => {}).then(() => engine.mergeIndex(`${base}pagefind-shards/${shards[shard]}/`));
      merging = merged;
      merges.set(shard, merged);
      merged.catch(() => merges.delete(shard));
    }
    await Promise.all(wanted.map((shard) => merges.get(shard)));
  };
  const everyShard = shards.map((_, shard) => shard);
  const run = async (query: IndexQuery, filters: Record<string, string>, wanted: number[]): Promise<PagefindResponse> => {
    const engine = await pagefind();
    await merge(engine, wanted);
    const response = await engine.search(query.tokens || null, { filters, ...(query.byDate || !query.tokens ? { sort: { date: 'desc' } } : {}) });
    return response ?? { results: [], filters: {} };
  };
  // Every token's documents in every shard (./token-shards.ts), a file per bucket, and each shard's
  // page ids by rank, a file per RANK_CHUNK ranks; kept. An index of any shards has them.
  const tokenFiles = shards.length > 0;
  const shardFiles = new Map<string, Promise<unknown>>();
  const shardFile = <T>(path: string, what: string): Promise<T> => {
    let file = shardFiles.get(path);
    if (!file) {
      file = fetch(`${base}search/${path}`).then((response) => {
        if (!response.ok) throw new Error(`${what}: HTTP ${response.status} for ${base}search/${path}`);
        return response.json();
      });
      shardFiles.set(path, file);
      file.catch(() => shardFiles.delete(path));
    }
    return file as Promise<T>;
  };
  const tokenFile = (bucket: string) => shardFile<TokenShards>(`${TOKEN_FOLDER}/${bucket}.json`, `search tokens ${bucket}`);
  /** The page ids (src/search/shards.ts `sitePageId`) of shard `shard`'s ranks; `learned` is told each one's document. */
  const pagesAt = async (shard: number, ranks: number[]): Promise<string[]> => {
    const chunks = [...new Set(ranks.map((rank) => Math.floor(rank / RANK_CHUNK)))];
    const files = new Map(
      await Promise.all(
        chunks.map(async (chunk) => [chunk, await shardFile<RankedPage[]>(rankFile(shard, chunk), `search ranks of shard ${shards[shard]}`)] as const),
      ),
    );
    return ranks.map((rank) => {
      const ranked = files.get(Math.floor(rank / RANK_CHUNK))![rank % RANK_CHUNK];
      if (ranked === undefined)
        throw new Error(`search ranks of shard ${shards[shard]} have no rank ${rank}: the token files and ranks are from different builds`);
      const page = sitePageId(ranked[0], shard > 0 ? shards[shard] : undefined);
      learned(page, ranked[1]);
      return page;
    });
  };
  const tokenEntry = async (token: string) => (await tokenFile(tokenBucket(token)))[token];
  // Pagefind leaves out of a search every word its index does not have, and each shard's instance
  // does so on its own: 電子 發票 捷運 returns the pages with 電子 and 發票 from a shard without 捷運.
  // So a shard lacking one of the tokens has no candidates. The token files say which shards hold
  // each token (one they do not list is in none); without them (an empty archive, a test's index)
  // one search of the token alone tells (its index chunk is loaded already).
  const holding = new Map<string, Promise<boolean>>();
  const shardHolds = (token: string, shard: number): Promise<boolean> => {
    const key = `${shard} ${token}`;
    let holds = holding.get(key);
    if (!holds) {
      holds = (async () => {
        if (tokenFiles) return holdsShard(await tokenEntry(token), shard);
        const engine = await pagefind();
        return Boolean((await engine.search(token, { filters: shardFilter({}, shard) }))?.results.length);
      })();
      holding.set(key, holds);
      holds.catch(() => holding.delete(key));
    }
    return holds;
  };
  /** Whether shard `shard` lacks one of the query's tokens (for an older shard, told without loading it). */
  const lacksToken = async (query: IndexQuery, shard: number) => {
    const tokens = query.tokens.split(' ').filter(Boolean);
    // A lone token is never left out for another: without it, Pagefind finds nothing there.
    if (shard === 0 && tokens.length < 2) return false;
    return (await Promise.all(tokens.map((token) => shardHolds(token, shard)))).includes(false);
  };
  let filtersLoaded: Promise<unknown> | undefined;
  const shardFilter = (facets: Record<string, string>, shard: number) => (shards.length > 1 ? { ...facets, [SHARD_FILTER]: shards[shard]! } : facets);
  const withoutShards = (filters: FilterCounts): FilterCounts => {
    const { [SHARD_FILTER]: _, ...rest } = filters;
    return rest;
  };
  return {
    /** How many shards a query goes through (at least one: the primary bundle). */
    shardCount: Math.max(1, shards.length),
    /**
     * The candidates of shard `shard` (0: the newest), the documents holding every token, as page
     * ids (src/search/shards.ts `sitePageId`) in rank order. A query without filters, in relevance
     * order, takes them from the token files (./token-shards.ts): Pagefind is then never loaded.
     */
    async searchShard(query: IndexQuery, shard: number): Promise<string[]> {
      const older = shard > 0 ? shards[shard] : undefined;
      if (tokenFiles && byRelevance(query) && !Object.keys(query.facets).length) {
        const tokens = query.tokens.split(' ').filter(Boolean);
        return pagesAt(shard, shardRanks(await Promise.all(tokens.map(tokenEntry)), shard));
      }
      // A shard lacking a token is not even loaded (the token files say); without them the shard is searched, then asked.
      if (tokenFiles && (await lacksToken(query, shard))) return [];
      const { results } = await run(query, shardFilter(query.facets, shard), [shard]);
      if (!tokenFiles && results.length && (await lacksToken(query, 0))) return [];
      return (byRelevance(query) ? [...results].sort(rankOrder) : results).map((result) => sitePageId(result.id, older));
    },
    /**
     * How many candidates there are in every shard, and (unless `facets` is false) their counts per
     * filter value. A query of tokens without filters counts from the token files and each shard's
     * filter file (./token-shards.ts); any other merges every shard into Pagefind.
     */
    async searchAll(query: IndexQuery, { facets = true }: { facets?: boolean } = {}): Promise<{ candidates: number; filters: FilterCounts }> {
      if (tokenFiles && query.tokens && !Object.keys(query.facets).length) {
        const entries = await Promise.all(query.tokens.split(' ').filter(Boolean).map(tokenEntry));
        const perShard = shards.map((_, shard) => shardRanks(entries, shard));
        const filters: FilterCounts = {};
        if (facets) {
          const files = await Promise.all(
            perShard.map((ranks, shard) => (ranks.length ? shardFile<ShardFilters>(filterFile(shard), `search filters of shard ${shards[shard]}`) : undefined)),
          );
          files.forEach((file, shard) => {
            const held = new Set(perShard[shard]);
            for (const [key, values] of Object.entries(file ?? {})) {
              const counts = (filters[key] ??= {});
              for (const [value, encoded] of Object.entries(values))
                counts[value] = (counts[value] ?? 0) + decodeRanks(encoded).filter((rank) => held.has(rank)).length;
            }
          });
        }
        return { candidates: perShard.reduce((sum, ranks) => sum + ranks.length, 0), filters };
      }
      const engine = await pagefind();
      await merge(engine, everyShard);
      // Pagefind counts results per filter value only for the filters it has loaded.
      filtersLoaded ??= engine.filters();
      await filtersLoaded;
      const all = await run(query, query.facets, everyShard);
      // With every shard merged and the filters loaded, one search per token says which shards hold it.
      const tokens = query.tokens.split(' ').filter(Boolean);
      if (shards.length > 1 && tokens.length > 1) {
        await Promise.all(
          tokens.map(async (token) => {
            if (shards.every((_, shard) => holding.has(`${shard} ${token}`))) return;
            const counts = (await engine.search(token))?.filters[SHARD_FILTER] ?? {};
            shards.forEach((name, shard) => holding.set(`${shard} ${token}`, Promise.resolve(Boolean(counts[name]))));
          }),
        );
      }
      let candidates = all.results.length;
      const filters = structuredClone(withoutShards(all.filters));
      // What a shard lacking a token returned is taken away again.
      for (let shard = 0; shard < Math.max(1, shards.length) && candidates; shard++) {
        if (!(await lacksToken(query, shard))) continue;
        const wrong = shards.length > 1 ? await run(query, shardFilter(query.facets, shard), everyShard) : all;
        candidates -= wrong.results.length;
        for (const [key, values] of Object.entries(withoutShards(wrong.filters))) {
          for (const [value, count] of Object.entries(values)) if (filters[key]?.[value] !== undefined) filters[key]![value]! -= count;
        }
      }
      return { candidates, filters };
    },
    /** Shards loaded so far (1: only the primary). */
    get merged() {
      return 1 + merges.size;
    },
  };
}

export type ArchiveIndex = ReturnType<typeof createIndex>;

/**
 * The archive's search files, fetched at most FETCHES_AT_ONCE at a time: the two maps by page-id
 * bucket (kept once fetched), documents' search files (the last 200 kept: pages of results and their excerpts)
 * and check files (not kept: what a check learns is kept by the caller).
 */
export function createFiles(base: string, fetchesAtOnce = FETCHES_AT_ONCE) {
  const pool = new Pool(fetchesAtOnce);
  const fetchJson = <T>(path: string, what: string) =>
    pool.run(async () => {
      const response = await fetch(`${base}${path}`);
      if (!response.ok) throw new Error(`${what}: HTTP ${response.status} for ${base}${path}`);
      return (await response.json()) as T;
    });
  const kept = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>, most = Infinity) => {
    let value = cache.get(key);
    if (!value) {
      value = load();
      cache.set(key, value);
      // A failed fetch is not kept: the next search tries again.
      value.catch(() => cache.delete(key));
      if (cache.size > most) cache.delete(cache.keys().next().value!);
    }
    return value;
  };
  const fragments = new Map<string, Promise<Record<string, string>>>();
  const cards = new Map<string, Promise<Record<string, ResultCard>>>();
  const documents = new Map<string, Promise<SearchDocument>>();
  const sizes = new Map<string, Promise<Record<string, number>>>();
  // Documents of pages the rank files named (./token-shards.ts), the most recent kept.
  const learned = new Map<string, string>();
  return {
    /** That page `pagefindId` is document `documentId`, as a rank file says. */
    learn(pagefindId: string, documentId: string): void {
      learned.delete(pagefindId);
      learned.set(pagefindId, documentId);
      if (learned.size > 20_000) learned.delete(learned.keys().next().value!);
    },
    /** The document a Pagefind page is, from a rank file or its bucket's map. */
    async documentId(pagefindId: string): Promise<string> {
      const known = learned.get(pagefindId);
      if (known !== undefined) return known;
      const bucket = fragmentBucket(pagefindId);
      const map = await kept(fragments, bucket, () => fetchJson<Record<string, string>>(`search/fragments/${bucket}.json`, `search map ${bucket}`));
      const id = map[pagefindId];
      if (!id) throw new Error(`search map ${bucket} has no page ${pagefindId}: the index and search/fragments/ are from different builds`);
      return id;
    },
    async card(pagefindId: string): Promise<ResultCard> {
      const bucket = fragmentBucket(pagefindId);
      const map = await kept(cards, bucket, () => fetchJson<Record<string, ResultCard>>(`search/cards/${bucket}.json`, `search cards ${bucket}`));
      const card = map[pagefindId];
      if (!card) throw new Error(`search cards ${bucket} have no page ${pagefindId}: the index and search/cards/ are from different builds`);
      return card;
    },
    // A few pages' worth: every result with excerpts of a large archive would otherwise stay in memory.
    searchDocument: (id: string) => kept(documents, id, () => fetchJson<SearchDocument>(`search/docs/${id}.json`, `search file of ${id}`), 200),
    check: (id: string) => fetchJson<CheckFile>(`search/check/${id}.json`, `check file of ${id}`),
    /** The check files of every document of a bucket, by page id (not kept: src/search/bucket-files.ts). */
    pack: (bucket: string) => fetchJson<Record<string, CheckFile>>(`search/packs/${bucket}.json`, `search pack ${bucket}`),
    /** Documents per bucket. */
    packSizes: () => kept(sizes, '', () => fetchJson<Record<string, number>>('search/packs/sizes.json', 'search pack sizes')),
  };
}

export type ArchiveFiles = ReturnType<typeof createFiles>;
