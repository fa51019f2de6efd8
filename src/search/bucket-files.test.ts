import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBucketFiles } from './bucket-files.ts';
import { fragmentBucket } from './engine.ts';
import { PAGE_MAP, type Shard, shardPath } from './shards.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A dist holding shard bundles' page maps and the check files of their documents. */
function dist(shards: Shard[], maps: Record<string, string>[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'bucket-files-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'search', 'check'), { recursive: true });
  shards.forEach((shard, index) => {
    mkdirSync(join(dir, shardPath(shards, shard)), { recursive: true });
    writeFileSync(join(dir, shardPath(shards, shard), PAGE_MAP), JSON.stringify(maps[index]));
    for (const id of shard.ids)
      writeFileSync(join(dir, 'search', 'check', `${id}.json`), JSON.stringify({ id, url: `/${id}/`, title: id, series: 's', filters: {}, text: id }));
  });
  return dir;
}

describe('the page-id bucket files', () => {
  it('map every page of every shard to its document', () => {
    const shards = [
      { name: '2011', ids: ['a-2011'] },
      { name: '2024', ids: ['b-2024'] },
    ];
    const out = dist(shards, [{ und_5417c91: 'a-2011' }, { und_0142612: 'b-2024' }]);
    const warnings: string[] = [];
    expect(writeBucketFiles(out, shards, (message) => warnings.push(message))).toBe(2);
    expect(warnings).toEqual([]);
    expect(JSON.parse(readFileSync(join(out, 'search', 'fragments', `${fragmentBucket('und_5417c91')}.json`), 'utf8'))).toEqual({ und_5417c91: 'a-2011' });
  });

  it('name both documents when two shards give them one Pagefind page id, so the one search cannot return is not lost unsaid', () => {
    const shards = [
      { name: '2008-2011', ids: ['petitions-appeals-hui-wu-hui-bao-2011-7'] },
      { name: '2024', ids: ['public-works-executives-meeting-2024-3'] },
    ];
    const out = dist(shards, [{ und_5417c91: 'petitions-appeals-hui-wu-hui-bao-2011-7' }, { und_5417c91: 'public-works-executives-meeting-2024-3' }]);
    const warnings: string[] = [];
    writeBucketFiles(out, shards, (message) => warnings.push(message));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('petitions-appeals-hui-wu-hui-bao-2011-7 (shard 2008-2011)');
    expect(warnings[0]).toContain('public-works-executives-meeting-2024-3 (shard 2024)');
    expect(warnings[0]).toContain('und_5417c91');
  });
});
