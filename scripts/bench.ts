/**
 * `npm run bench [-- --count N] [--seed S] [--keep] [--queries FILE] [--query Q] [--query2 Q]`:
 * builds the site for N generated documents (default 1,000) and measures it beside stock Astro +
 * Pagefind over the same documents in the same run: stage times, peak RSS per process, output and
 * index size, and the bytes a first (cold) and a second (warm) search transfer from a
 * gzip-compressing server in Chromium.
 * Prints a markdown table and writes tmp/bench-<N>.json; each build's whole output goes to
 * tmp/bench-<N>-logs/. The work folder (tmp/bench-<N>-…/) is removed unless --keep.
 *
 * Modules in scripts/bench/: corpus (generated archive project), build (run a step under
 * /usr/bin/time, stage times from its log, dist sizes), rss (/proc sampler), stock (the baseline
 * project), queries (which two are typical), serve-gzip, query-bytes (Chromium), table,
 * page-sizes (the largest HTML page of each page type).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { launchBrowser } from './lib/browser.ts';
import { type Stages, type StepRun, astroStages, distStats, runStep } from './bench/build.ts';
import { corpusProject } from './bench/corpus.ts';
import { type Typical, readQueries, typicalQueries } from './bench/queries.ts';
import { type SearchCost, type SearchPage, archiveSearchPage, measureSearch, stockSearchPage } from './bench/query-bytes.ts';
import { type GzipServer, serveGzip } from './bench/serve-gzip.ts';
import { stockProject } from './bench/stock.ts';
import { type SideFigures, markdownTable, ratios } from './bench/table.ts';
import { measurePdfImport, pdfImportLine } from './bench/pdf-import.ts';
import { PAGE_BUDGET_KB, largestPages, pageSizeTable } from './bench/page-sizes.ts';

const root = resolve(import.meta.dirname, '..');

const OPTIONS = ['count', 'seed', 'keep', 'queries', 'query', 'query2'];

function parseArgs(args: string[]) {
  const named = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.slice(2).split('=', 2);
    if (!arg.startsWith('--') || !OPTIONS.includes(name!))
      throw new Error(`unknown argument “${arg}”; options: ${OPTIONS.map((option) => `--${option}`).join(' ')}`);
    named.set(name!, inline ?? (name === 'keep' ? 'true' : (args[++i] ?? '')));
  }
  // BENCH_DOCS: what the first version of this script read.
  const count = Number(named.get('count') ?? process.env.BENCH_DOCS ?? 1000);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive whole number, got “${named.get('count')}”`);
  return {
    count,
    seed: named.get('seed') ?? '1',
    keep: named.has('keep'),
    queries: resolve(named.get('queries') ?? resolve(root, 'tests/fixtures/search/queries.tsv')),
    query: named.get('query'),
    query2: named.get('query2'),
  };
}

/** --query and --query2, else the typical queries of the query set (./bench/queries.ts). */
function chooseQueries(options: ReturnType<typeof parseArgs>, dist: string): Typical {
  const queries = readQueries(options.queries);
  let typical: Typical = { first: queries[0]!, second: queries[1] ?? queries[0]!, matches: {} };
  try {
    typical = typicalQueries(queries, dist);
    const { first, second, matches } = typical;
    progress(`queries: of ${queries.length}, the median by documents holding them: 「${first}」 (${matches[first]}), 「${second}」 (${matches[second]})`);
  } catch (error) {
    progress(`queries: could not rank them (${(error as Error).message}); taking the first two`);
  }
  return { ...typical, first: options.query ?? typical.first, second: options.query2 ?? typical.second };
}

const progress = (message: string) => console.log(`bench: ${message}`);

/** The build's environment: a root build (BASE_PATH=/), lenient, no telemetry call. */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: '/', ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of ['NODE_ENV', 'STRICT', 'ARCHIVE_STRICT', 'OG_CARDS']) delete env[name];
  return env;
}

