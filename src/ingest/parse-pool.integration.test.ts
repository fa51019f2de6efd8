import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processPaths } from './parse-pool.ts';
import { loadRegistries } from './registries.ts';
import { listSources } from './sources.ts';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const root = resolve(import.meta.dirname, '../..');
const corpus = mkdtempSync(join(tmpdir(), 'parse-pool-'));
afterAll(() => rmSync(corpus, { recursive: true, force: true }));

describe('processPaths', () => {
  it('gives on two worker threads exactly the outcomes, in order, of one thread', async () => {
    execFileSync(process.execPath, [join(root, 'scripts/generate-corpus.ts'), '--count', '240', '--out', corpus, '--seed', '3'], {
      cwd: ARCHIVE,
      stdio: 'pipe',
    });
    const registries = loadRegistries(join(corpus, 'content'));
    const paths = listSources(corpus);
    expect(paths).toHaveLength(240);
    const [serial, parallel] = await Promise.all([processPaths(corpus, paths, registries, 1), processPaths(corpus, paths, registries, 2)]);
    expect(parallel.map((outcome) => outcome.path)).toEqual(paths);
    // Strict: the workers send their outcomes as JSON, which would drop a property set to undefined.
    expect(parallel).toStrictEqual(serial);
    expect(parallel.every((outcome) => outcome.document && !outcome.problems.length)).toBe(true);
  }, 60_000);
});
