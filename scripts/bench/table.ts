/** The bench's result as a markdown table: each figure for the archive and for stock Astro + Pagefind, and their ratio. */
import type { QueryCost } from './query-bytes.ts';

/** One side's figures; undefined where a log line or tool was missing (printed `n/a`). */
export interface SideFigures {
  documents?: number;
  pages: number;
  loadS?: number;
  renderS?: number;
  filesS?: number;
  cardsS?: number;
  indexS?: number;
  afterPagesS?: number;
  totalS: number;
  /** `/usr/bin/time -v`: the largest process of the tree (the largest of the steps, for stock). */
  timeMaxRssKb?: number;
  nodeRssKb: number;
  pagefindRssKb: number;
  sumRssKb: number;
  distBytes: number;
  distFiles: number;
  indexBytes: number;
  indexFiles: number;
  /** Undefined when the search could not be measured. */
  cold?: QueryCost;
  warm?: QueryCost;
}

type Row = [label: string, value: (side: SideFigures) => number | undefined, format: (value: number) => string];

const seconds = (value: number) => value.toFixed(1);
const megabytes = (kb: number) => (kb / 1024).toFixed(0);
const bytesMb = (bytes: number) => (bytes / 1e6).toFixed(1);
const bytesKb = (bytes: number) => (bytes / 1e3).toFixed(1);
const whole = (value: number) => String(value);

const ROWS: Row[] = [
  ['documents', (side) => side.documents, whole],
  ['pages (HTML files in dist)', (side) => side.pages, whole],
  ['load/parse (content sync), s', (side) => side.loadS, seconds],
  ['render (page generation), s', (side) => side.renderS, seconds],
  ['document files (data, search, sources; beside the pages), s', (side) => side.filesS, seconds],
  ['cards (Open Graph; beside the pages), s', (side) => side.cardsS, seconds],
  ['index (Pagefind; ours beside the pages), s', (side) => side.indexS, seconds],
  ['waited for them after the pages, s', (side) => side.afterPagesS, seconds],
  ['total wall time, s', (side) => side.totalS, seconds],
  ['peak RSS, largest process (/usr/bin/time -v), MB', (side) => side.timeMaxRssKb, megabytes],
  ['peak RSS, node (sampled), MB', (side) => side.nodeRssKb || undefined, megabytes],
  ['peak RSS, pagefind (sampled), MB', (side) => side.pagefindRssKb || undefined, megabytes],
  ['peak RSS, sum of processes (sampled), MB', (side) => side.sumRssKb, megabytes],
  ['dist size, MB', (side) => side.distBytes, bytesMb],
  ['dist files', (side) => side.distFiles, whole],
  ['index size (dist/pagefind*, dist/search), MB', (side) => side.indexBytes, bytesMb],
  ['index files', (side) => side.indexFiles, whole],
  ['first query, cold: transferred (gzip), kB', (side) => side.cold?.bytes, bytesKb],
  ['first query, cold: same bodies uncompressed, kB', (side) => side.cold?.served?.rawBytes, bytesKb],
  ['first query, cold: requests', (side) => side.cold?.requests, whole],
  ['first query, cold: results shown', (side) => side.cold?.shown, whole],
  ['first query, cold: time to results, ms', (side) => side.cold?.ms, whole],
  ['second query, warm: transferred (gzip), kB', (side) => side.warm?.bytes, bytesKb],
  ['second query, warm: same bodies uncompressed, kB', (side) => side.warm?.served?.rawBytes, bytesKb],
  ['second query, warm: requests', (side) => side.warm?.requests, whole],
  ['second query, warm: results shown', (side) => side.warm?.shown, whole],
  ['second query, warm: time to results, ms', (side) => side.warm?.ms, whole],
];

const NA = 'n/a';

export function ratio(ours: number | undefined, stock: number | undefined): number | undefined {
  return ours === undefined || stock === undefined || stock === 0 ? undefined : ours / stock;
}

export interface Queries {
  first: string;
  second: string;
  /** How many documents hold each query, when known. */
  matches: Record<string, number>;
}

/** The table, after a line naming the queries and how many documents hold each. */
export function markdownTable(ours: SideFigures, stock: SideFigures, queries: Queries): string {
  const name = (query: string) => `「${query}」${queries.matches[query] === undefined ? '' : ` (held by ${queries.matches[query]} documents)`}`;
  const lines = [
    `First query (cold browser cache): ${name(queries.first)}; second query (same page): ${name(queries.second)}.`,
    '',
    '| | ours | stock Astro + Pagefind | ours/stock |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const [label, value, format] of ROWS) {
    const [a, b] = [value(ours), value(stock)];
    const r = ratio(a, b);
    lines.push(`| ${label} | ${a === undefined ? NA : format(a)} | ${b === undefined ? NA : format(b)} | ${r === undefined ? NA : `${r.toFixed(2)}×`} |`);
  }
  return lines.join('\n');
}

/** The ratios ours/stock by row label, for the JSON report. */
export function ratios(ours: SideFigures, stock: SideFigures): Record<string, number | null> {
  return Object.fromEntries(ROWS.map(([label, value]) => [label, ratio(value(ours), value(stock)) ?? null]));
}
