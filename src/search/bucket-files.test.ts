import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBucketFiles } from './bucket-files.ts';
import { fragmentBucket } from './engine.ts';
import { PAGE_MAP, type Shard, shardPath, sitePageId } from './shards.ts';

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
  const fragments = (out: string, page: string) => JSON.parse(readFileSync(join(out, 'search', 'fragments', `${fragmentBucket(page)}.json`), 'utf8'));

  it('map every page of every shard to its document, an older shard’s page ids qualified by its name', () => {
    const shards = [
      { name: '2011', ids: ['a-2011'] },
      { name: '2024', ids: ['b-2024'] },
    ];
    const out = dist(shards, [{ und_5417c91: 'a-2011' }, { und_0142612: 'b-2024' }]);
    expect(writeBucketFiles(out, shards)).toBe(2);
    expect(fragments(out, 'und_5417c91')).toEqual({ 'und_5417c91~2011': 'a-2011' });
    expect(fragments(out, 'und_0142612')).toEqual({ und_0142612: 'b-2024' });
  });

  it('keep both documents when two shards give them one Pagefind page id (und_5417c91 at 10,000 documents)', () => {
    const shards = [
      { name: '2008-2011', ids: ['petitions-appeals-hui-wu-hui-bao-2011-7'] },
      { name: '2024', ids: ['public-works-executives-meeting-2024-3'] },
    ];
    const out = dist(shards, [{ und_5417c91: 'petitions-appeals-hui-wu-hui-bao-2011-7' }, { und_5417c91: 'public-works-executives-meeting-2024-3' }]);
    expect(writeBucketFiles(out, shards)).toBe(2);
    const bucket = 'und_5417c91';
    expect(fragments(out, bucket)).toEqual({
      [sitePageId(bucket, '2008-2011')]: 'petitions-appeals-hui-wu-hui-bao-2011-7',
      [sitePageId(bucket)]: 'public-works-executives-meeting-2024-3',
    });
    const pack = JSON.parse(readFileSync(join(out, 'search', 'packs', `${fragmentBucket(bucket)}.json`), 'utf8'));
    expect(Object.keys(pack).sort()).toEqual(['und_5417c91', 'und_5417c91~2008-2011']);
    // Both ids fall in the bucket of Pagefind's id, where the browser looks for them.
    expect(fragmentBucket(sitePageId(bucket, '2008-2011'))).toBe(fragmentBucket(bucket));
  });
});
