/**
 * Astro content loader for the archive: runs the pipeline on every file under content/minutes and
 * content/reports and stores the document model, validated by the collection schema.
 *
 * A file whose bytes (and registries) are unchanged since the last build is not parsed again. In the
 * default, lenient build a document with problems is still published with its text, and each problem
 * is logged as `file:line:column message`; with STRICT=1 (or ARCHIVE_STRICT=1) the build stops and
 * lists every problem.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { imageListing } from '../ingest/images.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { PARALLEL_THRESHOLD, processPaths } from '../ingest/parse-pool.ts';
import { listSources, separateDuplicates } from '../ingest/sources.ts';
import type { ArchiveDocument } from '../model/types.ts';
import { handoffFile, writeHandoff } from '../outputs/handoff.ts';
import { loadSiteIdentity, unknownSources } from '../ingest/site-identity.ts';

/** The pipeline's own code: when it changes, every document is parsed again. */
function pipelineCode(root: string): string {
  const files = (readdirSync(join(root, 'src'), { recursive: true }) as string[])
    .filter((file) => /^(?:pipeline|model|schemas)[\\/].*\.ts$/.test(file) && !file.endsWith('.test.ts'))
    .sort();
  return files.map((file) => readFileSync(join(root, 'src', file), 'utf8')).join('\n');
}

export function documentsLoader(options: { strict?: boolean } = {}): Loader {
  return {
    name: 'minutes-archive-documents',
    load: async ({ store, meta, parseData, generateDigest, logger, config }) => {
      const root = fileURLToPath(config.root);
      const strict = options.strict ?? (process.env.STRICT === '1' || process.env.ARCHIVE_STRICT === '1');
      const registries = loadRegistries(join(root, 'content'));
      // Read every build, not part of the digest: the links to originals it gives change no parse.
      const site = loadSiteIdentity(join(root, 'content'));
      // Image files too: whether an image a document names is there decides its model and warnings.
      const registryDigest = generateDigest(JSON.stringify(registries.data) + pipelineCode(root) + imageListing(root));
      const paths = listSources(root);
      const started = Date.now();
      const read: { path: string; digest: string; document: ArchiveDocument; base: { id: string; url: string } }[] = [];
      const problems: string[] = [];
      // Lenient builds log each problem as found; a strict build lists them all at the end.
      const report = (problem: string) => {
        problems.push(problem);
        if (!strict) logger.warn(problem);
      };
      // Unchanged files come from the store; the rest go through the pipeline, on every core.
      const slots: Array<(typeof read)[number] | string> = [];
      for (const path of paths) {
        const digest = generateDigest(generateDigest(readFileSync(join(root, path)).toString('base64')) + registryDigest);
        const cached = meta.get(path);
        const previous = cached ? (JSON.parse(cached) as { digest: string; id: string; base: { id: string; url: string } }) : undefined;
        const entry = previous?.digest === digest ? store.get(previous.id) : undefined;
        // As the pipeline made it: a duplicate's `-2` is given again below, against today's files.
        if (entry && previous) slots.push({ path, digest, document: { ...(entry.data as unknown as ArchiveDocument), ...previous.base }, base: previous.base });
        else slots.push(digest);
      }
      const changed = paths.filter((_, index) => typeof slots[index] === 'string');
      if (changed.length >= PARALLEL_THRESHOLD) logger.info(`parsing ${changed.length} documents on ${Math.min(availableParallelism(), Number(process.env.ARCHIVE_THREADS) || Infinity)} threads`);
      const outcomes = await processPaths(root, changed, registries);
      const parsed = outcomes.length;
      let next = 0;
      for (const [index, slot] of slots.entries()) {
        if (typeof slot !== 'string') {
          // A cached document's problems still stand: a strict build and the summary count them as if parsed.
          slot.document.warnings.forEach(report);
          read.push(slot);
          continue;
        }
        const outcome = outcomes[next++]!;
        outcome.problems.forEach(report);
        if (outcome.document) {
          const { id, url } = outcome.document;
          read.push({ path: paths[index]!, digest: slot, document: outcome.document, base: { id, url } });
        }
      }
      separateDuplicates(read.map((entry) => entry.document)).forEach(report);
      unknownSources(site, paths.map((path) => path.replace(/^content[\\/]/, ''))).forEach(report);
      for (const { document } of read) {
        // A copy: a cached entry's file object is the store's own.
        const { officialUrl: _previous, ...file } = document.file;
        const officialUrl = site.sources[document.source];
        document.file = officialUrl ? { ...file, officialUrl } : file;
      }
      if (strict && problems.length) {
        throw new Error(`${problems.length} problems in content/ (strict build):\n${problems.join('\n')}\nFix the sources, or build without STRICT=1 to publish them with warnings.`);
      }
      store.clear();
      const stored: Record<string, unknown>[] = [];
      for (const { path, digest, document, base } of read) {
        const data = await parseData({ id: document.id, data: document as unknown as Record<string, unknown>, filePath: path });
        store.set({ id: document.id, data, digest, filePath: path });
        meta.set(path, JSON.stringify({ digest, id: document.id, base }));
        stored.push(data);
      }
      // The documents as stored, for the files, cards and index made beside the pages (src/outputs/).
      writeHandoff(handoffFile(config.cacheDir), stored);
      logger.info(
        `${paths.length} documents (${parsed} parsed, ${paths.length - parsed} unchanged) in ${Date.now() - started} ms; ` +
          (problems.length ? `${problems.length} warnings (npm run check lists them all)` : 'no warnings'),
      );
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
        store.set({ id: entry.slug, data: await parseData({ id: entry.slug, data: entry as unknown as Record<string, unknown> }) });
      }
    },
  };
}
