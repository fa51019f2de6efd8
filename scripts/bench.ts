/**
 * `npm run bench`: how fast the pipeline reads a large archive and how much memory it takes.
 * Generates a synthetic corpus (scripts/generate-corpus.ts) of BENCH_DOCS documents (default 1000)
 * and runs every stage on it, reporting documents per second and peak heap.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistries } from '../src/archive/registries.ts';
import { listSources, processPath } from '../src/archive/sources.ts';

const count = Number(process.env.BENCH_DOCS ?? 1000);
const dir = join(process.cwd(), 'tmp', 'bench-corpus');
rmSync(dir, { recursive: true, force: true });
execFileSync(process.execPath, ['scripts/generate-corpus.ts', String(count), dir], { stdio: 'inherit' });

const registries = loadRegistries(join(dir, 'content'));
const paths = listSources(dir);
let peak = 0;
let warnings = 0;
const started = performance.now();
for (const path of paths) {
  warnings += processPath(dir, path, registries).problems.length;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    documents: paths.length,
    seconds: Number(seconds.toFixed(2)),
    documentsPerSecond: Math.round(paths.length / seconds),
    peakHeapMB: Math.round(peak / 2 ** 20),
    warnings,
  }),
);
rmSync(dir, { recursive: true, force: true });
