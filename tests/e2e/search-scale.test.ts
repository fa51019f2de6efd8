/**
 * Search at the size where one query has thousands of candidates: a generated archive of 3,000
 * documents (in more than one index shard), where 列管 is held by over 2,000 of them. Every result
 * comes through `window.archiveSearch` and matches a text oracle exactly (a document is relevant
 * when the folded text its page publishes holds every folded term, as tests/fixtures/search/queries.tsv
 * defines it; scripts/bench/published-text.ts),
 * the browser never has more than a few of the archive's files in flight, a query the index proves
 * fetches no document's text, pages are slices of all results, and the search page says how many.
 */
import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FETCHES_AT_ONCE } from '../../src/search/engine.ts';
import { queryTerms } from '../../src/search/fold.ts';
import type { SearchDocument } from '../../src/search/segments.ts';
import { foldedPublishedText } from '../../scripts/bench/published-text.ts';
import { buildSite, launchBrowser, projectCopy, removeProjectCopies, root, serve, type Served } from './harness.ts';

const DOCUMENTS = 3000;
const SLOW = 300_000;

interface Result {
  url: string;
  date?: string;
  subResults?: unknown[];
}

interface Count {
  total: number;
  exact: boolean;
  candidates: number;
  facets: Record<string, Record<string, number>>;
}

