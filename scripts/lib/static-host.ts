/**
 * A static host on loopback for built sites: content types, the site's own `_headers`, and request
 * resolution (index.html for a folder, 404.html) as static hosts do. The browser tests, the search
 * evaluation and the benchmark serve sites with it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

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
  if (inside && existsSync(candidate) && statSync(candidate).isDirectory() && !path.endsWith('/'))
    return { kind: 'redirect', location: `${url.pathname}/${url.search}` };
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
