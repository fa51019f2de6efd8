/**
 * Figures on a built site: a project copy holding the sample report (109 年 1-6 月) and the images
 * fixture's report of the same agency (titled 109 年 7-12 月, the same sentences), and that report again
 * as 110 年 1-6 月. The report page
 * shows a figures table per item, data/figures.csv lists every figure, and the agency's indicators page
 * (linked from the agency page, which sums them up) draws each indicator across a year's periods as
 * SVG with a table, a page per year, read with JavaScript off.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveDocument } from '../../src/model/types.ts';
import { buildSite, launchBrowser, projectCopy, removeProjectCopies, root, serve, type Served } from './harness.ts';

let served: Served;
let browser: Browser;
let report: ArchiveDocument;
let dist: string;

beforeAll(async () => {
  const project = projectCopy('figures');
  const secondHalf = join(root, 'tests/fixtures/images/secretariat-2020-h2.txt');
  cpSync(secondHalf, join(project, 'content/reports/secretariat-2020-h2.txt'));
  // The same report for the next half year: the indicators span two years, a page each.
  const nextYear = readFileSync(secondHalf, 'utf8')
    .replace('109 年 7-12 月施政成果報告', '110 年 1-6 月施政成果報告')
    .replace('資料截止日期：109 年 12 月 31 日', '資料截止日期：110 年 6 月 30 日')
    .replace('資料公告日期：110 年 3 月 10 日', '資料公告日期：110 年 9 月 10 日');
  writeFileSync(join(project, 'content/reports/secretariat-2021-h1.txt'), nextYear);
  dist = await buildSite('/', project);
  served = await serve(dist);
  const index: { documents: { id: string; url: string }[] } = JSON.parse(readFileSync(join(dist, 'data/index.json'), 'utf8'));
  const entry = index.documents.find((candidate) => candidate.url.endsWith('/2020-01-2020-06/'))!;
  report = JSON.parse(readFileSync(join(dist, 'data/documents', `${entry.id}.json`), 'utf8'));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  removeProjectCopies();
});

const open = async (path: string, javaScriptEnabled = true) => {
  const context = await browser.newContext({ javaScriptEnabled, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(new URL(path.slice(1), served.url).href);
  return { page, close: () => context.close() };
};

describe('the report page', () => {
  it('shows a figures table per item: the value as a number in its unit, the text as printed linked to the item', async () => {
    const { page, close } = await open(report.url);
    expect(await page.locator('table.figures tbody tr').count()).toBe(report.figures!.length);
    const row = page.locator('#item-1-1-1-1-1 table.figures tbody tr').first();
    expect(await row.locator('data').getAttribute('value')).toBe('9610400');
    expect(await row.locator('data').textContent()).toBe('9,610,400 kWh');
    const link = row.getByRole('link', { name: '961 萬 400 度' });
    expect(await link.getAttribute('href')).toBe('#item-1-1-1-1-1');
    expect(await row.textContent()).toContain('與原文所述相符');
    // The text above the table is as printed.
    expect(await page.locator('#item-1-1-1-1-1').textContent()).toContain(
      '本期總用電量 961 萬 400 度，與 108 年同期 975 萬 5,200 度比較，計減少 14 萬 4,800 度，減少 1.48%。',
    );
    await close();
  });
});

describe('data/figures.csv', () => {
  it("has one row per figure of both reports and the minutes' resolutions", async () => {
    const response = await fetch(new URL('data/figures.csv', served.url));
    expect(response.headers.get('content-type')).toContain('text/csv');
    const records: Record<string, string>[] = parse(await response.text(), { bom: true, columns: true });
    expect(records.filter((record) => record.document_id === report.id)).toHaveLength(97);
    expect(records.some((record) => record.document_id !== report.id && record.indicator === '總用電量')).toBe(true);
    expect(records.find((record) => record.url.endsWith(`${report.url}#item-1-1-1-1-1`) && record.role === 'value')).toMatchObject({
      value: '9610400',
      unit: 'kWh',
    });
  });
});

describe("the agency's indicators", () => {
  it('are summed up on the agency page, which links to their own page', async () => {
    const { page, close } = await open(`/agencies/${report.organizationAgency}/`, false);
    expect(await page.locator('figure.indicator').count()).toBe(0);
    const section = page.locator('h2', { hasText: '各期施政指標' }).locator('+ p');
    expect(await section.textContent()).toMatch(
      /總用電量.* \d+ 項指標，民國109年（2020）至民國110年（2021）間 2 個年度；見各期施政指標圖表與數值（依年度分頁）。$/,
    );
    expect(await section.getByRole('link', { name: '各期施政指標圖表與數值' }).getAttribute('href')).toBe(`/agencies/${report.organizationAgency}/indicators/`);
    await close();
  });

  it('go a page per year: the newest year at their page, with an index of the years', async () => {
    const { page, close } = await open(`/agencies/${report.organizationAgency}/indicators/`, false);
    expect(await page.locator('h1').textContent()).toContain('各期施政指標（民國110年（2021））');
    const years = page.getByRole('navigation', { name: /：依年度$/ }).getByRole('link');
    expect(await years.evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute('href'), link.getAttribute('aria-current')]))).toEqual([
      ['民國110年（2021）', `/agencies/${report.organizationAgency}/indicators/2021/`, 'true'],
      ['民國109年（2020）', `/agencies/${report.organizationAgency}/indicators/2020/`, null],
    ]);
    const chart = page.locator('figure.indicator').filter({ has: page.locator('figcaption', { hasText: '總用電量' }) });
    expect(await chart.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('110 年 1-6 月9,610,400 kWh961 萬 400 度')]);
    await close();
  });

  it('draw each indicator across the periods as SVG with the numbers as a table, without JavaScript', async () => {
    const { page, close } = await open(`/agencies/${report.organizationAgency}/indicators/2020/`, false);
    const chart = page.locator('figure.indicator').filter({ has: page.locator('figcaption', { hasText: '總用電量' }) });
    expect(await chart.locator('svg').getAttribute('aria-hidden')).toBe('true');
    expect(await chart.locator('svg rect').count()).toBe(2);
    const rows = chart.locator('tbody tr');
    expect(await rows.allTextContents()).toEqual([
      expect.stringContaining('109 年 1-6 月9,610,400 kWh961 萬 400 度'),
      expect.stringContaining('109 年 7-12 月9,610,400 kWh961 萬 400 度'),
    ]);
    expect(await rows.first().getByRole('link').getAttribute('href')).toBe(`${report.url}#item-1-1-1-1-1`);
    await close();
  });
});

describe('on a phone', () => {
  it('keeps the indicators page within 360 px, the charts scaled to its width', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(new URL(`agencies/${report.organizationAgency}/indicators/`, served.url).href);
    expect(await page.locator('figure.indicator').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('accessibility', () => {
  it('has no serious or critical axe violation on the report page, the agency page and its indicators page', async () => {
    for (const path of [report.url, `/agencies/${report.organizationAgency}/`, `/agencies/${report.organizationAgency}/indicators/`]) {
      const { page, close } = await open(path);
      await page.addScriptTag({ content: axe.source });
      const result = await page.evaluate(() =>
        (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
      );
      await close();
      expect(
        result.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => `${path} ${violation.id}`),
      ).toEqual([]);
    }
  });
});
