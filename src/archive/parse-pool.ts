/**
 * Runs the pipeline over many files on every core: the files are dealt into one contiguous run per
 * worker thread (src/archive/parse-worker.ts), each worker loads the registries itself and returns
 * its outcomes, and the outcomes come back in the order of the paths. A pipeline run is pure
 * computation over one file (~4 ms), so on two cores a 10,000-document archive parses in half the time.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Registries } from '../pipeline/enrich/index.ts';
import { type SourceOutcome, processPath } from './sources.ts';

/** Below this many files a worker's start-up (loading the pipeline's modules) costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

export interface WorkerRequest {
  root: string;
  paths: string[];
}

export type WorkerReply = { outcomes: SourceOutcome[] } | { error: string };

function runWorker(request: WorkerRequest): Promise<SourceOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { workerData: request });
    worker.once('message', (reply: WorkerReply) => {
      void worker.terminate();
      if ('error' in reply) reject(new Error(reply.error));
      else resolve(reply.outcomes);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`pipeline worker stopped with exit code ${code}`)));
  });
}

/**
 * The outcome of every path, in order. `threads` defaults to the machine's cores
 * (`ARCHIVE_THREADS` overrides it; 1 parses on this thread, as small archives do anyway).
 */
export async function processPaths(root: string, paths: string[], registries: Registries, threads = Number(process.env.ARCHIVE_THREADS) || availableParallelism()): Promise<SourceOutcome[]> {
  const workers = Math.min(threads, Math.ceil(paths.length / (PARALLEL_THRESHOLD / 2)));
  if (workers <= 1) return paths.map((path) => processPath(root, path, registries));
  const size = Math.ceil(paths.length / workers);
  const runs = Array.from({ length: workers }, (_, index) => paths.slice(index * size, (index + 1) * size));
  return (await Promise.all(runs.map((run) => runWorker({ root, paths: run })))).flat();
}
