import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import { startWorker } from '../integrations/document-outputs.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { listSources } from '../ingest/sources.ts';
import { processSource } from '../pipeline/index.ts';
import { Pool } from '../utils/pool.ts';
import { writeHandoff } from './handoff.ts';
import { type WorkerOptions, runOutputs } from './worker.ts';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const root = ARCHIVE;
const registries = loadRegistries(join(root, 'content'));
const documents = listSources(root).map((path) => processSource(readFileSync(join(root, path)), path, registries).document);
const temp = (name: string) => mkdtempSync(join(tmpdir(), `${name}-`));

function options(overrides: Partial<WorkerOptions> = {}): WorkerOptions {
  const handoff = join(temp('handoff'), 'documents.ndjson');
  writeHandoff(handoff, documents);
  return {
    handoff,
    dist: temp('outputs-dist'),
    root,
    cards: { cacheDir: temp('outputs-cards'), siteName: '臺北市政府會議紀錄典藏' },
    feeds: { site: 'https://example.org', base: '/minutes/' },
    index: true,
    shardJobs: 2,
    shardSize: 2000,
    searchCache: false,
    ...overrides,
  };
}

/** A logger that keeps what it is told. */
function recorder() {
  const lines: string[] = [];
  const logger = {
    info: (message: string) => lines.push(message),
    warn: (message: string) => lines.push(`warn: ${message}`),
  } as unknown as AstroIntegrationLogger;
  return { lines, logger };
}

describe('the outputs worker on the sample archive', () => {
  it('writes every document’s files, its card and a search index', async () => {
    const run = options();
    const log: string[] = [];
    const report = await runOutputs(run, (message) => log.push(message), new Pool(1));
    expect(report).toMatchObject({
      documents: documents.length,
      cards: { drawn: documents.length, reused: 0 },
      index: { documents: documents.length, shards: 1 },
    });
    for (const document of documents) {
      for (const file of [`data/documents/${document.id}.json`, `search/docs/${document.id}.json`, `og/${document.id}.png`])
        expect(existsSync(join(run.dist, file)), file).toBe(true);
    }
    expect(existsSync(join(run.dist, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(readdirSync(join(run.dist, 'search', 'fragments')).length).toBeGreaterThan(0);
    // Pagefind's fragments (a document's token list each) are left out; the page map names every document.
    expect(existsSync(join(run.dist, 'pagefind', 'fragment'))).toBe(false);
    const pages = JSON.parse(readFileSync(join(run.dist, 'pagefind', 'pages.json'), 'utf8')) as Record<string, string>;
    expect(Object.values(pages).sort()).toEqual(documents.map((document) => document.id).sort());
    expect(log).toContain(`wrote the data, search and source files of ${documents.length} documents in ${report.filesMs} ms`);
  });

  it('writes the feeds of the archive, each linking to its page and the decisions under the base path', async () => {
    const run = options({ cards: false, index: false });
    const log: string[] = [];
    const report = await runOutputs(run, (message) => log.push(message), new Pool(1));
    const tracked = readFileSync(join(run.dist, 'cases/taipei/chief-secretaries-meeting/205-1/feed.xml'), 'utf8');
    expect(tracked).toContain('<title>列管案件 205-1（臺北市政府主任秘書會報）｜');
    expect(tracked).toContain('<link>https://example.org/minutes/cases/taipei/chief-secretaries-meeting/205-1/</link>');
    expect(tracked).toContain(
      '<atom:link href="https://example.org/minutes/cases/taipei/chief-secretaries-meeting/205-1/feed.xml" rel="self" type="application/rss+xml"/>',
    );
    expect(tracked).toContain('<link>https://example.org/minutes/minutes/taipei/chief-secretaries-meeting/210/#res-2-1-1</link>');
    for (const file of [
      'feed.xml',
      'series/taipei/chief-secretaries-meeting/feed.xml',
      'agencies/information-technology/feed.xml',
      'people/cultural-affairs-liu-zhu-mi/feed.xml',
    ])
      expect(readFileSync(join(run.dist, file), 'utf8'), file).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss version="2.0"/);
    expect(log).toContain(`wrote ${report.feeds!.count} feeds in ${report.feeds!.ms} ms`);
  });

  it('leaves out the cards, the index and the feeds when the build says so', async () => {
    const run = options({ cards: false, index: false, feeds: false });
    const report = await runOutputs(run, () => {}, new Pool(1));
    expect(report.cards).toBeUndefined();
    expect(report.index).toBeUndefined();
    expect(report.feeds).toBeUndefined();
    expect(existsSync(join(run.dist, 'feed.xml'))).toBe(false);
    expect(existsSync(join(run.dist, 'og'))).toBe(false);
    expect(existsSync(join(run.dist, 'pagefind'))).toBe(false);
    expect(readdirSync(join(run.dist, 'sources'))).toHaveLength(documents.length);
  });

  it('runs as a child process, logs through the build and reports when told the pages are done', async () => {
    const { lines, logger } = recorder();
    const running = startWorker(options({ cards: false }), logger);
    running.child.send({ type: 'pages-done' });
    const report = await running.finished;
    expect(report.documents).toBe(documents.length);
    expect(lines.some((line) => line.startsWith(`indexed ${documents.length} documents for search in`))).toBe(true);
  });

  it('fails the build with the worker’s reason, naming the file and line it could not read', async () => {
    const { logger } = recorder();
    const run = options();
    writeFileSync(run.handoff, '{"id":"a"}\nnot json\n');
    const running = startWorker(run, logger);
    running.child.send({ type: 'pages-done' });
    await expect(running.finished).rejects.toThrow(
      /the outputs worker stopped \(exit code 1\)[\s\S]*documents\.ndjson:2: [\s\S]*not valid JSON \(expected one JSON document a line/,
    );
  });

  it('waits for the loader to hand the documents over', async () => {
    const { lines, logger } = recorder();
    const run = options({ cards: false, index: false });
    const handoff = `${run.handoff}.later`;
    const running = startWorker({ ...run, handoff }, logger);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(lines).toEqual([]);
    renameSync(run.handoff, handoff);
    expect((await running.finished).documents).toBe(documents.length);
  });
});
