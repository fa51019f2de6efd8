/**
 * A generated archive in a project of its own: scripts/generate-corpus.ts writes `<dir>/content`,
 * and the project's code is copied beside it with node_modules linked, as the browser tests'
 * projectCopy does. Used by `npm run bench` and `npm run eval:search -- --corpus N`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** What a build needs besides content/ (which the generator writes). */
const CODE = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** Caches that tools keep inside node_modules: the share cards' (og), Vite's and Astro's. */
const CACHES = new Set(['.cache', '.vite', '.astro']);

/**
 * Makes `<project>/node_modules` resolve to the repository's packages. With `isolateCaches` it is a
 * folder of links, one per package, instead of one link to the whole folder: the caches tools write
 * under node_modules then stay in the project, so a build is cold every time (every share card is
 * drawn, not copied from the repository's cache) and the repository's cache does not grow by N cards.
 * Node and Vite resolve a package through its real path either way, so the build is otherwise the same.
 */
export function linkNodeModules(root: string, project: string, options: { isolateCaches?: boolean } = {}): void {
  const modules = join(root, 'node_modules');
  if (!options.isolateCaches) {
    symlinkSync(modules, join(project, 'node_modules'));
    return;
  }
  mkdirSync(join(project, 'node_modules'));
  for (const entry of readdirSync(modules)) {
    if (!CACHES.has(entry)) symlinkSync(join(modules, entry), join(project, 'node_modules', entry));
  }
}

export interface CorpusProjectOptions {
  /** The repository: its scripts, code and node_modules are used. */
  root: string;
  /** The project folder to (re)create. */
  dir: string;
  count: number;
  seed?: string;
  isolateCaches?: boolean;
}

/** (Re)creates `dir` as a buildable project holding a generated archive of `count` documents; returns `dir`. */
export function corpusProject({ root, dir, count, seed = '1', isolateCaches = false }: CorpusProjectOptions): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The generator reads the real documents and registries from its working directory's content/.
  execFileSync(process.execPath, [join(root, 'scripts', 'generate-corpus.ts'), '--count', String(count), '--out', dir, '--seed', seed], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const entry of CODE) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  linkNodeModules(root, dir, { isolateCaches });
  return dir;
}
