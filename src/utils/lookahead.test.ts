import { describe, expect, it } from 'vitest';
import { inOrder } from './lookahead.ts';

/** Batches of numbers, recording when each batch is asked for. */
function batches(...lists: number[][]) {
  const asked: number[] = [];
  let next = 0;
  return {
    asked,
    nextBatch: async () => {
      asked.push(next);
      return next < lists.length ? lists[next++] : undefined;
    },
  };
}

/** Work that takes longer for lower numbers, so outcomes finish out of order, recording how many run at once. */
function slowWork() {
  const state = { running: 0, most: 0, started: [] as number[] };
  const work = async (item: number) => {
    state.running++;
    state.most = Math.max(state.most, state.running);
    state.started.push(item);
    await new Promise((resolve) => setTimeout(resolve, 20 - item));
    state.running--;
    return item * 10;
  };
  return { state, work };
}

const collect = async <T>(source: AsyncIterable<T>, stopAfter = Infinity) => {
  const out: T[] = [];
  for await (const value of source) {
    out.push(value);
    if (out.length >= stopAfter) break;
  }
  return out;
};

describe('inOrder', () => {
  it('yields every outcome in the order of the items, across batches, whatever order they finish in', async () => {
    const { nextBatch } = batches([1, 2, 3], [], [4, 5, 6, 7]);
    const { work } = slowWork();
    expect(await collect(inOrder(nextBatch, 3, work))).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it('never runs more than its limit at once', async () => {
    const { nextBatch } = batches(Array.from({ length: 40 }, (_, index) => index % 15));
    const { state, work } = slowWork();
    expect(await collect(inOrder(nextBatch, 4, work))).toHaveLength(40);
    expect(state.most).toBe(4);
  });

  it('asks for the next batch only when everything before has been yielded and more is wanted', async () => {
    const source = batches([1, 2], [3, 4]);
    const { state, work } = slowWork();
    expect(await collect(inOrder(source.nextBatch, 8, work), 2)).toEqual([10, 20]);
    // The consumer stopped after the first batch: the second was never asked for, its items never started.
    expect(source.asked).toEqual([0]);
    expect(state.started).toEqual([1, 2]);
  });

  it('starts only as many items ahead as the limit function allows when asked', async () => {
    const { nextBatch } = batches([1, 2, 3, 4, 5, 6, 7, 8]);
    const { state, work } = slowWork();
    let wanted = 3;
    const out: number[] = [];
    for await (const value of inOrder(nextBatch, () => wanted, work)) {
      out.push(value);
      wanted = 3 - out.length;
      if (out.length === 3) break;
    }
    expect(out).toEqual([10, 20, 30]);
    // Three wanted, three started: a page of results fetches nothing it does not show.
    expect(state.started).toEqual([1, 2, 3]);
  });

  it('leaves the batches as they were, so the same batch can be replayed from the start', async () => {
    const shard = [1, 2, 3];
    const { work } = slowWork();
    expect(await collect(inOrder(batches(shard).nextBatch, 2, work), 1)).toEqual([10]);
    expect(shard).toEqual([1, 2, 3]);
    expect(await collect(inOrder(batches(shard).nextBatch, 2, work))).toEqual([10, 20, 30]);
  });

  it('rethrows a failure when its turn comes, and only then', async () => {
    const { nextBatch } = batches([1, 2, 3]);
    const work = async (item: number) => {
      if (item === 2) throw new Error('search file of 2: HTTP 404');
      return item;
    };
    const out: number[] = [];
    await expect(
      (async () => {
        for await (const value of inOrder(nextBatch, 3, work)) out.push(value);
      })(),
    ).rejects.toThrow('search file of 2: HTTP 404');
    expect(out).toEqual([1]);
  });
});
