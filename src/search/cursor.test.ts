import { describe, expect, it } from 'vitest';
import type { CheckFile } from './check-file.ts';
import { QueryCursor } from './cursor.ts';
import type { ArchiveFiles, ArchiveIndex } from './engine.ts';
import { provenByIndex } from './tokens.ts';

/** Two shards of candidates, newest first; `terms` decided against the check files of `texts`. */
function cursor(texts: Record<string, string>, terms: string[]) {
  const fetched: string[] = [];
  const index = {
    shardCount: 2,
    searchShard: async (_query: unknown, shard: number) => (shard === 0 ? ['a', 'b'] : ['c']),
  } as unknown as ArchiveIndex;
  const check = async (id: string): Promise<CheckFile> => {
    fetched.push(id);
    return { id, url: `/${id}/`, title: id, series: 's', filters: { kind: [], series: [], agency: [], year: [], topic: [] }, text: texts[id] ?? '' };
  };
  const files = { documentId: async (id: string) => id, check, pack: async () => ({}), packSizes: async () => ({}) } as unknown as ArchiveFiles;
  const at = new QueryCursor(index, files, { tokens: 'x', facets: {}, byDate: false }, terms, terms.every(provenByIndex), new Map());
  return { at, fetched };
}

const hitsOf = async (at: QueryCursor) => {
  const hits: string[] = [];
  for await (const { id, outcome } of at.decisions('check-file')) if (outcome.hit) hits.push(id);
  return hits;
};

describe('a query cursor', () => {
  it('takes every candidate of a term the index proves as a result, fetching nothing', async () => {
    const { at, fetched } = cursor({ a: '', b: '', c: '' }, ['資安']);
    expect(await hitsOf(at)).toEqual(['a', 'b', 'c']);
    expect(fetched).toEqual([]);
    expect(at.complete).toBe(true);
  });

  it('checks each candidate of a longer term, shard after shard in rank order, and counts what it decided', async () => {
    // b holds the term's triples apart (資訊安 … 訊安全), not the term.
    const { at, fetched } = cursor({ a: '加強資訊安全', b: '資訊安心與通訊安全', c: '資訊安全稽核' }, ['資訊安全']);
    expect(await hitsOf(at)).toEqual(['a', 'c']);
    expect(fetched.sort()).toEqual(['a', 'b', 'c']);
    expect(at.sample).toEqual({ decided: 3, hits: 2 });
    expect(at.complete).toBe(true);
  });
});
