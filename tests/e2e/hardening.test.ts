/**
 * Hardening, on built sites: the bad-input corpus (tests/fixtures/bad/) builds in the default lenient
 * mode and fails a strict build with every problem listed; pages built from hostile text run no
 * script and link nowhere the text said; every source character shows, in order; two builds of the
 * same content are byte-identical.
 */
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveDocument } from '../../src/model/types.ts';
import { linePieces } from '../../src/pipeline/coverage.ts';
import { readSource } from '../../src/pipeline/read.ts';
import { buildSite, launchBrowser, projectCopy, removeProjectCopies, root, serve, type Served } from './harness.ts';

const BAD = join(root, 'tests/fixtures/bad');

let project: string;
let dist: string;
let browser: Browser;
let served: Served;
let documents: ArchiveDocument[];

beforeAll(async () => {
  project = projectCopy('hardening');
  for (const name of readdirSync(BAD)) if (name.endsWith('.txt')) cpSync(join(BAD, name), join(project, 'content/minutes', name));
  dist = await buildSite('/', project);
  const index: { documents: { id: string }[] } = JSON.parse(readFileSync(join(dist, 'data/index.json'), 'utf8'));
  documents = index.documents.map(({ id }) => JSON.parse(readFileSync(join(dist, 'data/documents', `${id}.json`), 'utf8')));
  browser = await launchBrowser();
  served = await serve(dist);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  removeProjectCopies();
});

const fromBad = () => documents.filter((document) => readdirSync(BAD).includes(document.source.replace(/^minutes\//, '')));

describe('the bad-input corpus in a lenient build', () => {
  it('publishes every file that holds text, and both copies of a duplicated meeting', () => {
    const published = fromBad()
      .map((document) => document.source.replace(/^minutes\//, ''))
      .sort();
    const text = readdirSync(BAD).filter((name) => name.endsWith('.txt') && !/^(?:empty|whitespace-only|pdf-named-txt|png-named-txt)\.txt$/.test(name));
    expect(published).toEqual(text.sort());
    expect(
      fromBad()
        .filter((document) => document.session?.number === 108)
        .map((document) => document.url)
        .sort(),
    ).toEqual(['/minutes/secretariat/department-meeting/108-2/', '/minutes/secretariat/department-meeting/108/']);
  });

  it('fails a strict build and lists every problem, not just the first', async () => {
    const astro = join(root, 'node_modules/astro/bin/astro.mjs');
    const run = promisify(execFile)(process.execPath, [astro, 'build', '--root', project, '--outDir', join(project, 'dist-strict')], {
      cwd: project,
      env: { ...process.env, STRICT: '1', BASE_PATH: '/' },
    });
    const error = (await run.then(
      () => undefined,
      (failure: unknown) => failure,
    )) as { stdout: string; stderr: string } | undefined;
    expect(error).toBeDefined();
    const output = `${error!.stdout}\n${error!.stderr}`;
    for (const expected of [
      'content/minutes/empty.txt:1:1 empty file',
      'content/minutes/pdf-named-txt.txt:1:1 cannot read the file: it is a PDF document',
      'content/minutes/png-named-txt.txt:1:1 cannot read the file: it is a PNG image',
      'content/minutes/impossible-date.txt:3:1 the date 民國110年13月40日 in 時間 does not exist',
      'content/minutes/duplicate-b.txt:1:1 is the same meeting as content/minutes/duplicate-a.txt',
    ]) {
      expect(output).toContain(expected);
    }
  }, 120_000);
});

describe('pages built from hostile text', () => {
  it('run no script, open no dialog and carry no javascript: link', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const hostile = documents.find((document) => document.source === 'minutes/hostile.txt')!;
    for (const path of [hostile.url, '/documents/', `/sources/${hostile.id}.txt`]) {
      await page.goto(new URL(path.slice(1), served.url).href, { waitUntil: 'load' });
      await page.waitForTimeout(100);
      const found = await page.evaluate(() => ({
        javascriptLinks: [...document.querySelectorAll('[href], [src], [action]')].filter((element) =>
          ['href', 'src', 'action'].some((name) => /^\s*javascript:/i.test(element.getAttribute(name) ?? '')),
        ).length,
        handlers: [...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => /^on/i.test(attribute.name))).length,
        scripts: [...document.scripts].filter((script) => /alert/.test(script.textContent ?? '')).length,
        iframes: document.querySelectorAll('iframe').length,
      }));
      expect(found, path).toEqual({ javascriptLinks: 0, handlers: 0, scripts: 0, iframes: 0 });
    }
    // The hostile text is shown as text.
    await page.goto(new URL(hostile.url.slice(1), served.url).href);
    const text = await page.locator('main').innerText();
    for (const piece of ['<script>alert(1)</script>', '{{ title }}', '[點此](javascript:alert(3))', '<img src=x onerror=alert(2)>'])
      expect(text).toContain(piece);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe('the Content-Security-Policy the site ships (public/_headers)', () => {
  it('is sent, and pages and search work under it with no violation', async () => {
    const response = await fetch(served.url);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(new URL('search/?q=%E7%A7%98%E6%9B%B8%E8%99%95', served.url).href);
    await page.waitForFunction(() => 'archiveSearch' in window);
    const count = await page.evaluate(
      async () => (await (window as unknown as { archiveSearch: (q: string) => Promise<unknown[]> }).archiveSearch('處務會議')).length,
    );
    expect(count).toBeGreaterThan(5);
    const pages = ['', 'documents/', 'agencies/', ...documents.slice(0, 3).map((document) => document.url.slice(1))];
    for (const path of pages) await page.goto(new URL(path, served.url).href);
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('nothing lost', () => {
  it('shows every character of every bad-input document, in order', async () => {
    const page = await browser.newPage();
    for (const document of fromBad()) {
      const source = String(readSource(readFileSync(join(BAD, document.source.replace(/^minutes\//, ''))), document.source).value);
      await page.goto(new URL(document.url.slice(1), served.url).href);
      const shown = (await page.locator('main').innerText()).replace(/\*\*|__/g, '').replace(/\s+/g, '');
      let cursor = 0;
      for (const piece of source.split('\n').flatMap(linePieces)) {
        const at = shown.indexOf(piece, cursor);
        expect(at, `${document.source}: 「${piece}」`).toBeGreaterThanOrEqual(0);
        cursor = at + piece.length;
      }
    }
    await page.close();
  });
});

describe('reproducible builds', () => {
  it('writes byte-identical sites from the same content', async () => {
    // One after the other, each from a cold content cache: two builds of one project at once would
    // share its .astro/ folder.
    const cold = (name: string) => (
      rmSync(join(project, '.astro'), { recursive: true, force: true }), buildSite({ root: project, outDir: join(project, name) })
    );
    // And no search-shard cache, so the second build's index is built, not linked from the first.
    process.env.SEARCH_CACHE = '0';
    let first: string, second: string;
    try {
      first = await cold('repro-a');
      second = await cold('repro-b');
    } finally {
      delete process.env.SEARCH_CACHE;
    }
    const files = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((file) => !file.endsWith('/')).sort();
    const listed = files(first);
    expect(files(second)).toEqual(listed);
    const differing = listed.filter((file) => {
      try {
        return !readFileSync(join(first, file)).equals(readFileSync(join(second, file)));
      } catch {
        return false; // a folder
      }
    });
    expect(differing.map((file) => relative(root, join(first, file)))).toEqual([]);
  }, 240_000);
});
