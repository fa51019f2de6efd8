import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, serve, type Served } from './harness.ts';

describe('test harness', () => {
  let browser: Browser;
  let site: Served;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harness-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="zh-TW"><title>首頁</title><h1>首頁</h1></html>');
    writeFileSync(join(dir, '404.html'), '<!doctype html><html lang="zh-TW"><title>找不到</title></html>');
    site = await serve(dir, '/sub/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('serves a folder under a base path, with the 404 page for missing paths', async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    expect(await page.title()).toBe('首頁');
    const missing = await page.goto(`${site.url}nothing/`);
    expect(missing?.status()).toBe(404);
    expect(await page.title()).toBe('找不到');
  });
});
