/**
 * Astro content loader for the archive: stores the documents that {@link ingest} reads from
 * content/minutes and content/reports, validated by the collection schema.
 *
 * A file whose digest is unchanged since the last build comes from the store instead of the pipeline.
 * In the default, lenient build a document with problems is still published with its text, and each
 * problem is logged as `file:line:column message`; a strict build stops and lists every problem.
 * Under `astro dev` a change to a document or a registry loads the archive again, so the page shows it.
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { PARALLEL_THRESHOLD } from '../ingest/parse-pool.ts';
import { type IngestRun, ingest } from '../ingest/ingest.ts';
import { sampleIdentityFields, sampleIdentityMessage } from '../ingest/sample-identity.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { isSourcePath } from '../ingest/sources.ts';
import type { ArchiveDocument } from '../model/types.ts';
import { handoffFile, writeHandoff } from '../outputs/handoff.ts';
import type { PlanPart } from '../options.ts';
import { readPlan, readPlannedDocuments } from '../plan/plan.ts';

export interface DocumentsLoaderOptions {
  /** Build one part of a plan (`npm run plan`) instead of reading content/: its documents, or all of them for the hub. */
  plan?: PlanPart;
  /** Stop on any problem, listing them all (`STRICT=1`). */
  strict?: boolean;
  /** Worker threads for parsing (`ARCHIVE_THREADS`; default every core). */
  threads?: number;
}

/**
 * The documents loader's ingest runs, for the collection of unreadable files (./unreadable.ts): it
 * lists what this run could not read rather than reading content/ a second time.
 */
export const ingestRuns: { latest?: Promise<Pick<IngestRun, 'unreadable'>>; listener?: (run: Pick<IngestRun, 'unreadable'>) => Promise<void> } = {};

/** What the loader keeps per source path between runs: the digest it was read with and the id and URL the pipeline gave it. */
interface Kept {
  digest: string;
  id: string;
  base: { id: string; url: string };
}

async function loadDocuments({ store, meta, parseData, logger, config }: LoaderContext, options: DocumentsLoaderOptions): Promise<void> {
  const root = fileURLToPath(config.root);
  const started = Date.now();
  const pending = ingest({
    root,
    threads: options.threads,
    // Lenient builds log each problem as found; a strict build lists them all at the end.
    onProblem: options.strict ? undefined : (problem) => logger.warn(problem),
    cached: (path, digest) => {
      const kept = meta.get(path);
      const previous = kept ? (JSON.parse(kept) as Kept) : undefined;
      const entry = previous?.digest === digest ? store.get(previous.id) : undefined;
      // As the pipeline made it: a duplicate's `-2` is given again, against today's files.
      // The store holds what the collection schema validated when it was set.
      return entry && previous ? { ...(entry.data as ArchiveDocument), ...previous.base } : undefined;
    },
  });
  ingestRuns.latest = pending;
  const run = await pending;
  await ingestRuns.listener?.(run);
  const parsed = run.documents.filter((entry) => entry.parsed);
  if (parsed.length >= PARALLEL_THRESHOLD) logger.info(`parsed ${parsed.length} documents on ${options.threads ?? 'every'} thread(s)`);
  // A strict build is one fit to publish: a sample identity stops it too, listed with the content problems.
  const sample = options.strict && config.site ? sampleIdentityFields(run.site, config.site) : [];
  if (options.strict && (run.problems.length || sample.length)) {
    const problems = run.problems.length ? [`${run.problems.length} problems in content/ (strict build):`, ...run.problems] : [];
    if (sample.length) problems.push(sampleIdentityMessage(sample));
    throw new Error(`${problems.join('\n')}\nFix them, or build without STRICT=1 to publish with warnings.`);
  }
  store.clear();
  const stored: Record<string, unknown>[] = [];
  for (const { path, digest, document, base } of run.documents) {
    const data = await parseData({ id: document.id, data: document, filePath: path });
    store.set({ id: document.id, data, digest, filePath: path });
    meta.set(path, JSON.stringify({ digest, id: document.id, base } satisfies Kept));
    stored.push(data);
  }
  // The documents as stored, for the files, cards and index made beside the pages (src/outputs/).
  writeHandoff(handoffFile(config.cacheDir), stored);
  logger.info(
    `${run.sources} documents (${parsed.length} parsed, ${run.sources - parsed.length} unchanged) in ${Date.now() - started} ms; ` +
      (run.problems.length ? `${run.problems.length} warnings (npm run check lists them all)` : 'no warnings') +
      (run.notes.length ? `; ${run.notes.length} note${run.notes.length === 1 ? '' : 's'} on the sources as published (npm run check lists them)` : ''),
  );
}