// Progress worth repeating from each build's output (the whole of it goes to the log).
const OURS_ECHO =
  /\d*000\/\d+ documents read|parsing \d+ documents|documents \(\d+ parsed|generating static routes|✓ Completed in|indexing \d+ documents|shard .*documents in|indexed \d+ documents|Open Graph cards|data, search and source files|after the pages|page\(s\) built in/;
const STOCK_ECHO = /Syncing content|Synced content|generating static routes|✓ Completed in|page\(s\) built in|Indexed \d+ pages|Finished in/;

const peak = (runs: StepRun[], value: (run: StepRun) => number | undefined) => {
  const values = runs.map(value).filter((entry): entry is number => entry !== undefined);
  return values.length ? Math.max(...values) : undefined;
};

function figures(runs: StepRun[], dist: string, stages: Stages, search: Partial<SearchCost>, extra: Partial<SideFigures> = {}): SideFigures {
  const size = distStats(dist);
  return {
    documents: stages.documents,
    pages: size.pages,
    loadS: stages.loadS,
    renderS: stages.renderS,
    filesS: stages.filesS,
    cardsS: stages.cardsS,
    indexS: stages.indexS,
    afterPagesS: stages.afterPagesS,
    totalS: runs.reduce((sum, run) => sum + run.wallMs, 0) / 1000,
    timeMaxRssKb: peak(runs, (run) => run.timeMaxRssKb),
    nodeRssKb: peak(runs, (run) => run.rss.peakNodeKb) ?? 0,
    pagefindRssKb: peak(runs, (run) => run.rss.peakPagefindKb) ?? 0,
    // The steps ran one after the other: the largest of their sums.
    sumRssKb: peak(runs, (run) => run.rss.peakSumKb) ?? 0,
    distBytes: size.bytes,
    distFiles: size.files,
    indexBytes: size.indexBytes,
    indexFiles: size.indexFiles,
    ...search,
    ...extra,
  };
}

/** What the JSON keeps of a step: its figures and its largest processes, not its log. */
const stepSummary = (run: StepRun) => ({
  wallS: Number((run.wallMs / 1000).toFixed(2)),
  timeMaxRssKb: run.timeMaxRssKb ?? null,
  rss: { ...run.rss, processes: run.rss.processes.slice(0, 8) },
  log: relative(root, run.log),
});

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const { count } = options;
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const work = mkdtempSync(join(root, 'tmp', `bench-${count}-`));
  const logs = join(root, 'tmp', `bench-${count}-logs`);
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(logs);
  const cleanUp = () => (options.keep ? progress(`kept ${relative(root, work)}`) : rmSync(work, { recursive: true, force: true }));
  // Ctrl-C reaches the builds too (same process group); the work folder would stay behind.
  process.once('SIGINT', () => {
    try {
      cleanUp();
    } finally {
      process.exit(130);
    }
  });
  const env = buildEnv();
  const started = performance.now();
  try {
    progress(`${count} documents, seed ${options.seed}, in ${relative(root, work)} (logs in ${relative(root, logs)})`);
    const ours = corpusProject({ root, dir: join(work, 'ours'), count, seed: options.seed, isolateCaches: true });
    const stock = join(work, 'stock');
    progress(`stock project: ${stockProject(root, join(ours, 'content'), stock)} documents copied as markdown`);

    progress('ours: astro build (documents loader, pages, Pagefind index, Open Graph cards; card cache empty)');
    const astro = (project: string) => join(project, 'node_modules', 'astro', 'bin', 'astro.mjs');
    const oursBuild = await runStep('ours', process.execPath, [astro(ours), 'build'], {
      cwd: ours,
      env,
      log: join(logs, 'ours-build.log'),
      echo: (line) => OURS_ECHO.test(line),
    });
    progress('stock: astro build');
    const stockBuild = await runStep('stock', process.execPath, [astro(stock), 'build'], {
      cwd: stock,
      env,
      log: join(logs, 'stock-build.log'),
      echo: (line) => STOCK_ECHO.test(line),
    });
    progress('stock: pagefind --site dist');
    const stockIndex = await runStep('stock', join(stock, 'node_modules', '.bin', 'pagefind'), ['--site', 'dist'], {
      cwd: stock,
      env,
      log: join(logs, 'stock-pagefind.log'),
      echo: (line) => STOCK_ECHO.test(line),
    });

    const queries = chooseQueries(options, join(ours, 'dist'));
    const { first, second } = queries;
    progress(
      `search: serving both sites with gzip (node:zlib, level 6) on 127.0.0.1; 「${first}」 on a cold page, then 「${second}」 in the same page, in headless Chromium`,
    );
    const oursSite = await serveGzip(join(ours, 'dist'));
    const stockSite = await serveGzip(join(stock, 'dist'));
    const browser = await launchBrowser();
    // A search page that fails costs its figures (n/a), not the builds measured before it.
    const search = (label: string, page: SearchPage, server: GzipServer) =>
      measureSearch(browser, page, first, second, server).catch((error: unknown) => {
        progress(`search on ${label} failed, its figures are n/a: ${error instanceof Error ? error.message : String(error)}`);
        return {};
      });
    let oursSearch: Partial<SearchCost>;
    let stockSearch: Partial<SearchCost>;
    try {
      oursSearch = await search('ours', archiveSearchPage(oursSite.url), oursSite);
      stockSearch = await search('stock', stockSearchPage(stockSite.url), stockSite);
    } finally {
      await browser.close();
      await oursSite.close();
      await stockSite.close();
    }

    const oursStages = astroStages(oursBuild.lines);
    const stockStages = astroStages(stockBuild.lines);
    const indexed = stockIndex.lines.map((line) => /Indexed (\d+) pages/.exec(line.text)).find(Boolean);
    const oursFigures = figures([oursBuild], join(ours, 'dist'), oursStages, oursSearch);
    const stockFigures = figures([stockBuild, stockIndex], join(stock, 'dist'), stockStages, stockSearch, {
      documents: indexed ? Number(indexed[1]) : undefined,
      indexS: stockIndex.wallMs / 1000,
    });

    const table = markdownTable(oursFigures, stockFigures, queries);
    console.log(`\n## Benchmark: ${count} documents (seed ${options.seed}), Node ${process.version}\n`);
    console.log(table);
    console.log(
      `\nours: the archive's build (loader and pipeline, pages, Pagefind over character pair and triple tokens, share cards drawn: ${oursStages.cardsDrawn ?? 'n/a'}, reused: ${oursStages.cardsReused ?? 'n/a'}).` +
        "\nstock: Astro glob() over the same files as markdown, one page each, then `pagefind --site dist`; its index stage is the CLI's wall time, its total the build's plus the CLI's." +
        "\nQueries: served gzipped like a static host (text types only; Pagefind's own files are gzip already); bytes are headers + bodies as transferred, per Chromium.",
    );
    // Listings that grow with the archive show here as their type's largest page growing with N.
    const pageTypes = largestPages(join(ours, 'dist'), join(ours, 'src', 'pages'));
    console.log(
      `\nLargest HTML page per page type (route), ours (budget ${PAGE_BUDGET_KB} KB at 10,000 documents):\n\n${pageSizeTable(pageTypes, PAGE_BUDGET_KB)}`,
    );
    // The sample originals: the generated archive is text only, so PDF import is measured on its own.
    const pdfImport = measurePdfImport(root);
    console.log(`\n${pdfImportLine(pdfImport, oursFigures.totalS, count)}`);
    const out = join(root, 'tmp', `bench-${count}.json`);
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      documents: count,
      seed: options.seed,
      served: 'gzip (node:zlib level 6) for text types, as a static host; Pagefind index files as they are',
      queries: { cold: first, warm: second, documentsHolding: queries.matches },
      ours: { ...oursFigures, stages: oursStages, steps: { build: stepSummary(oursBuild) } },
      stock: { ...stockFigures, stages: stockStages, steps: { build: stepSummary(stockBuild), pagefind: stepSummary(stockIndex) } },
      ratios: ratios(oursFigures, stockFigures),
      pdfImport,
      pageTypes,
      table,
    };
    writeFileSync(out, `${JSON.stringify(report, null, 1)}\n`);
    progress(`wrote ${relative(root, out)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    cleanUp();
  }
}

try {
  await main();
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
