import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTokenShards } from './token-shard-files.ts';
import { TOKEN_BUCKETS, TOKEN_FOLDER, type TokenShards, holdsShard, tokenBucket } from './token-shards.ts';
import { planShards, searchOrder } from './shards.ts';
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

const lookup = (dir: string, token: string): number | undefined =>
  (JSON.parse(readFileSync(join(dir, 'search', TOKEN_FOLDER, `${tokenBucket(token)}.json`), 'utf8')) as TokenShards)[token];

describe('token shards', () => {
  it('lists the shards of each token some shard lacks, newest shard first, and leaves out tokens every shard holds', () => {
    const texts = { a: ['2001-01-01', '電子發票台北通'], b: ['2002-01-01', '電子公文'], c: ['2003-01-01', '電子發票'] } as const;
    const dir = dist(texts);
    const shards = planShards(
      Object.entries(texts).map(([id, [date]]) => ({ id, date })),
      1,
    );
    expect(searchOrder(shards)).toEqual(['2003', '2002', '2001']);
    expect(writeTokenShards(dir, shards)).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'search', TOKEN_FOLDER))).toHaveLength(TOKEN_BUCKETS);
    const [ticket] = termTokens('發票台');
    const held = lookup(dir, ticket!);
    // 發票台 is only in the oldest shard (2001), the third searched.
    expect([0, 1, 2].map((shard) => holdsShard(held!, shard))).toEqual([false, false, true]);
    const [invoice] = termTokens('子發票');
    expect([0, 1, 2].map((shard) => holdsShard(lookup(dir, invoice!)!, shard))).toEqual([true, false, true]);
    // 電子 is in every shard: not listed, and neither is a token no document has.
    expect(lookup(dir, termTokens('電子')[0]!)).toBeUndefined();
    expect(lookup(dir, termTokens('量子電')[0]!)).toBeUndefined();
  });

  it('writes nothing for an index of one shard', () => {
    const dir = dist({ a: ['2001-01-01', '電子發票'] });
    expect(writeTokenShards(dir, planShards([{ id: 'a', date: '2001-01-01' }], 10))).toBe(0);
    expect(readdirSync(join(dir, 'search'))).toEqual(['check']);
  });

  it('spreads tokens over every bucket', () => {
    const buckets = new Set(Array.from({ length: 20_000 }, (_, index) => tokenBucket(`z${index.toString(36).padStart(12, '0')}`)));
    expect(buckets.size).toBe(TOKEN_BUCKETS);
  });
});
