/**
 * Search as a user meets it: the real search code on the built site in Chromium finds exactly the
 * documents that contain the words, also when typed as 台/臺 variants or in full-width, narrows with
 * filters, and links sub-results to anchors that exist.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold, queryTerms } from '../../src/search/fold.ts';
import type { SearchDocument } from '../../src/search/segments.ts';
import { buildSite, launchBrowser, serve, type Served } from './harness.ts';

interface Result {
  url: string;
  title: string;
  date?: string;
  excerpt?: string;
  subResults?: Array<{ url: string; title: string; excerpt: string }>;
}

describe('search', () => {
  let browser: Browser;
  let site: Served;
  let page: Page;
  let documents: SearchDocument[];
  const search = (query: string, filters: Record<string, string> = {}, options: { limit?: number; offset?: number; excerpts?: boolean } = {}) =>
    page.evaluate(([q, f, o]) => (window as unknown as { archiveSearch: (q: string, f: object, o: object) => Promise<Result[]> }).archiveSearch(q, f, o), [
      query,
      filters,
      options,
    ] as const);
  /** The documents whose folded text holds every folded term: what a search must return. */
  const holding = (query: string) =>
    documents
      .filter((document) => {
        const text = fold(document.segments.map(([, , text]) => text).join('\n')).text;
        return queryTerms(query).every((term) => text.includes(term));
      })
      .map((document) => document.url)
      .sort();
  const paths = (results: Result[]) => results.map((result) => new URL(result.url, site.url).pathname).sort();

  beforeAll(async () => {
    const dist = await buildSite('/');
    documents = readdirSync(join(dist, 'search/docs')).map((file) => JSON.parse(readFileSync(join(dist, 'search/docs', file), 'utf8')));
    site = await serve(dist);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${site.url}search/`);
    await page.waitForFunction(() => 'archiveSearch' in window);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('checks only as many candidates as a page shows, and finds the rest when asked for more', async () => {
    const query = '會議';
    const expected = holding(query);
    expect(expected.length).toBeGreaterThan(2);
    const page1 = await page.evaluate(
      (q) =>
        (
          window as unknown as { archiveSearchPage: (q: string, f: object, limit: number) => Promise<{ results: Result[]; complete: boolean }> }
        ).archiveSearchPage(q, {}, 2),
      query,
    );
    expect(page1.results).toHaveLength(2);
    expect(page1.complete).toBe(false);
    const all = await search(query);
    expect(paths(all)).toEqual(expected);
    expect(page1.results.map((result) => result.url)).toEqual(all.slice(0, 2).map((result) => result.url));
  });

  it('returns exactly the documents that contain the words', async () => {
    for (const query of ['資安', '電子發票', '205-1', '主任秘書', '檔案管理', '市政大樓 停車', '資訊局 電子發票']) {
      const expected = holding(query);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(paths(await search(query)), query).toEqual(expected);
    }
  });

  it('finds 臺 when the user types 台, and full-width input', async () => {
    expect(paths(await search('台北通'))).toEqual(holding('臺北通'));
    expect(paths(await search('臺北通'))).toEqual(paths(await search('台北通')));
    expect(paths(await search('ＣＯＶＩＤ－１９'))).toEqual(holding('COVID-19'));
    expect(holding('COVID-19').length).toBeGreaterThan(0);
  });

  it('finds nothing for words no document has', async () => {
    expect(await search('資安長')).toEqual([]);
    expect(await search('電子 發票 捷運')).toEqual(holding('電子 發票 捷運'));
  });

  it('narrows results with a filter', async () => {
    const all = await search('市政大樓');
    const reports = await search('市政大樓', { kind: '施政成果報告' });
    const year = await search('市政大樓', { year: '2021' });
    expect(all.length).toBeGreaterThan(reports.length);
    expect(reports.length).toBeGreaterThan(0);
    expect(year.every((result) => result.date?.startsWith('2021'))).toBe(true);
    expect(year.length).toBeLessThan(all.length);
  });

  it('gives every result without excerpts, and a page of them with excerpts, the same slice of the same order', async () => {
    const all = await search('會議');
    expect(all.length).toBe(holding('會議').length);
    expect(all.every((result) => result.subResults === undefined)).toBe(true);
    const page2 = await search('會議', {}, { limit: 2, offset: 1 });
    expect(page2.map((result) => result.url)).toEqual(all.slice(1, 3).map((result) => result.url));
    expect(page2[0]!.subResults!.length).toBeGreaterThan(0);
    const excerpted = await search('資訊局 電子發票', {}, { excerpts: true });
    expect(paths(excerpted)).toEqual(holding('資訊局 電子發票'));
    expect(excerpted.every((result) => result.excerpt!.includes('<mark>'))).toBe(true);
  });

  it('counts the results exactly when the index proves the words, and per filter value', async () => {
    const count = await page.evaluate(() =>
      (
        window as unknown as {
          archiveSearchCount: (q: string, f: object) => Promise<{ total: number; exact: boolean; facets: Record<string, Record<string, number>> }>;
        }
      ).archiveSearchCount('會議', {}),
    );
    expect(count).toMatchObject({ total: holding('會議').length, exact: true });
    const held = documents.filter((document) => holding('會議').includes(document.url));
    for (const year of new Set(held.flatMap((document) => document.filters.year))) {
      expect(count.facets.year![year], year).toBe(held.filter((document) => document.filters.year.includes(year)).length);
    }
  });

  it('estimates a count it would have to check, and counts it exactly when asked', async () => {
    const count = (exact: boolean) =>
      page.evaluate(
        (e) =>
          (
            window as unknown as { archiveSearchCount: (q: string, f: object, o: object) => Promise<{ total: number; exact: boolean; candidates: number }> }
          ).archiveSearchCount('主任秘書', {}, { exact: e }),
        exact,
      );
    const exact = await count(true);
    expect(exact).toMatchObject({ total: holding('主任秘書').length, exact: true });
    expect(exact.candidates).toBeGreaterThanOrEqual(exact.total);
  });

  it('links sub-results to anchors that exist and hold the words', async () => {
    const [first] = await search('災害準備金', {}, { excerpts: true });
    expect(first!.subResults![0]!.excerpt).toContain('<mark>災害準備金</mark>');
    const target = await browser.newPage();
    const url = new URL(first!.subResults![0]!.url, site.url);
    await target.goto(url.href);
    const anchor = url.hash.slice(1);
    expect(anchor).not.toBe('');
    expect(await target.locator(`[id="${anchor}"]`).innerText()).toContain('災害');
    await target.close();
  });

  it('runs from the search box: /search/?q= is a link', async () => {
    const box = await browser.newPage();
    await box.goto(site.url);
    await box.fill('#site-q', '布拉格');
    await box.press('#site-q', 'Enter');
    await box.waitForURL(/\/search\/\?q=/);
    await box.locator('#search-results li').first().waitFor();
    await box.waitForFunction((n) => document.getElementById('search-status')!.textContent === `共 ${n} 筆。`, holding('布拉格').length);
    expect(await box.locator('#search-results mark').first().innerText()).toBe('布拉格');
    await box.close();
  });

  it('works when the site lives under a sub-path', async () => {
    const dist = await buildSite('/minutes-archive/');
    const sub = await serve(dist, '/minutes-archive/');
    const other = await browser.newPage();
    try {
      await other.goto(`${sub.url}search/?q=${encodeURIComponent('資安')}`);
      await other.locator('#search-results li').first().waitFor();
      const hrefs = await other.$$eval('#search-results a', (links) => links.map((link) => link.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href.startsWith('/minutes-archive/')).toBe(true);
      const count = await other.locator('#search-results > li').count();
      expect(count).toBe(holding('資安').length);
    } finally {
      await other.close();
      await sub.close();
    }
  });
});
