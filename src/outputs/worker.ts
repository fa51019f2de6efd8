/**
 * The outputs worker: a child process of `astro build` (src/integrations/document-outputs.ts) that
 * makes what the site has one of per document, beside the pages Astro renders on one core:
 *
 * 0. it waits for the documents, which the loader hands over at the end of the content sync;
 * 1. the data, search and source files of every document (./document-files.ts);
 * 2. then together: the search index (src/search/build-index.ts, a child process per shard), one
 *    shard at a time until the parent says the pages are done, then one per core; the site's feeds
 *    (./feed-files.ts) and the share cards (./cards.ts), both on this thread.
 *
 * It lowers its own priority, so the pages, which the build waits for, are not slowed by it; the
 * shard processes it starts inherit that. Run as `node src/outputs/worker.ts '<WorkerOptions JSON>'`;
 * it talks to its parent over IPC (WorkerMessage, ParentMessage) and stops if the parent goes away.
 */
import { existsSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { loadPeopleRegistry, loadRegistries } from '../ingest/registries.ts';
import { loadSiteIdentity } from '../ingest/site-identity.ts';
import { readHubDocuments } from '../plan/plan.ts';
import { buildSearchIndex } from '../search/build-index.ts';
import { searchCacheDir } from '../search/shard-cache.ts';
import { registryNames } from '../search/segments.ts';
import { type Shard, shardInput } from '../search/shards.ts';
import { cachedShard } from '../search/build-index.ts';
import { Pool } from '../utils/pool.ts';
import { type CardsResult, writeCards } from './cards.ts';
import { writeDocumentFiles } from './document-files.ts';
import { writeFeedFiles } from './feed-files.ts';
import { readHandoff } from './handoff.ts';

export interface WorkerOptions {
  /** The loader's documents (./handoff.ts). */
  handoff: string;
  /** The site folder Astro is writing. */
  dist: string;
  /** The project root: its content/ holds the sources and registries. */
  root: string;
  /** The share-card cache folder, and the site name the cards show (default content/site.yaml's); no cards when false. */
  cards: false | { cacheDir: string; siteName?: string };
  /**
   * Astro's `site` and `base` for the feeds' links, and in the hub of a planned build the plan's
   * folder, whose documents the feeds list (the hub's handoff holds none: it writes no document's
   * files). No feeds when false: in a part of a planned build they are the hub's.
   */
  feeds: false | { site: string; base: string; plan?: string };
  /** Whether to build the search index (`SEARCH_INDEX=skip` leaves it to scripts/search-index.ts). */
  index: boolean;
  /** Shard builds at once after the pages (before them: one). */
  shardJobs: number;
  /** Documents per search shard. */
  shardSize: number;
  /** Whether unchanged shards come from the cache. */
  searchCache: boolean;
  /**
   * A part of a planned build (src/plan/): the shards of the whole archive, and those of them this
   * part builds from its documents; the files spanning shards are left to the assemble step.
   */
  plannedShards?: { all: Shard[]; build: string[] };
}

export interface WorkerReport {
  documents: number;
  filesMs: number;
  feeds?: { count: number; ms: number };
  cards?: CardsResult;
  index?: { documents: number; shards: number; cached: number; ms: number };
  ms: number;
}

/** From the worker: a line for the build's log, the report at the end, or why it stopped. */
export type WorkerMessage =
  | { type: 'log'; level: 'info' | 'warn'; message: string }
  | { type: 'done'; report: WorkerReport }
  | { type: 'error'; message: string };

/** From the parent: the pages are rendered, every core is the worker's. */
export type ParentMessage = { type: 'pages-done' };

export async function runOutputs(options: WorkerOptions, log: (message: string, level?: 'info' | 'warn') => void, pool: Pool): Promise<WorkerReport> {
  const started = performance.now();
  const documents = readHandoff(options.handoff);
  const registries = loadRegistries(join(options.root, 'content')).data;
  const searches = await writeDocumentFiles(options.dist, join(options.root, 'content'), documents, registryNames(registries.agencies, registries.topics));
  const filesMs = Math.round(performance.now() - started);
  log(`wrote the data, search and source files of ${documents.length} documents in ${filesMs} ms`);
  const report: WorkerReport = { documents: documents.length, filesMs, ms: 0 };
  const feeds = async () => {
    if (!options.feeds) return;
    const feedsStarted = performance.now();
    const { site, base, plan } = options.feeds;
    const content = join(options.root, 'content');
    const count = writeFeedFiles(options.dist, plan ? readHubDocuments(plan).map(({ document }) => document) : documents, {
      site,
      base,
      siteName: loadSiteIdentity(content).name,
      agencies: registries.agencies,
      topics: registries.topics,
      people: loadPeopleRegistry(content),
    });
    report.feeds = { count, ms: Math.round(performance.now() - feedsStarted) };
    log(`wrote ${count} feeds in ${report.feeds.ms} ms`);
  };
  const cards = async () => {
    if (!options.cards) return;
    const { cacheDir, siteName = loadSiteIdentity(join(options.root, 'content')).name } = options.cards;
    report.cards = await writeCards(options.dist, cacheDir, documents, siteName, (message) => log(message, 'warn'));
    log(`drew ${report.cards.drawn} Open Graph cards and reused ${report.cards.reused} from the cache in ${report.cards.ms} ms`);
  };
  const index = async () => {
    if (!options.index) return;
    const indexStarted = performance.now();
    if (options.plannedShards) {
      const { all, build } = options.plannedShards;
      const cacheDir = searchCacheDir(options.root, options.searchCache);
      const mine = all.filter((shard) => build.includes(shard.name));
      const done = await Promise.all(mine.map((shard) => cachedShard(options.dist, all, shard, { cacheDir, pool, log })));
      const documents = mine.reduce((sum, shard) => sum + shard.ids.length, 0);
      const cached = done.filter((shard) => shard.cached).length;
      report.index = { documents, shards: mine.length, cached, ms: Math.round(performance.now() - indexStarted) };
      log(`indexed ${documents} documents in this part's ${mine.length} shard(s) in ${report.index.ms} ms (${cached} from the cache)`);
      return;
    }
    const built = await buildSearchIndex(options.dist, log, {
      documents: searches.map(shardInput),
      pool,
      cacheDir: searchCacheDir(options.root, options.searchCache),
      size: options.shardSize,
    });
    const cached = built.shards.filter((shard) => shard.cached).length;
    report.index = { documents: built.documents, shards: built.shards.length, cached, ms: Math.round(performance.now() - indexStarted) };
    log(`indexed ${built.documents} documents for search in ${report.index.ms} ms (${cached} of ${built.shards.length} shards from the cache)`);
  };
  // The index first: its shard processes start before this thread writes the feeds and draws the cards.
  await Promise.all([index(), feeds(), cards()]);
  report.ms = Math.round(performance.now() - started);
  return report;
}

if (import.meta.main) {
  const send = (message: WorkerMessage) =>
    new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : (console.log(JSON.stringify(message)), resolve())));
  // The options as JSON, inline or (as the build passes them) in a file.
  const given = process.argv[2];
  const options = (given ? JSON.parse(given.startsWith('{') ? given : readFileSync(given, 'utf8')) : null) as WorkerOptions | null;
  if (!options?.handoff || !options.dist || !options.root) {
    console.error(`usage: node src/outputs/worker.ts <options.json | '{"handoff":…,"dist":…,"root":…,"cards":…,"index":…,"shardJobs":…}'>`);
    process.exit(2);
  }
  try {
    setPriority(10);
  } catch {
    // Not allowed here: the worker then competes with the pages as an equal, which costs time, not output.
  }
  const pool = new Pool(1);
  process.on('message', (message: ParentMessage) => message.type === 'pages-done' && pool.setLimit(options.shardJobs));
  let finished = false;
  // The build stopped (an error, Ctrl-C): nothing is waiting for these files any more.
  process.on('disconnect', () => finished || process.exit(1));
  if (!process.send) pool.setLimit(options.shardJobs);
  try {
    // The loader writes the handoff at the end of the content sync; until then there is nothing to do.
    while (!existsSync(options.handoff)) await new Promise((resolve) => setTimeout(resolve, 100));
    const report = await runOutputs(options, (message, level = 'info') => void send({ type: 'log', level, message }), pool);
    await send({ type: 'done', report });
    finished = true;
    // A forked child lives while its IPC channel is open.
    process.disconnect?.();
  } catch (error) {
    await send({ type: 'error', message: (error as Error).stack ?? String(error) });
    process.exit(1);
  }
}
