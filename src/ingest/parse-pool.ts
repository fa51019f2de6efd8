/**
 * Runs the pipeline over many files on every core: each worker thread (src/ingest/parse-worker.ts)
 * loads the registries itself and takes the files in batches as it finishes the last, and the
 * outcomes come back in the order of the paths. A pipeline run is pure
 * computation over one file (~4 ms), so on two cores a 10,000-document archive parses in half the time.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Registries } from '../pipeline/enrich/index.ts';
import { type SourceOutcome, processPath } from './sources.ts';

/** Below this many files a worker's start-up (loading the pipeline's modules) costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

/** Paths a worker is given at a time: small enough that the workers finish together, large enough that messages cost nothing. */
export const BATCH_SIZE = 50;

export interface WorkerRequest {
  root: string;
}

/** To a worker: a batch to run, or the end of the work. */
export type WorkerTask = { paths: string[] } | { done: true };

/** Outcomes as JSON text: the main thread parses a batch faster than it deserializes the same objects from a structured clone. */
export type WorkerReply = { outcomes: string } | { error: string };

/**
 * One worker thread taking batches from `next` until there are none: documents differ in length,
 * so fixed halves left one core idle for seconds at the end (10,000 documents: 17 s and 23 s).
 */
function runWorker(
  request: WorkerRequest,
  next: () => { index: number; paths: string[] } | undefined,
  done: (index: number, outcomes: SourceOutcome[]) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { workerData: request });
    let current: number | undefined;
    const give = () => {
      const batch = next();
      current = batch?.index;
      worker.postMessage((batch ? { paths: batch.paths } : { done: true }) satisfies WorkerTask);
      if (!batch) resolve();
    };
    worker.on('message', (reply: WorkerReply) => {
      if ('error' in reply) {
        void worker.terminate();
        reject(new Error(reply.error));
        return;
      }
      try {
        done(current!, JSON.parse(reply.outcomes) as SourceOutcome[]);
      } catch (error) {
        // What the taker threw (a plan's writer, say) fails the run, not the process.
        void worker.terminate();
        reject(error);
        return;
      }
      give();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`pipeline worker stopped with exit code ${code}`)));
    give();
  });
}

/**
 * The outcome of every path, in order. `threads` defaults to the machine's cores
 * (the build option `threads`; 1 parses on this thread, as small archives do anyway).
 */
export async function processPaths(root: string, paths: string[], registries: Registries, threads = availableParallelism()): Promise<SourceOutcome[]> {
  const outcomes: SourceOutcome[] = [];
  await streamPaths(root, paths, registries, threads, (outcome) => outcomes.push(outcome));
  return outcomes;
}

/**
 * Hands each path's outcome to `take`, in path order, as soon as it and all before it are done, and
 * keeps none: a batch that finishes early waits only for those before it.
 */
export async function streamPaths(
  root: string,
  paths: string[],
  registries: Registries,
  threads = availableParallelism(),
  take: (outcome: SourceOutcome) => void,
): Promise<void> {
  const workers = Math.min(threads, Math.ceil(paths.length / (PARALLEL_THRESHOLD / 2)));
  if (workers <= 1) {
    for (const path of paths) take(processPath(root, path, registries));
    return;
  }
  const batches = new Map<number, SourceOutcome[]>();
  let handed = 0;
  const done = (index: number, outcomes: SourceOutcome[]) => {
    batches.set(index, outcomes);
    for (let ready = batches.get(handed); ready; ready = batches.get(handed)) {
      batches.delete(handed++);
      for (const outcome of ready) take(outcome);
    }
  };
  let given = 0;
  let failed = false;
  const next = () => {
    // After a failure the other workers are given no more and end.
    if (failed || given * BATCH_SIZE >= paths.length) return undefined;
    const index = given++;
    return { index, paths: paths.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE) };
  };
  const runs = Array.from({ length: workers }, () => runWorker({ root }, next, done));
  runs.forEach((run) => run.catch(() => (failed = true)));
  await Promise.all(runs);
}