describe(`search over ${DOCUMENTS} documents`, () => {
  let browser: Browser;
  let site: Served;
  let page: Page;
  let documents: Array<{ url: string; text: string; years: string[] }>;
  let shards: number;
  let documentPage: string;

  /** The documents whose folded text holds every folded term: what a search must return. */
  const holding = (query: string) => {
    const terms = queryTerms(query);
    return documents.filter((document) => terms.every((term) => document.text.includes(term)));
  };
  const paths = (results: Result[]) => results.map((result) => new URL(result.url, site.url).pathname);
  const search = (query: string, options: object = {}) =>
    page.evaluate(([q, o]) => (window as unknown as { archiveSearch: (q: string, f: object, o: object) => Promise<Result[]> }).archiveSearch(q, {}, o), [
      query,
      options,
    ] as const);
  const count = (query: string, exact = false) =>
    page.evaluate(
      ([q, e]) => (window as unknown as { archiveSearchCount: (q: string, f: object, o: object) => Promise<Count> }).archiveSearchCount(q, {}, { exact: e }),
      [query, exact] as const,
    );

  beforeAll(async () => {
    const project = projectCopy('scale');
    const corpus = join(project, 'corpus');
    execFileSync(process.execPath, [join(root, 'scripts/generate-corpus.ts'), '--count', String(DOCUMENTS), '--out', corpus, '--seed', '3'], {
      cwd: root,
      stdio: 'pipe',
    });
    for (const kind of ['minutes', 'reports']) {
      rmSync(join(project, 'content', kind), { recursive: true, force: true });
      cpSync(join(corpus, 'content', kind), join(project, 'content', kind), { recursive: true });
    }
    rmSync(corpus, { recursive: true, force: true });
    // No share cards: they are not what this test is about, and they are most of a cold build.
    process.env.OG_CARDS = '0';
    let dist: string;
    try {
      dist = await buildSite({ root: project, outDir: join(project, 'dist') });
    } finally {
      delete process.env.OG_CARDS;
    }
    const docs = join(dist, 'search', 'docs');
    documents = readdirSync(docs).map((file) => {
      const document = JSON.parse(readFileSync(join(docs, file), 'utf8')) as SearchDocument;
      // The oracle is the text each document's page publishes, not the search files the search is built from.
      return { url: document.url, text: foldedPublishedText(dist, document.url), years: document.filters.year };
    });
    documentPage = readFileSync(join(dist, decodeURI(documents[0]!.url), 'index.html'), 'utf8');
    // The shards newest first, as the index's assemble step listed them for the search page.
    shards = (JSON.parse(readFileSync(join(dist, 'search', 'shards.json'), 'utf8')) as string[]).length;
    site = await serve(dist);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${site.url}search/`);
    await page.waitForFunction(() => 'archiveSearch' in window);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    removeProjectCopies();
  });

  it('is an archive in several index shards', () => {
    expect(documents).toHaveLength(DOCUMENTS);
    expect(shards).toBeGreaterThan(1);
  });

  it('names no share card on a document page when the build draws none (OG_CARDS=0)', () => {
    expect(documentPage).toContain('<article class="document"');
    expect(documentPage).not.toContain('og:image');
    expect(documentPage).not.toContain('/og/');
  });

  it(
    'returns every result of a query with more than 2,000 candidates, exactly the documents holding it, and counts them',
    async () => {
      const expected = holding('列管').map((document) => document.url);
      expect(expected.length).toBeGreaterThan(2000);
      const results = paths(await search('列管'));
      expect(new Set(results).size).toBe(results.length);
      expect([...results].sort()).toEqual([...expected].sort());
      const counted = await count('列管');
      expect(counted).toMatchObject({ total: expected.length, exact: true, candidates: expected.length });
    },
    SLOW,
  );

  it(
    'matches a text oracle for longer terms, several terms and single characters, and counts them exactly',
    async () => {
      // Three, four and five characters, two terms, a term held by few, one character (alone and before another term).
      for (const query of ['布拉格', '公管中心', '電子公文', '災害準備金', '資訊局 電子發票', '主任秘書', '稽', '稽 列管', '台 TaipeiON']) {
        const expected = holding(query).map((document) => document.url);
        expect(expected.length, query).toBeGreaterThan(0);
        expect(paths(await search(query)).sort(), query).toEqual([...expected].sort());
        const exact = await count(query, true);
        expect(exact, query).toMatchObject({ total: expected.length, exact: true });
        expect(exact.candidates, query).toBeGreaterThanOrEqual(expected.length);
      }
    },
    SLOW,
  );

  it(
    'never has more than a few of the archive’s files in flight, and fetches no text for a query the index proves',
    async () => {
      const fresh = await browser.newPage();
      let inFlight = 0;
      let most = 0;
      const texts: string[] = [];
      const archiveFile = (url: string) => /\/search\/(?:docs|check|packs|cards|fragments)\//.test(url);
      fresh.on('request', (request) => {
        if (!archiveFile(request.url())) return;
        most = Math.max(most, ++inFlight);
        if (/\/search\/(?:docs|check|packs)\//.test(request.url())) texts.push(request.url());
      });
      const settle = (request: { url: () => string }) => {
        if (archiveFile(request.url())) inFlight--;
      };
      fresh.on('requestfinished', settle);
      fresh.on('requestfailed', settle);
      await fresh.goto(`${site.url}search/`);
      await fresh.waitForFunction(() => 'archiveSearch' in window);
      const all = (q: string) => fresh.evaluate((query) => (window as unknown as { archiveSearch: (q: string) => Promise<Result[]> }).archiveSearch(query), q);
      expect((await all('列管')).length).toBe(holding('列管').length);
      // Three characters are proven too: a triple's token.
      expect((await all('姊妹市')).length).toBe(holding('姊妹市').length);
      expect(texts).toEqual([]);
      const many = holding('定期大會').length;
      expect(many).toBeGreaterThan(1000);
      expect((await all('定期大會')).length).toBe(many);
      // Checked by the packs of the buckets where it has a few candidates (src/search/cursor.ts
      // PACKED_SHARE), else a check file each: far fewer requests than results, and never more than
      // the pool's few at once.
      expect(texts.some((url) => url.includes('/search/packs/'))).toBe(true);
      expect(texts.length).toBeLessThan(many / 4);
      // A term held by a few documents, one or none in most buckets: a check file each.
      texts.length = 0;
      const few = holding('行政中立').length;
      expect(few).toBeGreaterThan(10);
      expect((await all('行政中立')).length).toBe(few);
      expect(texts.some((url) => url.includes('/search/check/'))).toBe(true);
      expect(most).toBeLessThanOrEqual(FETCHES_AT_ONCE);
      await fresh.close();
    },
    SLOW,
  );

  it(
    'gives each page as the slice of all results at its offset, with excerpts',
    async () => {
      for (const query of ['列管', '定期大會']) {
        const all = paths(await search(query));
        for (const offset of [0, 10, 1000, all.length - 5]) {
          const slice = await search(query, { limit: 10, offset });
          expect(paths(slice), `${query} from ${offset}`).toEqual(all.slice(offset, offset + 10));
          expect(slice.every((result) => Array.isArray(result.subResults))).toBe(true);
        }
      }
    },
    SLOW,
  );

  it(
    'shows 共 N 筆 on the search page, and counts beside each year once the filters are opened',
    async () => {
      const shown = await browser.newPage();
      const requests: string[] = [];
      shown.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await shown.goto(`${site.url}search/?q=${encodeURIComponent('列管')}`);
      const expected = holding('列管');
      await shown.waitForFunction((n) => document.getElementById('search-status')?.textContent === `共 ${n} 筆，已顯示 10 筆。`, expected.length, {
        timeout: SLOW,
      });
      expect(await shown.locator('#search-results > li').count()).toBe(10);
      expect(await shown.locator('#search-count').isHidden()).toBe(true);
      // The count came from the token files alone: neither Pagefind nor the shards' filter files.
      expect(requests.filter((path) => /\/pagefind|\/search\/tokens\/filters\//.test(path))).toEqual([]);
      await shown.getByText('篩選與排序').click();
      const years = [...new Set(expected.flatMap((document) => document.years))];
      const last = years.at(-1)!;
      const inLast = expected.filter((document) => document.years.includes(last)).length;
      await shown.waitForFunction(
        ([year, n]) => document.querySelector(`#f-year option[value="${year}"]`)?.textContent === `${year}（${n}）`,
        [last, inLast] as const,
        {
          timeout: SLOW,
        },
      );
      for (const year of years) {
        const n = expected.filter((document) => document.years.includes(year)).length;
        expect(await shown.locator(`#f-year option[value="${year}"]`).textContent()).toBe(`${year}（${n}）`);
      }
      await shown.close();
    },
    SLOW,
  );

  it(
    'says a count it would have to check is an estimate, and counts it exactly when asked',
    async () => {
      const shown = await browser.newPage();
      await shown.goto(`${site.url}search/?q=${encodeURIComponent('定期大會')}`);
      await shown.waitForFunction(() => /^約 \d+ 筆（估計/.test(document.getElementById('search-status')?.textContent ?? ''), undefined, { timeout: SLOW });
      await shown.locator('#search-count').click();
      const n = holding('定期大會').length;
      await shown.waitForFunction((total) => document.getElementById('search-status')?.textContent === `共 ${total} 筆，已顯示 10 筆。`, n, { timeout: SLOW });
      expect(await shown.locator('#search-count').isHidden()).toBe(true);
      await shown.close();
    },
    SLOW,
  );
});
