/**
 * A build spread over several machines gives the same site as one machine, byte for byte: the plan,
 * the hub, two parts and the assemble step run as separate processes, each in its own copy of the
 * project (as separate CI jobs would, sharing only the folders they hand on), on the sample archive
 * cut into single-document search shards so that series, confirmations and people cross parts.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ARCHIVE } from '../tests/fixtures/archive.ts';
import { filesUnder } from '../src/plan/assemble.ts';
import { readPlan } from '../src/plan/plan.ts';

const root = resolve(import.meta.dirname, '..');
const PROJECT_FILES = ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
mkdirSync(join(root, 'tmp'), { recursive: true });
const work = mkdtempSync(join(root, 'tmp', 'plan-test-'));
afterAll(() => process.env.KEEP_PLAN_TEST || rmSync(work, { recursive: true, force: true }));

/** A copy of the project with the sample archive as content/: one machine's checkout. */
function machine(name: string): string {
  const dir = join(work, name);
  for (const entry of PROJECT_FILES) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  cpSync(join(ARCHIVE, 'content'), join(dir, 'content'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** The environment of every job: the same build options, none of the test runner's own variables. */
function jobEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SEARCH_SHARD_SIZE: '1', SEARCH_CACHE: '0' };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'ARCHIVE_PLAN', 'ARCHIVE_PART']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return env;
}

async function run(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd, env: jobEnv(), maxBuffer: 64 * 2 ** 20 });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`node ${args.join(' ')} in ${cwd} failed:\n${stderr}\n${stdout.slice(-4000)}`);
  }
}

/** The files that differ between two sites, or that only one has. */
function differences(a: string, b: string): string[] {
  const [left, right] = [filesUnder(a), filesUnder(b)];
  const inRight = new Set(right);
  const inLeft = new Set(left);
  return [
    ...left.filter((file) => !inRight.has(file)).map((file) => `only in the one-machine build: ${file}`),
    ...right.filter((file) => !inLeft.has(file)).map((file) => `only in the assembled build: ${file}`),
    ...left.filter((file) => inRight.has(file) && !readFileSync(join(a, file)).equals(readFileSync(join(b, file)))).map((file) => `differs: ${file}`),
  ];
}

describe('a build planned over two parts', () => {
  it('assembles into the same site as one machine builds, byte for byte', async () => {
    const astro = join(root, 'node_modules/astro/bin/astro.mjs');
    const one = machine('one');
    const planner = machine('planner');
    const [built, parts] = await Promise.all([
      run(one, [astro, 'build']),
      run(planner, ['scripts/plan.ts', '--parts', '2', '--out', 'plan']).then((out) => out.trim().split('\n')),
    ]);
    expect(built).toContain('Complete');
    expect(parts).toEqual(['hub', '0', '1']);
    const plan = readPlan(join(planner, 'plan'));
    // Both parts have documents, so pages of one series are built on different machines.
    expect(plan.parts.map((part) => part.documents).every((count) => count > 0)).toBe(true);
    expect(plan.searchShards.length).toBeGreaterThan(2);

    // Each job gets its own checkout and the plan folder, and hands on only its dist/.
    const jobs = parts;
    const sites: string[] = [];
    const logs: string[] = [];
    for (const part of jobs) {
      const dir = machine(`part-${part}`);
      cpSync(join(planner, 'plan'), join(dir, 'plan'), { recursive: true });
      logs.push(await run(dir, ['scripts/shard.ts', '--part', part]));
      sites.push(join(dir, 'dist'));
    }
    const assembler = machine('assembler');
    cpSync(join(planner, 'plan'), join(assembler, 'plan'), { recursive: true });
    const handed = jobs.map((part, index) => {
      const copy = join(assembler, 'built', part);
      cpSync(sites[index]!, copy, { recursive: true });
      return copy;
    });
    await run(assembler, ['scripts/assemble.ts', '--plan', 'plan', '--out', 'dist', ...handed]);

    expect(differences(join(one, 'dist'), join(assembler, 'dist'))).toEqual([]);
    // A part publishes its own documents only: the home page and the listings are the hub's.
    expect(filesUnder(sites[1]!)).not.toContain('index.html');
    expect(filesUnder(sites[0]!).some((file) => file.startsWith('pagefind'))).toBe(false);
    // Nor does a part render them only to delete them: Astro lists every page it renders (coloured
    // where CI is set, so the colours go first).
    const listing = /├─ \/(?:years|series|agencies|topics|people|cases|coverage)\/[^ ]+\/index\.html/;
    const [hubLog, ...partLogs] = logs.map(stripVTControlCharacters);
    expect(hubLog).toMatch(listing);
    for (const log of partLogs) expect(log).not.toMatch(listing);
  });
});
