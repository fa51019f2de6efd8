/**
 * What staff and data users carry away from the built site: a site identity that is the
 * publisher's own (a sample one warns and fails a strict build; a real one leaves no example.org
 * anywhere), a CSV that Python and LibreOffice Calc read as one record per resolution, feeds and
 * calendars that validate and are linked where they apply, and the data package that describes it.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import axe from 'axe-core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveDocument, Item } from '../../src/model/types.ts';
import { buildEnv, htmlFiles, launchBrowser, projectCopy, removeProjectCopies, root, serve, type Served } from './harness.ts';

/** A publisher's own identity: the sample's site.yaml with every placeholder replaced. */
const OWN_URL = 'https://minutes.gov.taipei';
const ownIdentity = (yaml: string) =>
  yaml
    .replace(/^url: .*$/m, `url: ${OWN_URL}/`)
    .replaceAll('minutes-archive@example.org', 'minutes@mail.taipei.gov.tw')
    .replace('網站管理人員（範例）', '秘書處資訊室');

const EXAMPLE = /example\.(?:org|com|net)/;
const astro = join(root, 'node_modules/astro/bin/astro.mjs');

/** `astro build` of a project with extra environment variables; what it printed, and whether it failed. */
async function build(project: string, outDir: string, env: Record<string, string>): Promise<{ failed: boolean; output: string }> {
  // The caller's STRICT or SITE_URL would decide what these tests are about.
  const clean = buildEnv('/');
  for (const name of ['STRICT', 'ARCHIVE_STRICT', 'SITE_URL']) delete clean[name];
  Object.assign(clean, env);
  return promisify(execFile)(process.execPath, [astro, 'build', '--root', project, '--outDir', outDir], {
    cwd: project,
    env: clean,
    maxBuffer: 64 * 2 ** 20,
  }).then(
    ({ stdout, stderr }) => ({ failed: false, output: `${stdout}\n${stderr}` }),
    (error: { stdout?: string; stderr?: string }) => ({ failed: true, output: `${error.stdout ?? ''}\n${error.stderr ?? ''}` }),
  );
}

/** Every file under a folder, relative paths. */
const filesUnder = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((file) => statSync(join(dir, file)).isFile());

const documentsOf = (dist: string): ArchiveDocument[] =>
  (JSON.parse(readFileSync(join(dist, 'data/index.json'), 'utf8')) as { documents: { id: string }[] }).documents.map(({ id }) =>
    JSON.parse(readFileSync(join(dist, 'data/documents', `${id}.json`), 'utf8')),
  );
function* walk(items: Item[]): Generator<Item> {
  for (const item of items) {
    yield item;
    yield* walk(item.items);
  }
}
const resolutionCount = (documents: ArchiveDocument[]) =>
  documents.reduce((sum, document) => sum + [...walk(document.items)].reduce((n, item) => n + item.resolutions.length, 0), 0);

afterAll(removeProjectCopies);

describe('the sample identity', () => {
  let project: string;
  beforeAll(() => {
    project = projectCopy('sample-identity');
  });

  it('ends the build with a warning naming each field to set', async () => {
    const { failed, output: log } = await build(project, join(project, 'dist'), {});
    expect(failed).toBe(false);
    const warning = log.lastIndexOf('content/site.yaml still holds the sample site identity');
    expect(warning).toBeGreaterThan(-1);
    for (const field of [
      'url: https://example.org/',
      'contact.email: minutes-archive@example.org',
      'dataset.contact.name: 網站管理人員（範例）',
      'dataset.contact.email:',
      'reportError.email:',
    ]) {
      expect(log.slice(warning)).toContain(`\n  ${field}`);
    }
    // After everything the other steps log: the last thing before Astro's own summary.
    expect(warning).toBeGreaterThan(log.lastIndexOf('outputs of '));
    expect(warning).toBeGreaterThan(log.lastIndexOf('sitemap-index.xml'));
  });

  it('fails a strict build with the same list, before any page is written', async () => {
    const result = await build(project, join(project, 'dist-strict'), { STRICT: '1' });
    expect(result.failed).toBe(true);
    expect(result.output).toContain('content/site.yaml still holds the sample site identity: set these 5 fields');
    expect(result.output).toContain('\n  dataset.contact.name: 網站管理人員（範例）');
    expect(existsSync(join(project, 'dist-strict/index.html'))).toBe(false);
  });
});

