/**
 * `npm run eval:search`: measures search quality and cost the way a user and a tool meet them.
 * Builds the site (or a generated corpus: `-- --corpus 1000`; or takes a built site as it is:
 * `-- --no-build`, `-- --dist DIR`), serves it on loopback gzipping as static hosts do
 * (scripts/bench/serve-gzip.ts), runs every query of tests/fixtures/search/queries.tsv (or
 * `-- --queries file`) through the real search code in headless Chromium, and reports per query and
 * overall: recall and precision of all results, the time and bytes to the first page of ten (cold:
 * a fresh browser context; warm: Pagefind loaded by another query) and to all results (cold), the
 * count (exact or estimated, and counted exactly on request), and the same all-results search with
 * stock Pagefind indexing the same pages' HTML (`-- --no-stock` leaves it out).
 *
 * A document is relevant to a query when every white-space separated term, folded (NFKC, 臺≡台,
 * case, white space), occurs in its folded published text: the words its page shows, read from the
 * page's HTML (scripts/bench/published-text.ts), not from the search files the search is built from.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fold, queryTerms } from '../src/search/fold.ts';
import type { SearchDocument } from '../src/search/segments.ts';
import { launchBrowser } from './lib/browser.ts';
import { corpusProject } from './bench/corpus.ts';
import { foldedPublishedText } from './bench/published-text.ts';
import { readQueries } from './bench/queries.ts';
import { trackTransferred } from './bench/query-bytes.ts';
import { serveGzip } from './bench/serve-gzip.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const corpus = option('--corpus');
const queriesFile = option('--queries') ?? resolve(root, 'tests/fixtures/search/queries.tsv');
const withStock = !args.includes('--no-stock');
const PAGE = 10;

function build(): string {
  const given = option('--dist');
  if (given) return resolve(given);
  if (!corpus) {
    if (!args.includes('--no-build')) execFileSync('npx', ['astro', 'build'], { stdio: 'inherit', env: { ...process.env, BASE_PATH: '/' } });
    return join(root, 'dist');
  }
  // A generated corpus builds in its own project folder, sharing this one's code.
  const project = join(root, 'tmp', `eval-corpus-${corpus}`);
  if (!args.includes('--no-build')) {
    corpusProject({ root, dir: project, count: Number(corpus) });
    execFileSync('npx', ['astro', 'build'], { cwd: project, stdio: 'inherit', env: { ...process.env, BASE_PATH: '/' } });
  }
  return join(project, 'dist');
}

/** Stock Pagefind over the same document pages' HTML, into dist/_stock/pagefind. */
async function buildStock(dist: string): Promise<void> {
  const { index } = await pagefind.createIndex({ excludeSelectors: ['.site-header', '.site-footer', 'nav', '.cite', '.chips'] });
  try {
    const response = await index!.addDirectory({ path: dist, glob: '{minutes,reports}/**/*.html' });
    if (response.errors.length) throw new Error(response.errors.join('; '));
    const written = await index!.writeFiles({ outputPath: join(dist, '_stock', 'pagefind') });
    if (written.errors.length) throw new Error(written.errors.join('; '));
  } finally {
    await pagefind.close();
  }
}

interface Cost {
  ms: number;
  bytes: number;
  requests: number;
  kinds?: Record<string, { bytes: number; requests: number }>;
}

/** Runs `run` in a page already loaded, counting every byte the context receives until it is quiet. */
async function measure<T>(context: BrowserContext, run: () => Promise<T>): Promise<T & Cost> {
  const transferred = trackTransferred(context);
  const started = performance.now();
  const result = await run();
  const ms = Math.round(performance.now() - started);
  await transferred.idle(200);
  return { ...result, ms, ...(await transferred.take()) };
}

/** A fresh context (nothing cached) with the search page loaded and ready. */
async function searchPage(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'archiveSearch' in window);
  return { context, page };
}

type ArchiveWindow = {
  archiveSearch: (q: string, f: object, o: object) => Promise<Array<{ url: string; subResults?: Array<{ url: string }> }>>;
  archiveSearchCount: (q: string, f: object, o: object) => Promise<{ total: number; exact: boolean; candidates: number; checked: number }>;
};

