/**
 * Shared helpers for the browser tests: build the site (once per base path per test file), serve a
 * built folder on loopback as a static host would, and launch Debian's Chromium through
 * playwright-core.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium } from 'playwright-core';

/** The repository root. */
export const root = resolve(import.meta.dirname, '../..');

/**
 * Builds in progress or done, by base path and project. Vitest isolates test files, so this
 * saves repeated builds within a file only; `E2E_REUSE_BUILD=1` skips builds across runs.
 */
const builds = new Map<string, Promise<string>>();

/** What each build this process ran printed (stdout, then stderr), by output folder. */
const logs = new Map<string, string>();

/** The output of the build that wrote `outDir`, if this test file ran it (not with `E2E_REUSE_BUILD=1`). */
export const buildLog = (outDir: string): string | undefined => logs.get(resolve(outDir));

export interface BuildOptions {
  /** The base path the site is built for (`BASE_PATH`); default `/`. */
  base?: string;
  /** Where to write the site; default `dist/` at `/`, `tmp/dist-<base>/` under a sub-path. */
  outDir?: string;
  /** The project to build, e.g. a copy with other files in `content/`; default this repository. */
  root?: string;
}

/** The environment of a build: the test runner's own Vite variables (BASE_URL, MODE…) would leak into it. */
function buildEnv(base: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: base };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return env;
}

/** A sub-path build goes beside dist/, not into it, so the root build stays as `npm run build` left it. */
function defaultOutDir(base: string, project: string): string {
  if (project !== root) return join(project, 'dist');
  const name = base.replace(/\W+/g, '');
  return name ? join(root, 'tmp', `dist-${name}`) : join(root, 'dist');
}

/**
 * Builds the site and returns the absolute folder it was written to. `buildSite('/minutes/')` and
 * `buildSite('/', project)` are shorthands for the options.
 */
export function buildSite(options: BuildOptions | string = {}, project?: string): Promise<string> {
  const { base = '/', root: projectRoot = project ?? root, outDir: requested } = typeof options === 'string' ? { base: options } : options;
  const outDir = resolve(requested ?? defaultOutDir(base, projectRoot));
  const key = `${base}|${projectRoot}|${outDir}`;
  let build = builds.get(key);
  if (!build) {
    build = (async () => {
      if (process.env.E2E_REUSE_BUILD === '1' && existsSync(join(outDir, 'index.html'))) return outDir;
      const astro = join(root, 'node_modules/astro/bin/astro.mjs');
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [astro, 'build', '--root', projectRoot, '--outDir', outDir], {
          cwd: projectRoot,
          env: buildEnv(base),
          maxBuffer: 64 * 2 ** 20,
        });
        logs.set(outDir, `${stdout}\n${stderr}`);
      } catch (error) {
        const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
        // Astro logs some failures to stdout, so the end of it goes in too.
        const output = [stderr, stdout.slice(-4000)].filter(Boolean).join('\n') || String(error);
        throw new Error(`astro build (base ${base}, into ${outDir}) failed:\n${output}`);
      }
      return outDir;
    })();
    builds.set(key, build);
  }
  return build;
}

/** Content types by file extension, as a static host sends them (also used by scripts/bench/serve-gzip.ts). */
export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  // Pagefind's index, fragments and wasm: gzip data it fetches and unpacks itself.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export interface Served {
  /** The site's URL, base path included, ending in `/`. */
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves a built folder on 127.0.0.1 under a base path, as a static host would: `index.html` for a
 * folder (after a redirect to its URL with a slash), the site's `404.html` with status 404.
 */
/**
 * The headers the site ships for every path (`/*` in `_headers`, copied from public/), so tests run
 * under the Content-Security-Policy a host would send.
 */
export function siteHeaders(dir: string): Record<string, string> {
  const file = join(dir, '_headers');
  if (!existsSync(file)) return {};
  const headers: Record<string, string> = {};
  let all = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) all = line.trim() === '/*';
    else if (all) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return headers;
}

/** What a static host does with a request path: refuse it, redirect a folder to its URL with a slash, send a file, or 404. */
export type Resolved = { kind: 'bad' } | { kind: 'redirect'; location: string } | { kind: 'file'; file: string } | { kind: 'missing' };

/** Resolves a request URL against a built site in `folder` served under `prefix` (`/` or `/sub/`), never outside it. */
export function resolveRequest(folder: string, prefix: string, requestUrl = '/'): Resolved {
  const url = new URL(requestUrl, 'http://localhost');
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'bad' };
  }
  const candidate = path.startsWith(prefix) || `${path}/` === prefix ? resolve(folder, `.${path.slice(prefix.length - 1)}`) : undefined;
  const inside = candidate !== undefined && (candidate === folder || candidate.startsWith(folder + sep));
  if (inside && existsSync(candidate) && statSync(candidate).isDirectory() && !path.endsWith('/')) return { kind: 'redirect', location: `${url.pathname}/${url.search}` };
  const file = !inside ? undefined : existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(candidate, 'index.html');
  return file && existsSync(file) ? { kind: 'file', file } : { kind: 'missing' };
}

export async function serve(dir: string, base = '/'): Promise<Served> {
  const folder = resolve(dir);
  const headers = siteHeaders(folder);
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const server = createServer((request, response) => {
    const resolved = resolveRequest(folder, prefix, request.url);
    if (resolved.kind === 'bad') return void response.writeHead(400).end('bad request');
    if (resolved.kind === 'redirect') return void response.writeHead(301, { Location: resolved.location }).end();
    if (resolved.kind === 'missing') {
      const notFound = join(folder, '404.html');
      response.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] });
      response.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(resolved.file)] ?? 'application/octet-stream' });
    response.end(readFileSync(resolved.file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Launches headless Chromium (Debian's, at /usr/bin/chromium unless CHROMIUM_PATH says otherwise). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox', // root in a container has no user namespace for the sandbox
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking', // no calls home: the only network is the test server
      '--disable-component-update',
      '--disable-sync',
      // Containers often give /dev/shm 64 MB, and Debian's launcher does not always notice (its check
      // breaks when /dev/shm is mounted twice), so shared memory goes to /tmp.
      '--disable-dev-shm-usage',
    ],
  });
}

const copies: string[] = [];

/** A copy of the project, sharing node_modules, to drop files into; removed by {@link removeProjectCopies}. */
export function projectCopy(name: string): string {
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const project = mkdtempSync(join(root, 'tmp', `${name}-`));
  copies.push(project);
  for (const entry of ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(root, entry), join(project, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
  return project;
}

export function removeProjectCopies(): void {
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
}

/** Every HTML file of a built site, as absolute paths. */
export function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.html')).map((file) => join(dir, file));
}

export interface BuiltSite<I> {
  dist: string;
  site: Served;
  browser: Browser;
  /** The built `data/index.json`. */
  index: I;
}

/** The sample archive built at `/`, served, with Chromium open: what the browser tests of the published site start from. */
export async function openBuiltSite<I>(): Promise<BuiltSite<I>> {
  const dist = await buildSite('/');
  const site = await serve(dist);
  const browser = await launchBrowser();
  return { dist, site, browser, index: JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8')) as I };
}
