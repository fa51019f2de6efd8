/** A worker thread of src/ingest/parse-pool.ts: runs the pipeline over each batch of paths it is given. */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest, WorkerTask } from './parse-pool.ts';
import type { Registries } from '../pipeline/enrich/index.ts';
import { loadRegistries } from './registries.ts';
import { processPath } from './sources.ts';

const { root } = workerData as WorkerRequest;
let registries: Registries | undefined;
parentPort!.on('message', (task: WorkerTask) => {
  if ('done' in task) return parentPort!.close();
  let reply: WorkerReply;
  try {
    registries ??= loadRegistries(join(root, 'content'));
    reply = { outcomes: JSON.stringify(task.paths.map((path) => processPath(root, path, registries!))) };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
