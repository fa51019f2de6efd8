import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTokenShards } from './token-shard-files.ts';
import {
  LISTED_PAGES,
  TOKEN_BUCKETS,
  TOKEN_FOLDER,
  type TokenEntry,
  type TokenShards,
  entryShards,
  holdsShard,
  listedCandidates,
  listedPages,
  tokenBucket,
} from './token-shards.ts';
import { PAGE_MAP, type Shard, planShards, searchOrder, shardPath } from './shards.ts';
import { termTokens } from './tokens.ts';

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

/** Each shard's page map, as its bundle has it (./index-shard.ts): page `p-<id>` for document `<id>`. */
function pageMaps(dir: string, shards: Shard[]): void {
  for (const shard of shards) {
    mkdirSync(join(dir, shardPath(shards, shard)), { recursive: true });
    writeFileSync(join(dir, shardPath(shards, shard), PAGE_MAP), JSON.stringify(Object.fromEntries(shard.ids.map((id) => [`p-${id}`, id]))));
  }
}

const entry = (dir: string, token: string): TokenEntry | undefined =>
  (JSON.parse(readFileSync(join(dir, 'search', TOKEN_FOLDER, `${tokenBucket(token)}.json`), 'utf8')) as TokenShards)[token];
const lookup = (dir: string, token: string): number | undefined => {
  const found = entry(dir, token);
  return found === undefined ? undefined : entryShards(found);
};

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
    pageMaps(dir, shards);
    expect(writeTokenShards(dir, shards)).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'search', TOKEN_FOLDER))).toHaveLength(TOKEN_BUCKETS);
    const [ticket] = termTokens('發票台');
    const held = lookup(dir, ticket!);
    // 發票台 is only in the oldest shard (2001), the third searched.
    expect([0, 1, 2].map((shard) => holdsShard(held!, shard))).toEqual([false, false, true]);
    const [invoice] = termTokens('子發票');
    expect([0, 1, 2].map((shard) => holdsShard(lookup(dir, invoice!)!, shard))).toEqual([true, false, true]);
    // 電子 is in every shard, few documents of each: listed with them; a token no document has is not.
    expect([0, 1, 2].map((shard) => listedPages(entry(dir, termTokens('電子')[0]!)!, shard))).toEqual([['p-c'], ['p-b'], ['p-a']]);
    expect(lookup(dir, termTokens('量子電')[0]!)).toBeUndefined();
  });

  it('lists the pages of a shard holding a token while they are few, shortest first (Pagefind’s rank order)', () => {
    // LISTED_PAGES + 1 documents of 2002 and one of 2001 hold 公文; in 2002 the longer texts come first.
    const pad = (length: number) => Array.from({ length }, (_, index) => String.fromCodePoint(0x4e00 + index)).join('');
    const texts: Record<string, readonly [string, string]> = { old: ['2001-01-01', '電子公文'] };
    for (let index = 0; index <= LISTED_PAGES; index++) texts[`n${String(index).padStart(2, '0')}`] = ['2002-01-01', `公文${pad(LISTED_PAGES - index)}`];
    texts.short = ['2002-06-01', '公文。'];
    const dir = dist(texts);
    const shards = planShards(
      Object.entries(texts).map(([id, [date]]) => ({ id, date })),
      LISTED_PAGES + 2,
    );
    expect(searchOrder(shards)).toEqual(['2002', '2001']);
    pageMaps(dir, shards);
    writeTokenShards(dir, shards);
    const document = entry(dir, termTokens('公文')[0]!)!;
    // 2002 (searched first) has too many to list; 2001's one is listed.
    expect(listedPages(document, 0)).toBeUndefined();
    expect(listedPages(document, 1)).toEqual(['p-old']);
    // 公文一 is in 2002 only, in LISTED_PAGES of its documents: listed shortest first.
    expect(listedPages(entry(dir, termTokens('公文一')[0]!)!, 0)).toEqual(
      Array.from({ length: LISTED_PAGES }, (_, index) => `p-n${String(LISTED_PAGES - 1 - index).padStart(2, '0')}`),
    );
    // 文 (every text) is held by many in 2002, by one in 2001: its pages listed for 2001 only.
    const text = entry(dir, termTokens('文')[0]!)!;
    expect([0, 1].map((shard) => holdsShard(entryShards(text), shard))).toEqual([true, true]);
    expect([0, 1].map((shard) => listedPages(text, shard))).toEqual([undefined, ['p-old']]);
  });

  it('gives a shard’s candidates from the token files: none if a token is missing there, the pages every listed token shares, exact when every token is listed', () => {
    const few: TokenEntry = [0b011, { 0: 'a b c d', 1: 'x' }];
    const other: TokenEntry = [0b111, { 0: 'b d e', 2: 'q' }];
    const many: TokenEntry = 0b111;
    // Rank order is kept: the lists are all in it.
    expect(listedCandidates([few, other], 0)).toEqual({ pages: ['b', 'd'], exact: true });
    expect(listedCandidates([few, many], 0)).toEqual({ pages: ['a', 'b', 'c', 'd'], exact: false });
    expect(listedCandidates([few, many], 1)).toEqual({ pages: ['x'], exact: false });
    // Shard 2 lacks the first token, and no shard has a token no file lists: nothing to search there.
    expect(listedCandidates([few, other], 2)).toEqual({ pages: [], exact: true });
    expect(listedCandidates([other, undefined], 0)).toEqual({ pages: [], exact: true });
    // No token has its pages listed for shard 2, and it lacks none: Pagefind must say.
    expect(listedCandidates([many, many], 2)).toBeUndefined();
    expect(listedCandidates([other, many], 1)).toBeUndefined();
  });

  it('writes nothing for an index of one shard', () => {
    const dir = dist({ a: ['2001-01-01', '電子發票'] });
    expect(writeTokenShards(dir, planShards([{ id: 'a', date: '2001-01-01' }], 10))).toBe(0);
    expect(readdirSync(join(dir, 'search'))).toEqual(['check']);
  });

  it('spreads tokens over every bucket', () => {
    const buckets = new Set(Array.from({ length: 100_000 }, (_, index) => tokenBucket(`z${index.toString(36).padStart(12, '0')}`)));
    expect(buckets.size).toBe(TOKEN_BUCKETS);
  });
});
