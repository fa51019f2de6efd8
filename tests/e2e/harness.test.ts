import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite, launchBrowser, serve, type Served } from './harness.ts';

/** A raw GET, so paths reach the server exactly as written (fetch would normalise `..` and `%`). */
function get(url: string, path: string): Promise<{ status: number; type?: string; location?: string }> {
  return new Promise((resolve, reject) => {
    request(new URL(url), { path }, (response) => {
      response.resume();
      resolve({ status: response.statusCode!, type: response.headers['content-type'], location: response.headers.location });
    })
      .on('error', reject)
      .end();
  });
}

describe('test harness', () => {
  let dir: string;
  let browser: Browser;
  let site: Served;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'harness-'));
    writeFileSync(join(dir, 'secret.txt'), 'beside the site, not in it');
    const folder = join(dir, 'site');
    mkdirSync(join(folder, 'pagefind', 'index'), { recursive: true });
    writeFileSync(join(folder, 'index.html'), '<!doctype html><html lang="zh-TW"><title>首頁</title><h1>首頁</h1></html>');
    writeFileSync(join(folder, '404.html'), '<!doctype html><html lang="zh-TW"><title>找不到</title></html>');
    writeFileSync(join(folder, 'pagefind', 'pagefind.js'), 'export {};');
    writeFileSync(join(folder, 'pagefind', 'index', 'zh-tw_0.pf_index'), '');
    site = await serve(folder, '/sub');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves a folder under a base path, with the 404 page for missing paths', async () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sub\/$/);
    const page = await browser.newPage();
    await page.goto(site.url);
    expect(await page.title()).toBe('首頁');
    const missing = await page.goto(`${site.url}nothing/`);
    expect(missing?.status()).toBe(404);
    expect(await page.title()).toBe('找不到');
  });

  it('answers as a static host would: types, folder redirects, nothing outside the folder', async () => {
    expect(await get(site.url, '/sub/pagefind/pagefind.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await get(site.url, '/sub/pagefind/index/zh-tw_0.pf_index')).toMatchObject({ status: 200, type: 'application/octet-stream' });
    expect(await get(site.url, '/sub/pagefind?x=1')).toMatchObject({ status: 301, location: '/sub/pagefind/?x=1' });
    expect(await get(site.url, '/sub')).toMatchObject({ status: 301, location: '/sub/' });
    expect(await get(site.url, '/index.html')).toMatchObject({ status: 404 });
    expect(await get(site.url, '/sub/..%2Fsecret.txt')).toMatchObject({ status: 404 });
    expect(await get(site.url, '/sub/%E0%A4%A')).toMatchObject({ status: 400 });
  });

  it("puts Astro's own error in the one a failed build throws", async () => {
    const project = join(dir, 'broken');
    mkdirSync(project);
    writeFileSync(join(project, 'astro.config.mjs'), "throw new Error('a broken config, on purpose');\n");
    await expect(buildSite({ root: project, outDir: join(dir, 'out') })).rejects.toThrow(/failed:\n[\s\S]*a broken config, on purpose/);
  });
});
