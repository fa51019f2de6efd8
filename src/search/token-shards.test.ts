import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHARD_TOKENS, ShardTokenLists, writeTokenShards } from './token-shard-files.ts';
import {
  RANK_CHUNK,
  type RankedPage,
  type ShardFilters,
  TOKEN_BUCKETS,
  TOKEN_FOLDER,
  type TokenEntry,
  type TokenShards,
  decodeRanks,
  encodeRanks,
  filterFile,
  holdsShard,
  rankFile,
  shardRanks,
  tokenBucket,
} from './token-shards.ts';
import { type Shard, planShards, searchOrder, shardPath } from './shards.ts';
import { indexTokens, termTokens } from './tokens.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A dist with a check file per document (only the folded text matters here). */
function dist(texts: Record<string, readonly [date: string, text: string]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'token-shards-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'search', 'check'), { recursive: true });
  for (const [id, [, text]] of Object.entries(texts)) writeFileSync(join(dir, 'search', 'check', `${id}.json`), JSON.stringify({ id, text }));
  return dir;
}

/** Each shard's bundle as its builder leaves it (./index-shard.ts): the lists of its documents, Pagefind's page `p-<id>` for document `<id>`. */
function buildShards(dir: string, texts: Record<string, readonly [string, string]>, shards: Shard[]): void {
  for (const shard of shards) {
    const lists = new ShardTokenLists();
    for (const id of shard.ids) lists.add(id, indexTokens(texts[id]![1]).split(' '), { year: [texts[id]![0].slice(0, 4)] });
    mkdirSync(join(dir, shardPath(shards, shard)), { recursive: true });
    writeFileSync(join(dir, shardPath(shards, shard), SHARD_TOKENS), JSON.stringify(lists.finish(new Map(shard.ids.map((id) => [id, `p-${id}`])), shard.name)));
  }
}

const entry = (dir: string, token: string): TokenEntry | undefined =>
  (JSON.parse(readFileSync(join(dir, 'search', TOKEN_FOLDER, `${tokenBucket(token)}.json`), 'utf8')) as TokenShards)[token];
/** The pages of shard `shard` holding every term, as the browser finds them: ranks from the token files, page ids from the rank files. */
const pagesOf = (dir: string, terms: string[], shard: number): string[] =>
  shardRanks(
    terms.flatMap(termTokens).map((token) => entry(dir, token)),
    shard,
  ).map((rank) => {
    const [page, document] = (JSON.parse(readFileSync(join(dir, 'search', rankFile(shard, Math.floor(rank / RANK_CHUNK))), 'utf8')) as RankedPage[])[
      rank % RANK_CHUNK
    ]!;
    // The rank file names the document too (buildShards: page p-<id> is document <id>).
    expect(page).toBe(`p-${document}`);
    return page;
  });

