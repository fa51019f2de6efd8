/**
 * The collection of source files the archive could not read (a scanned PDF, an encrypted one, a
 * binary saved with a text name). The lenient build publishes everything else and lists these on
 * /documents/unreadable/ with the reason and the file as published, so nothing is silently dropped;
 * `npm run check` and a strict build fail on them.
 *
 * The list comes from the documents loader's own ingest run (./documents.ts), which the content layer
 * runs alongside this one, so content/ is read once; under `astro dev` it follows each reload.
 */
import type { Loader } from 'astro/loaders';
import type { IngestRun } from '../ingest/ingest.ts';
import { ingestRuns } from './documents.ts';

export function unreadableLoader(): Loader {
  return {
    name: 'minutes-archive-unreadable',
    load: async ({ store, parseData }) => {
      const update = async (run: Pick<IngestRun, 'unreadable'>) => {
        store.clear();
        // One entry holding the list, so that the collection is never empty (Astro warns about an empty one).
        const files = run.unreadable.map((file) => ({ path: file.path.replace(/^content[\\/]/, ''), problem: file.problem, bytes: file.bytes }));
        store.set({ id: 'files', data: await parseData({ id: 'files', data: { files } }) });
      };
      // Later runs (the dev server's reloads, or this very sync if the documents loader starts after this one) call it.
      ingestRuns.listener = update;
      if (ingestRuns.latest) await update(await ingestRuns.latest);
    },
  };
}
