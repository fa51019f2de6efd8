/**
 * A cache folder whose files are trusted only once recorded whole: `record` writes, after a build
 * that finished, the SHA-256 of every file in the folder (to a manifest beside it, renamed into
 * place); `dropUnverified` removes, before the next build, every file the manifest does not list
 * with that digest. For a cache written by code we do not own (Astro's optimised images, written in
 * place with a plain `writeFile`): a build killed mid-write leaves a truncated file, which the next
 * build would otherwise take for a hit and publish.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

type Manifest = Record<string, string>;

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The regular files of `dir`, by path relative to it, sorted. */
function filesOf(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

function readManifest(file: string): Manifest {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    // None yet, or unreadable: nothing in the folder is vouched for.
    return {};
  }
}

/** Removes the files of `dir` that `manifest` does not list with their digest; returns how many. */
export function dropUnverified(dir: string, manifest: string): number {
  const recorded = readManifest(manifest);
  let dropped = 0;
  for (const path of filesOf(dir)) {
    if (recorded[path] === sha256(join(dir, path))) continue;
    rmSync(join(dir, path), { force: true });
    dropped++;
  }
  return dropped;
}

/** Records the digest of every file now in `dir` in `manifest`, written whole or not at all. */
export function record(dir: string, manifest: string): number {
  const digests: Manifest = {};
  for (const path of filesOf(dir)) digests[path] = sha256(join(dir, path));
  mkdirSync(dirname(manifest), { recursive: true });
  const partial = `${manifest}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(digests));
  renameSync(partial, manifest);
  return Object.keys(digests).length;
}