describe('a site built with its own identity', () => {
  let project: string;
  let dist: string;
  let documents: ArchiveDocument[];
  let output: string;
  let browser: Browser;
  let site: Served;
  beforeAll(async () => {
    project = projectCopy('own-identity');
    writeFileSync(join(project, 'content/site.yaml'), ownIdentity(readFileSync(join(project, 'content/site.yaml'), 'utf8')));
    dist = join(project, 'dist');
    // Strict: with the identity set and no problem in content/, the build that publishes passes.
    const result = await build(project, dist, { STRICT: '1' });
    if (result.failed) throw new Error(`the strict build with a real identity failed:\n${result.output.slice(-4000)}`);
    output = result.output;
    documents = documentsOf(dist);
    browser = await launchBrowser();
    site = await serve(dist);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('passes STRICT=1 without the warning, and no page, feed, calendar, card or data file says example.org', () => {
    expect(output).not.toContain('sample site identity');
    const files = filesUnder(dist);
    expect(files.filter((file) => file.endsWith('.png') && file.startsWith('og/')).length).toBeGreaterThan(0);
    // Pagefind's own scripts parse relative URLs against a dummy https://example.com: code, not the site's identity.
    const vendored = (file: string) => /^pagefind\/pagefind[\w-]*\.js$/.test(file);
    const offenders = files.filter((file) => !vendored(file) && EXAMPLE.test(readFileSync(join(dist, file)).toString('latin1')));
    expect(offenders).toEqual([]);
    const page = readFileSync(join(dist, 'minutes/taipei/chief-secretaries-meeting/210/index.html'), 'utf8');
    expect(page).toContain(`<link rel="canonical" href="${OWN_URL}/minutes/taipei/chief-secretaries-meeting/210/">`);
    expect(page).toContain(`content="${OWN_URL}/og/taipei-chief-secretaries-meeting-210.png"`);
    expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${OWN_URL}/minutes/taipei/chief-secretaries-meeting/210/</loc>`);
  });

  it("writes a CSV that Python's csv module reads as one record per resolution, the multi-line text intact", (context) => {
    const python = spawnSync(
      'python3',
      [
        '-c',
        "import csv,json,sys; json.dump(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig'))), sys.stdout)",
        join(dist, 'data/resolutions.csv'),
      ],
      { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
    );
    if (python.error) return context.skip();
    const [header, ...rows] = JSON.parse(python.stdout) as string[][];
    expect(rows).toHaveLength(resolutionCount(documents));
    const text = header!.indexOf('text');
    const url = header!.indexOf('url');
    expect(rows.every((row) => row.length === header!.length)).toBe(true);
    const multiline = rows.find((row) => row[text]!.includes('\n'))!;
    expect(multiline[text]).toContain('3. 本府公安稽查場所店家。\n(二) 實施方式可由各機關以發文');
    expect(multiline[url]).toMatch(new RegExp(`^${OWN_URL}/minutes/taipei/chief-secretaries-meeting/210/#res-`));
  });

  it('writes a CSV that LibreOffice Calc opens with no broken row, every cell as written', (context) => {
    const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
    if (probe.error) return context.skip();
    const work = mkdtempSync(join(tmpdir(), 'calc-'));
    try {
      const csv = readFileSync(join(dist, 'data/resolutions.csv'), 'utf8');
      const records: string[][] = parseCsv(csv, { bom: true });
      // Import: comma, double quote, UTF-8 (76), from line 1, every column as text (format 2) so dates stay as written.
      const columns = records[0]!.map((_, index) => `${index + 1}/2`).join('/');
      const convert = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=file://${work}/profile`,
          '--headless',
          `--infilter=CSV:44,34,76,1,${columns}`,
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1',
          '--outdir',
          join(work, 'out'),
          join(dist, 'data/resolutions.csv'),
        ],
        { encoding: 'utf8', timeout: 240_000 },
      );
      const converted = join(work, 'out/resolutions.csv');
      // A soffice without Calc (libreoffice-calc not installed) cannot load a CSV at all.
      if (!existsSync(converted) && /could not be loaded/.test(`${convert.stdout}${convert.stderr}`)) return context.skip();
      expect(existsSync(converted), `${convert.stdout}${convert.stderr}`).toBe(true);
      const reread: string[][] = parseCsv(readFileSync(converted, 'utf8'), { bom: true, relax_column_count: true });
      expect(reread).toHaveLength(resolutionCount(documents) + 1);
      expect(reread).toEqual(records);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);

  it('publishes feeds that parse, whose channels link to their own page and to themselves, every entry to a page and anchor that exist', () => {
    const feeds = filesUnder(dist).filter((file) => file.endsWith('feed.xml'));
    const kinds = new Set(feeds.map((file) => file.split('/')[0]));
    for (const kind of ['feed.xml', 'series', 'agencies', 'topics', 'cases', 'people']) expect(kinds, kind).toContain(kind);
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });
    const anchorsOf = new Map<string, Set<string>>();
    const anchors = (page: string) => {
      if (!anchorsOf.has(page))
        anchorsOf.set(page, new Set([...readFileSync(join(dist, page, 'index.html'), 'utf8').matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!)));
      return anchorsOf.get(page)!;
    };
    for (const file of feeds) {
      const text = readFileSync(join(dist, file), 'utf8');
      expect(XMLValidator.validate(text), file).toBe(true);
      const { rss } = xml.parse(text);
      expect(rss['@_version'], file).toBe('2.0');
      const channel = rss.channel;
      const page = `/${file.replace(/feed\.xml$/, '')}`;
      expect(channel.link, file).toBe(`${OWN_URL}${page}`);
      expect(existsSync(join(dist, page, 'index.html')), file).toBe(true);
      expect(channel['atom:link'], file).toMatchObject({ '@_href': `${OWN_URL}/${file}`, '@_rel': 'self', '@_type': 'application/rss+xml' });
      expect(channel.title && channel.description && channel.language, file).toBeTruthy();
      const items: { title: string; link: string; guid: { '#text': string }; pubDate: string }[] = channel.item ?? [];
      expect(items.length, file).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(50);
      expect(new Set(items.map((item) => item.guid['#text'])).size, file).toBe(items.length);
      for (const item of items) {
        expect(item.title, file).toBeTruthy();
        expect(Number.isNaN(Date.parse(item.pubDate)), `${file} ${item.pubDate}`).toBe(false);
        const link = new URL(item.link);
        expect(link.origin, file).toBe(OWN_URL);
        if (link.hash) expect(anchors(link.pathname), `${file} ${item.link}`).toContain(link.hash.slice(1));
      }
    }
  });

  it('links each agency-feed entry to a resolution addressed to that agency or naming it (or an item it reported in), the feed of resolutions to every agency to those', () => {
    const byUrl = new Map(documents.map((document) => [`${OWN_URL}${document.url}`, document]));
    const xml = new XMLParser({ isArray: (name) => name === 'item' });
    let resolutions = 0;
    // agencies/collective/ is the one list of resolutions to every agency (致各機關), not an agency.
    for (const slug of readdirSync(join(dist, 'agencies')).filter((name) => existsSync(join(dist, 'agencies', name, 'feed.xml')))) {
      const items: { link: string }[] = xml.parse(readFileSync(join(dist, 'agencies', slug, 'feed.xml'), 'utf8')).rss.channel.item ?? [];
      for (const { link } of items) {
        const [page, anchor] = link.split('#');
        const document = byUrl.get(page!)!;
        if (!anchor) continue;
        const items = [...walk(document.items)];
        const resolution = items.flatMap((item) => item.resolutions).find((candidate) => candidate.anchor === anchor);
        if (slug === 'collective') {
          // Asks every agency (各局處, 各機關): a collective addressee that is no one agency's.
          expect(
            resolution?.addressees.some((party: { kind: string; agency?: string }) => party.kind === 'collective' && !party.agency),
            link,
          ).toBe(true);
        } else if (resolution) {
          resolutions++;
          // Addressed to the agency, or naming it only (提及本機關).
          expect([...resolution.agencies, ...resolution.mentions.map((party: { agency?: string }) => party.agency)], link).toContain(slug);
        } else {
          const item = items.find((candidate) => candidate.anchor === anchor)!;
          expect([item.agency, ...item.reports.map((report) => report.agency)], link).toContain(slug);
        }
      }
    }
    expect(resolutions).toBeGreaterThan(10);
    expect(xml.parse(readFileSync(join(dist, 'agencies', 'collective', 'feed.xml'), 'utf8')).rss.channel.item.length).toBeGreaterThan(0);
  });

  it('publishes a calendar per meeting series that ical.js parses: one event per meeting, UTC times, stable UIDs, the page URL', () => {
    const series = readdirSync(join(dist, 'series'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('calendar.ics'));
    expect(series.length).toBeGreaterThan(0);
    for (const file of series) {
      const raw = readFileSync(join(dist, 'series', file), 'utf8');
      expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(Math.max(...raw.split('\r\n').map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(75);
      const events = new ICAL.Component(ICAL.parse(raw)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
      const page = `/series/${file.replace(/calendar\.ics$/, '')}`;
      const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
      // The series page shows its newest year; each year's page (src/site/paging.ts) its meetings.
      const years = [...html.matchAll(new RegExp(`href="(${page}(?:\\d{4}|undated)/)"`, 'g'))].map(([, year]) =>
        readFileSync(join(dist, year!, 'index.html'), 'utf8'),
      );
      const listed = years.length ? years.join('') : html;
      const meetings = documents.filter((document) => document.kind === 'minutes' && listed.includes(`href="${document.url}"`));
      expect(events.map((event) => event.uid).sort(), file).toEqual(meetings.map((document) => `${document.id}@minutes.gov.taipei`).sort());
      for (const event of events) {
        const document = meetings.find((candidate) => event.uid.startsWith(`${candidate.id}@`))!;
        expect(event.summary).toBe(document.title);
        expect(event.location).toBe(document.location);
        expect(event.component.getFirstPropertyValue('url')).toBe(`${OWN_URL}${document.url}`);
        expect(event.startDate.zone.tzid).toBe('UTC');
        expect(event.startDate.toJSDate().getTime()).toBe(Date.parse(`${document.date}T${document.startTime}:00+08:00`));
        if (document.endTime) expect(event.endDate.toJSDate().getTime()).toBe(Date.parse(`${document.date}T${document.endTime}:00+08:00`));
      }
      expect(html).toContain(`href="${page}calendar.ics"`);
    }
  });

  it('shows a visible 訂閱（RSS） link on every page that has a feed of its own, and the archive’s feed in every footer', async () => {
    const pagesWithFeeds: string[] = [];
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      const body = html.slice(html.indexOf('<body'));
      const feeds = [...head.matchAll(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="([^"]+)"/g)].map((match) => match[1]!);
      expect(feeds, file).toContain('/feed.xml');
      expect(/<footer[\s\S]*<a href="\/feed\.xml"[^>]*>訂閱最新文件（RSS）<\/a>/.test(body), file).toBe(true);
      const own = feeds.filter((feed) => feed !== '/feed.xml');
      for (const feed of own) {
        expect(body, file).toMatch(new RegExp(`<main[\\s\\S]*<a href="${feed.replace(/[.+]/g, '\\$&')}" type="application/rss\\+xml"[^>]*>訂閱（RSS）</a>`));
        expect(existsSync(join(dist, feed)), feed).toBe(true);
      }
      if (own.length) pagesWithFeeds.push(`/${relative(dist, file).replace(/index\.html$/, '')}`);
    }
    for (const kind of ['/series/', '/agencies/', '/topics/', '/cases/', '/people/'])
      expect(
        pagesWithFeeds.some((page) => page.startsWith(kind)),
        kind,
      ).toBe(true);
    // Visible and large enough to tap, on a phone, for one page of each kind and the home page.
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of [
      '/',
      ...['/series/', '/agencies/', '/topics/', '/cases/', '/people/'].map((kind) => pagesWithFeeds.find((candidate) => candidate.startsWith(kind))!),
    ]) {
      await page.goto(new URL(path.slice(1), site.url).href);
      const link = page.locator('main .subscribe a', { hasText: '訂閱（RSS）' });
      expect(await link.isVisible(), path).toBe(true);
      const box = (await link.boundingBox())!;
      expect(box.height, path).toBeGreaterThanOrEqual(24);
      expect((await fetch(new URL((await link.getAttribute('href'))!.slice(1), site.url))).status, path).toBe(200);
    }
    await page.close();
  });

  it('describes the data in data/datapackage.json: the CSV header is its Table Schema, each JSON file valid against the schema it names', () => {
    const descriptor = JSON.parse(readFileSync(join(dist, 'data/datapackage.json'), 'utf8'));
    expect(descriptor).toMatchObject({ homepage: `${OWN_URL}/data/`, title: '臺北市政府會議紀錄典藏', licenses: [{ path: 'https://data.gov.tw/license' }] });
    const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
    for (const resource of descriptor.resources as { path: string; type?: string; schema: string | { fields: { name: string }[] } }[]) {
      const file = join(dist, 'data', resource.path);
      expect(existsSync(file), resource.path).toBe(true);
      if (resource.type === 'table') {
        const [header] = parseCsv(readFileSync(file, 'utf8'), { bom: true, to_line: 1 }) as string[][];
        expect(header).toEqual((resource.schema as { fields: { name: string }[] }).fields.map((field) => field.name));
      } else {
        const schema = JSON.parse(readFileSync(join(dist, 'data', resource.schema as string), 'utf8'));
        const validate = ajv.getSchema(schema.$id) ?? ajv.compile(schema);
        expect(validate(JSON.parse(readFileSync(file, 'utf8'))), `${resource.path}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      }
    }
    expect((descriptor.resources as { path: string }[]).filter((resource) => resource.path.startsWith('documents/'))).toHaveLength(documents.length);
  });

  it('has a /data/ page in Chinese saying what each file holds, how often it changes and how to cite it, linked from the footer, 網站導覽 and 政府網站資料開放宣告', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(new URL('data/', site.url).href);
    expect(await page.locator('h1').innerText()).toBe('開放資料');
    const main = await page.locator('main').innerText();
    for (const words of [
      '更新頻率',
      '不定期更新',
      '如何引用',
      'resolutions.csv',
      'datapackage.json',
      'index.json',
      '臺北市政府秘書處（2024）。臺北市政府會議紀錄典藏〔資料集〕',
    ])
      expect(main).toContain(words);
    expect(main).toContain(`${OWN_URL}/data/`);
    for (const href of await page.locator('main a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!))) {
      if (href.startsWith('/')) expect((await fetch(new URL(href.slice(1), site.url))).status, href).toBe(200);
    }
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
    );
    expect(result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual(
      [],
    );
    await page.close();
    for (const from of ['/', '/about/sitemap/', '/about/open-data/']) {
      const html = readFileSync(join(dist, from, 'index.html'), 'utf8');
      const scope = from === '/' ? html.slice(html.indexOf('<footer')) : html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      expect(scope, from).toContain('href="/data/"');
    }
  });
});
