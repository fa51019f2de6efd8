/**
 * Images in documents, on built sites: a project copy with the report of tests/fixtures/images/ in
 * its content/reports/ is built at the domain root and under a sub-path. Each image it names shows
 * through Astro's image pipeline (variants that exist and have the width their srcset states), with
 * its alt text and a caption linking the original as published; the missing one stays text and is a
 * warning with file:line, and fails a strict build; in Chromium every image loads at a phone's width.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import axe from 'axe-core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveDocument, ImageRef, Item } from '../../src/model/types.ts';
import { linePieces, squash } from '../../src/pipeline/coverage.ts';
import { buildLog, buildSite, launchBrowser, projectCopy, removeProjectCopies, root, serve, type Served } from './harness.ts';

const FIXTURE = join(root, 'tests/fixtures/images');
const SOURCE = 'content/reports/secretariat-2020-h2.txt';
const BASE = '/minutes-archive/';

interface Site {
  dist: string;
  base: string;
  served: Served;
}

let project: string;
let sites: Site[];
let browser: Browser;
let report: ArchiveDocument;

beforeAll(async () => {
  project = projectCopy('images');
  cpSync(join(FIXTURE, 'secretariat-2020-h2.txt'), join(project, SOURCE));
  cpSync(join(FIXTURE, 'images'), join(project, 'content/reports/images'), { recursive: true });
  // One after the other: both builds use the project's content store and caches.
  const atRoot = await buildSite('/', project);
  const underBase = await buildSite({ base: BASE, root: project, outDir: join(project, 'dist-base') });
  sites = [
    { dist: atRoot, base: '/', served: await serve(atRoot) },
    { dist: underBase, base: BASE, served: await serve(underBase, BASE) },
  ];
  const index: { documents: { id: string; url: string }[] } = JSON.parse(readFileSync(join(atRoot, 'data/index.json'), 'utf8'));
  const entry = index.documents.find((candidate) => candidate.url.endsWith('/2020-07-2020-12/'))!;
  report = JSON.parse(readFileSync(join(atRoot, 'data/documents', `${entry.id}.json`), 'utf8'));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const site of sites ?? []) await site.served.close();
  removeProjectCopies();
});

const allItems = (items: Item[]): Item[] => items.flatMap((item) => [item, ...allItems(item.items)]);
const images = (): ImageRef[] => allItems(report.items).flatMap((item) => item.images ?? []);

async function open(site: Site, width = 1024): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(new URL(report.url.slice(1), site.served.url).href);
  return page;
}

/** What the page's figures say: every attribute a reader or a browser relies on. */
async function figures(page: Page) {
  return page.locator('figure').evaluateAll((nodes) =>
    nodes.map((figure) => {
      const img = figure.querySelector('picture > img')!;
      return {
        alt: img.getAttribute('alt'),
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        loading: img.getAttribute('loading'),
        sizes: img.getAttribute('sizes'),
        src: img.getAttribute('src')!,
        srcsets: [img, ...figure.querySelectorAll('picture > source')].map((element) => ({
          type: element.getAttribute('type'),
          srcset: element.getAttribute('srcset')!,
        })),
        caption: figure.querySelector('figcaption')!.textContent!,
        link: figure.querySelector('figcaption a')!.getAttribute('href')!,
      };
    }),
  );
}

/** The file in dist/ a site URL names. */
const fileOf = (site: Site, url: string) => join(site.dist, decodeURIComponent(url.slice(site.base.length)));

