/**
 * Builds the whole search index from the search files (`search/docs/<id>.json`): plans the shards
 * (src/search/shards.ts), builds each in its own process (src/search/index-shard.ts), as many at
 * once as its pool allows (the build's outputs worker starts with one beside the pages), then writes
 * the files the browser reads by Pagefind page id (./bucket-files.ts: the map to documents, result
 * cards, packs of check files). `scripts/search-index.ts` runs the same steps one at a time, for shards built on
 * several machines.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBucketFiles } from './bucket-files.ts';
import { writeTokenShards } from './token-shard-files.ts';
import type { SearchDocument } from './segments.ts';
import { keepShard, pruneShards, restoreShard, shardDigest } from './shard-cache.ts';
import { SHARD_LIST, type Shard, type ShardInput, planShards, searchOrder, shardInput, shardPath } from './shards.ts';
import { Pool } from '../utils/pool.ts';

const SHARD_SCRIPT = join(import.meta.dirname, 'index-shard.ts');

/** The shards of the documents the build wrote to `<dist>/search/docs/`. */
export function distShards(dist: string, size: number): Shard[] {
  const docs = join(dist, 'search', 'docs');
  const documents = readdirSync(docs)
    .filter((file) => file.endsWith('.json'))
    .map((file) => shardInput(JSON.parse(readFileSync(join(docs, file), 'utf8')) as SearchDocument));
  return planShards(documents, size);
}

/** Builds one shard in a child process; rejects with the shard's own error output. */
export function buildShard(dist: string, shards: Shard[], shard: Shard): Promise<void> {
  const out = join(dist, shardPath(shards, shard));
  rmSync(out, { recursive: true, force: true });
  const idsFile = join(tmpdir(), `minutes-archive-shard-${process.pid}-${shard.name}.json`);
  writeFileSync(idsFile, JSON.stringify(shard.ids));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SHARD_SCRIPT, dist, shardPath(shards, shard), idsFile, shard.name], {
      // The channel only tells the shard when this process is gone (./index-shard.ts).
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(idsFile, { force: true });
      if (code === 0) resolve();
      else reject(new Error(`search shard ${shard.name} (${shard.ids.length} documents) failed with exit code ${code}:\n${errors.trim()}`));
    });
  });
}

/**
 * One shard's bundle in `dist`: linked from the cache when `cacheDir` holds it, else built (through
 * `pool`) and kept there. Logs `shard <name>: <n> documents [from the cache] in <ms> ms`.
 */
export async function cachedShard(
  dist: string,
  shards: Shard[],
  shard: Shard,
  { cacheDir, pool, log = () => {} }: { cacheDir?: string; pool?: Pool; log?: (message: string) => void } = {},
): Promise<{ cached: boolean; ms: number; digest?: string }> {
  let started = performance.now();
  const out = join(dist, shardPath(shards, shard));
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  const digest = cacheDir ? await shardDigest(dist, shard) : undefined;
  const cached = cacheDir && digest ? await restoreShard(cacheDir, digest, out) : false;
  // Timed from when the build starts, not from when the shard began to wait for a place in the pool.
  const build = () => ((started = performance.now()), buildShard(dist, shards, shard));
  if (!cached) await (pool ? pool.run(build) : build());
  const ms = Math.round(performance.now() - started);
  log(`shard ${shard.name}: ${shard.ids.length} documents ${cached ? 'from the cache ' : ''}in ${ms} ms`);
  if (!cached && cacheDir && digest)
    await keepShard(cacheDir, digest, out).catch((error: Error) => log(`shard ${shard.name} not kept in ${cacheDir}: ${error.message}`));
  return { cached, ms, digest };
}

/**
 * The files the browser reads by page-id bucket (./bucket-files.ts) and the shards of the tokens
 * some shard lacks (./token-shard-files.ts), once every shard is in place.
 */
export function writeFragmentMap(dist: string, shards: Shard[]): number {
  const pages = writeBucketFiles(dist, shards);
  writeTokenShards(dist, shards);
  // The shards newest first, as the browser searches them: the search page reads this list rather
  // than planning the shards again, so it cannot disagree with the index that was built.
  writeFileSync(join(dist, 'search', SHARD_LIST), JSON.stringify(searchOrder(shards)));
  return pages;
}

export interface IndexReport {
  documents: number;
  shards: Array<{ name: string; documents: number; ms: number; cached: boolean }>;
}

export interface IndexOptions {
  /** Documents per shard (the build option `shardSize`). */
  size: number;
  /** The documents with their dates, when the caller has them: else read from `<dist>/search/docs/`. */
  documents?: ShardInput[];
  /** Runs the shard builds; default as many at once as the machine has cores. */
  pool?: Pool;
  /** Where shard bundles are kept between builds (./shard-cache.ts); none when undefined. */
  cacheDir?: string;
}

/** Shard builds at once: one per core, or fewer when the build option `shardJobs` says so. */
export const shardJobs = (jobs?: number) => Math.max(1, Math.min(availableParallelism(), jobs ?? Infinity));

/** Builds every shard and then the fragment map. */
export async function buildSearchIndex(dist: string, log: (message: string) => void, options: IndexOptions): Promise<IndexReport> {
  const { size } = options;
  const shards = options.documents ? planShards(options.documents, size) : distShards(dist, size);
  const pool = options.pool ?? new Pool(shardJobs());
  const report: IndexReport = { documents: 0, shards: [] };
  log(`indexing ${shards.reduce((sum, shard) => sum + shard.ids.length, 0)} documents in ${shards.length} shard(s) of at most ${size}`);
  const { cacheDir } = options;
  const used = new Set<string>();
  await Promise.all(
    shards.map(async (shard) => {
      const built = await cachedShard(dist, shards, shard, { cacheDir, pool, log });
      if (built.digest) used.add(built.digest);
      report.shards.push({ name: shard.name, documents: shard.ids.length, ms: built.ms, cached: built.cached });
    }),
  );
  if (cacheDir) await pruneShards(cacheDir, used);
  report.documents = writeFragmentMap(dist, shards);
  return report;
}
