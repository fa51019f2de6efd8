/**
 * Search shard bundles kept between builds: `<cacheDir>/<digest>/`, where the digest covers
 * everything a bundle is made of (the search files of its documents, in order, and the code that
 * turns them into Pagefind records: the import graph of ./index-shard.ts with its packages' versions,
 * Pagefind's among them). A rebuild after a change to a few documents
 * then builds only the shards that hold them (a 2,000-document shard costs ~15 s of Pagefind) and
 * links the others into place. Entries not used for a week are removed.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readFile, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { codeDigest } from '../utils/code-digest.ts';
import type { Shard } from './shards.ts';

/** The cache under the project root. */
export const SEARCH_CACHE_DIR = join('node_modules', '.cache', 'minutes-archive', 'search');

/** The cache of a project, or none when the build option `searchCache` is off (every shard built afresh). */
export function searchCacheDir(root: string, enabled: boolean): string | undefined {
  return enabled ? join(root, SEARCH_CACHE_DIR) : undefined;
}

/** Entries unused for this long are removed after a build. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

/** The code that turns search files into a bundle: the shard builder's import graph and packages. */
const indexCode = () => codeDigest([join(import.meta.dirname, 'index-shard.ts')], { root: resolve(import.meta.dirname, '../..') });

/** The digest of a shard's bundle: its name, its documents' search files (`<dist>/search/docs/<id>.json`) in order, and the indexing code. */
export async function shardDigest(dist: string, shard: Shard): Promise<string> {
  // The name too: each record carries it as a filter (src/search/record.ts).
  const hash = createHash('sha256').update(indexCode()).update(`\0shard ${shard.name}\0`);
  for (const id of shard.ids) hash.update(`\0${id}\0`).update(await readFile(join(dist, 'search', 'docs', `${id}.json`)));
  return hash.digest('hex');
}

/** Puts every file of `from` at the same place under `to`: hard links where the file system allows them, else copies. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) await linkTree(source, target);
    else await link(source, target).catch(() => copyFile(source, target));
  }
}

/** Puts the cached bundle at `out` and marks the entry used; false when the cache has none. */
export async function restoreShard(cacheDir: string, digest: string, out: string): Promise<boolean> {
  const entry = join(cacheDir, digest);
  if (
    !(await stat(entry).then(
      (info) => info.isDirectory(),
      () => false,
    ))
  )
    return false;
  await rm(out, { recursive: true, force: true });
  await linkTree(entry, out);
  const now = new Date();
  await utimes(entry, now, now).catch(() => {});
  return true;
}

/** Keeps a bundle just built: linked into a folder of its own, renamed into place when whole (another build may have kept it first). */
export async function keepShard(cacheDir: string, digest: string, out: string): Promise<void> {
  const partial = join(cacheDir, `${digest}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  await linkTree(out, partial);
  await rename(partial, join(cacheDir, digest)).catch(async (error: NodeJS.ErrnoException) => {
    await rm(partial, { recursive: true, force: true });
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  });
}

/** Removes entries neither used by this build nor in the last week, and leftovers of interrupted builds. */
export async function pruneShards(cacheDir: string, used: Set<string>, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    if (used.has(name)) continue;
    const entry = join(cacheDir, name);
    const info = await stat(entry).catch(() => undefined);
    if (!info || now - info.mtimeMs < KEEP_MS) continue;
    await rm(entry, { recursive: true, force: true });
    removed++;
  }
  return removed;
}
