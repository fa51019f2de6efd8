/**
 * The archive site as citizens and staff meet it: every link and anchor resolves (at the root and
 * under a sub-path), every page type passes axe in light and dark mode, no document loses a
 * character of its source, pages stay small and script-free, and any document is three clicks from home.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, htmlFiles, openBuiltSite, type Served } from './harness.ts';
import { ARCHIVE } from '../fixtures/archive.ts';

const decode = (value: string) =>
  value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** Every internal link of every page that points at a missing page or a missing anchor. */
function brokenLinks(dist: string, base: string): string[] {
  const pages = new Map<string, Set<string>>();
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    pages.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => decode(match[1]!))));
  }
  const broken: string[] = [];
  for (const file of pages.keys()) {
    const html = readFileSync(file, 'utf8');
    const pageUrl = `${base}${relative(dist, file).replace(/index\.html$/, '')}`;
    for (const [, raw] of html.matchAll(/<a\s[^>]*href="([^"]*)"/g)) {
      const href = decode(raw!);
      if (/^[a-z]+:/i.test(href)) continue;
      const url = new URL(href, `http://site${pageUrl}`);
      if (!url.pathname.startsWith(base)) {
        broken.push(`${pageUrl} → ${href} (outside the base path ${base})`);
        continue;
      }
      const path = decodeURIComponent(url.pathname.slice(base.length));
      const target = path === '' || path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
      const ids = pages.get(target);
      let exists = Boolean(ids);
      if (!exists) {
        try {
          readFileSync(target);
          exists = true;
        } catch {
          exists = false;
        }
      }
      if (!exists) broken.push(`${pageUrl} → ${href} (no such page)`);
      else if (url.hash && !ids?.has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${pageUrl} → ${href} (no such anchor)`);
    }
  }
  return broken;
}

describe('links and anchors', () => {
  it('has no broken internal link or anchor when built for the root', async () => {
    const dist = await buildSite('/');
    expect(htmlFiles(dist).length).toBeGreaterThan(20);
    expect(brokenLinks(dist, '/')).toEqual([]);
  });

  it('has no broken internal link or anchor when built for a sub-path', async () => {
    const dist = await buildSite('/minutes-archive/');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('href="/minutes-archive/documents/"');
    expect(brokenLinks(dist, '/minutes-archive/')).toEqual([]);
  });
});

describe('pages in a browser', () => {
  let browser: Browser;
  let site: Served;
  let dist: string;
  let index: { documents: Array<{ id: string; url: string; kind: string }> };
  beforeAll(async () => {
    ({ dist, site, browser, index } = await openBuiltSite<typeof index>());
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const open = async (path: string, options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> => {
    const page = await browser.newPage(options);
    await page.goto(new URL(path.replace(/^\//, ''), site.url).href);
    return page;
  };

  // One test per page type and colour scheme: thirty pages in one test had a budget a busy machine missed.
  const pageTypes: Array<[string, () => string]> = [
    ['home', () => '/'],
    ['minutes', () => index.documents.find((document) => document.kind === 'minutes')!.url],
    ['report', () => index.documents.find((document) => document.kind === 'report')!.url],
    ['documents', () => '/documents/'],
    ['series index', () => '/series/'],
    ['series', () => '/series/taipei/chief-secretaries-meeting/'],
    ['agencies', () => '/agencies/'],
    ['agency', () => '/agencies/research-development-evaluation/'],
    ['resolutions to every agency', () => '/agencies/collective/'],
    ['topics', () => '/topics/'],
    ['topic', () => '/topics/e-invoice/'],
    ['case', () => '/cases/taipei/chief-secretaries-meeting/204-2/'],
    ['years', () => '/years/'],
    ['year', () => '/years/2021/'],
    ['search', () => '/search/?q=台北通'],
    ['search with two terms and a filter', () => `/search/?q=${encodeURIComponent('台北通 簽到')}&agency=secretariat`],
    [
      'document opened from a search, terms marked',
      () => `/minutes/taipei/chief-secretaries-meeting/224/?q=${encodeURIComponent('市政大樓 秘書處')}#res-2-8-2`,
    ],
    ['people', () => '/people/'],
    ['person', () => '/people/chen-zhi-ming/'],
    ['404', () => '/no-such-page/'],
  ];
  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(pageTypes)(`reports no serious or critical axe violation on the %s page (${colorScheme})`, async (_, pathOf) => {
      const path = pathOf();
      // The site's CSP forbids inline script, axe's included: the checker bypasses it, the site does not.
      const page = await open(path, { colorScheme, bypassCSP: true });
      if (path.startsWith('/search/')) await page.locator('#search-results li').first().waitFor();
      else if (path.includes('?q=')) await page.locator('mark.hl').first().waitFor();
      await page.addScriptTag({ content: axe.source });
      const result = await page.evaluate(() =>
        (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
      );
      await page.close();
      const violations = result.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id} (${violation.nodes.length}) ${violation.nodes[0]?.target.join(' ')}`);
      expect(violations).toEqual([]);
    });
  }

  it('shows every character of every source file, in order', async () => {
    for (const entry of index.documents) {
      const model = JSON.parse(readFileSync(join(dist, 'data', 'documents', `${entry.id}.json`), 'utf8'));
      const source = readFileSync(join(ARCHIVE, 'content', model.source), 'utf8');
      const page = await open(entry.url);
      const shown = (await page.locator('main').innerText()).replace(/\s+/g, '');
      await page.close();
      // Markdown residue (list bullets, #, **, autolink brackets) and white space are layout, not text.
      const wanted = source
        .split('\n')
        .map((line) =>
          line
            .replace(/^\s*(?:[-*+]\s+|#{1,6}\s+)+/, '')
            .replace(/\*\*/g, '')
            .replace(/<(https?:[^>]+)>/g, '$1'),
        )
        .join('')
        .replace(/\s+/g, '');
      let at = 0;
      let missing: string | undefined;
      for (const [index, char] of [...wanted].entries()) {
        const found = shown.indexOf(char, at);
        if (found < 0) {
          missing = `${entry.url}: 「${wanted.slice(Math.max(0, index - 10), index)}【${char}】${wanted.slice(index + 1, index + 10)}」`;
          break;
        }
        at = found + 1;
      }
      expect(missing).toBeUndefined();
    }
  });

  it('keeps pages free of inline script and style, listing pages free of any script, and meeting pages under 32 KB of HTML and CSS', () => {
    // The search page runs the search; document pages load one file for their copy buttons and
    // highlighting (they read the same without it). Data for search engines (JSON-LD) is not script.
    const documentPages = new Set(index.documents.map((entry) => join(dist, entry.url, 'index.html')));
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      const scripts = [...html.matchAll(/<script(?! type="application\/ld\+json")([^>]*)>([\s\S]*?)<\/script>/g)];
      if (file.endsWith(join('search', 'index.html'))) continue;
      // Styles live in the one cached stylesheet: a component's <style> was inlined into every page
      // using it (24 MB at 10,000 documents), and template comments were sent along (8 MB).
      expect(html.match(/<style[\s>][\s\S]{0,60}|<!--[\s\S]{0,60}|data-astro-cid-\w+/g), file).toBeNull();
      if (!documentPages.has(file))
        expect(
          scripts.map((script) => script[0]),
          file,
        ).toEqual([]);
      for (const [, attributes, body] of scripts) {
        expect(attributes, file).toMatch(/^ type="module" src="\/_astro\/[^"]+\.js"$/);
        expect(body, file).toBe('');
      }
    }
    for (const entry of index.documents.filter((document) => document.kind === 'minutes')) {
      const html = readFileSync(join(dist, entry.url, 'index.html'), 'utf8');
      const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].reduce(
        (sum, [, href]) => sum + readFileSync(join(dist, href!)).length,
        0,
      );
      expect(Buffer.byteLength(html) + css, entry.url).toBeLessThan(32_000);
    }
  });

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    for (const entry of index.documents) {
      const page = await open(entry.url, { viewport: { width: 360, height: 740 } });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.close();
      expect(width, entry.url).toBeLessThanOrEqual(360);
    }
  });

  it('reaches every document, and so every resolution on it, within two clicks from home', async () => {
    const linksOf = async (path: string) => {
      const page = await open(path);
      const hrefs = await page.$$eval('a[href]', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
      await page.close();
      return new Set(hrefs);
    };
    const first = await linksOf('/');
    const second = new Set(first);
    for (const path of first) if (!path.startsWith('/data/') && !path.startsWith('/sources/')) for (const href of await linksOf(path)) second.add(href);
    for (const entry of index.documents) expect(second.has(entry.url), entry.url).toBe(true);
  }, 180_000);

  it('prints a document with its URL and without navigation', async () => {
    const page = await open(index.documents[0]!.url);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-url').isVisible()).toBe(true);
    expect(await page.locator('.print-url').innerText()).toContain(index.documents[0]!.url);
    expect(await page.locator('.site-header nav').isVisible()).toBe(false);
    await page.close();
  });

  it('answers a missing page with the site 404 page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${site.url}minutes/nowhere/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('找不到這個頁面');
    expect(await page.locator('.site-header').count()).toBe(1);
    await page.close();
  });

  it('links a document to its series, agencies, cases and neighbours', async () => {
    const page = await open('/minutes/taipei/chief-secretaries-meeting/224/');
    const links = await page.$$eval('a[href]', (elements) => elements.map((element) => element.getAttribute('href')));
    expect(links).toContain('/series/taipei/chief-secretaries-meeting/');
    expect(links).toContain('/cases/taipei/chief-secretaries-meeting/204-2/');
    expect(links).toContain('/agencies/research-development-evaluation/');
    expect(links).toContain('/minutes/taipei/chief-secretaries-meeting/210/');
    // The date as printed, in ROC years, with the AD date beside it, and the time only once.
    const card = await page.locator('.card').innerText();
    expect(card).toContain('民國 111 年 9 月 22 日 10 時 00 分（2022年9月22日）');
    expect(card).not.toContain('10:00');
    await page.close();
  });
});

describe('files each document has beside its page', () => {
  /** Width and height from a PNG's IHDR chunk; undefined when the bytes are not a PNG. */
  const pngSize = (png: Buffer) => (png.subarray(1, 4).toString() === 'PNG' ? [png.readUInt32BE(16), png.readUInt32BE(20)] : undefined);

  for (const base of ['/', '/minutes-archive/']) {
    it(`are all there, and say what the page says, when built for ${base}`, async () => {
      const dist = await buildSite(base);
      const index = JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8')) as { documents: Array<{ id: string; url: string; json: string }> };
      expect(index.documents.length).toBeGreaterThan(0);
      for (const entry of index.documents) {
        const page = readFileSync(join(dist, entry.url, 'index.html'), 'utf8');
        // The share card the page names is a 1200×630 PNG in the site, under the base path.
        const image = /<meta property="og:image" content="([^"]+)"/.exec(page)?.[1];
        expect(image, entry.url).toBe(`https://example.org${base}og/${entry.id}.png`);
        expect(pngSize(readFileSync(join(dist, 'og', `${entry.id}.png`))), entry.id).toEqual([1200, 630]);
        // The open data and the search file are of this document; the source is the published file, byte for byte.
        const model = JSON.parse(readFileSync(join(dist, entry.json), 'utf8')) as { id: string; url: string; source: string; file: { url: string } };
        expect([model.id, model.url]).toEqual([entry.id, entry.url]);
        const search = JSON.parse(readFileSync(join(dist, 'search', 'docs', `${entry.id}.json`), 'utf8')) as { id: string; url: string };
        expect([search.id, search.url]).toEqual([entry.id, entry.url]);
        expect(readFileSync(join(dist, model.file.url)).equals(readFileSync(join(ARCHIVE, 'content', model.source))), model.file.url).toBe(true);
        expect(page).toContain(`href="${base}${model.file.url.slice(1)}"`);
      }
    });
  }
});