describe('the model', () => {
  it('records each reference with its line, the two files found and the missing one without a path', () => {
    expect(images().map(({ alt, src, path, line }) => ({ alt, src, path, line }))).toEqual([
      { alt: '圖 1 節約能源成果：用電、用水、用油與 108 年同期比較', src: 'images/energy-saving.jpg', path: 'reports/images/energy-saving.jpg', line: 28 },
      { alt: '圖 2 本期市民諮詢服務件數', src: 'images/service-chart.png', path: 'reports/images/service-chart.png', line: 37 },
      { alt: '圖 3 本期新聞稿則數', src: 'images/press-releases.png', path: undefined, line: 42 },
    ]);
  });

  it('is valid open data: dist/data/documents/<id>.json passes the published JSON Schema', () => {
    const schema = JSON.parse(readFileSync(join(sites[0]!.dist, 'data/schema/document.json'), 'utf8'));
    const valid = new Ajv2020({ allErrors: true, validateFormats: false }).compile(schema);
    expect(valid(report), JSON.stringify(valid.errors)).toBe(true);
  });
});

describe.each([
  ['at the domain root', 0],
  ['under a sub-path', 1],
])('the report page %s', (_name, which) => {
  const site = () => sites[which]!;

  it('shows each image as <picture> variants with width, height, alt, a srcset of several widths and lazy loading', async () => {
    const page = await open(site());
    const shown = await figures(page);
    await page.close();
    expect(shown.map((figure) => [figure.alt, figure.width, figure.height, figure.loading])).toEqual([
      ['圖 1 節約能源成果：用電、用水、用油與 108 年同期比較', '960', '540', 'lazy'],
      ['圖 2 本期市民諮詢服務件數', '800', '450', 'lazy'],
    ]);
    for (const figure of shown) {
      expect(figure.sizes).toBeTruthy();
      // AVIF and WebP sources, then the original's own format for browsers with neither.
      expect(figure.srcsets.map((set) => set.type)).toEqual([null, 'image/avif', 'image/webp']);
      expect(figure.src).toMatch(figure.alt!.startsWith('圖 1') ? /\.jpg$/ : /\.png$/);
      expect(figure.src.startsWith(`${site().base}_astro/`)).toBe(true);
    }
  });

  it('publishes every variant a srcset names, at the width it states', async () => {
    const page = await open(site());
    const shown = await figures(page);
    await page.close();
    const checked: string[] = [];
    for (const figure of shown) {
      for (const { srcset } of figure.srcsets) {
        const candidates = srcset.split(',').map((candidate) => candidate.trim().split(/\s+/) as [string, string]);
        expect(candidates.length, srcset).toBeGreaterThanOrEqual(3);
        for (const [url, descriptor] of candidates) {
          expect(url.startsWith(`${site().base}_astro/`), url).toBe(true);
          const file = fileOf(site(), url);
          expect(existsSync(file), url).toBe(true);
          const meta = await sharp(file).metadata();
          expect(`${meta.width}w`, url).toBe(descriptor);
          checked.push(`${url.replace(/^.*\./, '')} ${descriptor} ${readFileSync(file).length} B`);
        }
      }
      const fallback = await sharp(fileOf(site(), figure.src)).metadata();
      expect(String(fallback.width)).toBe(figure.width);
    }
    console.log(`variants (${site().base}): ${checked.join(', ')}`);
  });

  it('captions each image with its alt text and title, and links the original file as published', async () => {
    const page = await open(site());
    const shown = await figures(page);
    await page.close();
    expect(shown.map((figure) => figure.caption)).toEqual([
      '圖 1 節約能源成果：用電、用水、用油與 108 年同期比較原始圖檔：images/energy-saving.jpg',
      '圖 2 本期市民諮詢服務件數（綜合、法律、建築、地政諮詢）原始圖檔：images/service-chart.png',
    ]);
    expect(shown.map((figure) => figure.link)).toEqual([
      `${site().base}sources/reports/images/energy-saving.jpg`,
      `${site().base}sources/reports/images/service-chart.png`,
    ]);
    for (const [figure, name] of shown.map((shownFigure, i) => [shownFigure, ['energy-saving.jpg', 'service-chart.png'][i]!] as const)) {
      const response = await fetch(new URL(figure.link, site().served.url));
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(FIXTURE, 'images', name)))).toBe(true);
    }
  });

  it('shows the reference to the missing image as text, and no figure for it', async () => {
    const page = await open(site());
    const item = page.locator('li.item', { hasText: '本期本府秘書處發布新聞稿 235 則' }).last();
    expect(await item.innerText()).toContain('![圖 3 本期新聞稿則數](images/press-releases.png)');
    expect(await item.locator('figure').count()).toBe(0);
    await page.close();
  });

  it('loads every image in Chromium at a 360 px viewport, without horizontal scrolling', async () => {
    const page = await open(site(), 360);
    const images = page.locator('figure img');
    expect(await images.count()).toBe(2);
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await image.evaluate((img: HTMLImageElement) =>
        img.complete && img.naturalWidth > 0 ? undefined : new Promise((resolve) => img.addEventListener('load', resolve, { once: true })),
      );
    }
    const state = await page.evaluate(() => ({
      loaded: [...document.querySelectorAll<HTMLImageElement>('figure img')].map((img) => ({
        natural: img.naturalWidth,
        shown: Math.round(img.getBoundingClientRect().width),
        current: img.currentSrc,
      })),
      scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    for (const image of state.loaded) {
      expect(image.natural).toBeGreaterThan(0);
      expect(image.shown).toBeLessThanOrEqual(360);
      expect(new URL(image.current).pathname.startsWith(`${site().base}_astro/`)).toBe(true);
    }
    expect(state.scroll).toBe(0);
    await page.close();
  });
});

