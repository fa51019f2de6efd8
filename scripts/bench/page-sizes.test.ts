import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { largestPages, pageRoutes, pageSizeTable, routeOf } from './page-sizes.ts';

const work = mkdtempSync(join(tmpdir(), 'page-sizes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const write = (path: string, bytes = 0) => {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), 'x'.repeat(bytes));
};
for (const page of [
  'index.astro',
  '[...document].astro',
  'topics/index.astro',
  'topics/[slug]/[...page].astro',
  'topics/[slug]/feed.xml.ts',
  'about/[page].astro',
  '404.astro',
])
  write(`pages/${page}`);

describe('page sizes by route', () => {
  const routes = pageRoutes(join(work, 'pages'));

  it('takes the HTML pages of src/pages, not its endpoints', () => {
    expect(routes.map((route) => route.pattern).sort()).toEqual(['/', '/404', '/[...document]', '/about/[page]', '/topics', '/topics/[slug]/[...page]']);
  });

  it('matches a page to its route as Astro ranks them: static segments first, rest parameters last', () => {
    const of = (path: string) => routeOf(path, routes)?.pattern;
    expect(of('index.html')).toBe('/');
    expect(of('topics/index.html')).toBe('/topics');
    expect(of('topics/water/index.html')).toBe('/topics/[slug]/[...page]');
    expect(of('topics/water/2024/2/index.html')).toBe('/topics/[slug]/[...page]');
    expect(of('about/sitemap/index.html')).toBe('/about/[page]');
    expect(of('minutes/taipei/x/210/index.html')).toBe('/[...document]');
    expect(of('404.html')).toBe('/404');
  });

  it('reports the largest page of each type, largest first, and flags those over the budget', () => {
    write('dist/topics/water/index.html', 3000);
    write('dist/topics/water/2023/index.html', 1000);
    write('dist/topics/index.html', 500);
    write('dist/minutes/a/1/index.html', 2000);
    const types = largestPages(join(work, 'dist'), join(work, 'pages'));
    expect(types.map((type) => [type.route, type.pages, type.largest])).toEqual([
      ['/topics/[slug]/[...page]', 2, { path: '/topics/water/', bytes: 3000 }],
      ['/[...document]', 1, { path: '/minutes/a/1/', bytes: 2000 }],
      ['/topics', 1, { path: '/topics/', bytes: 500 }],
    ]);
    expect(pageSizeTable(types, 2)).toContain('| /topics/[slug]/[...page] | 2.9 (over budget) | 2 | 0.0 | /topics/water/ |');
  });
});