// Each write is TOKEN_BUCKETS files: slow on a busy machine, not a measure of anything.
describe('token shards', { timeout: 60_000 }, () => {
  it('lists the shards of each token, newest shard first, and no token no document holds', () => {
    const texts = { a: ['2001-01-01', '電子發票台北通'], b: ['2002-01-01', '電子公文'], c: ['2003-01-01', '電子發票'] } as const;
    const dir = dist(texts);
    const shards = planShards(
      Object.entries(texts).map(([id, [date]]) => ({ id, date })),
      1,
    );
    expect(searchOrder(shards)).toEqual(['2003', '2002', '2001']);
    buildShards(dir, texts, shards);
    expect(writeTokenShards(dir, shards)).toBeGreaterThan(0);
    // The lists are merged, and taken out of the bundles the site publishes.
    for (const shard of shards) expect(existsSync(join(dir, shardPath(shards, shard), SHARD_TOKENS))).toBe(false);
    expect(() => writeTokenShards(dir, shards)).toThrow(/search shard 2001: .*tokens\.json is missing: build the shard again/);
    expect(readdirSync(join(dir, 'search', TOKEN_FOLDER)).filter((file) => file.endsWith('.json'))).toHaveLength(TOKEN_BUCKETS);
    // 發票台 is only in the oldest shard (2001), the third searched.
    const ticket = entry(dir, termTokens('發票台')[0]!);
    expect([0, 1, 2].map((shard) => holdsShard(ticket, shard))).toEqual([false, false, true]);
    const invoice = entry(dir, termTokens('子發票')[0]!);
    expect([0, 1, 2].map((shard) => holdsShard(invoice, shard))).toEqual([true, false, true]);
    expect([0, 1, 2].map((shard) => pagesOf(dir, ['電子'], shard))).toEqual([['p-c'], ['p-b'], ['p-a']]);
    expect([0, 1, 2].map((shard) => pagesOf(dir, ['電子', '發票'], shard))).toEqual([['p-c'], [], ['p-a']]);
    // A token no document has is in no file, and no shard has a query holding it.
    expect(entry(dir, termTokens('量子電')[0]!)).toBeUndefined();
    expect(pagesOf(dir, ['電子', '量子電'], 0)).toEqual([]);
  });

  it('gives every shard’s pages holding the tokens in Pagefind’s rank order, shortest first, few or many', () => {
    // 300 documents of 2002 hold 公文, the longer texts first by id; one of 2001 too; every third 2002 text holds 稽催.
    const count = 300;
    const pad = (length: number) => Array.from({ length }, (_, index) => String.fromCodePoint(0x4e00 + index)).join('');
    const texts: Record<string, readonly [string, string]> = { old: ['2001-01-01', '電子公文'] };
    const name = (index: number) => `n${String(index).padStart(3, '0')}`;
    for (let index = 0; index < count; index++) texts[name(index)] = ['2002-01-01', `公文${index % 3 ? '' : '稽催'}${pad(3 * (count - index))}`];
    const dir = dist(texts);
    const shards = planShards(
      Object.entries(texts).map(([id, [date]]) => ({ id, date })),
      count,
    );
    expect(searchOrder(shards)).toEqual(['2002', '2001']);
    buildShards(dir, texts, shards);
    writeTokenShards(dir, shards);
    const shortestFirst = Array.from({ length: count }, (_, index) => `p-${name(count - 1 - index)}`);
    // Held by every document of 2002: a bitmap there; by one in 2001: a list.
    const document = entry(dir, termTokens('公文')[0]!)!;
    expect(document[0]!.startsWith('~')).toBe(true);
    expect(document[1]!.startsWith('~')).toBe(false);
    expect(pagesOf(dir, ['公文'], 0)).toEqual(shortestFirst);
    expect(pagesOf(dir, ['公文'], 1)).toEqual(['p-old']);
    expect(pagesOf(dir, ['公文', '稽催'], 0)).toEqual(shortestFirst.filter((page) => Number(page.slice(3)) % 3 === 0));
    expect(pagesOf(dir, ['公文', '稽催'], 1)).toEqual([]);
    // The filter file: each value's documents, by rank.
    const filters = JSON.parse(readFileSync(join(dir, 'search', filterFile(0)), 'utf8')) as ShardFilters;
    expect(Object.keys(filters.year!)).toEqual(['2002']);
    expect(decodeRanks(filters.year!['2002']!)).toEqual(Array.from({ length: count }, (_, rank) => rank));
    // More ranks than one rank file holds.
    expect(readdirSync(join(dir, 'search', TOKEN_FOLDER, 'ranks')).sort()).toEqual(['0-0.json', '0-1.json', '1-0.json']);
  });

  it('spells ranks as the shorter of a list of differences and a bitmap, and reads both back', () => {
    const few = [3, 40, 41, 1000];
    expect(encodeRanks(few)).toBe('3 11 1 qn');
    expect(decodeRanks(encodeRanks(few))).toEqual(few);
    const many = Array.from({ length: 500 }, (_, index) => index * 3 + 1);
    expect(encodeRanks(many)).toMatch(/^~[A-Za-z0-9+/=]+$/);
    expect(encodeRanks(many).length).toBeLessThan(many.map(String).join(' ').length / 3);
    expect(decodeRanks(encodeRanks(many))).toEqual(many);
    expect(decodeRanks(encodeRanks([0]))).toEqual([0]);
  });

  it('intersects the tokens of a query in a shard, none when a token is missing there', () => {
    const many = encodeRanks(Array.from({ length: 400 }, (_, index) => index * 2));
    const few = encodeRanks([2, 3, 4, 798]);
    const a: TokenEntry = { 0: many, 1: few };
    const b: TokenEntry = { 0: few, 2: few };
    expect(shardRanks([a, b], 0)).toEqual([2, 4, 798]);
    expect(shardRanks([a, b], 1)).toEqual([]);
    expect(shardRanks([a, undefined], 0)).toEqual([]);
    expect(shardRanks([a], 1)).toEqual([2, 3, 4, 798]);
  });

  it('writes them for an index of one shard too, and takes its lists out of its bundle', () => {
    const texts = { a: ['2001-01-01', '電子發票'] } as const;
    const dir = dist(texts);
    const shards = planShards([{ id: 'a', date: '2001-01-01' }], 10);
    buildShards(dir, texts, shards);
    expect(writeTokenShards(dir, shards)).toBeGreaterThan(0);
    expect(pagesOf(dir, ['發票'], 0)).toEqual(['p-a']);
    expect(readdirSync(join(dir, 'pagefind'))).toEqual([]);
  });

  it('spreads tokens over every bucket', () => {
    const buckets = new Set(Array.from({ length: 100_000 }, (_, index) => tokenBucket(`z${index.toString(36).padStart(12, '0')}`)));
    expect(buckets.size).toBe(TOKEN_BUCKETS);
  });
});
