/**
 * The last step of a planned build: the hub's site and every part's, merged into one `dist/`, then
 * the search files that span shards (src/search/build-index.ts `writeFragmentMap`). Each file has one
 * owner; a file two builds both wrote (the bundled scripts and styles, public/) must be the same
 * bytes in both, or the builds disagree and the merge stops, listing the files.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { writeFragmentMap } from '../search/build-index.ts';
import { shardPath } from '../search/shards.ts';
import type { Plan } from './plan.ts';

/** Every file under `dir`, relative to it, in a stable order. */
export function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const sameBytes = (a: string, b: string) => statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));

export class AssembleError extends Error {
  override name = 'AssembleError';
}

/** Merges the built sites `from` (the hub's and each part's) into `out`, checks the plan is complete, and writes the search files spanning shards. */
export function assembleSite(plan: Plan, from: string[], out: string): { files: number; shared: number } {
  rmSync(out, { recursive: true, force: true });
  const owner = new Map<string, string>();
  const conflicts: string[] = [];
  let shared = 0;
  for (const site of from) {
    if (!existsSync(site)) throw new AssembleError(`no built site at ${site}`);
    for (const file of filesUnder(site)) {
      const target = join(out, file);
      const first = owner.get(file);
      if (first) {
        if (sameBytes(join(first, file), join(site, file))) shared++;
        else conflicts.push(`${file}: ${first} and ${site} differ`);
        continue;
      }
      owner.set(file, site);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(site, file), target);
    }
  }
  if (conflicts.length) throw new AssembleError(`${conflicts.length} files were built differently by two jobs:\n${conflicts.join('\n')}`);
  const missing = [
    ...plan.documentUrls.map((url) => `${url.slice(1)}index.html`).filter((file) => !owner.has(file)),
    ...plan.searchShards.map((shard) => shardPath(plan.searchShards, shard)).filter((path) => !existsSync(join(out, path, 'pagefind-entry.json'))),
  ];
  if (missing.length)
    throw new AssembleError(
      `the built sites lack ${missing.length} files or search shards of the plan (a part not built, or not handed over?):\n${missing.join('\n')}`,
    );
  writeFragmentMap(out, plan.searchShards);
  return { files: owner.size, shared };
}
