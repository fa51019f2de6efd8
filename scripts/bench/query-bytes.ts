/**
 * What a search costs the reader's connection: the bytes of every response (headers and body as
 * transferred, so gzipped where the server compressed) for a first query in a fresh browser
 * context (cold cache: page, scripts, wasm, index, results), then for a second query in the same
 * page, where Pagefind and its wasm are already loaded (warm).
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import type { ServedCount } from './serve-gzip.ts';

export interface Transferred {
  bytes: number;
  requests: number;
  /** Bytes and requests by kind of file (`fileKind`), to see what a search spends its bytes on. */
  kinds?: Record<string, { bytes: number; requests: number }>;
}

/**
 * What kind of file a URL is: Pagefind's index chunks, filter chunks, metadata, wasm and scripts
 * (the older shards' apart: `shard …`), the archive's search files by folder, or the page itself.
 */
export function fileKind(url: string): string {
  const path = new URL(url).pathname;
  const shard = path.includes('/pagefind-shards/') ? 'shard ' : '';
  if (/\/pagefind(-shards\/[^/]+)?\//.test(path)) {
    const pagefind = /\.pf_(index|filter|meta|fragment)$/.exec(path)?.[1] ?? (/\/wasm\.[^/]+$/.test(path) ? 'wasm' : 'script');
    return `${shard}pagefind ${pagefind}`;
  }
  const search = /\/search\/(docs|check|cards|fragments|packs)\//.exec(path)?.[1];
  return search ? `search/${search}` : 'page';
}

/**
 * Headers and body of a response as transferred. Chromium reports a body of 0 bytes for a worker's
 * script (pagefind-worker.js), so the Content-Length the server sent stands in for it then (the
 * gzip server sends one with every response: the size of the body as sent).
 */
async function size(request: Request): Promise<number> {
  try {
    const sizes = await request.sizes();
    let body = sizes.responseBodySize;
    if (body === 0) body = Number((await (await request.response())?.headerValue('content-length')) ?? 0);
    return body + sizes.responseHeadersSize;
  } catch {
    return 0; // the page closed while the size was read
  }
}

/**
 * Counts what a browser context receives. Counted per request at the context, so the fetches of
 * Pagefind's web worker count too; `take()` waits for the sizes still being read and starts again.
 */
