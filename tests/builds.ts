/**
 * Whole builds for the integration tests that compare sites: a project of its own (this repository's
 * code, a content/ folder, node_modules linked package by package so that the caches tools keep
 * in node_modules stay in the project), `astro build` run in it, optionally killed (SIGKILL) at a
 * point the test names by what the build prints or writes, and two built folders compared byte for byte.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { linkNodeModules } from '../scripts/bench/corpus.ts';
import { ARCHIVE } from './fixtures/archive.ts';

export const root = resolve(import.meta.dirname, '..');

/** What a build needs besides content/ and node_modules. */
const CODE = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

const projects: string[] = [];

/** A new project holding the sample archive (tests/fixtures/archive/content), with caches of its own. */
export function sampleProject(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `minutes-archive-${name}-`));
  projects.push(dir);
  for (const entry of CODE) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  cpSync(join(ARCHIVE, 'content'), join(dir, 'content'), { recursive: true });
  linkNodeModules(root, dir, { isolateCaches: true });
  return dir;
}

export function removeProjects(): void {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Where to kill a build: when a line it prints matches `line`, or as soon as `written(project)`
 * holds (polled every 2 ms), whichever the point names. `only: 'main'` kills the `astro` process
 * alone (its outputs worker and shard processes are then orphans that must stop on their own);
 * by default the whole process group, as a cancelled CI job or Ctrl-C would.
 */
export interface KillPoint {
  name: string;
  line?: RegExp;
  written?: (project: string) => boolean;
  only?: 'main';
}

export interface BuildRun {
  output: string;
  /** False when the build ran to its end. */
  killed: boolean;
}

/**
 * The environment of a build: the test runner's own variables (VITEST…, NODE_ENV, MODE) would leak
 * into it, and under CI=true (as .ci/run sets it) Astro leaves out the progress lines the kill
 * points are found by (no 「[content] Syncing content」).
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'CI']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return env;
}

/**
 * Runs `astro build` in `project`. Without `kill` it must succeed; with it, it must be killed at that
 * point: a build that ends before it rejects, naming the point, since the test would test nothing.
 */
export function runBuild(project: string, kill?: KillPoint): Promise<BuildRun> {
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  // A group of its own, so that the whole build can be killed at once.
  const child = spawn(process.execPath, [astro, 'build'], { cwd: project, env: buildEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let killed = false;
  const killNow = () => {
    if (killed || child.pid === undefined) return;
    killed = true;
    if (kill?.only === 'main') child.kill('SIGKILL');
    else process.kill(-child.pid, 'SIGKILL');
  };
  const poll = kill?.written && setInterval(() => kill.written!(project) && killNow(), 2);
  const read = (chunk: Buffer) => {
    output += chunk.toString();
    if (kill?.line?.test(output)) killNow();
  };
  child.stdout.on('data', read);
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      if (kill && !killed) reject(new Error(`the build ended (exit code ${code}) before the kill point "${kill.name}":\n${output.slice(-3000)}`));
      else if (!kill && code !== 0) reject(new Error(`astro build in ${project} failed (exit code ${code}):\n${output.slice(-6000)}`));
      else resolvePromise({ output, killed });
    });
  });
}

/** Every file under `dir`, relative, sorted. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** How `actual` differs from `expected`: files missing, extra, or with other bytes (empty when the same). */
export function differences(expected: string, actual: string): string[] {
  const want = filesUnder(expected);
  const have = new Set(filesUnder(actual));
  const found: string[] = [];
  for (const file of want) {
    if (!have.has(file)) found.push(`missing ${file}`);
    else if (!readFileSync(join(expected, file)).equals(readFileSync(join(actual, file)))) found.push(`differs ${file}`);
    have.delete(file);
  }
  for (const file of have) found.push(`extra ${file}`);
  return found;
}

/** Copies a file into the project's content/, making folders as needed. */
export function addContent(project: string, from: string, to: string): void {
  mkdirSync(join(project, 'content', to, '..'), { recursive: true });
  cpSync(from, join(project, 'content', to), { recursive: true });
}
