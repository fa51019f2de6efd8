/**
 * The largest HTML page of each page type: every `dist/**.html` matched to the route (file under
 * src/pages/) that built it, as Astro ranks routes (static segments before parameters before rest
 * parameters), then grouped. A listing that grows with the archive shows here as its type's largest
 * page growing with the document count.
 *
 * `node scripts/bench/page-sizes.ts [dist] [src/pages]` prints the table for a built site; `npm run
 * bench` prints it for the archive it builds.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A page route: `/topics/[slug]/[...page]`, its segments. */
export interface Route {
  pattern: string;
  segments: string[];
}

const PAGE_FILE = /\.(?:astro|md|mdx|html)$/;

/** The routes of the HTML pages under `pagesDir` (endpoints, `.ts`, write other files). */
export function pageRoutes(pagesDir: string): Route[] {
  const routes: Route[] = [];
  for (const file of readdirSync(pagesDir, { recursive: true }) as string[]) {
    if (!PAGE_FILE.test(file)) continue;
    const segments = file.replace(PAGE_FILE, '').split(sep);
    if (segments.at(-1) === 'index') segments.pop();
    routes.push({ pattern: `/${segments.join('/')}`, segments });
  }
  return routes.sort(byPriority);
}

const kind = (segment: string) => (segment.startsWith('[...') ? 2 : segment.startsWith('[') ? 1 : 0);

/** Astro's order, closely enough: segment by segment, static before `[param]` before `[...rest]`. */
function byPriority(a: Route, b: Route): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const [x, y] = [a.segments[i], b.segments[i]];
    if (x === undefined || y === undefined) return x === undefined ? (kind(y!) === 2 ? -1 : 1) : kind(x) === 2 ? 1 : -1;
    if (kind(x) !== kind(y)) return kind(x) - kind(y);
  }
  return a.pattern.localeCompare(b.pattern);
}

function matches(route: string[], path: string[]): boolean {
  const [head, ...rest] = route;
  if (head === undefined) return path.length === 0;
  if (kind(head) === 2) return true;
  if (path.length === 0) return false;
  return (kind(head) === 1 || head === path[0]) && matches(rest, path.slice(1));
}

/** The route that built the page at `path` (`topics/water/2024/index.html`), or undefined. */
export function routeOf(path: string, routes: Route[]): Route | undefined {
  const segments = path.split(/[\\/]/).filter(Boolean);
  if (segments.at(-1) === 'index.html') segments.pop();
  else segments.push(segments.pop()!.replace(/\.html$/, ''));
  return routes.find((route) => matches(route.segments, segments));
}

export interface PageType {
  /** The route pattern, or `(no route)` for an HTML file no page built (public/, an integration's). */
  route: string;
  pages: number;
  largest: { path: string; bytes: number };
  totalBytes: number;
}

/** Every page type of the built site, largest page first. */
export function largestPages(dist: string, pagesDir: string): PageType[] {
  const routes = pageRoutes(pagesDir);
  const types = new Map<string, PageType>();
  for (const file of readdirSync(dist, { recursive: true }) as string[]) {
    if (!file.endsWith('.html')) continue;
    const bytes = statSync(join(dist, file)).size;
    const route = routeOf(file, routes)?.pattern ?? '(no route)';
    const path = `/${file.split(sep).join('/')}`.replace(/index\.html$/, '');
    const type = types.get(route) ?? { route, pages: 0, largest: { path, bytes: 0 }, totalBytes: 0 };
    type.pages++;
    type.totalBytes += bytes;
    if (bytes > type.largest.bytes) type.largest = { path, bytes };
    types.set(route, type);
  }
  return [...types.values()].sort((a, b) => b.largest.bytes - a.largest.bytes);
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** A markdown table: largest page per type, in KB (1,024 bytes) of HTML as written (not compressed). */
export function pageSizeTable(types: PageType[], budgetKb?: number): string {
  const lines = ['| largest page per type | KB | pages | total MB | the largest |', '| --- | ---: | ---: | ---: | --- |'];
  for (const type of types) {
    const over = budgetKb !== undefined && type.largest.bytes > budgetKb * 1024 ? ' (over budget)' : '';
    lines.push(`| ${type.route} | ${kb(type.largest.bytes)}${over} | ${type.pages} | ${(type.totalBytes / 1e6).toFixed(1)} | ${type.largest.path} |`);
  }
  return lines.join('\n');
}

/** The budget of the issue that split the listings: no HTML page over 150 KB at 10,000 documents. */
export const PAGE_BUDGET_KB = 150;

if (import.meta.main) {
  const [dist = 'dist', pagesDir = join('src', 'pages')] = process.argv.slice(2);
  console.log(`Largest HTML page per type in ${relative(process.cwd(), dist) || dist} (budget ${PAGE_BUDGET_KB} KB):\n`);
  console.log(pageSizeTable(largestPages(dist, pagesDir), PAGE_BUDGET_KB));
}
