/**
 * The archive model as published in dist/data (the open-data contract), checked on the built site,
 * and a new document dropped into content/ building with no code change.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveDocument, Item } from '../../src/model/types.ts';
import { buildSite, launchBrowser, projectCopy, removeProjectCopies, root, serve, type Served } from './harness.ts';

interface IndexEntry {
  id: string;
  kind: string;
  title: string;
  url: string;
  date: string;
  json: string;
}

const all = (items: Item[]): Item[] => items.flatMap((item) => [item, ...all(item.items)]);
const casesWith = (document: ArchiveDocument, action: string) =>
  all(document.items).flatMap((item) => item.resolutions.flatMap((resolution) => resolution.cases.filter((ref) => ref.action === action).map((ref) => ref.id)));

describe('open data in dist/data', () => {
  let dist: string;
  let index: { documents: IndexEntry[] };
  const load = (id: string): ArchiveDocument => JSON.parse(readFileSync(join(dist, 'data', 'documents', `${id}.json`), 'utf8'));
  const find = (title: string) => {
    const entry = index.documents.find((document) => document.title.includes(title));
    if (!entry) throw new Error(`no document titled …${title}…`);
    return load(entry.id);
  };

  beforeAll(async () => {
    dist = await buildSite('/');
    index = JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8'));
  });

  it('publishes resolutions.csv with one row per resolution of the models, and a sitemap robots.txt names', () => {
    const rows: Record<string, string>[] = parse(readFileSync(join(dist, 'data', 'resolutions.csv'), 'utf8'), { bom: true, columns: true });
    const resolutions = index.documents.flatMap((entry) => {
      const walk = (items: Item[]): Item[] => items.flatMap((item) => [item, ...walk(item.items)]);
      return walk(load(entry.id).items).flatMap((item) => item.resolutions.map((resolution) => `${entry.id} ${resolution.text}`));
    });
    expect(rows.map((row) => `${row.document_id} ${row.text}`).sort()).toEqual(resolutions.sort());
    const robots = readFileSync(join(dist, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^Sitemap: https:\/\/example\.org\/sitemap-index\.xml$/m);
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    for (const entry of index.documents) expect(sitemap).toContain(`<loc>https://example.org${entry.url}</loc>`);
  });

  it('validates every data file against the JSON Schema it publishes, which rejects a broken file', () => {
    const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
    const schema = (name: string) => JSON.parse(readFileSync(join(dist, 'data', 'schema', `${name}.json`), 'utf8'));
    const validIndex = ajv.compile(schema('index'));
    const validDocument = ajv.compile(schema('document'));
    expect(validIndex(index), ajv.errorsText(validIndex.errors)).toBe(true);
    for (const entry of index.documents) {
      const document = load(entry.id);
      expect(validDocument(document), `${entry.id}: ${ajv.errorsText(validDocument.errors)}`).toBe(true);
    }
    const broken = { ...load(index.documents[0]!.id), date: '民國110年7月22日', items: [{ label: '一、' }] };
    expect(validDocument(broken)).toBe(false);
  });

  it('publishes RSS feeds of the archive, each series and each agency, with absolute links to pages that exist', () => {
    const xml = new XMLParser({ ignoreAttributes: false });
    const feed = (path: string) =>
      xml.parse(readFileSync(join(dist, path), 'utf8')).rss.channel as {
        title: string;
        item: { link: string; title: string }[] | { link: string; title: string };
      };
    const items = (path: string) => [feed(path).item].flat();
    const all = items('feed.xml');
    expect(all.map((item) => item.title).sort()).toEqual(index.documents.map((document) => document.title).sort());
    expect(items('series/taipei/chief-secretaries-meeting/feed.xml').map((item) => item.link)).toEqual([
      'https://example.org/minutes/taipei/chief-secretaries-meeting/224/',
      'https://example.org/minutes/taipei/chief-secretaries-meeting/210/',
    ]);
    expect(items('agencies/information-technology/feed.xml').length).toBeGreaterThan(1);
    for (const item of all) expect(readFileSync(join(dist, new URL(item.link).pathname, 'index.html'), 'utf8')).toContain(item.title);
    expect(readFileSync(join(dist, 'series/taipei/chief-secretaries-meeting/index.html'), 'utf8')).toContain('type="application/rss+xml"');
  });

  it('lists every document with its page and model file', () => {
    expect(index.documents).toHaveLength(5);
    for (const entry of index.documents) {
      expect(entry.json).toBe(`/data/documents/${entry.id}.json`);
      expect(readFileSync(join(dist, entry.url, 'index.html'), 'utf8')).toContain('<html lang="zh-TW"');
      expect(load(entry.id)).toMatchObject({ id: entry.id, url: entry.url, kind: entry.kind });
    }
  });

  it('第210次主任秘書會報', () => {
    const document = find('第210次主任秘書會報');
    expect(document).toMatchObject({
      series: '主任秘書會報',
      organization: '臺北市政府',
      session: { number: 210 },
      date: '2021-07-22',
      startTime: '10:00',
      endTime: '11:36',
      location: '視訊會議',
      chair: { name: '陳志銘', title: '秘書長' },
      recorder: '戴彙芬',
      previous: { session: { number: 209 }, date: '2021-06-25' },
    });
    const reports = document.items.find((item) => item.title === '報告事項')!;
    expect(reports.items).toHaveLength(9);
    expect(reports.items[3]!.agency).toBe('legal-affairs');
    expect(reports.items[5]!.reports.map((report) => report.agency)).toEqual(['information-technology', 'education', 'social-welfare', 'cultural-affairs']);
    expect(casesWith(document, 'released')).toEqual(['205-1', '208-2', '209-1', '209-3', '209-4']);
    expect(casesWith(document, 'continued')).toEqual(['204-2', '205-2', '208-1', '209-2']);
    // 「205-1 併 208-2、… 等 4 案解除列管」: each case once; the case page lists the meeting once.
    expect(casesWith(document, 'merged')).toEqual([]);
    const casePage = readFileSync(join(dist, 'cases/taipei/chief-secretaries-meeting/205-1/index.html'), 'utf8');
    expect(casePage.split('第210次').length - 1).toBeLessThanOrEqual(2);
  });

  it('第224次 continues 204-2 too, one case across two meetings', () => {
    const document = find('第 224 次主任秘書會報');
    expect(document).toMatchObject({ date: '2022-09-22', endTime: '11:44', recorder: '李壙吉' });
    expect(casesWith(document, 'continued')).toContain('204-2');
    const casePage = readFileSync(join(dist, 'cases/taipei/chief-secretaries-meeting/204-2/index.html'), 'utf8');
    expect(casePage).toContain('第210次');
    expect(casePage).toContain('第 224 次');
    expect(casePage).toContain('列管中（截至第224次會議）');
    // 205-2, continued at 210, is not in 224's list of the 6 cases continued: no longer said to be open.
    const dropped = readFileSync(join(dist, 'cases/taipei/chief-secretaries-meeting/205-2/index.html'), 'utf8');
    expect(dropped).toContain('第224次起未再列管（紀錄未載解除）');
    expect(dropped).not.toContain('列管中');
  });

  it('秘書處第103次處務會議', () => {
    const document = find('第 103 次處務會議');
    expect(document).toMatchObject({ date: '2021-08-19', endTime: '11:01' });
    expect(casesWith(document, 'released')).toEqual(['9805', '10201', '10203']);
    expect(casesWith(document, 'continued')).toEqual(['9903', '9904', '10104', '10202', '10204']);
    const item = document.items.find((entry) => entry.title === '報告事項')!.items[3]!;
    expect(item.reports).toHaveLength(10);
    expect(item.reports[0]!.speaker).toBe('總務組涂組長');
  });

  it('資訊局113年第12次局務會議', () => {
    const document = find('113 年第 12 次局務會議');
    expect(document).toMatchObject({
      date: '2024-12-17',
      startTime: '14:00',
      endTime: '16:13',
      location: '南區第一研討室',
      chair: { name: '趙式隆', title: '局長' },
      recorder: '陳佳君',
      session: { number: 12, year: 2024 },
    });
    expect(document.items.find((item) => item.title.startsWith('主席裁示事項'))!.resolutions).toHaveLength(23);
  });

  it('agency pages: who is asked to act apart from who is only named, the council instructed by none', () => {
    const page = (slug: string) => readFileSync(join(dist, 'agencies', slug, 'index.html'), 'utf8');
    // 「請各局處函送議會審議之議法案」 names the council; it asks the city's agencies.
    expect(page('city-council')).not.toContain('指示本機關的會議結論');
    expect(page('city-council')).not.toContain('致各機關的會議結論');
    expect(page('city-council')).toContain('提及本機關的會議結論');
    // 「…送達財政局支付科」 is a destination in 資訊局's meeting: 財政局 is named, not instructed by it.
    const finance = find('113 年第 12 次局務會議');
    const destination = all(finance.items)
      .flatMap((item) => item.resolutions)
      .find((resolution) => resolution.text.includes('送達財政局支付科'))!;
    expect(destination.agencies).not.toContain('finance');
    expect(destination.mentions).toContainEqual(expect.objectContaining({ agency: 'finance', name: '財政局支付科' }));
    expect(page('information-technology')).toContain('指示本機關的會議結論');
    expect(page('legal-affairs')).toContain('致各機關的會議結論');
  });

  it('lists the resolutions to every agency (各局處, 各機關) once, on their own pages by year, which each city agency links to', () => {
    const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
    const collective = index.documents.flatMap((entry) =>
      all(load(entry.id).items).flatMap((item) =>
        item.resolutions
          .filter((resolution) => resolution.addressees.some((party) => party.kind === 'collective' && !party.agency))
          .map((resolution) => ({
            href: `${entry.url}#${resolution.anchor}`,
            names: [...resolution.agencies, ...resolution.mentions.map((party) => party.agency)],
          })),
      ),
    );
    expect(collective.length).toBeGreaterThan(3);
    // Every year's page of the listing: those its year index links to, or the page itself when it holds one year.
    const base = html('agencies/collective');
    const years = [...new Set([...base.matchAll(/href="\/agencies\/collective\/(\d{4}|undated)\/"/g)].map(([, year]) => year!))];
    const pages = years.length ? years.map((year) => html(`agencies/collective/${year}`)) : [base];
    const hrefs = (text: string) =>
      // Each resolution listed links to its anchor (res-…), alone or in a run of its document's.
      [...text.matchAll(/<li><a href="([^"#]+#res-[^"]+)"/g)].map(([, href]) => href!);
    expect(pages.flatMap(hrefs).sort()).toEqual(collective.map(({ href }) => href).sort());
    // An agency's page links to the listing instead of repeating it; the council's does not (各機關 are the city's).
    const agency = html('agencies/legal-affairs');
    expect(agency).toContain('href="/agencies/collective/"');
    const elsewhere = collective.filter(({ names }) => !names.includes('legal-affairs')).map(({ href }) => href);
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(hrefs(agency).filter((href) => elsewhere.includes(href))).toEqual([]);
    expect(html('agencies/city-council')).not.toContain('href="/agencies/collective/"');
  });

  it('秘書處109年1-6月施政成果報告', () => {
    const document = find('109 年 1-6 月施政成果報告');
    expect(document).toMatchObject({ kind: 'report', period: { start: '2020-01-01', end: '2020-06-30' }, dataCutoff: '2020-06-30', published: '2020-09-10' });
  });
});

describe('document pages', () => {
  let browser: Browser;
  let site: Served;
  let dist: string;
  beforeAll(async () => {
    dist = await buildSite('/');
    site = await serve(dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('render every item and resolution at its anchor, once', async () => {
    const index: { documents: IndexEntry[] } = JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8'));
    const page = await browser.newPage();
    for (const entry of index.documents) {
      const document: ArchiveDocument = JSON.parse(readFileSync(join(dist, 'data', 'documents', `${entry.id}.json`), 'utf8'));
      await page.goto(new URL(entry.url.slice(1), site.url).href);
      const ids: string[] = await page.$$eval('[id]', (elements) => elements.map((element) => element.id));
      const anchors = all(document.items).flatMap((item) => [item.anchor, ...item.resolutions.map((resolution) => resolution.anchor)]);
      for (const anchor of anchors)
        expect(
          ids.filter((id) => id === anchor),
          `${entry.url}#${anchor}`,
        ).toHaveLength(1);
      const first = anchors.find((anchor) => anchor.startsWith('res-'));
      if (first) expect(await page.locator(`[id="${first}"]`).innerText()).not.toBe('');
    }
    await page.close();
  });
});

afterAll(removeProjectCopies);

describe('a new document dropped into content/', () => {
  it('builds with no code change, in a layout the seeds do not have', async () => {
    const project = projectCopy('new-document');
    cpSync(join(root, 'tests/fixtures/layouts/city-administration-meeting-2130.txt'), join(project, 'content/minutes/市政會議第2130次.txt'));
    cpSync(join(root, 'tests/fixtures/layouts/environmental-protection-executives-5.md'), join(project, 'content/minutes/環保局主管會報.md'));
    cpSync(join(root, 'tests/fixtures/layouts/health-executives-8.md'), join(project, 'content/minutes/衛生局主管會報.md'));
    const dist = await buildSite('/', project);
    const index: { documents: IndexEntry[] } = JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8'));
    expect(index.documents).toHaveLength(8);
    const council = index.documents.find((document) => document.title === '臺北市政府第2130次市政會議紀錄')!;
    expect(council.url).toBe('/minutes/taipei/city-administration-meeting/2130/');
    const model: ArchiveDocument = JSON.parse(readFileSync(join(dist, 'data', 'documents', `${council.id}.json`), 'utf8'));
    expect(model).toMatchObject({ date: '2020-12-22', startTime: '09:00', endTime: '12:10', chair: { name: '柯文哲' }, warnings: [] });
    const executives = index.documents.find((document) => document.title.includes('環境保護局'))!;
    expect(executives.url).toBe('/minutes/environmental-protection/executives-meeting/2024-5/');
    expect(readFileSync(join(dist, 'cases/environmental-protection/executives-meeting/4-1/index.html'), 'utf8')).toContain('解除列管');
    // A follow-up row without a case number is a case of its own, titled by its 案由.
    const health = index.documents.find((document) => document.title.includes('衛生局'))!;
    const rows: ArchiveDocument = JSON.parse(readFileSync(join(dist, 'data', 'documents', `${health.id}.json`), 'utf8'));
    const [released] = rows.items[0]!.cases;
    expect(released).toMatchObject({ subject: '登革熱防治宣導（疾病管制科）', action: 'released' });
    const casePage = readFileSync(join(dist, `cases/health/executives-meeting/${released!.id}/index.html`), 'utf8');
    expect(casePage).toContain('列管案件 登革熱防治宣導（疾病管制科）');
    // 肆、局長指示事項 is a resolution section; its bullets are resolutions addressed to the bureau's units.
    expect(rows.items[2]!.resolutions.map((resolution) => resolution.addressees.map((party) => party.name))).toEqual([
      ['疾病管制科', '長期照護科'],
      ['各科室'],
      ['各科室主管'],
    ]);
    expect(rows.notes).toEqual([expect.stringMatching(/衛生局主管會報\.md:28:1 numbering skips from 貳、 to 肆、/)]);
  });
});

describe('bad input', () => {
  it('is published with its text by the default build, and named with file and line by npm run check', async () => {
    const project = projectCopy('bad-input');
    writeFileSync(join(project, 'content/minutes/attachment.txt'), '本文件為會議資料之附件，無會議紀錄格式。\n\n請參閱原始公告。\n');
    writeFileSync(
      join(project, 'content/minutes/scan.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x80, 0xff, 0xfe, 0x81]),
    );
    const dist = await buildSite('/', project);
    const index: { documents: IndexEntry[] } = JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8'));
    const attachment = index.documents.find((document) => load(dist, document.id).source === 'minutes/attachment.txt')!;
    expect(readFileSync(join(dist, attachment.url, 'index.html'), 'utf8')).toContain('請參閱原始公告。');
    let output = '';
    let status = 0;
    try {
      execFileSync(process.execPath, ['scripts/check.ts'], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      ({ stdout: output, status } = error as { stdout: string; status: number });
    }
    expect(status).toBe(1);
    expect(output).toMatch(/^content\/minutes\/attachment\.txt:1:1 expected a title/m);
    expect(output).toMatch(/^content\/minutes\/scan\.txt:1:1 cannot read the file/m);
  });
});

function load(dist: string, id: string): ArchiveDocument {
  return JSON.parse(readFileSync(join(dist, 'data', 'documents', `${id}.json`), 'utf8'));
}
