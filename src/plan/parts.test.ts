import { describe, expect, it } from 'vitest';
import { planShards } from '../search/shards.ts';
import { assignParts } from './parts.ts';

const shard = (name: string, count: number) => ({ name, ids: Array.from({ length: count }, (_, at) => `${name}-${at}`) });

describe('assignParts', () => {
  it('gives each part a run of whole shards, oldest first, as even as whole shards allow', () => {
    const shards = [shard('2019', 2000), shard('2020', 1500), shard('2021.1', 2000), shard('2021.2', 2000), shard('2022', 500), shard('2023', 2000)];
    const parts = assignParts(shards, 3);
    expect(parts.map((part) => part.shards)).toEqual([
      ['2019', '2020'],
      ['2021.1', '2021.2'],
      ['2022', '2023'],
    ]);
    expect(parts.map((part) => part.ids.length)).toEqual([3500, 4000, 2500]);
    expect(parts.flatMap((part) => part.ids)).toEqual(shards.flatMap((each) => each.ids));
  });

  it('leaves a part empty when there are fewer shards than parts, and takes one part', () => {
    const shards = planShards(
      [
        { id: 'a', date: '2020-01-01' },
        { id: 'b', date: '2021-01-01' },
      ],
      1,
    );
    expect(assignParts(shards, 4).map((part) => part.ids)).toEqual([['a'], [], ['b'], []]);
    expect(assignParts(shards, 1).map((part) => part.ids)).toEqual([['a', 'b']]);
    expect(() => assignParts(shards, 0)).toThrow(/at least 1/);
  });
});
