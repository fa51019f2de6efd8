import { describe, expect, it } from 'vitest';
import type { CheckFile } from './check-file.ts';
import { QueryCursor } from './cursor.ts';
import type { ArchiveFiles, ArchiveIndex } from './engine.ts';

/** Two shards: the newest gives a superset from the token files (not exact), the older Pagefind's exact candidates. */
function cursor(texts: Record<string, string>) {
  const fetched: string[] = [];
  const index = {
    shardCount: 2,
    searchShard: async (_query: unknown, shard: number) => (shard === 0 ? { ids: ['a', 'b'], exact: false } : { ids: ['c'], exact: true }),
  } as unknown as ArchiveIndex;
  const check = async (id: string): Promise<CheckFile> => {
    fetched.push(id);
    return { id, url: `/${id}/`, title: id, series: 's', filters: { kind: [], series: [], agency: [], year: [], topic: [] }, text: texts[id] ?? '' };
  };
  const files = { documentId: async (id: string) => id, check, pack: async () => ({}), packSizes: async () => ({}) } as unknown as ArchiveFiles;
  const at = new QueryCursor(index, files, { tokens: 'x', facets: {}, byDate: false }, ['資安'], true, new Map());
  return { at, fetched };
}

describe('a query cursor', () => {
  it('checks the candidates a shard gave as a superset even when the index proves the terms, and only those', async () => {
    const { at, fetched } = cursor({ a: '加強資安', b: '資訊安全', c: '' });
    const hits: string[] = [];
    for await (const { id, outcome } of at.decisions('check-file')) if (outcome.hit) hits.push(id);
    // b lacks 資安 (the superset's extra); c is proven by the index, so its file is never fetched.
    expect(hits).toEqual(['a', 'c']);
    expect(fetched.sort()).toEqual(['a', 'b']);
    expect(at.sample).toEqual({ decided: 3, hits: 2 });
    expect(at.complete).toBe(true);
  });
});
