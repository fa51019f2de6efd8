/**
 * Finding on a phone (360 px) and the look of the site: every term of a query is marked in each
 * result and again on the page a result opens; the search page without JavaScript says what to do;
 * filters take the slugs of the site's own URLs; no page scrolls sideways; the header card, the
 * person table and the print stylesheet read as a citizen expects.
 */
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold, queryTerms } from '../../src/search/fold.ts';
import type { SearchDocument } from '../../src/search/segments.ts';
import { PHONE, buildSite, openBuiltSite, phoneOpener, projectCopy, removeProjectCopies, serve, type Served } from './harness.ts';

const QUERY = '臺北通 簽到';
const TERMS = queryTerms(QUERY);
const MINUTES_224 = '/minutes/taipei/chief-secretaries-meeting/224/';
const ITB_2024_12 = '/minutes/information-technology/bureau-meeting/2024-12/';
const REPORT = '/reports/secretariat/achievement-report/2020-01-2020-06/';

/** The folded text of the marks, joined so a term never spans two marks. */
const markedTerms = (marks: string[]) => TERMS.filter((term) => marks.some((mark) => fold(mark).text.includes(term)));

describe('finding and reading on a phone', () => {
  let browser: Browser;
  let site: Served;
  let dist: string;
  let documents: SearchDocument[];
  beforeAll(async () => {
    ({ dist, site, browser } = await openBuiltSite());
    documents = readdirSync(join(dist, 'search/docs')).map((file) => JSON.parse(readFileSync(join(dist, 'search/docs', file), 'utf8')));
  });
  afterAll(async () => {
    await phone.close();
    await browser?.close();
    await site?.close();
    removeProjectCopies();
  });
  const phone = phoneOpener(
    () => browser,
    () => site.url,
  );
  const open = phone.open;
  const searchPage = async (params: string) => {
    const page = await open(`/search/?${params}`);
    await page.waitForFunction(
      () =>
        /筆|沒有符合/.test(document.getElementById('search-status')!.textContent ?? '') &&
        !/中…/.test(document.getElementById('search-status')!.textContent ?? ''),
    );
    return page;
  };
  /** The documents holding every term: what the search must show. */
  const holding = (query: string) =>
    documents.filter((document) => queryTerms(query).every((term) => fold(document.segments.map(([, , text]) => text).join('\n')).text.includes(term)));

  it('marks every term of a two-term query in the excerpt of each result, dated in 民國 with AD beside', async () => {
    const expected = holding(QUERY);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const page = await searchPage(`q=${encodeURIComponent(QUERY)}`);
    const results = await page.$$eval('#search-results > li', (items) =>
      items.map((item) => ({
        title: item.querySelector('h2')!.textContent,
        date: item.querySelector('.meta time')?.textContent,
        excerpt: [...item.querySelectorAll(':scope > .excerpt mark')].map((mark) => mark.textContent!),
        all: [...item.querySelectorAll('mark')].map((mark) => mark.textContent!),
        subs: [...item.querySelectorAll('.subs li')].map((sub) => [...sub.querySelectorAll('mark')].map((mark) => mark.textContent!)),
      })),
    );
    expect(results.map((result) => result.title).sort()).toEqual(expected.map((document) => document.title).sort());
    for (const result of results) {
      // The excerpt shown first holds every term; so does each result's set of excerpts.
      const first = result.excerpt.length ? result.excerpt : result.subs[0]!;
      expect(markedTerms(first), result.title!).toEqual(TERMS);
      expect(result.date, result.title!).toMatch(/^民國\d+年（\d{4}年）\d+月\d+日$/);
      for (const sub of result.subs) expect(sub.length, result.title!).toBeGreaterThan(0);
    }
    // The same through the API the page runs.
    const api = await page.evaluate(
      (q) =>
        (window as unknown as { archiveSearch: (q: string, f: object, o: object) => Promise<Array<{ excerpt: string }>> }).archiveSearch(q, {}, { limit: 10 }),
      QUERY,
    );
    for (const result of api) expect(markedTerms([...result.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((match) => match[1]!))).toEqual(TERMS);
  });

  it('opens a sub-result on its anchor with the query marked there, every term, the first mark in view', async () => {
    const page = await searchPage(`q=${encodeURIComponent(QUERY)}`);
    const link = page.locator('#search-results .subs a').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/\?q=[^#]+#/);
    await link.click();
    await page.waitForURL((url) => url.hash === `#${href.split('#')[1]}`);
    await page.locator('mark.hl').first().waitFor();
    const state = await page.evaluate(() => {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)))!;
      const marks = [...document.querySelectorAll('article mark.hl')];
      const inTarget = marks.filter((mark) => target.contains(mark));
      const box = inTarget[0]!.getBoundingClientRect();
      return {
        all: marks.map((mark) => mark.textContent!),
        target: inTarget.map((mark) => mark.textContent!),
        firstInView: box.top >= 0 && box.bottom <= innerHeight,
        note: document.querySelector('.hl-note')?.textContent,
      };
    });
    expect(markedTerms(state.all)).toEqual(TERMS);
    expect(state.target.length).toBeGreaterThan(0);
    expect(state.firstInView).toBe(true);
    expect(state.note).toContain('回到搜尋結果');
  });

  it('marks the terms on a document opened with ?q= and no anchor, scrolled to the first', async () => {
    const opened = holding(QUERY)[0]!;
    const page = await open(`${opened.url}?q=${encodeURIComponent(QUERY)}`);
    await page.locator('mark.hl').first().waitFor();
    const { marks, top } = await page.evaluate(() => ({
      marks: [...document.querySelectorAll('article mark.hl')].map((mark) => mark.textContent!),
      top: document.querySelector('article mark.hl')!.getBoundingClientRect().top,
    }));
    expect(markedTerms(marks)).toEqual(TERMS);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(PHONE.height);
    // Without a query nothing is marked.
    const plain = await open(opened.url);
    await plain.locator('button.copy').first().waitFor();
    expect(await plain.locator('mark.hl').count()).toBe(0);
  });

  it('tells a reader without JavaScript that search needs it, and offers the listing pages', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('台北通')}`, { javaScriptEnabled: false });
    const notice = page.locator('#no-script');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain('搜尋需要 JavaScript');
    const links = await notice.locator('a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')!));
    expect(links).toEqual(expect.arrayContaining(['/topics/', '/agencies/', '/years/']));
    // The form cannot search without script: it is not offered.
    expect(await page.locator('#search-form').isVisible()).toBe(false);
    for (const href of links) expect((await page.request.get(new URL(href.slice(1), site.url).href)).status(), href).toBe(200);
    const withScript = await searchPage(`q=${encodeURIComponent('台北通')}`);
    expect(await withScript.locator('#no-script').count()).toBe(0);
  });

  it('has one search box on the search page, and the header box on every other page', async () => {
    const page = await searchPage(`q=${encodeURIComponent('台北通')}`);
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    expect(await page.locator('input[type="search"]').inputValue()).toBe('台北通');
    await page.locator('.skip-links a', { hasText: '跳到搜尋' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    const home = await open('/');
    expect(await home.locator('input[type="search"]').count()).toBe(1);
    expect(await home.locator('#site-q').count()).toBe(1);
  });

  it('filters by the slug an agency page or topic page has in its URL, as by the name', async () => {
    const byName = await searchPage(`q=${encodeURIComponent('台北通')}&agency=${encodeURIComponent('秘書處')}`);
    const named = await byName.$$eval('#search-results h2 a', (links) => links.map((link) => link.textContent));
    expect(named.length).toBeGreaterThan(0);
    const bySlug = await searchPage(`q=${encodeURIComponent('台北通')}&agency=secretariat`);
    expect(await bySlug.$$eval('#search-results h2 a', (links) => links.map((link) => link.textContent))).toEqual(named);
    expect(await bySlug.locator('#f-agency').inputValue()).toBe('secretariat');
    // The topic page's slug, and the API with a slug.
    const topic = await searchPage('topic=e-invoice');
    expect(await topic.locator('#search-results > li').count()).toBeGreaterThan(0);
    const api = await topic.evaluate(() =>
      (window as unknown as { archiveSearch: (q: string, f: object) => Promise<unknown[]> }).archiveSearch('台北通', { agency: 'secretariat' }),
    );
    expect(api.length).toBe(named.length);
    // The agency page the slug comes from exists.
    expect((await topic.request.get(new URL('agencies/secretariat/', site.url).href)).status()).toBe(200);
  });

  it('scrolls no page sideways at 360 px: home, documents, report, topic, agency, person, search', async () => {
    const paths = ['/', MINUTES_224, ITB_2024_12, REPORT, '/topics/e-invoice/', '/agencies/secretariat/', '/people/chen-zhi-ming/', '/people/', '/years/2021/'];
    for (const path of paths) {
      const page = await open(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(PHONE.width);
    }
    const search = await searchPage(`q=${encodeURIComponent(QUERY)}`);
    await search.locator('details summary').click();
    expect(await search.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const noScript = await open('/search/', { javaScriptEnabled: false });
    expect(await noScript.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('keeps a header field printed as one phrase on one line, and gives no date twice', async () => {
    const page = await open(ITB_2024_12);
    const row = page.locator('.card dl > div', { hasText: '出席人員' });
    expect((await row.innerText()).replace(/\n/g, '')).toBe('四、 出席人員（如簽到表）');
    const [label, value] = await row.locator('dt, dd').evaluateAll((parts) => parts.map((part) => part.getBoundingClientRect().top));
    expect(value).toBe(label);
    for (const path of [ITB_2024_12, MINUTES_224, REPORT]) {
      const card = await (await open(path)).locator('.card').innerText();
      // The date the header prints is not repeated as a 日期 line.
      expect(card, path).not.toMatch(/^日期：/m);
      expect(card.match(/（\d{4}年\d+月\d+日）/g)?.length ?? 0, path).toBeLessThanOrEqual(path === REPORT ? 2 : 1);
    }
  });

  it('lines each value up with its label when the web layout prints the value on the next line (市政會議)', async () => {
    const project = projectCopy('layouts');
    cpSync(
      join(import.meta.dirname, '../fixtures/layouts/city-administration-meeting-2130.txt'),
      join(project, 'content/minutes/city-administration-meeting-2130.txt'),
    );
    const other = await serve(await buildSite('/', project));
    const otherPhone = phoneOpener(
      () => browser,
      () => other.url,
    );
    try {
      const page = await otherPhone.open('/minutes/taipei/city-administration-meeting/2130/');
      const rows = await page.$$eval('.card dl > div', (groups) => {
        /** Where the first printed character of an element is drawn. */
        const firstCharTop = (element: Element) => {
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent!.search(/\S/);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            return range.getBoundingClientRect().top;
          }
          return Number.NaN;
        };
        return groups.map((group) => {
          const [label, value] = [group.querySelector('dt')!, group.querySelector('dd')!];
          return { label: label.textContent!.trim(), dt: firstCharTop(label), dd: firstCharTop(value), text: value.textContent };
        });
      });
      expect(rows.map((row) => row.label)).toEqual(['發文機關', '開會日期', '開會地點', '主席', '紀錄', '出席', '列席']);
      for (const row of rows) expect(Math.abs(row.dd - row.dt), row.label).toBeLessThan(4);
      expect(rows[1]!.text).toBe('2020-12-22 09:00:00（民國109年12月22日）');
    } finally {
      await otherPhone.close();
      await other.close();
    }
  });

  it('gives the person table readable cells at 360 px, not a column one character wide', async () => {
    const page = await open('/people/chen-zhi-ming/');
    const widths = await page.$$eval('table.reflow td', (cells) =>
      cells.filter((cell) => cell.textContent!.trim()).map((cell) => cell.getBoundingClientRect().width),
    );
    expect(widths.length).toBeGreaterThan(3);
    for (const width of widths) expect(width).toBeGreaterThan(PHONE.width / 2);
    expect(await page.locator('table.reflow td[data-label="角色"]').first().innerText()).toBe('主席');
  });

  it('puts an agency’s other names under a 又稱 disclosure', async () => {
    const page = await open('/agencies/research-development-evaluation/');
    const details = page.locator('details.aliases');
    expect(await details.locator('summary').innerText()).toBe('又稱');
    expect(await details.locator('li').first().isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.locator('li').allInnerTexts()).toContain('研考會');
  });

  it('has a favicon and the emblem site.yaml names, both served', async () => {
    const page = await open('/');
    const icon = (await page.locator('link[rel="icon"]').getAttribute('href'))!;
    const response = await page.request.get(new URL(icon.slice(1), site.url).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('image/svg+xml');
    const emblem = page.locator('.site-title img.emblem');
    expect(await emblem.getAttribute('alt')).toBe('網站標誌');
    expect(await emblem.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  });

  it('prints the document and its provenance, without the search box, navigation or footer links', async () => {
    const page = await open(`${MINUTES_224}?q=${encodeURIComponent(QUERY)}`);
    await page.locator('mark.hl').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => {
      const visible = (selector: string) =>
        [...document.querySelectorAll<HTMLElement>(selector)].some((element) => element.offsetParent !== null || element.getClientRects().length > 0);
      return {
        header: visible('.site-header'),
        search: visible('#site-q'),
        nav: visible('nav[aria-label="網站導覽"]'),
        footerLinks: visible('.footer-links a'),
        pager: visible('.pager'),
        note: visible('.hl-note'),
        article: visible('article h1'),
        provenance: visible('#provenance'),
        url: visible('.print-url'),
      };
    });
    expect(shown).toEqual({
      header: false,
      search: false,
      nav: false,
      footerLinks: false,
      pager: false,
      note: false,
      article: true,
      provenance: true,
      url: true,
    });
    const search = await searchPage(`q=${encodeURIComponent('台北通')}`);
    await search.emulateMedia({ media: 'print' });
    expect(await search.locator('#search-form').isVisible()).toBe(false);
    expect(await search.locator('#search-results').isVisible()).toBe(true);
  });
});