export function trackTransferred(context: BrowserContext) {
  const pending: Array<Promise<{ kind: string; bytes: number }>> = [];
  let inFlight = 0;
  let lastChange = performance.now();
  const settle = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = performance.now();
  };
  context.on('request', () => {
    inFlight++;
    lastChange = performance.now();
  });
  context.on('requestfailed', settle);
  context.on('requestfinished', (request) => {
    settle();
    pending.push(size(request).then((bytes) => ({ kind: fileKind(request.url()), bytes })));
  });
  return {
    async take(): Promise<Transferred> {
      const sizes = await Promise.all(pending.splice(0));
      const kinds: NonNullable<Transferred['kinds']> = {};
      for (const { kind, bytes } of sizes) {
        kinds[kind] ??= { bytes: 0, requests: 0 };
        kinds[kind].bytes += bytes;
        kinds[kind].requests++;
      }
      return { bytes: sizes.reduce((sum, { bytes }) => sum + bytes, 0), requests: sizes.length, kinds };
    },
    /** Resolves once no request has been open for `quietMs`: a results list may still fetch after it shows. */
    async idle(quietMs = 500, timeoutMs = 60_000): Promise<void> {
      const deadline = performance.now() + timeoutMs;
      while (inFlight > 0 || performance.now() - lastChange < quietMs) {
        if (performance.now() > deadline) throw new Error(`requests still open after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** What a search page shows when a query is done. */
export interface Shown {
  /** Results listed on the page (both pages list a first page of results). */
  shown: number;
  /** How many documents the page says it found, when it says. */
  reported?: number;
  /** The page's status line, for the record. */
  status: string;
}

/** How one site's search page is driven. */
export interface SearchPage {
  /** The search page's URL for a query (`…/search/?q=…`), which runs the query as it loads. */
  url: (query: string) => string;
  /** Waits until the results of the query being run are shown. */
  results: (page: Page) => Promise<Shown>;
  /** Runs another query in the loaded page and waits for its results. */
  again: (page: Page, query: string) => Promise<Shown>;
}

export interface QueryCost extends Transferred, Shown {
  query: string;
  ms: number;
  /** What the server counted for the same requests: its gzipped and uncompressed body bytes. */
  served?: ServedCount;
}

export interface SearchCost {
  cold: QueryCost;
  warm: QueryCost;
}

/** Measures `first` on a cold page load and `second` in the same page; `server` counts what it sent. */
export async function measureSearch(
  browser: Browser,
  site: SearchPage,
  first: string,
  second: string,
  server?: { take: () => ServedCount },
): Promise<SearchCost> {
  const context = await browser.newContext();
  try {
    server?.take();
    const transferred = trackTransferred(context);
    const page = await context.newPage();
    let started = performance.now();
    await page.goto(site.url(first));
    let shown = await site.results(page);
    let ms = performance.now() - started;
    await transferred.idle();
    const cold = { query: first, ...shown, ms: Math.round(ms), ...(await transferred.take()), served: server?.take() };
    started = performance.now();
    shown = await site.again(page, second);
    ms = performance.now() - started;
    await transferred.idle();
    const warm = { query: second, ...shown, ms: Math.round(ms), ...(await transferred.take()), served: server?.take() };
    return { cold, warm };
  } finally {
    await context.close();
  }
}

/** The archive's page shows this many results, then a 顯示更多結果 button (PAGE_SIZE in src/pages/search/index.astro). */
const ARCHIVE_PAGE_SIZE = 10;

interface ArchiveWindow {
  archiveSearch: (query: string) => Promise<unknown[]>;
  archiveSearchPage?: (query: string, filters: object, limit: number) => Promise<{ results: unknown[]; candidates: number; complete: boolean }>;
  archiveSearchCount?: (query: string, filters: object) => Promise<{ total: number; exact: boolean }>;
}

/**
 * The archive's search page: `/search/?q=…` lists the first results, then says how many there are;
 * in the same page, the next query runs as the page runs one, a page of results
 * (`window.archiveSearchPage`) and its count (`window.archiveSearchCount`), or all of them with
 * `window.archiveSearch` where a build has no paging.
 */
export function archiveSearchPage(site: string): SearchPage {
  return {
    url: (query) => `${site}search/?q=${encodeURIComponent(query)}`,
    results: async (page) => {
      // The first page of results, then the count after it (「共 N 筆」, or 「約 N 筆」 when estimated).
      await page.waitForFunction(() => {
        const text = document.getElementById('search-status')?.textContent ?? '';
        return text !== '' && text !== '搜尋中…';
      });
      const shown = await page.locator('#search-results > li').count();
      await page.waitForFunction(() => !(document.getElementById('search-status')?.textContent ?? '').includes('計算筆數中'));
      const status = (await page.locator('#search-status').textContent()) ?? '';
      if (status.startsWith('搜尋失敗')) throw new Error(`archive search: ${status}`);
      const found = /共 (\d+) 筆|約 (\d+) 筆/.exec(status);
      return { shown, ...(found ? { reported: Number(found[1] ?? found[2]) } : status.startsWith('沒有符合') ? { reported: 0 } : {}), status };
    },
    again: (page, query) =>
      page.evaluate(
        async ([q, limit]) => {
          const archive = window as unknown as ArchiveWindow;
          if (!archive.archiveSearchPage) {
            const all = await archive.archiveSearch(q);
            return { shown: all.length, reported: all.length, status: 'archiveSearch' };
          }
          const { results, candidates, complete } = await archive.archiveSearchPage(q, {}, limit);
          const count = await archive.archiveSearchCount?.(q, {});
          const reported = count?.total ?? (complete ? results.length : undefined);
          return {
            shown: results.length,
            ...(reported === undefined ? {} : { reported }),
            status: `archiveSearchPage: ${candidates} candidates${complete ? '' : ', not all checked'}${count ? `; ${count.exact ? '共' : '約'} ${count.total} 筆` : ''}`,
          };
        },
        [query, ARCHIVE_PAGE_SIZE] as const,
      ),
  };
}

/**
 * The stock Pagefind UI (bench/stock/src/pages/search/index.astro): it shows the count and a list,
 * then each listed result loads its fragment; done when the list is there and none is still loading.
 */
export function stockSearchPage(site: string): SearchPage {
  const shown = async (page: Page, query: string, previous = '') => {
    await page.waitForFunction((before) => {
      // While searching, the UI shows only a message (搜尋中…); the results list comes with the count.
      const message = document.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? '';
      return message !== before && Boolean(document.querySelector('.pagefind-ui__results')) && !document.querySelector('.pagefind-ui__loading');
    }, previous);
    // "[COUNT] results for [SEARCH_TERM]" in the page's language; the term may hold digits itself.
    const status = (await page.locator('.pagefind-ui__message').textContent())?.trim() ?? '';
    const reported = Number(/\d+/.exec(status.split(query).join(' '))?.[0] ?? 0);
    return { shown: await page.locator('.pagefind-ui__result').count(), reported, status };
  };
  return {
    url: (query) => `${site}search/?q=${encodeURIComponent(query)}`,
    results: (page) => page.evaluate(() => new URLSearchParams(location.search).get('q') ?? '').then((query) => shown(page, query)),
    again: async (page, query) => {
      const before = (await page.locator('.pagefind-ui__message').textContent())?.trim() ?? '';
      await page.evaluate((q) => (window as unknown as { pagefindUI: { triggerSearch: (q: string) => void } }).pagefindUI.triggerSearch(q), query);
      return shown(page, query, before);
    },
  };
}
