import { mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistries } from '../ingest/registries.ts';
import { listSources } from '../ingest/sources.ts';
import { writeDocumentFiles } from '../outputs/document-files.ts';
import { processSource } from '../pipeline/index.ts';
import { buildSearchIndex } from './build-index.ts';
import { registryNames } from './segments.ts';
import { pruneShards, searchCacheDir } from './shard-cache.ts';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const root = ARCHIVE;
const registries = loadRegistries(join(root, 'content'));
const documents = listSources(root).map((path) => processSource(readFileSync(join(root, path)), path, registries).document);
const names = registryNames(registries.data.agencies, registries.data.topics);
const temp = (name: string) => mkdtempSync(join(tmpdir(), `${name}-`));

/** A site folder with the search files of the sample archive. */
async function site(): Promise<string> {
  const dist = temp('shard-cache-dist');
  await writeDocumentFiles(dist, join(root, 'content'), documents, names);
  return dist;
}

/** Every file of the index under `dist`, with its bytes. */
const indexFiles = (dist: string) =>
  Object.fromEntries(
    ['pagefind', 'pagefind-shards', 'search/fragments']
      .filter((folder) => existsSync(join(dist, folder)))
      .flatMap((folder) => (readdirSync(join(dist, folder), { recursive: true }) as string[]).map((file) => join(folder, file)))
      .filter((file) => statSync(join(dist, file)).isFile())
      .map((file) => [file, readFileSync(join(dist, file)).toString('base64')]),
  );

describe('the search shard cache', () => {
  it('links unchanged shards from the cache, builds a changed one, and the index is the same as built afresh', async () => {
    const cacheDir = temp('shard-cache');
    const first = await site();
    const cold = await buildSearchIndex(first, () => {}, { size: 2, cacheDir });
    expect(cold.shards.length).toBeGreaterThanOrEqual(3);
    expect(cold.shards.every((shard) => !shard.cached)).toBe(true);

    const second = await site();
    const warm = await buildSearchIndex(second, () => {}, { size: 2, cacheDir });
    expect(warm.shards.every((shard) => shard.cached)).toBe(true);
    expect(indexFiles(second)).toEqual(indexFiles(first));

    // One document's text changes: only its shard is built again, and matches a build without the cache.
    const third = await site();
    const changed = join(third, 'search', 'docs', 'taipei-chief-secretaries-meeting-210.json');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('會議結論', '會議結論（修正）'));
    const log: string[] = [];
    const rebuilt = await buildSearchIndex(third, (message) => log.push(message), { size: 2, cacheDir });
    expect(rebuilt.shards.filter((shard) => !shard.cached)).toHaveLength(1);
    expect(log.filter((line) => line.includes('from the cache'))).toHaveLength(rebuilt.shards.length - 1);
    const fresh = temp('shard-cache-dist');
    await writeDocumentFiles(fresh, join(root, 'content'), documents, names);
    writeFileSync(join(fresh, 'search', 'docs', 'taipei-chief-secretaries-meeting-210.json'), readFileSync(changed));
    await buildSearchIndex(fresh, () => {}, { size: 2 });
    expect(indexFiles(third)).toEqual(indexFiles(fresh));
  }, 60_000);

  it('removes entries unused for a week, and none this build used', async () => {
    const cacheDir = temp('shard-cache');
    for (const name of ['old', 'recent', 'used-old']) mkdirSync(join(cacheDir, name));
    const weekAgo = (Date.now() - 8 * 24 * 60 * 60 * 1000) / 1000;
    for (const name of ['old', 'used-old']) utimesSync(join(cacheDir, name), weekAgo, weekAgo);
    expect(await pruneShards(cacheDir, new Set(['used-old']))).toBe(1);
    expect(readdirSync(cacheDir).sort()).toEqual(['recent', 'used-old']);
  });

  it('is off with SEARCH_CACHE=0', () => {
    expect(searchCacheDir('/project', true)).toBe('/project/node_modules/.cache/minutes-archive/search');
    expect(searchCacheDir('/project', false)).toBeUndefined();
  });
});
