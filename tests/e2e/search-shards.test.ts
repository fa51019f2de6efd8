/**
 * The search index in shards: a generated corpus indexed as one Pagefind bundle and again in
 * shards of a few years (SEARCH_SHARD_SIZE), which the browser merges (Pagefind `mergeIndex`).
 * Every public query must find the same documents either way, and the sharded site must really
 * load the other bundles. Built as several machines would build it (each shard on its own copy of
 * the site, then gathered), the index must be the same to the byte.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, launchBrowser, projectCopy, removeProjectCopies, root, serve, type Served } from './harness.ts';

const queries = readFileSync(join(root, 'tests/fixtures/search/queries.tsv'), 'utf8')
  .split('\n')
  .map((line) => line.split('\t')[0]!.trim())
  .filter((line) => line && !line.startsWith('#'));

interface Site {
  served: Served;
  page: Page;
  requests: string[];
}

describe('a search index built in shards', () => {
  let browser: Browser;
  const sites: Site[] = [];
  let sharded: string;
  let matrix: string;
  let matrixShards: string[];
  let assembled: string;

  beforeAll(async () => {
    const project = projectCopy('shards');
    const corpus = join(project, 'corpus');
    execFileSync(process.execPath, [join(root, 'scripts/generate-corpus.ts'), '--count', '80', '--out', corpus, '--seed', '7'], { cwd: root, stdio: 'pipe' });
    for (const kind of ['minutes', 'reports']) {
      rmSync(join(project, 'content', kind), { recursive: true, force: true });
      cpSync(join(corpus, 'content', kind), join(project, 'content', kind), { recursive: true });
    }
    rmSync(corpus, { recursive: true, force: true });
    const single = await buildSite({ root: project, outDir: join(project, 'dist-single') });
    process.env.SEARCH_SHARD_SIZE = '15';
    try {
      sharded = await buildSite({ root: project, outDir: join(project, 'dist-sharded') });
      // As a CI matrix would (README: "Search index in shards"): the pages without the index, one
      // job per shard on its own copy of the site, then one job that gathers the shards.
      process.env.SEARCH_INDEX = 'skip';
      matrix = await buildSite({ root: project, outDir: join(project, 'dist-matrix') });
      delete process.env.SEARCH_INDEX;
      // What the script prints: the shard list on stdout, progress on stderr.
      const script = (dist: string, ...args: string[]) => {
        // No shard cache: each job builds its shard as a machine of its own would.
        const run = spawnSync(process.execPath, [join(root, 'scripts/search-index.ts'), '--dist', dist, ...args], {
          cwd: project,
          encoding: 'utf8',
          env: { ...process.env, SEARCH_CACHE: '0' },
        });
        if (run.status !== 0) throw new Error(`search-index ${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
        return { out: run.stdout, log: run.stderr };
      };
      matrixShards = script(matrix, '--list').out.trim().split('\n');
      for (const name of matrixShards) {
        const machine = join(project, `dist-job-${name}`);
        cpSync(matrix, machine, { recursive: true });
        script(machine, '--shard', name);
        for (const folder of ['pagefind', 'pagefind-shards']) {
          const built = join(machine, folder);
          if (existsSync(built)) cpSync(built, join(matrix, folder), { recursive: true });
        }
      }
      assembled = script(matrix, '--assemble').log;
    } finally {
      delete process.env.SEARCH_SHARD_SIZE;
      delete process.env.SEARCH_INDEX;
    }
    browser = await launchBrowser();
    for (const dist of [single, sharded]) {
      const served = await serve(dist);
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(`${served.url}search/`);
      await page.waitForFunction(() => 'archiveSearch' in window);
      sites.push({ served, page, requests });
    }
  });
  afterAll(async () => {
    await browser?.close();
    for (const site of sites) await site.served.close();
    removeProjectCopies();
  });

  const search = (site: Site, query: string) =>
    site.page.evaluate(
      async (q) =>
        (await (window as unknown as { archiveSearch: (q: string) => Promise<Array<{ url: string }>> }).archiveSearch(q))
          .map((result) => new URL(result.url, location.href).pathname)
          .sort(),
      query,
    );

  it('comes out the same, byte for byte, when each shard is built on a machine of its own and gathered', () => {
    // Every file of the index: the bundles and the map from their pages to documents.
    const files = (dist: string) =>
      ['pagefind', 'pagefind-shards', 'search/fragments', 'search/cards', 'search/packs'].flatMap((folder) =>
        (readdirSync(join(dist, folder), { recursive: true }) as string[])
          .map((file) => join(folder, file))
          .filter((file) => statSync(join(dist, file)).isFile()),
      );
    expect(matrixShards.length).toBe(readdirSync(join(sharded, 'pagefind-shards')).length + 1);
    expect(assembled).toContain(`search map written for 80 documents in ${matrixShards.length} shard(s)`);
    const expected = files(sharded).sort();
    expect(files(matrix).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(100);
    for (const file of expected) expect(readFileSync(join(matrix, file)).equals(readFileSync(join(sharded, file))), file).toBe(true);
  });

  it('writes several bundles, one per group of years', () => {
    const shards = readdirSync(join(sharded, 'pagefind-shards'));
    expect(shards.length).toBeGreaterThanOrEqual(2);
    for (const shard of shards) expect(shard).toMatch(/^(?:\d{4}(?:-\d{4}|\.\d+)?|undated)$/);
  });

  it('fills a first page from the newest shard without loading the older ones', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${sites[1]!.served.url}search/`);
    await page.waitForFunction(() => 'archiveSearchPage' in window);
    const first = await page.evaluate(() =>
      (
        window as unknown as { archiveSearchPage: (q: string, f: object, limit: number) => Promise<{ results: unknown[]; complete: boolean }> }
      ).archiveSearchPage('會議', {}, 3),
    );
    expect(first.results).toHaveLength(3);
    expect(first.complete).toBe(false);
    expect(requests.filter((path) => path.includes('/pagefind-shards/'))).toEqual([]);
    await page.close();
  });

  it('gives each page of results as the same slice of all of them, however many shards are loaded', async () => {
    const page = await browser.newPage();
    await page.goto(`${sites[1]!.served.url}search/`);
    await page.waitForFunction(() => 'archiveSearchPage' in window);
    const urls = (q: string, options: object, sort?: string) =>
      page.evaluate(
        async ([q, o, s]) =>
          (
            await (window as unknown as { archiveSearch: (q: string, f: object, o: object) => Promise<Array<{ url: string; date?: string }>> }).archiveSearch(
              q,
              s ? { sort: s } : {},
              o,
            )
          ).map((result) => `${result.date} ${result.url}`),
        [q, options, sort] as const,
      );
    // Pages first, while the older shards are merged one by one as they are needed; then everything.
    const pages = [];
    for (let offset = 0; offset < 30; offset += 6) pages.push(...(await urls('會議', { limit: 6, offset })));
    const all = await urls('會議', {});
    expect(all.length).toBeGreaterThan(30);
    expect(pages).toEqual(all.slice(0, 30));
    // By date, newest first across the shards too.
    const byDate = (await urls('會議', {}, 'date')).map((entry) => entry.split(' ')[0]!);
    expect(byDate).toEqual([...byDate].sort().reverse());
    await page.close();
  });

  it('ranks the results of a query without filters (from the token files) as Pagefind ranks them (with a filter)', async () => {
    const site = sites[1]!;
    const ranked = (q: string, filters: object) =>
      site.page.evaluate(
        async ([q, f]) =>
          (await (window as unknown as { archiveSearch: (q: string, f: object) => Promise<Array<{ url: string; date?: string }>> }).archiveSearch(q, f)).map(
            (result) => `${result.date?.slice(0, 4) ?? ''} ${new URL(result.url, location.href).pathname}`,
          ),
        [q, filters] as const,
      );
    let compared = 0;
    for (const query of queries) {
      const all = await ranked(query, {});
      // Pagefind answers a query with a filter; a year's results are one shard's, in its order.
      for (const year of new Set(all.map((entry) => entry.split(' ')[0]!).filter(Boolean))) {
        const expected = (await ranked(query, { year })).map((entry) => entry.split(' ')[1]);
        expect(
          all.filter((entry) => entry.startsWith(`${year} `)).map((entry) => entry.split(' ')[1]),
          `${query} in ${year}`,
        ).toEqual(expected);
        compared += expected.length > 1 ? 1 : 0;
      }
    }
    // The comparison means something only if many years hold several results (32 of them here).
    expect(compared).toBeGreaterThan(queries.length / 2);
  });

  it('counts the same for every public query as one index does', async () => {
    const [single, sharded] = sites as [Site, Site];
    const count = (site: Site, query: string) =>
      site.page.evaluate(async (q) => {
        const { total, exact, facets } = await (
          window as unknown as {
            archiveSearchCount: (q: string, f: object, o: object) => Promise<{ total: number; exact: boolean; facets: { year?: Record<string, number> } }>;
          }
        ).archiveSearchCount(q, {}, { exact: true });
        return {
          total,
          exact,
          years: Object.entries(facets.year ?? {})
            .filter(([, n]) => n > 0)
            .sort(),
        };
      }, query);
    for (const query of queries) {
      const expected = await count(single, query);
      expect(expected.exact, query).toBe(true);
      expect(await count(sharded, query), query).toEqual(expected);
      expect(expected.total, query).toBe((await search(single, query)).length);
    }
  });

  it('finds the same documents for every public query as one index does', async () => {
    const [single, sharded] = sites as [Site, Site];
    let found = 0;
    for (const query of queries) {
      const expected = await search(single, query);
      expect(await search(sharded, query), query).toEqual(expected);
      found += expected.length;
    }
    // The comparison means something only if the queries find documents.
    expect(found).toBeGreaterThan(queries.length);
    expect(sharded.requests.some((path) => path.includes('/pagefind-shards/'))).toBe(true);
  });
});
