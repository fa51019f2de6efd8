/**
 * Shared helpers for the browser tests: build the site (once per base path per run), serve a built
 * folder on loopback, and launch Debian's Chromium through playwright-core.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../..');
const builds = new Map<string, Promise<string>>();

/** The environment of a build: the test runner's own Vite variables (BASE_URL, MODE…) would leak into it. */
function buildEnv(base: string): NodeJS.ProcessEnv {
  const env = { ...process.env, BASE_PATH: base };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return env;
}

/** Builds the site for a base path into its own folder (dist/ for the root) and returns that folder. */
export function buildSite(base = '/', contentRoot = root): Promise<string> {
  const key = `${base}|${contentRoot}`;
  let build = builds.get(key);
  if (!build) {
    const outDir = base === '/' && contentRoot === root ? join(root, 'dist') : join(root, 'tmp', `dist-${base.replace(/\W+/g, '') || 'root'}-${builds.size}`);
    build = (async () => {
      if (process.env.E2E_REUSE_BUILD === '1' && existsSync(join(outDir, 'index.html'))) return outDir;
      try {
        await promisify(execFile)(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir, '--root', contentRoot], {
          cwd: contentRoot,
          env: buildEnv(base),
          maxBuffer: 64 * 2 ** 20,
        });
      } catch (error) {
        const { stdout, stderr } = error as { stdout?: string; stderr?: string };
        throw new Error(`astro build (base ${base}) failed:\n${stderr || stdout || String(error)}`);
      }
      return outDir;
    })();
    builds.set(key, build);
  }
  return build;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export interface Served {
  /** The site's URL, base path included, ending in `/`. */
  url: string;
  close: () => Promise<void>;
}

/** Serves a built folder on 127.0.0.1 under a base path, as a static host would. */
export async function serve(dir: string, base = '/'): Promise<Served> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file: string | undefined;
    if (path.startsWith(prefix)) {
      const candidate = join(dir, path.slice(prefix.length));
      if (candidate.startsWith(dir)) {
        if (existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
        else if (existsSync(join(candidate, 'index.html'))) file = join(candidate, 'index.html');
      }
    }
    if (!file) {
      response.writeHead(404, { 'Content-Type': TYPES['.html'] });
      response.end(existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : 'not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Launches headless Chromium (Debian's, at /usr/bin/chromium unless CHROMIUM_PATH says otherwise). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
