/**
 * `npm run search-index -- [--dist dist] [--list | --shard NAME | --assemble]`: the search index
 * step of the build on its own, for archives whose shards are built on several machines.
 *
 *   --list        prints the shards of the built site, one name a line (a CI matrix reads these);
 *   --shard NAME  builds that shard's Pagefind bundle into the site;
 *   --assemble    writes the map from Pagefind pages to documents, once every shard is in place;
 *   (no option)   builds every shard, as many at once as there are cores, then assembles.
 *
 * The site must be built first (`npm run build`, or `SEARCH_INDEX=skip npm run build` to leave the
 * index to this script), with the same SEARCH_SHARD_SIZE, since the search page lists the shards.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { buildSearchIndex, cachedShard, distShards, writeFragmentMap } from '../src/search/build-index.ts';
import { readBuildOptions } from '../src/options.ts';
import { searchCacheDir } from '../src/search/shard-cache.ts';

const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, list: { type: 'boolean' }, shard: { type: 'string' }, assemble: { type: 'boolean' } },
});
const dist = resolve(values.dist!);
// Bundles kept between runs in this project's node_modules (a CI cache may keep it between jobs); SEARCH_CACHE=0: none.
const options = readBuildOptions();
const cacheDir = searchCacheDir(process.cwd(), options.searchCache);
const shards = distShards(dist, options.shardSize);
if (values.list) {
  for (const shard of shards) console.log(shard.name);
} else if (values.shard) {
  const shard = shards.find((candidate) => candidate.name === values.shard);
  if (!shard) {
    console.error(`no shard ${values.shard} in ${dist}: the shards are ${shards.map((candidate) => candidate.name).join(', ')}`);
    process.exit(1);
  }
  await cachedShard(dist, shards, shard, { cacheDir, log: (message) => console.error(message) });
} else if (values.assemble) {
  console.error(`search map written for ${writeFragmentMap(dist, shards)} documents in ${shards.length} shard(s)`);
} else {
  const report = await buildSearchIndex(dist, (message) => console.error(message), { cacheDir, size: options.shardSize });
  console.error(`indexed ${report.documents} documents`);
}
