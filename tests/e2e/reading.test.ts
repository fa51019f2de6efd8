/**
 * Reading and finding on a phone (360 px): a minutes page is an outline of headings a screen reader
 * can jump through, one Tab stop per item or resolution; a permanent link lands on its resolution,
 * marked, with its item in view, and its button copies the citation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveDocument, Item } from '../../src/model/types.ts';
import { PHONE, openBuiltSite, phoneOpener, type Served } from './harness.ts';

const MINUTES_224 = '/minutes/taipei/chief-secretaries-meeting/224/';

interface IndexEntry {
  id: string;
  url: string;
  kind: string;
}

const walk = (items: Item[], depth = 0): Array<{ item: Item; depth: number }> => items.flatMap((item) => [{ item, depth }, ...walk(item.items, depth + 1)]);
const gap = (label: string) => (/[)）.]$/.test(label) ? ' ' : '');

describe('reading on a phone', () => {
  let browser: Browser;
  let site: Served;
  let dist: string;
  let index: { documents: IndexEntry[] };
  beforeAll(async () => {
    ({ dist, site, browser, index } = await openBuiltSite<typeof index>());
  });
  afterAll(async () => {
    await phone.close();
    await browser?.close();
    await site?.close();
  });
  const model = (entry: IndexEntry): ArchiveDocument => JSON.parse(readFileSync(join(dist, 'data', 'documents', `${entry.id}.json`), 'utf8'));
  const phone = phoneOpener(
    () => browser,
    () => site.url,
  );
  const open = phone.open;

  it('gives every section and item of a minutes page a heading, in order, h2 for sections and h3 for their items', async () => {
    const minutes = index.documents.filter((entry) => entry.kind === 'minutes');
    expect(minutes.length).toBeGreaterThan(2);
    for (const entry of minutes) {
      const page = await open(entry.url);
      const headings = await page
        .locator('article .items :is(h2, h3, h4, h5, h6)')
        .evaluateAll((elements) =>
          elements.map((element) => ({ level: Number(element.tagName[1]), text: (element as HTMLElement).innerText.replace(/\s+/g, ' ').trim() })),
        );
      const expected = walk(model(entry).items).map(({ item, depth }) => ({
        level: Math.min(2 + depth, 6),
        text: `${item.label}${gap(item.label)}${item.title}`.replace(/\s+/g, ' '),
      }));
      expect(
        headings.map(({ level }) => level),
        entry.url,
      ).toEqual(expected.map(({ level }) => level));
      headings.forEach((heading, i) => expect(heading.text, entry.url).toContain(expected[i]!.text));
      await page.close();
    }
  });

  it('lists the sections and items in the table of contents, linked to their headings', async () => {
    const page = await open(MINUTES_224);
    const toc = await page.locator('#toc a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(toc.slice(0, 4)).toEqual(['#item-1', '#item-2', '#item-2-1', '#item-2-2']);
    for (const href of toc) expect(await page.locator(`${href} > .ih`).count(), href!).toBe(1);
    await page.close();
  });

  it('has one Tab stop per item and per resolution for its permanent link, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await open(MINUTES_224, { javaScriptEnabled });
      if (javaScriptEnabled) await page.locator('button.copy').first().waitFor();
      // The permanent-link controls of each item's heading and each resolution's text (content links such as agencies aside).
      const stops = await page.$$eval('article li.item, article .res > li', (targets) =>
        targets.map((target) => ({
          id: target.id,
          stops: target.querySelector(':scope > .ih, :scope > p')!.querySelectorAll('a.pl:not([tabindex="-1"]), button').length,
        })),
      );
      expect(stops.length).toBeGreaterThan(30);
      for (const { id, stops: count } of stops) expect(count, `${id} (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`).toBe(1);
      await page.close();
    }
  });

  it('lands a resolution permalink on the resolution, marked, its item heading in view, and copies its citation', async () => {
    const page = await open(`${MINUTES_224}#res-2-1-2`, { permissions: ['clipboard-read', 'clipboard-write'] });
    const target = page.locator('#res-2-1-2');
    await target.locator('button.copy').waitFor();
    await page.waitForTimeout(200);
    const state = await page.evaluate(() => {
      const resolution = document.getElementById('res-2-1-2')!;
      const other = document.getElementById('res-2-1-3')!;
      const label = document.querySelector('#item-2-1 > .ih .pl')!;
      const inView = (element: Element) => {
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      };
      return {
        targeted: resolution.matches(':target'),
        marked: getComputedStyle(resolution).backgroundColor !== getComputedStyle(other).backgroundColor,
        label: label.textContent,
        labelInView: inView(label),
        resolutionTop: resolution.getBoundingClientRect().top,
        labelBottom: label.getBoundingClientRect().bottom,
        canonical: (document.querySelector('link[rel="canonical"]') as HTMLLinkElement).href,
      };
    });
    expect(state).toMatchObject({ targeted: true, marked: true, label: '一、', labelInView: true });
    // The heading stays above the resolution, not over its first line.
    expect(state.resolutionTop).toBeGreaterThanOrEqual(state.labelBottom);
    expect(state.resolutionTop).toBeLessThan(PHONE.height / 2);

    await target.locator('button.copy').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`臺北市政府第 224 次主任秘書會報紀錄，貳、一、(二)，民國111年（2022年）9月22日，${state.canonical}#res-2-1-2`);
    expect(state.canonical).toMatch(/^https?:\/\/[^/]+\/minutes\/taipei\/chief-secretaries-meeting\/224\/$/);
  });

  it('gives permanent links and copy buttons targets of at least 24 by 24 CSS pixels', async () => {
    const page = await open(MINUTES_224);
    await page.locator('button.copy').first().waitFor();
    // Labels such as 一、 are at least 24 px tall and wide enough with the space around them (WCAG 2.5.8's spacing rule).
    const small = await page.$$eval('article .pl, article button.copy, article .chips a', (elements) =>
      elements
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ element, box }) => box.height < 24 || (box.width < 24 && !(element.matches('.pl') && element.textContent!.length > 1)))
        .map(({ element, box }) => `${element.outerHTML.slice(0, 60)} ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(small).toEqual([]);
  });
});
