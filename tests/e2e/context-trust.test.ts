/**
 * Context and trust as a reader meets them: the standard pages (網站導覽, 無障礙聲明, 隱私權及資訊安全政策,
 * 政府網站資料開放宣告) linked from every footer; on every document page the size and SHA-256 of the
 * very file its link serves and a report link naming the document; the licence and dataset metadata
 * in the open data; and the site's identity coming from content/site.yaml alone.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveDocument } from '../../src/model/types.ts';
import { buildSite, htmlFiles, openBuiltSite, projectCopy, removeProjectCopies, root, siteHeaders, type Served } from './harness.ts';
import { ARCHIVE } from '../fixtures/archive.ts';

interface Index {
  dataset: { title: string; license: { name: string; url: string }; publisher: string; updateFrequency: string; contact: { name: string; email: string } };
  documents: { id: string; title: string; url: string }[];
}

const siteYaml = readFileSync(join(ARCHIVE, 'content/site.yaml'), 'utf8');
const identity = parse(siteYaml) as {
  name: string;
  contact: { email: string };
  license: { name: string; url: string };
  dataset: { publisher: string; updateFrequency: string };
};
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

afterAll(removeProjectCopies);

describe('the site as published from content/', () => {
  let browser: Browser;
  let site: Served;
  let dist: string;
  let index: Index;
  beforeAll(async () => {
    ({ dist, site, browser, index } = await openBuiltSite<typeof index>());
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const open = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    const response = await page.goto(new URL(path.replace(/^\//, ''), site.url).href);
    expect(response?.status(), path).toBe(200);
    return page;
  };
  const fetchBytes = async (href: string) => {
    const response = await fetch(new URL(href, site.url));
    expect(response.status, href).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  };

  it('shows the name from site.yaml in the header and title of an unchanged page', async () => {
    expect(identity.name).toBe('臺北市政府會議紀錄典藏');
    const page = await open('/');
    expect(await page.locator('.site-title').innerText()).toBe(identity.name);
    expect(await page.title()).toBe(identity.name);
    await page.close();
    const documentPage = await open(index.documents[0]!.url);
    expect(await documentPage.title()).toBe(`${index.documents[0]!.title}｜${identity.name}`);
    await documentPage.close();
  });

  it('links the four standard pages from the footer of every page, and each shows its text and the contact', async () => {
    // The same links on every page (the current page marked as such).
    const footers = new Set(htmlFiles(dist).map((file) => /<footer[\s\S]*?<\/nav>/.exec(readFileSync(file, 'utf8'))?.[0].replace(/ aria-current="page"/g, '')));
    expect([...footers]).toHaveLength(1);
    expect([...footers][0]).toContain('網站資訊');

    const page = await open(index.documents[0]!.url);
    const links = await page
      .locator('footer nav[aria-label="網站資訊"] a')
      .evaluateAll((anchors) => anchors.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
    await page.close();
    expect(links).toEqual([
      { text: '網站導覽', href: '/about/sitemap/' },
      { text: '無障礙聲明', href: '/about/accessibility/' },
      { text: '隱私權及資訊安全政策', href: '/about/privacy/' },
      { text: '政府網站資料開放宣告', href: '/about/open-data/' },
    ]);
    const expected: Record<string, string[]> = {
      '/about/sitemap/': ['跳到主要內容', '網站單元'],
      '/about/accessibility/': ['WCAG 2.1', 'AA', 'axe-core', '鍵盤'],
      '/about/privacy/': ['Cookie', '追蹤', '表單', siteHeaders(dist)['Content-Security-Policy']!],
      '/about/open-data/': [
        identity.license.name,
        identity.dataset.publisher,
        identity.dataset.updateFrequency,
        'data/index.json',
        'data/resolutions.csv',
        'data/documents/<id>.json',
        'JSON Schema',
        'RSS',
      ],
    };
    for (const { text, href } of links) {
      const standard = await open(href!);
      expect(await standard.locator('h1').innerText()).toBe(text);
      const main = await standard.locator('main').innerText();
      for (const words of expected[href!]!) expect(main, `${href} says ${words}`).toContain(words);
      // The contact comes from site.yaml, not from the page's text.
      expect(await standard.locator(`main a[href="mailto:${identity.contact.email}"]`).count(), href!).toBeGreaterThan(0);
      if (href === '/about/open-data/') {
        for (const file of ['/data/index.json', '/data/resolutions.csv', '/data/schema/index.json', '/feed.xml']) {
          const link = standard.locator(`main a[href="${file}"]`);
          expect(await link.count(), file).toBe(1);
          await fetchBytes(file);
        }
        expect(await standard.locator(`main a[href="${identity.license.url}"]`).innerText()).toBe(identity.license.name);
      }
      const headings = await standard.locator('main :is(h1, h2, h3, h4)').evaluateAll((elements) => elements.map((element) => Number(element.tagName[1])));
      headings.forEach((level, i) => expect(level - (headings[i - 1] ?? 0), `${href} heading ${i + 1} skips a level`).toBeLessThanOrEqual(1));
      await standard.close();
    }
    for (const source of readdirSync(join(ARCHIVE, 'content/pages'))) {
      // The words of the standard pages never copy the contact: it lives in site.yaml only.
      expect(readFileSync(join(ARCHIVE, 'content/pages', source), 'utf8')).not.toContain(identity.contact.email);
    }
  });

  it('lists every section of the header navigation on the site map, each with its purpose, all resolving', async () => {
    const page = await open('/about/sitemap/');
    const nav = await page.locator('header nav a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    const sections = await page
      .locator('main section dt a')
      .evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href')!, purpose: a.closest('dt')!.nextElementSibling!.textContent!.trim() })));
    await page.close();
    for (const href of nav) expect(sections.map((section) => section.href)).toContain(href);
    for (const { href, purpose } of sections) {
      expect(purpose, href).not.toBe('');
      expect((await fetch(new URL(href.replace(/^\//, ''), site.url))).status, href).toBe(200);
    }
  });

  it('passes axe on the standard pages with no serious or critical violation', async () => {
    const violations: string[] = [];
    for (const path of ['/about/sitemap/', '/about/accessibility/', '/about/privacy/', '/about/open-data/']) {
      const page = await browser.newPage({ bypassCSP: true });
      await page.goto(new URL(path.slice(1), site.url).href);
      await page.addScriptTag({ content: axe.source });
      const result = await page.evaluate(() =>
        (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
      );
      for (const violation of result.violations) {
        if (violation.impact === 'serious' || violation.impact === 'critical')
          violations.push(`${path}: ${violation.id} ${violation.nodes[0]?.target.join(' ')}`);
      }
      await page.close();
    }
    expect(violations).toEqual([]);
  });

  it('shows on every document page the size and SHA-256 of the file its link serves, and a report link naming the document', async () => {
    for (const entry of index.documents) {
      const model: ArchiveDocument = JSON.parse(readFileSync(join(dist, 'data', 'documents', `${entry.id}.json`), 'utf8'));
      const page = await open(entry.url);
      const provenance = page.locator('section[aria-labelledby="provenance"]');
      const text = await provenance.innerText();
      const href = await provenance.getByRole('link', { name: /位元組/ }).getAttribute('href');
      const bytes = await fetchBytes(href!);
      // The served file is the source byte for byte, and the page states its size and digest.
      expect(bytes).toEqual(new Uint8Array(readFileSync(join(ARCHIVE, 'content', model.source))));
      expect(text).toContain(sha256(bytes));
      expect(text).toContain(`${bytes.byteLength.toLocaleString('en-US')} 位元組`);
      expect(text).toMatch(/純文字（(?:UTF-8|UTF-16LE|UTF-16BE|Big5)）/);
      expect(model.file).toMatchObject({ url: href, bytes: bytes.byteLength, sha256: sha256(bytes), encoding: 'utf-8' });
      expect(model.file.officialUrl).toBeUndefined();

      const report = new URL((await provenance.getByRole('link', { name: '回報錯誤' }).getAttribute('href'))!);
      expect(report.protocol).toBe('mailto:');
      expect(report.pathname).toBe(identity.contact.email);
      const query = new URLSearchParams(report.search);
      expect(query.get('subject')).toContain(entry.title);
      expect(query.get('body')).toContain(`https://example.org${entry.url}`);
      await page.close();
    }
  });

  it('publishes the licence and dataset metadata in index.json, valid against its published schema', () => {
    expect(index.dataset).toMatchObject({
      title: identity.name,
      license: identity.license,
      publisher: identity.dataset.publisher,
      updateFrequency: identity.dataset.updateFrequency,
    });
    const schema = JSON.parse(readFileSync(join(dist, 'data', 'schema', 'index.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, validateFormats: false }).compile(schema);
    expect(validate(index)).toBe(true);
    expect(validate({ documents: index.documents })).toBe(false);
  });
});

describe('another government’s site.yaml', () => {
  it('renames the site, links the originals and reports through a form, with no code change', async () => {
    const project = projectCopy('site-identity');
    const source = 'minutes/taipei-chief-secretaries-meeting-210.txt';
    const official = 'https://www.gov.taipei/example-original-210';
    const yaml = siteYaml
      .replace(/^name: .*$/m, 'name: 範例市政府會議紀錄典藏')
      .replace(/^reportError:\n {2}email: .*$/m, 'reportError:\n  form: https://forms.example.org/report?lang=zh-TW\n  formParameter: page')
      .replace(/^sources: \{\}$/m, `sources:\n  ${source}: ${official}`);
    writeFileSync(join(project, 'content/site.yaml'), yaml);
    // Files in other encodings: the page names the encoding, the digest is of the bytes as published.
    const encoded = { 'big5.txt': '純文字（Big5）', 'utf16le-bom.txt': '純文字（UTF-16LE）' };
    for (const name of Object.keys(encoded)) cpSync(join(root, 'tests/fixtures/bad', name), join(project, 'content/minutes', name));
    const dist = await buildSite('/', project);

    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(home).toContain('<title>範例市政府會議紀錄典藏</title>');
    // The name after the emblem site.yaml names (the sample's), if any.
    expect(home).toMatch(/class="site-title"[^>]*>(?:<img class="emblem"[^>]*>)?<span>範例市政府會議紀錄典藏</);
    for (const file of htmlFiles(dist)) expect(readFileSync(file, 'utf8'), file).not.toContain(identity.name);
    expect(readFileSync(join(dist, 'feed.xml'), 'utf8')).toContain('<title>範例市政府會議紀錄典藏</title>');

    const page = readFileSync(join(dist, 'minutes/taipei/chief-secretaries-meeting/210/index.html'), 'utf8');
    expect(page).toContain(`<title>臺北市政府第210次主任秘書會報紀錄｜範例市政府會議紀錄典藏</title>`);
    expect(page).toContain(`href="${official}"`);
    const form = new URL(/href="(https:\/\/forms\.example\.org\/[^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&'));
    expect(form.searchParams.get('lang')).toBe('zh-TW');
    expect(form.searchParams.get('page')).toBe('https://example.org/minutes/taipei/chief-secretaries-meeting/210/');

    const index: Index = JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8'));
    expect(index.dataset.title).toBe('範例市政府會議紀錄典藏');
    const model: ArchiveDocument = JSON.parse(readFileSync(join(dist, 'data', 'documents', 'taipei-chief-secretaries-meeting-210.json'), 'utf8'));
    expect(model.file.officialUrl).toBe(official);

    for (const [name, format] of Object.entries(encoded)) {
      const entry = index.documents
        .map((document) => JSON.parse(readFileSync(join(dist, 'data', 'documents', `${document.id}.json`), 'utf8')) as ArchiveDocument)
        .find((document) => document.source === `minutes/${name}`)!;
      const bytes = readFileSync(join(root, 'tests/fixtures/bad', name));
      expect(readFileSync(join(dist, entry.file.url))).toEqual(bytes);
      const html = readFileSync(join(dist, entry.url, 'index.html'), 'utf8');
      expect(html, name).toContain(format);
      expect(html, name).toContain(sha256(bytes));
      expect(entry.file.officialUrl).toBeUndefined();
    }
  });

  it('stops the build at the line and column of a malformed site.yaml, saying what was expected', async () => {
    const project = projectCopy('site-identity-bad');
    writeFileSync(join(project, 'content/site.yaml'), siteYaml.replace('url: https://data.gov.tw/license', 'url: data.gov.tw/license'));
    const line = siteYaml.split('\n').findIndex((text) => text.includes('url: https://data.gov.tw/license')) + 1;
    await expect(buildSite('/', project)).rejects.toThrow(new RegExp(`content/site\\.yaml:${line}:\\d+ license\\.url: expected an http:// or https:// URL`));
  });
});
