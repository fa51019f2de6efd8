/**
 * `npm run eval:search`: measures search quality the way a user meets it. Builds the site (or a
 * generated corpus: `-- --corpus 1000`; or takes dist/ as it is: `-- --no-build`), serves it on
 * loopback, runs every query of tests/fixtures/search/queries.tsv (or `-- --queries file`) through the
 * real search code in headless Chromium, and reports recall, precision, bytes transferred and time
 * per query, side by side with stock Pagefind indexing the same pages' HTML.
 *
 * A document is relevant to a query when every white-space separated term, folded (NFKC, 臺≡台,
 * case, white space), occurs in its folded text (src/search/fold.ts).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { fold, queryTerms } from '../src/search/fold.ts';
import type { SearchDocument } from '../src/search/segments.ts';
import { launchBrowser } from './lib/browser.ts';
import { serve } from './lib/static-host.ts';
import { corpusProject } from './bench/corpus.ts';
import { trackTransferred } from './bench/query-bytes.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const corpus = option('--corpus');
const queriesFile = option('--queries') ?? resolve(root, 'tests/fixtures/search/queries.tsv');

function build(): string {
  if (!corpus) {
    if (!args.includes('--no-build')) execFileSync('npx', ['astro', 'build'], { stdio: 'inherit', env: { ...process.env, BASE_PATH: '/' } });
    return join(root, 'dist');
  }
  // A generated corpus builds in its own project folder, sharing this one's code.
  const project = corpusProject({ root, dir: join(root, 'tmp', `eval-corpus-${corpus}`), count: Number(corpus) });
  execFileSync('npx', ['astro', 'build'], { cwd: project, stdio: 'inherit', env: { ...process.env, BASE_PATH: '/' } });
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

interface Side {
  found: number;
  recall: number;
  precision: number;
  bytes: number;
  ms: number;
}

interface Row {
  query: string;
  relevant: number;
  ours: Side & { subResultsOk: boolean };
  stock: Side;
}

interface Measured {
  urls: string[];
  firstSubResults: string[];
  bytes: number;
  ms: number;
}

/** Runs one query on a cold page (new context: nothing cached), counting every byte received. */
async function measure(browser: Browser, url: string, run: (page: Page) => Promise<{ urls: string[]; firstSubResults: string[] }>): Promise<Measured> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const transferred = trackTransferred(context);
  const started = performance.now();
  const result = await run(page);
  const ms = performance.now() - started;
  const { bytes } = await transferred.take();
  await context.close();
  return { ...result, bytes, ms };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

async function main() {
  const dist = build();
  await buildStock(dist);
  const documents = readdirSync(join(dist, 'search', 'docs')).map((file) => JSON.parse(readFileSync(join(dist, 'search', 'docs', file), 'utf8')) as SearchDocument);
  const folded = documents.map((document) => ({ document, text: fold(document.segments.map(([, , text]) => text).join('\n')).text }));
  const queries = readFileSync(queriesFile, 'utf8')
    .split('\n')
    .map((line) => line.split('\t')[0]!.trim())
    .filter((line) => line && !line.startsWith('#'));

  const site = await serve(dist);
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    for (const query of queries) {
      const terms = queryTerms(query);
      const relevant = new Set(folded.filter(({ text }) => terms.every((term) => text.includes(term))).map(({ document }) => document.url));
      const ours = await measure(browser, `${site.url}search/`, async (page) => {
        await page.waitForFunction(() => 'archiveSearch' in window);
        return page.evaluate(async (q) => {
          const results = await (window as unknown as { archiveSearch: (q: string) => Promise<Array<{ url: string; subResults: Array<{ url: string }> }>> }).archiveSearch(q);
          return { urls: results.map((result) => new URL(result.url, location.href).pathname), firstSubResults: results.map((result) => result.subResults[0]?.url ?? '') };
        }, query);
      });
      const stock = await measure(browser, `${site.url}404.html`, (page) =>
        page.evaluate(async (q) => {
          const engine = await import(`${location.origin}/_stock/pagefind/pagefind.js`);
          await engine.options({ baseUrl: '/' });
          const found = await engine.search(q);
          const data = await Promise.all(found.results.map((result: { data: () => Promise<{ url: string }> }) => result.data()));
          return { urls: data.map((entry: { url: string }) => new URL(entry.url, location.href).pathname), firstSubResults: [] };
        }, query),
      );
      // The first sub-result must point at a segment that holds the terms.
      const subOk = ours.firstSubResults.every((url, index) => {
        const document = documents.find((entry) => entry.url === ours.urls[index]);
        const anchor = url.split('#')[1] ?? '';
        const segment = document?.segments.find(([id]) => id === anchor);
        return Boolean(segment && terms.some((term) => fold(segment[2]).text.includes(term)));
      });
      const score = (urls: string[]) => {
        const hits = urls.filter((url) => relevant.has(url)).length;
        return { found: urls.length, recall: ratio(hits, relevant.size), precision: ratio(hits, urls.length) };
      };
      rows.push({ query, relevant: relevant.size, ours: { ...score(ours.urls), bytes: ours.bytes, ms: Math.round(ours.ms), subResultsOk: subOk }, stock: { ...score(stock.urls), bytes: stock.bytes, ms: Math.round(stock.ms) } });
    }
  } finally {
    await browser.close();
    await site.close();
    rmSync(join(dist, '_stock'), { recursive: true, force: true });
  }

  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const summary = (side: 'ours' | 'stock') => ({
    recall: Number(mean(rows.map((row) => row[side].recall)).toFixed(3)),
    precision: Number(mean(rows.map((row) => row[side].precision)).toFixed(3)),
    medianBytes: median(rows.map((row) => row[side].bytes)),
    medianMs: median(rows.map((row) => row[side].ms)),
  });
  console.log(`\n${'query'.padEnd(14)} rel | ours found recall prec bytes ms | stock found recall prec bytes ms`);
  for (const row of rows) {
    const side = (s: Side) => `${String(s.found).padStart(5)} ${s.recall.toFixed(2)} ${s.precision.toFixed(2)} ${String(s.bytes).padStart(7)} ${String(s.ms).padStart(4)}`;
    console.log(`${row.query.padEnd(14)} ${String(row.relevant).padStart(3)} | ${side(row.ours)}${row.ours.subResultsOk ? '' : ' SUB!'} | ${side(row.stock)}`);
  }
  const report = { documents: documents.length, queries: rows.length, ours: summary('ours'), stock: summary('stock'), subResultsOk: rows.every((row) => row.ours.subResultsOk), rows };
  console.log(JSON.stringify({ documents: report.documents, queries: report.queries, ours: report.ours, stock: report.stock, subResultsOk: report.subResultsOk }, null, 1));
  mkdirSync(join(root, 'tmp'), { recursive: true });
  writeFileSync(join(root, 'tmp', `eval-search${corpus ? `-${corpus}` : ''}.json`), JSON.stringify(report, null, 1));
  if (existsSync(join(root, 'tmp'))) console.error(`details: tmp/eval-search${corpus ? `-${corpus}` : ''}.json`);
}

await main();
