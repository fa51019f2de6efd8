/**
 * The context around a document as users meet it on the built site: the people named in it (chair,
 * recorder, speakers) and their pages, what the archive holds of each series and what is missing,
 * and where each minutes was confirmed or amended. First on the sample archive, then on a copy with
 * a constructed pair of consecutive minutes where the second amends the first.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, launchBrowser, projectCopy, removeProjectCopies, root, serve } from './harness.ts';

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
/** What a reader sees of some HTML: its text, white space removed. */
const textOf = (html: string) => decode(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, '');
const linksOf = (html: string) =>
  [...html.matchAll(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map(([, href, inner]) => ({ href: decode(href!), text: textOf(inner!) }));
/** The table rows of a page, each as the text of its cells and its links. */
const rowsOf = (html: string) =>
  [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) => ({
    cells: [...row!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, cell]) => textOf(cell!)),
    links: linksOf(row!),
  }));
/** The document card's line about the confirmation of these minutes. */
const confirmationOf = (html: string) => /<li[^>]*>\s*本紀錄之確認：[\s\S]*?<\/li>/.exec(html)?.[0] ?? '';

function site(dist: string) {
  return (path: string) => readFileSync(join(dist, decodeURIComponent(path.split('#')[0]!), 'index.html'), 'utf8');
}

const MEETING_210 = '/minutes/taipei/chief-secretaries-meeting/210/';
const MEETING_224 = '/minutes/taipei/chief-secretaries-meeting/224/';

describe('people, coverage and confirmations on the sample archive', () => {
  let dist: string;
  let page: (path: string) => string;
  beforeAll(async () => {
    dist = await buildSite('/');
    page = site(dist);
  });

  it('reports no serious or critical axe violation on the people and coverage pages, light or dark', async () => {
    const served = await serve(dist);
    const browser = await launchBrowser();
    const violations: string[] = [];
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const path of [
          '/people/',
          '/people/chen-zhi-ming/',
          '/people/information-technology-chen-zhu-mi/',
          '/coverage/',
          '/coverage/information-technology/bureau-meeting/',
        ]) {
          // The site's CSP forbids inline script, axe's included: the checker bypasses it, the site does not.
          const tab = await browser.newPage({ colorScheme, bypassCSP: true });
          await tab.goto(new URL(path.slice(1), served.url).href);
          await tab.addScriptTag({ content: axe.source });
          const result = await tab.evaluate(() =>
            (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
          );
          for (const violation of result.violations) {
            if (violation.impact === 'serious' || violation.impact === 'critical')
              violations.push(`${colorScheme} ${path}: ${violation.id} ${violation.nodes[0]?.target.join(' ')}`);
          }
          await tab.close();
        }
      }
    } finally {
      await browser.close();
      await served.close();
    }
    expect(violations).toEqual([]);
  });

  it('links the chair of 第210次主任秘書會報 to a page that lists the meeting with role 主席', () => {
    const chair = linksOf(page(MEETING_210)).find((link) => link.text === '陳志銘秘書長');
    expect(chair?.href).toBe('/people/chen-zhi-ming/');
    const person = page(chair!.href);
    expect(textOf(person)).toContain('<h1>陳志銘</h1>'.replace(/<[^>]+>/g, ''));
    // The person's page shows the newest year of appearances; 2021's are on its year page (src/site/paging.ts).
    expect(linksOf(person).map((link) => link.href)).toContain(`${chair!.href}2021/`);
    const row = rowsOf(page(`${chair!.href}2021/`)).find((entry) => entry.links.some((link) => link.href === MEETING_210));
    expect(row?.cells).toEqual(['民國110年（2021年）7月22日', '臺北市政府第210次主任秘書會報紀錄', '主席', '秘書長']);
    expect(textOf(person)).toContain('主席（秘書長）・臺北市政府主任秘書會報・民國110年（2021年）7月22日至民國111年（2022年）9月22日（2次）');
    // The recorder, on one line with the chair in the source, has a page too.
    expect(linksOf(page(MEETING_210)).find((link) => link.text === '戴彙芬')?.href).toBe('/people/dai-hui-fen/');
  });

  it('links a supplementary report to its speaker, whose page links back to the exact item', () => {
    const html = page(MEETING_210);
    const speaker = linksOf(html).find((link) => link.text === '資訊局陳主秘');
    expect(speaker?.href).toBe('/people/information-technology-chen-zhu-mi/');
    const person = page(speaker!.href);
    const target = `${MEETING_210}#item-2-6`;
    expect(linksOf(person).map((link) => link.href)).toContain(target);
    const row = rowsOf(person).find((entry) => entry.links.some((link) => link.href === target));
    expect(row?.cells).toEqual([
      '民國110年（2021年）7月22日',
      '臺北市政府第210次主任秘書會報紀錄六、本府各機關契約不可中斷案件截至6月底前執行情形。',
      '補充報告',
      '資訊局主秘',
    ]);
    expect(textOf(person)).toContain('會議紀錄僅載機關、姓氏與職稱「資訊局陳主秘」');
    // The anchor is the item the report is under.
    const item = /<li id="item-2-6"[\s\S]*?資訊局陳主秘<\/a>補充報告/.exec(html);
    expect(item).not.toBeNull();
  });

  it('lists people on /people/, linked from the site navigation, 資訊局陳主秘 apart from 陳志銘', () => {
    const home = page('/');
    expect(linksOf(home).find((link) => link.text === '人員')?.href).toBe('/people/');
    const list = linksOf(page('/people/'));
    expect(list.find((link) => link.text === '陳志銘')?.href).toBe('/people/chen-zhi-ming/');
    expect(list.find((link) => link.text === '資訊局陳主秘')?.href).toBe('/people/information-technology-chen-zhu-mi/');
  });

  it('shows 第211–223次 missing from 主任秘書會報 on the coverage page the home and series pages link to', () => {
    const home = linksOf(page('/'));
    expect(home.map((link) => link.href)).toContain('/coverage/');
    const overall = page('/coverage/');
    const section = /<section aria-labelledby="taipei-chief-secretaries-meeting">([\s\S]*?)<\/section>/.exec(overall)?.[1] ?? '';
    // The archive's page sums each series up (it stays small at any size); the runs are on the series' own page.
    expect(textOf(section)).toContain('收錄場次之間缺13次。');
    expect(textOf(section)).toContain('民國110年（2021年）7月22日至民國111年（2022年）9月22日');
    const own = linksOf(page('/series/taipei/chief-secretaries-meeting/')).find((link) => link.text === '收錄範圍與缺漏場次');
    expect(own?.href).toBe('/coverage/taipei/chief-secretaries-meeting/');
    expect(textOf(page(own!.href))).toContain('缺漏第211–223次（13次）');
    // Numbered within a year, one meeting held: nothing missing, and the sessions before it are not called missing.
    expect(textOf(page('/coverage/information-technology/bureau-meeting/'))).toMatch(
      /113年（2024）收錄第12次（1次）缺漏無收錄以前第1–11次（11次）不在本檔案庫收錄範圍/,
    );
  });

  it('says the minutes that would confirm 第210次 are not held (224 confirms 223, not 210)', () => {
    const line = confirmationOf(page(MEETING_210));
    expect(textOf(line)).toBe('本紀錄之確認：確認本紀錄之第211次會議紀錄未收錄');
    expect(linksOf(line)).toEqual([]);
  });

  it('names on 第224次 the previous minutes it amended, not held, with session and date', () => {
    const html = page(MEETING_224);
    expect(textOf(html)).toContain('修正後確認上次紀錄：第223次（民國111年（2022年）8月24日）（未收錄）');
    expect(textOf(confirmationOf(html))).toBe('本紀錄之確認：確認本紀錄之第225次會議紀錄未收錄');
  });
});