describe('nothing lost', () => {
  it('shows every source character: text in order, each image reference as its alt text, title and path', async () => {
    const page = await open(sites[0]!);
    const shown = squash(await page.locator('main').innerText());
    await page.close();
    const found = images().filter((image) => image.path);
    let cursor = 0;
    for (const [index, line] of readFileSync(join(FIXTURE, 'secretariat-2020-h2.txt'), 'utf8').split('\n').entries()) {
      // A figure's words: the text around its reference, then alt text, title and path (the markup is residue).
      const pieces: string[] = [];
      let rest = line;
      for (const image of found.filter((candidate) => candidate.line === index + 1)) {
        const at = rest.indexOf(image.text);
        pieces.push(...linePieces(rest.slice(0, at)), ...[image.alt, image.title ?? '', image.src].map(squash).filter(Boolean));
        rest = rest.slice(at + image.text.length);
      }
      pieces.push(...linePieces(rest));
      for (const piece of pieces) {
        const at = shown.indexOf(piece, cursor);
        expect(at, `line ${index + 1}: 「${piece}」`).toBeGreaterThanOrEqual(0);
        cursor = at + piece.length;
      }
    }
  });
});

describe('accessibility', () => {
  it('has no serious or critical axe violation on the report page', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(new URL(report.url.slice(1), sites[0]!.served.url).href);
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
    );
    await page.close();
    expect(result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual(
      [],
    );
  });
});

describe('the missing image', () => {
  const warning = `${SOURCE}:42:3 image 「圖 3 本期新聞稿則數」 (images/press-releases.png): content/reports/images/press-releases.png does not exist`;

  it('is a warning with file:line in the lenient build output and in the document', () => {
    expect(buildLog(sites[0]!.dist)).toContain(warning);
    expect(report.warnings.filter((message) => message.includes(' image '))).toEqual([expect.stringContaining(warning)]);
  });

  it('fails a strict build, which names it', async () => {
    const astro = join(root, 'node_modules/astro/bin/astro.mjs');
    const failure = await promisify(execFile)(process.execPath, [astro, 'build', '--root', project, '--outDir', join(project, 'dist-strict')], {
      cwd: project,
      env: { ...process.env, STRICT: '1', BASE_PATH: '/' },
    }).then(
      () => undefined,
      (error: { stdout: string; stderr: string }) => error,
    );
    expect(failure).toBeDefined();
    expect(`${failure!.stdout}\n${failure!.stderr}`).toContain(warning);
  }, 120_000);
});
