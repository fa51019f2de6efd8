/**
 * A digest of the code that decides an output, for cache keys: the entry modules, every local module
 * they import (followed through `import`, `export … from`, `import()`, `new URL('./x', import.meta.url)`
 * and `join(import.meta.dirname, './x')`), and the installed version of every package those modules
 * import, with the packages those depend on (from npm's `node_modules/.package-lock.json`).
 *
 * Derived, never listed by hand: a hand-kept list of files is the list someone forgets to extend, and
 * a stale cache publishes a wrong site without a word.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|new URL\(\s*|join\(\s*import\.meta\.dirname\s*,\s*)(['"])([^'"\n]+)\1/g;

/** What a module imports: local files (absolute paths) and package names. */
export function importsOf(file: string, source = readFileSync(file, 'utf8')): { files: string[]; packages: string[] } {
  const files: string[] = [];
  const packages: string[] = [];
  for (const [, , specifier] of source.matchAll(SPECIFIER)) {
    if (!specifier) continue;
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier);
      // A folder or a non-code asset named with a relative path is not a module to follow.
      if (/\.(?:ts|mts|js|mjs|astro)$/.test(target) && existsSync(target)) files.push(target);
    } else if (!/^(?:node:|astro:|virtual:|data:|https?:)/.test(specifier) && !specifier.startsWith('/')) {
      const [scope, name] = specifier.split('/');
      packages.push(scope!.startsWith('@') ? `${scope}/${name}` : scope!);
    }
  }
  return { files, packages };
}

interface LockPackage {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** npm's record of what is installed: `node_modules/.package-lock.json` beside the modules it lists. */
function installedPackages(root: string): Record<string, LockPackage> {
  for (let dir = root; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', '.package-lock.json');
    if (existsSync(file)) {
      const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages?: Record<string, LockPackage> };
      return lock.packages ?? {};
    }
    if (dirname(dir) === dir) return {};
  }
}

/** `name@version` of each package and everything it depends on, resolved as Node resolves nested node_modules. */
function packageClosure(names: Iterable<string>, packages: Record<string, LockPackage>): string[] {
  const seen = new Map<string, string>();
  const visit = (name: string, from: string) => {
    // Nested first (node_modules/a/node_modules/b), then each folder up, as require() looks.
    let key: string | undefined;
    for (let base = from; ; base = base.replace(/\/?node_modules\/(?:@[^/]+\/)?[^/]+$/, '')) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (packages[candidate]) {
        key = candidate;
        break;
      }
      if (!base) break;
    }
    if (!key || seen.has(key)) return;
    const entry = packages[key]!;
    seen.set(key, `${name}@${entry.version ?? '?'}`);
    for (const dependency of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(dependency, key);
  };
  for (const name of names) visit(name, '');
  return [...seen.values()].sort();
}

export interface CodeDigestOptions {
  /** The folder paths in the digest are relative to, so that copies of a project get the same digest. */
  root: string;
  /** Packages that decide the output without being imported (fonts read from their files). */
  packages?: string[];
}

/** Every local module reachable from the entries, sorted, and the packages they import. */
export function codeGraph(entries: string[]): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = entries.map((entry) => resolve(entry));
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const found = importsOf(file);
    queue.push(...found.files);
    for (const name of found.packages) packages.add(name);
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/** The digest of the entries' code (hex sha256). Reads the files each time (about a millisecond for the pipeline), so a dev server sees edits. */
export function codeDigest(entries: string[], options: CodeDigestOptions): string {
  const graph = codeGraph(entries);
  const hash = createHash('sha256');
  for (const file of graph.files)
    hash
      .update(`${relative(options.root, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  for (const version of packageClosure([...graph.packages, ...(options.packages ?? [])], installedPackages(options.root))) hash.update(`${version}\0`);
  return hash.digest('hex');
}