/**
 * A part of a planned build: the documents come from the plan as ingest read them on the plan's
 * machine, validated and stored as {@link loadDocuments} does, so the pages are the same. The hub
 * stores none: its pages read the plan themselves (src/site/archive.ts, getStoredDocuments), and it
 * makes no document's files.
 */
async function loadPlanned({ store, parseData, logger, config }: LoaderContext, { dir, part }: PlanPart): Promise<void> {
  const started = Date.now();
  const plan = readPlan(dir);
  ingestRuns.latest = Promise.resolve({ unreadable: plan.unreadable });
  await ingestRuns.listener?.({ unreadable: plan.unreadable });
  store.clear();
  if (part === 'hub') {
    writeHandoff(handoffFile(config.cacheDir), []);
    logger.info(`the hub's pages read the ${plan.documentUrls.length} documents of the plan in ${dir}; ${plan.problems.length} warnings in the plan`);
    return;
  }
  const stored: Record<string, unknown>[] = [];
  for (const { path, digest, document } of readPlannedDocuments(dir, part)) {
    const data = await parseData({ id: document.id, data: document, filePath: path });
    store.set({ id: document.id, data, digest, filePath: path });
    stored.push(data);
  }
  writeHandoff(handoffFile(config.cacheDir), stored);
  logger.info(`${stored.length} documents of part ${part} from ${dir} in ${Date.now() - started} ms; ${plan.problems.length} warnings in the plan`);
}

/** Dev-server watchers already listening: a loader may run again, a listener must not pile up. */
const watching = new WeakSet<object>();

export function documentsLoader(options: DocumentsLoaderOptions = {}): Loader {
  return {
    name: 'minutes-archive-documents',
    load: async (context) => {
      if (options.plan) return loadPlanned(context, options.plan);
      await loadDocuments(context, options);
      const { watcher, logger, config } = context;
      if (!watcher || watching.has(watcher)) return;
      watching.add(watcher);
      const root = fileURLToPath(config.root);
      const content = join(root, 'content');
      watcher.add(content);
      // One reload at a time; changes made while one runs are picked up by one more.
      let running: Promise<void> | undefined;
      let again = false;
      const reload = async (changed: string) => {
        const path = relative(root, changed);
        if (!isSourcePath(path) && !/^content[\\/][^\\/]+\.ya?ml$/.test(path)) return;
        if (running) return void (again = true);
        do {
          again = false;
          running = loadDocuments(context, options)
            .then(() => logger.info(`reloaded the archive after a change to ${path}`))
            // A mistake made while the dev server runs is logged; the last good archive stays.
            .catch((error: Error) => logger.error(error.message));
          await running;
        } while (again);
        running = undefined;
      };
      for (const event of ['change', 'add', 'unlink'] as const) watcher.on(event, (changed: string) => void reload(changed));
    },
  };
}

/** Loads a registry (agencies or topics) as a collection keyed by slug. */
export function registryLoader(name: 'agencies' | 'topics'): Loader {
  return {
    name: `minutes-archive-${name}`,
    load: async ({ store, parseData, config }) => {
      const data = loadRegistries(join(fileURLToPath(config.root), 'content')).data[name];
      store.clear();
      for (const entry of data) {
        store.set({ id: entry.slug, data: await parseData({ id: entry.slug, data: entry }) });
      }
    },
  };
}
