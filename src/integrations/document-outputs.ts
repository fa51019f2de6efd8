/**
 * Makes the per-document outputs of the site beside the pages: the data, search and source files,
 * the share cards, the search index and the feeds (src/outputs/worker.ts). The worker is started with the build
 * and begins as soon as the documents loader hands the documents over (src/outputs/handoff.ts): while
 * Astro writes its content store and bundles, then while it renders the pages on one core, the
 * worker works on the other. When the pages are done it may use every core; the build ends when it does.
 *
 * The build options (src/options.ts) say whether to draw the share cards and build the index, and
 * how (README: "Search index in shards").
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { OG_CACHE_DIR } from '../outputs/cards.ts';
import { leftovers, moveAside, removeInBackground } from '../outputs/empty-dist.ts';
import { handoffFile } from '../outputs/handoff.ts';
import type { ParentMessage, WorkerMessage, WorkerOptions, WorkerReport } from '../outputs/worker.ts';
import type { BuildOptions } from '../options.ts';
import { shardJobs } from '../search/build-index.ts';
import { readPlan } from '../plan/plan.ts';

const WORKER = fileURLToPath(new URL('../outputs/worker.ts', import.meta.url));

interface Running {
  child: ChildProcess;
  /** Resolves with the worker's report, rejects with why it stopped. */
  finished: Promise<WorkerReport>;
}

export function startWorker(options: WorkerOptions, logger: AstroIntegrationLogger): Running {
  // The options go in a file beside the handoff: a part of a 100,000-document plan names ~10,000
  // documents of its shards, past the kernel's 128 KiB limit on one argument (spawn E2BIG).
  const optionsFile = `${options.handoff}.options.json`;
  mkdirSync(dirname(optionsFile), { recursive: true });
  writeFileSync(optionsFile, JSON.stringify(options));
  const child = fork(WORKER, [optionsFile], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let report: WorkerReport | undefined;
  let failure: string | undefined;
  const finished = new Promise<WorkerReport>((resolve, reject) => {
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'log') logger[message.level](message.message);
      else if (message.type === 'done') report = message.report;
      else failure = message.message;
    });
    child.on('error', (error) => reject(new Error(`the outputs worker (${WORKER}) could not run: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (report && code === 0) resolve(report);
      else
        reject(
          new Error(
            `the outputs worker stopped (${signal ?? `exit code ${code}`}) before the search index, share cards and document files were complete${failure ? `:\n${failure}` : ''}`,
          ),
        );
    });
  });
  // Reported at build:done; until then a failure must not be an unhandled rejection.
  finished.catch(() => {});
  return { child, finished };
}

/** The site's public URL, which every feed link starts with. */
function feedSite(site: string | undefined): string {
  if (!site) throw new Error('feeds need the site URL (`url` in content/site.yaml, or SITE_URL)');
  return site;
}

/** In a part of a planned build, the shards it builds (the hub builds none: its index option is off). */
function plannedShards({ plan }: BuildOptions): Pick<WorkerOptions, 'plannedShards'> {
  if (!plan || plan.part === 'hub') return {};
  const { searchShards, parts } = readPlan(plan.dir);
  const part = parts[plan.part];
  if (!part) throw new Error(`ARCHIVE_PART=${plan.part}: the plan in ${plan.dir} has parts 0 to ${parts.length - 1}`);
  return { plannedShards: { all: searchShards, build: part.shards } };
}

export default function documentOutputs(options: BuildOptions & { siteName?: string }): AstroIntegration {
  let building = false;
  let running: Running | undefined;
  let pagesDone: number | undefined;
  let toRemove: string[] = [];
  return {
    name: 'minutes-archive-document-outputs',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        // The worker writes into the output folder before Astro would empty it (after the content
        // sync): the folder is emptied here instead, at the start.
        if (building) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config, logger }) => {
        if (!building) return;
        const root = fileURLToPath(config.root);
        const dist = fileURLToPath(config.outDir);
        const handoff = handoffFile(config.cacheDir);
        // The last build's files are moved aside and deleted after this build (src/outputs/empty-dist.ts).
        const earlier = leftovers(dist);
        const aside = moveAside(dist);
        toRemove = aside ? [...earlier, aside] : earlier;
        // The worker starts on the documents as soon as the loader hands this file over.
        rmSync(handoff, { force: true });
        const { cards } = options;
        // The hub of a planned build indexes nothing: the parts build the shards, the assemble step the rest.
        const index = options.index && options.plan?.part !== 'hub';
        if (!cards) logger.warn('OG_CARDS=0: no Open Graph cards drawn');
        if (!options.index) logger.warn('SEARCH_INDEX=skip: no search index built');
        running = startWorker(
          {
            handoff,
            dist,
            root,
            cards: cards && { cacheDir: join(root, OG_CACHE_DIR), siteName: options.siteName },
            // A part of a planned build leaves the feeds, which span documents, to the hub.
            feeds:
              typeof options.plan?.part === 'number'
                ? false
                : { site: feedSite(config.site), base: config.base, ...(options.plan ? { plan: options.plan.dir } : {}) },
            index,
            shardJobs: shardJobs(options.shardJobs),
            shardSize: options.shardSize,
            searchCache: options.searchCache,
            ...plannedShards(options),
          },
          logger,
        );
      },
      // The pages are written: every core is the worker's (before the sitemap and build:done hooks).
      'astro:build:generated': () => {
        running?.child.send({ type: 'pages-done' } satisfies ParentMessage, () => {});
        pagesDone = performance.now();
      },
      'astro:build:done': async ({ logger }) => {
        if (!running) throw new Error('the outputs worker was never started (astro:config:done did not run for this build)');
        const waited = pagesDone ?? performance.now();
        running.child.send({ type: 'pages-done' } satisfies ParentMessage, () => {});
        const report = await running.finished.finally(() => removeInBackground(toRemove));
        logger.info(
          `outputs of ${report.documents} documents complete ${Math.round(performance.now() - waited)} ms after the pages (worker ran ${report.ms} ms)`,
        );
      },
    },
  };
}
