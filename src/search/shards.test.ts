import { describe, expect, it } from 'vitest';
import { planShards, searchOrder, shardPath } from './shards.ts';

const documents = (year: number, count: number) => Array.from({ length: count }, (_, index) => ({ id: `d-${year}-${index}`, date: `${year}-05-01` }));

describe('planShards', () => {
  it('keeps one shard while the archive fits in it', () => {
    const shards = planShards([...documents(2020, 3), ...documents(2021, 2)], 10);
    expect(shards.map((shard) => [shard.name, shard.ids.length])).toEqual([['2020-2021', 5]]);
    expect(shardPath(shards, shards[0]!)).toBe('pagefind');
  });

  it('fills shards with whole years, oldest first, and puts undated documents before them', () => {
    const input = [...documents(2003, 4), ...documents(2001, 3), ...documents(2002, 2), { id: 'no-date' }, ...documents(2004, 7)];
    const shards = planShards(input, 6);
    expect(shards.map((shard) => [shard.name, shard.ids.length])).toEqual([
      ['undated', 1],
      ['2001-2002', 5],
      ['2003', 4],
      ['2004.1', 6], // a year larger than a shard is cut into shards of its own
      ['2004.2', 1],
    ]);
    expect(shards.flatMap((shard) => shard.ids).sort()).toEqual(input.map((document) => document.id).sort());
    expect(shardPath(shards, shards[2]!)).toBe('pagefind-shards/2003');
    // The newest shard is the primary bundle, searched first; the rest are merged newest first.
    expect(shardPath(shards, shards[4]!)).toBe('pagefind');
    expect(searchOrder(shards)).toEqual(['2004.2', '2004.1', '2003', '2001-2002', 'undated']);
  });

  it('gives the same plan whatever order the documents come in', () => {
    const input = [...documents(2010, 5), ...documents(2011, 5), ...documents(2012, 5)];
    expect(planShards([...input].reverse(), 10)).toEqual(planShards(input, 10));
  });
});
