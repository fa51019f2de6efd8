/**
 * Builds one shard of the search index: `node src/search/index-shard.ts <dist> <shard-path> <ids.json> <shard-name>`
 * reads the listed documents' search files from `<dist>/search/docs/` and writes a Pagefind bundle
 * to `<dist>/<shard-path>/`. A process of its own per shard, so each shard's memory is returned when
 * it ends and shards can be built side by side (src/search/build-index.ts) or on other machines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { INDEX_LANGUAGE, searchRecord } from './record.ts';
import type { SearchDocument } from './segments.ts';

/** Throws with every error Pagefind reported for a step. */
function checked<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length) throw new Error(`Pagefind ${step} failed: ${response.errors.join('; ')}`);
  return response;
}

export async function indexShard(dist: string, shardPath: string, ids: string[], shardName?: string): Promise<void> {
  try {
    const { index } = checked(await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE }), 'createIndex');
    if (!index) throw new Error('Pagefind createIndex returned no index');
    for (const id of ids) {
      const document = JSON.parse(readFileSync(join(dist, 'search', 'docs', `${id}.json`), 'utf8')) as SearchDocument;
      checked(await index.addCustomRecord(searchRecord(document, shardName)), `addCustomRecord ${document.url}`);
    }
    checked(await index.writeFiles({ outputPath: join(dist, shardPath) }), 'writeFiles');
  } finally {
    await pagefind.close();
  }
}

if (import.meta.main) {
  const [dist, shardPath, idsFile, shardName] = process.argv.slice(2);
  if (!dist || !shardPath || !idsFile || !shardName) {
    console.error('usage: node src/search/index-shard.ts <dist> <shard-path> <ids.json> <shard-name>');
    process.exit(2);
  }
  // Started by a build (./build-index.ts) over an IPC channel: when that build is killed, this
  // shard must not go on writing into the folder the next build is filling.
  if (process.channel) {
    process.on('disconnect', () => process.exit(1));
    process.channel.unref();
  }
  await indexShard(dist, shardPath, JSON.parse(readFileSync(idsFile, 'utf8')) as string[], shardName);
}
