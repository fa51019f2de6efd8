/**
 * A static server for a built site that compresses like a real static host (nginx `gzip on`,
 * Netlify, Cloudflare Pages): text types (HTML, CSS, JS, JSON, XML, SVG, wasm) gzipped when the
 * browser accepts it, everything else as is. Pagefind's index files (`.pf_*`, `.pagefind`) are gzip
 * data Pagefind unpacks itself, served as application/octet-stream, so hosts send them as they are.
 * Otherwise it behaves as the browser tests' server (tests/e2e/harness.ts serve()): the site's
 * `_headers`, `index.html` for a folder after a redirect to its URL with a slash, `404.html` with 404.
 */
import { existsSync, readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TYPES, resolveRequest, siteHeaders } from '../lib/static-host.ts';

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|javascript|wasm)|image\/svg)/;

/** What the server sent since the last reset: a cross-check of what the browser reports. */
export interface ServedCount {
  requests: number;
  /** Body bytes as sent (gzipped where it compresses). */
  sentBytes: number;
  /** The same bodies uncompressed: what the transfer would be without gzip. */
  rawBytes: number;
}

export interface GzipServer {
  url: string;
  take: () => ServedCount;
  close: () => Promise<void>;
}

/** Serves `dir` at the root of http://127.0.0.1:<port>/. Bodies are read and compressed once (level 6, nginx's usual). */
export async function serveGzip(dir: string): Promise<GzipServer> {
  const folder = resolve(dir);
  const headers = siteHeaders(folder);
  const gzipped = new Map<string, Buffer>();
  let count: ServedCount = { requests: 0, sentBytes: 0, rawBytes: 0 };
  const send = (request: IncomingMessage, response: ServerResponse, status: number, file: string | undefined, body: Buffer) => {
    const type = (file && TYPES[extname(file)]) ?? (file ? 'application/octet-stream' : TYPES['.html']!);
    const accepts = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const compress = COMPRESSIBLE.test(type) && accepts;
    let sent = body;
    if (compress) {
      const key = file ?? '';
      sent = gzipped.get(key) ?? gzipSync(body, { level: 6 });
      if (file) gzipped.set(key, sent);
    }
    count.requests++;
    count.sentBytes += sent.length;
    count.rawBytes += body.length;
    response.writeHead(status, {
      ...headers,
      'Content-Type': type,
      'Content-Length': sent.length,
      Vary: 'Accept-Encoding',
      ...(compress ? { 'Content-Encoding': 'gzip' } : {}),
    });
    response.end(sent);
  };
  const server = createServer((request, response) => {
    const resolved = resolveRequest(folder, '/', request.url);
    if (resolved.kind === 'bad') return void response.writeHead(400).end('bad request');
    if (resolved.kind === 'redirect') return void response.writeHead(301, { Location: resolved.location }).end();
    if (resolved.kind === 'file') return send(request, response, 200, resolved.file, readFileSync(resolved.file));
    const notFound = join(folder, '404.html');
    send(request, response, 404, existsSync(notFound) ? notFound : undefined, existsSync(notFound) ? readFileSync(notFound) : Buffer.from('not found'));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    take: () => {
      const taken = count;
      count = { requests: 0, sentBytes: 0, rawBytes: 0 };
      return taken;
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
