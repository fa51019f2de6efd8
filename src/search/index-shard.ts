/**
 * Builds one shard of the search index: `node src/search/index-shard.ts <dist> <shard-path> <ids.json> <shard-name>`
 * reads the listed documents' check files from `<dist>/search/check/` (their text folded already,
 * src/search/check-file.ts) and writes a Pagefind bundle to `<dist>/<shard-path>/`. A process of its
 * own per shard, so each shard's memory is returned when it ends and shards can be built side by
 * side (src/search/build-index.ts) or on other machines.
 *
 * The bundle leaves out Pagefind's fragments (`fragment/<page>.pf_fragment`, one file a document
 * holding its whole token list, gzipped): the browser never reads them (results come from the
 * archive's own files, src/search/engine.ts), so they were a third of the files of `dist/`'s index
 * for nothing. What the archive needs of them, which document each Pagefind page id is, is kept in
 * the bundle's `pages.json` (PAGE_MAP). Beside it go the shard's token lists (./token-shard-files.ts),
 * which the index's assemble step merges into the token files.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { CheckFile } from './check-file.ts';
import { INDEX_LANGUAGE, searchRecord } from './record.ts';
import { PAGE_MAP } from './shards.ts';
import { SHARD_TOKENS, ShardTokenLists } from './token-shard-files.ts';
import { indexTokens } from './tokens.ts';

/** Throws with every error Pagefind reported for a step. */
function checked<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length) throw new Error(`Pagefind ${step} failed: ${response.errors.join('; ')}`);
  return response;
}

/** The document id a fragment names: a fragment is gzip of `pagefind_dcd` followed by the page's JSON. */
function fragmentDocument(content: Uint8Array): string {
  const json = gunzipSync(content)
    .toString('utf8')
    .replace(/^pagefind_dcd/, '');
  return (JSON.parse(json) as { meta: { id: string } }).meta.id;
}

export async function indexShard(dist: string, shardPath: string, ids: string[], shardName?: string): Promise<void> {
  try {
    const { index } = checked(await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE }), 'createIndex');
    if (!index) throw new Error('Pagefind createIndex returned no index');
    const lists = new ShardTokenLists();
    for (const id of ids) {
      const check = JSON.parse(readFileSync(join(dist, 'search', 'check', `${id}.json`), 'utf8')) as CheckFile;
      const tokens = indexTokens(check.text);
      lists.add(id, tokens.split(' ').filter(Boolean), check.filters);
      checked(await index.addCustomRecord(searchRecord(check, shardName, tokens)), `addCustomRecord ${check.url}`);
    }
    const out = join(dist, shardPath);
    checked(await index.writeFiles({ outputPath: out }), 'writeFiles');
    // Written and read back rather than taken from getFiles(), whose base64 over the pipe cost more CPU than the files.
    const fragments = join(out, 'fragment');
    const pages: Record<string, string> = {};
    for (const file of readdirSync(fragments)) pages[file.replace(/\.pf_fragment$/, '')] = fragmentDocument(readFileSync(join(fragments, file)));
    rmSync(fragments, { recursive: true, force: true });
    if (Object.keys(pages).length !== ids.length)
      throw new Error(`Pagefind wrote ${Object.keys(pages).length} fragments for the ${ids.length} documents of shard ${shardName ?? shardPath}`);
    writeFileSync(join(out, PAGE_MAP), JSON.stringify(pages));
    const pageOf = new Map(Object.entries(pages).map(([page, id]) => [id, page]));
    writeFileSync(join(out, SHARD_TOKENS), JSON.stringify(lists.finish(pageOf, shardName ?? shardPath)));
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