describe('a constructed pair of consecutive minutes, the second amending the first', () => {
  let page: (path: string) => string;
  beforeAll(async () => {
    const project = projectCopy('confirmation');
    cpSync(join(root, 'tests/fixtures/confirmation'), join(project, 'content/minutes/constructed'), {
      recursive: true,
      filter: (path) => !path.endsWith('.md'),
    });
    page = site(await buildSite({ root: project }));
  });
  afterAll(() => removeProjectCopies());

  it("shows on the first the amendment in the second's words, linked to the item and the resolution", () => {
    const line = confirmationOf(page('/minutes/taipei/chief-secretaries-meeting/211/'));
    expect(textOf(line)).toBe(
      '本紀錄之確認：第212次會議（民國110年（2021年）9月23日）修正後確定，修正內容：(一)報告事項一會議結論(二)「……降低同仁輪值排班頻率。」部分文字刪除，修改為「……降低同仁輪值頻率。」。',
    );
    const second = '/minutes/taipei/chief-secretaries-meeting/212/';
    expect(linksOf(line).map((link) => link.href)).toEqual([`${second}#item-1`, `${second}#res-1-1`]);
    const target = page(second);
    expect(target).toContain('id="item-1"');
    expect(target).toMatch(/<li id="res-1-1">[\s\S]*?部分文字刪除，修改為/);
  });

  it('shows on 第210次 that 第211次 confirmed it, and on 第212次 that the archive lacks 第213次', () => {
    const line = confirmationOf(page(MEETING_210));
    expect(textOf(line)).toBe('本紀錄之確認：第211次會議（民國110年（2021年）8月26日）確認（紀錄確定）');
    expect(linksOf(line).map((link) => link.href)).toEqual(['/minutes/taipei/chief-secretaries-meeting/211/#item-1']);
    expect(textOf(confirmationOf(page('/minutes/taipei/chief-secretaries-meeting/212/')))).toBe('本紀錄之確認：確認本紀錄之第213次會議紀錄未收錄');
    expect(textOf(page('/coverage/taipei/chief-secretaries-meeting/'))).toContain('缺漏第213–223次（11次）');
  });
});
