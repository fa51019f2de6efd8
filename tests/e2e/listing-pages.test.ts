/**
 * Listing pages that grow with the archive (topics, agencies, series, people, years) come a page per
 * year with a year index (src/site/paging.ts): on a phone (360 px), a topic page indexes its years and
 * each year's page lists that year, the year shown marked current; no listing page scrolls sideways.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, openBuiltSite, type Served } from './harness.ts';

describe('listing pages by year', () => {
  let browser: Browser;
  let site: Served;
  let dist: string;
  beforeAll(async () => {
    ({ dist, site, browser } = await openBuiltSite());
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const open = async (path: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: PHONE });
    const response = await page.goto(new URL(path.replace(/^\//, ''), site.url).href);
    expect(response?.status(), path).toBe(200);
    return page;
  };
  const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
  /** The pages /topics/ links to. */
  const topicPages = () => [...html('/topics/').matchAll(/href="(\/topics\/[^"/]+\/)"/g)].map(([, href]) => href!);

  it('indexes a topic’s years on its page, each linking to that year’s page, which lists the year and marks it current', async () => {
    // The sample holds 2021 to 2024: some topic spans more than one year.
    const spanning = topicPages().filter((path) => html(path).includes('依年度"'));
    expect(spanning.length).toBeGreaterThan(0);
    for (const path of spanning) {
      const page = await open(path);
      const index = page.getByRole('navigation', { name: /：依年度$/ });
      const years = await index
        .getByRole('link')
        .evaluateAll((links) =>
          links.map((link) => ({ href: link.getAttribute('href')!, text: link.textContent!.trim(), current: link.getAttribute('aria-current') })),
        );
      expect(years.length, path).toBeGreaterThan(1);
      // The topic's page shows its newest year: marked as the year shown, not as this page.
      expect(years[0]!.current, path).toBe('true');
      expect(
        years.slice(1).every((year) => year.current === null),
        path,
      ).toBe(true);
      const [, resolutions, items] = /(\d+) 則會議結論、(\d+) 個事項/.exec((await page.locator('main').textContent())!)!;
      const total = Number(resolutions) + Number(items);
      await page.close();
      let listed = 0;
      for (const year of years) {
        expect(year.href, path).toMatch(new RegExp(`^${path}\\d{4}/$|^${path}undated/$`));
        const yearPage = await open(year.href);
        expect(await yearPage.locator('h1').textContent(), year.href).toContain(year.text);
        const current = yearPage.getByRole('navigation', { name: /：依年度$/ }).locator('[aria-current="page"]');
        expect(await current.textContent(), year.href).toBe(year.text);
        // Every entry of the year is on its page (the sample's years fit in one), each under the year.
        // A resolution is an entry of its own, or one of a run of its document's under one title.
        const entries = yearPage.locator('main ol.res > li:not(:has(> ol)), main ol.res-run > li, main h2 + ul.plain > li');
        const count = await entries.count();
        listed += count;
        const dates = await yearPage
          .locator('main ol.res > li time, main h2 + ul.plain > li time')
          .evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
        expect(
          dates.every((date) => date?.startsWith(year.href.split('/').at(-2)!)),
          year.href,
        ).toBe(true);
        await yearPage.close();
      }
      expect(listed, path).toBe(total);
    }
  });

  it('keeps every listing page within the width of a phone', async () => {
    const paths = ['/', '/documents/', '/years/', '/coverage/', '/people/', '/series/', '/agencies/', '/topics/'];
    // The pages of each paged listing: the listing's own and a year's.
    for (const [list, pattern] of [
      ['/topics/', /href="(\/topics\/[^"/]+\/)"/],
      ['/agencies/', /href="(\/agencies\/[^"/]+\/)"/],
      ['/series/', /href="(\/series\/[^"]+\/)"/],
      ['/people/', /href="(\/people\/[^"/]+\/)"/],
      ['/years/', /href="(\/years\/\d{4}\/)"/],
    ] as const) {
      const first = pattern.exec(html(list))?.[1];
      expect(first, list).toBeDefined();
      paths.push(first!);
      const year = /href="(\/[^"]+\/\d{4}\/)"/.exec(html(first!))?.[1];
      if (year && existsSync(join(dist, year, 'index.html'))) paths.push(year);
    }
    for (const path of paths) {
      const page = await open(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  it('gives a year page previous and next links in its head, through the years', () => {
    const years = [...html('/years/').matchAll(/href="\/years\/(\d{4})\/"/g)].map(([, year]) => year!);
    expect(years.length).toBeGreaterThan(1);
    // Newest first: the newest year's page has a next (older) page, the oldest a previous (newer) one.
    const [newest, oldest] = [years[0]!, years.at(-1)!];
    expect(html(`/years/${newest}/`)).toMatch(new RegExp(`<link rel="next" href="/years/${years[1]}/"`));
    expect(html(`/years/${oldest}/`)).toMatch(new RegExp(`<link rel="prev" href="/years/${years.at(-2)}/"`));
  });
});
