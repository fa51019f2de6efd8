/** A worker thread of src/archive/parse-pool.ts: runs the pipeline over its run of paths. */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './parse-pool.ts';
import { loadRegistries } from './registries.ts';
import { processPath } from './sources.ts';

const { root, paths } = workerData as WorkerRequest;
let reply: WorkerReply;
try {
  const registries = loadRegistries(join(root, 'content'));
  reply = { outcomes: paths.map((path) => processPath(root, path, registries)) };
} catch (error) {
  reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
parentPort!.postMessage(reply);