const archiveSearch = (page: Page, query: string, options: object) =>
  page.evaluate(
    async ([q, o]) => {
      const results = await (window as unknown as ArchiveWindow).archiveSearch(q, {}, o);
      return {
        urls: results.map((result) => new URL(result.url, location.href).pathname),
        firstSubResults: results.map((result) => result.subResults?.[0]?.url ?? ''),
      };
    },
    [query, options] as const,
  );

/** The count the search page shows (a build from before counts existed: -1). */
const archiveCount = (page: Page, query: string, exact: boolean) =>
  page.evaluate(
    ([q, e]) => {
      const archive = window as unknown as Partial<ArchiveWindow>;
      return archive.archiveSearchCount ? archive.archiveSearchCount(q, {}, { exact: e }) : { total: -1, exact: false, candidates: -1, checked: -1 };
    },
    [query, exact] as const,
  );

interface Row {
  query: string;
  relevant: number;
  found: number;
  recall: number;
  precision: number;
  /** The first page is the first ten of all results, in order. */
  pageIsSlice: boolean;
  /** The first page is the same in a fresh browser and after another query loaded (and merged) the index. */
  orderStable: boolean;
  /** The search page (/search/?q=…) lists the same first page as `window.archiveSearch`. */
  pageMatchesApi: boolean;
  /** Each first sub-result of the first page points at a segment holding a term. */
  subResultsOk: boolean;
  firstCold: Cost;
  firstWarm: Cost;
  all: Cost;
  count: { total: number; exact: boolean; candidates: number; checked: number; exactTotal: number; exactMs: number };
  stock?: { found: number; recall: number; precision: number } & Cost;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const worst = (values: number[]) => Math.max(0, ...values);
/** Mean bytes and requests per query of each kind of file. */
const meanKinds = (costs: Cost[]) => {
  const sums: Record<string, { bytes: number; requests: number }> = {};
  for (const { kinds = {} } of costs) {
    for (const [kind, { bytes, requests }] of Object.entries(kinds)) {
      sums[kind] ??= { bytes: 0, requests: 0 };
      sums[kind].bytes += bytes;
      sums[kind].requests += requests;
    }
  }
  const n = Math.max(1, costs.length);
  return Object.fromEntries(
    Object.entries(sums)
      .sort(([, a], [, b]) => b.bytes - a.bytes)
      .map(([kind, { bytes, requests }]) => [kind, { bytes: Math.round(bytes / n), requests: Number((requests / n).toFixed(1)) }]),
  );
};
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

async function main() {
  const dist = build();
  if (withStock) await buildStock(dist);
  const documents = readdirSync(join(dist, 'search', 'docs')).map(
    (file) => JSON.parse(readFileSync(join(dist, 'search', 'docs', file), 'utf8')) as SearchDocument,
  );
  // Every document the site publishes (its open-data list), whether or not it has a search file.
  const published = (JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8')) as { documents: Array<{ url: string }> }).documents;
  const folded = published.map(({ url }) => ({ url, text: foldedPublishedText(dist, url) }));
  const queries = readQueries(queriesFile);

  const site = await serveGzip(dist);
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    for (const [index, query] of queries.entries()) {
      const terms = queryTerms(query);
      const relevant = new Set(folded.filter(({ text }) => terms.every((term) => text.includes(term))).map(({ url }) => url));
      const searchUrl = `${site.url}search/`;

      // The first page, cold: a fresh context, Pagefind not loaded yet.
      let open = await searchPage(browser, searchUrl);
      const firstCold = await measure(open.context, () => archiveSearch(open.page, query, { limit: PAGE }));
      // The count the search page shows after its first page.
      const count = await archiveCount(open.page, query, false);
      await open.context.close();
      // The first page, warm: Pagefind loaded by another query first.
      open = await searchPage(browser, searchUrl);
      await archiveSearch(open.page, queries[(index + 1) % queries.length]!, { limit: PAGE });
      const firstWarm = await measure(open.context, () => archiveSearch(open.page, query, { limit: PAGE }));
      // The search page itself, in the same browser: what it lists for the query.
      await open.page.goto(`${searchUrl}?q=${encodeURIComponent(query)}`);
      await open.page.waitForFunction(() => !/^(|搜尋中…)$/.test(document.getElementById('search-status')?.textContent ?? ''));
      // A result's title is its heading's link (src/pages/search/index.astro `item`).
      const listed = await open.page.$$eval('#search-results > li > h2 > a', (links) =>
        links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
      );
      await open.context.close();
      // Every result, cold, then the count the search page shows, then the exact count.
      open = await searchPage(browser, searchUrl);
      const all = await measure(open.context, () => archiveSearch(open.page, query, {}));
      const started = performance.now();
      const exactTotal = (await archiveCount(open.page, query, true)).total;
      const exactMs = Math.round(performance.now() - started);
      await open.context.close();

      let stock: Row['stock'];
      if (withStock) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${site.url}404.html`);
        const found = await measure(context, () =>
          page.evaluate(async (q) => {
            const engine = await import(`${location.origin}/_stock/pagefind/pagefind.js`);
            await engine.options({ baseUrl: '/' });
            const response = await engine.search(q);
            const data = await Promise.all(response.results.map((result: { data: () => Promise<{ url: string }> }) => result.data()));
            return { urls: data.map((entry: { url: string }) => new URL(entry.url, location.href).pathname) };
          }, query),
        );
        const hits = found.urls.filter((url) => relevant.has(url)).length;
        stock = {
          found: found.urls.length,
          recall: ratio(hits, relevant.size),
          precision: ratio(hits, found.urls.length),
          ms: found.ms,
          bytes: found.bytes,
          requests: found.requests,
        };
        await context.close();
      }

      const hits = all.urls.filter((url) => relevant.has(url)).length;
      const subResultsOk = firstCold.firstSubResults.every((url, at) => {
        const document = documents.find((entry) => entry.url === firstCold.urls[at]);
        const segment = document?.segments.find(([id]) => id === (url.split('#')[1] ?? ''));
        return Boolean(segment && terms.some((term) => fold(segment[2]).text.includes(term)));
      });
      const cost = ({ ms, bytes, requests, kinds }: Cost): Cost => ({ ms, bytes, requests, ...(kinds ? { kinds } : {}) });
      rows.push({
        query,
        relevant: relevant.size,
        found: all.urls.length,
        recall: ratio(hits, relevant.size),
        precision: ratio(hits, all.urls.length),
        pageIsSlice: JSON.stringify(firstCold.urls) === JSON.stringify(all.urls.slice(0, PAGE)),
        orderStable: JSON.stringify(firstCold.urls) === JSON.stringify(firstWarm.urls),
        pageMatchesApi: JSON.stringify(listed) === JSON.stringify(firstCold.urls),
        subResultsOk,
        firstCold: cost(firstCold),
        firstWarm: cost(firstWarm),
        all: cost(all),
        count: { ...count, exactTotal, exactMs },
        ...(stock ? { stock } : {}),
      });
      const row = rows.at(-1)!;
      console.error(
        `${query}: ${row.relevant} relevant, ${row.found} found; first page ${firstCold.ms} ms ${kb(firstCold.bytes)} cold, ${firstWarm.ms} ms warm; all ${all.ms} ms ${kb(all.bytes)}; ${count.exact ? '共' : '約'} ${count.total}`,
      );
    }
  } finally {
    await browser.close();
    await site.close();
    rmSync(join(dist, '_stock'), { recursive: true, force: true });
  }

  const held = rows.filter((row) => row.relevant > 0);
  const summary = {
    documents: published.length,
    queries: rows.length,
    recall: Number(mean(rows.map((row) => row.recall)).toFixed(3)),
    precision: Number(mean(rows.map((row) => row.precision)).toFixed(3)),
    pagesAreSlices: rows.every((row) => row.pageIsSlice),
    orderStable: rows.every((row) => row.orderStable),
    pageMatchesApi: rows.every((row) => row.pageMatchesApi),
    subResultsOk: rows.every((row) => row.subResultsOk),
    countsRight: rows.every((row) => row.count.exactTotal === row.relevant && (!row.count.exact || row.count.total === row.relevant)),
    countsExactAtOnce: rows.filter((row) => row.count.exact).length,
    firstPage: {
      coldMs: { median: median(rows.map((row) => row.firstCold.ms)), worst: worst(rows.map((row) => row.firstCold.ms)) },
      warmMs: { median: median(rows.map((row) => row.firstWarm.ms)), worst: worst(rows.map((row) => row.firstWarm.ms)) },
      coldBytes: { median: median(rows.map((row) => row.firstCold.bytes)), worst: worst(rows.map((row) => row.firstCold.bytes)) },
      coldRequests: { median: median(rows.map((row) => row.firstCold.requests)), worst: worst(rows.map((row) => row.firstCold.requests)) },
      // Where a cold first page's bytes go, on average over the queries.
      coldBytesByKind: meanKinds(rows.map((row) => row.firstCold)),
    },
    allResults: {
      ms: { median: median(rows.map((row) => row.all.ms)), worst: worst(rows.map((row) => row.all.ms)) },
      bytes: { median: median(rows.map((row) => row.all.bytes)), worst: worst(rows.map((row) => row.all.bytes)) },
      requests: { median: median(rows.map((row) => row.all.requests)), worst: worst(rows.map((row) => row.all.requests)) },
      bytesByKind: meanKinds(rows.map((row) => row.all)),
      // Over every query held by some document: what a verified hit costs on average.
      bytesPerHit: Math.round(
        held.reduce((sum, row) => sum + row.all.bytes, 0) /
          Math.max(
            1,
            held.reduce((sum, row) => sum + row.relevant, 0),
          ),
      ),
      msPerHit: Number(
        (
          held.reduce((sum, row) => sum + row.all.ms, 0) /
          Math.max(
            1,
            held.reduce((sum, row) => sum + row.relevant, 0),
          )
        ).toFixed(2),
      ),
    },
    exactCountMs: { median: median(rows.map((row) => row.count.exactMs)), worst: worst(rows.map((row) => row.count.exactMs)) },
    ...(withStock
      ? {
          stock: {
            recall: Number(mean(rows.map((row) => row.stock!.recall)).toFixed(3)),
            precision: Number(mean(rows.map((row) => row.stock!.precision)).toFixed(3)),
            allMs: { median: median(rows.map((row) => row.stock!.ms)), worst: worst(rows.map((row) => row.stock!.ms)) },
            allBytes: { median: median(rows.map((row) => row.stock!.bytes)), worst: worst(rows.map((row) => row.stock!.bytes)) },
          },
        }
      : {}),
  };

  console.log(`\n${'query'.padEnd(14)}  rel found rec  prec | first page cold  warm | all results       | count`);
  for (const row of rows) {
    const flags = `${row.pageIsSlice ? '' : ' ORDER!'}${row.orderStable ? '' : ' UNSTABLE!'}${row.pageMatchesApi ? '' : ' PAGE≠API!'}${row.subResultsOk ? '' : ' SUB!'}`;
    console.log(
      `${row.query.padEnd(14)} ${String(row.relevant).padStart(4)} ${String(row.found).padStart(5)} ${row.recall.toFixed(2)} ${row.precision.toFixed(2)} | ${String(row.firstCold.ms).padStart(5)} ms ${kb(row.firstCold.bytes).padStart(8)} ${String(row.firstWarm.ms).padStart(5)} ms | ${String(row.all.ms).padStart(5)} ms ${kb(row.all.bytes).padStart(9)} | ${row.count.exact ? '共' : '約'} ${row.count.total}${row.count.exact ? '' : ` (exact ${row.count.exactTotal}, ${row.count.exactMs} ms)`}${flags}`,
    );
  }
  console.log(JSON.stringify(summary, null, 1));
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const out = join('tmp', `eval-search${corpus ? `-${corpus}` : ''}.json`);
  writeFileSync(join(root, out), JSON.stringify({ summary, rows }, null, 1));
  console.error(`details: ${out}`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

await main();
