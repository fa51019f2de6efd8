import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistries } from '../../src/ingest/registries.ts';
import { processSource } from '../../src/pipeline/index.ts';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { createAgencyBook } from './agencies.ts';
import { addMinutes } from './minutes-pools.ts';
import { createCompiler } from './phrase.ts';
import { emptyPools } from './pools.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
const compile = createCompiler(createAgencyBook(registries.data.agencies));

/** The pools one real document fills, read from its model. */
function poolsOf(path: string) {
  const document = processSource(readFileSync(path), path, registries).document;
  const pools = emptyPools();
  addMinutes(pools, document, compile);
  return pools;
}

const minutes = (name: string) => join(ARCHIVE, 'content/minutes', name);

describe('addMinutes', () => {
  it("draws the 處務會議: its series, the follow-up title, unit heads' reports and items", () => {
    const pools = poolsOf(minutes('secretariat-office-meeting-103.txt'));
    expect(pools.anchors).toEqual([
      {
        organization: '臺北市政府秘書處',
        holder: 'secretariat',
        series: '處務會議',
        number: 103,
        yearly: false,
        day: { year: 2021, month: 8, day: 19 },
        layout: 'office',
      },
    ]);
    expect(pools.followUps).toEqual([{ title: '\u0001\u0002結論事項辦理情形報告。', scope: 'agency' }]);
    const general = pools.speeches.find((speech) => speech.prefix.text === '總務組')!;
    expect(general.head).toBeUndefined();
    expect(general.lines.map((line) => line.text)[0]).toBe(
      '有關風險評估作業暨內控作業，目前預計 9 月份進行滾動式修正，10 月份進行公管中心與本處各組室內控交互稽核，屆時請各組室配合辦理。',
    );
    expect(pools.speeches.find((speech) => speech.prefix.text === '公管中心')?.head?.text).toBe(
      '列管案號 12616 原訂今年 10 月底完工，依目前進度有機會提前完成。',
    );
    expect(pools.items.map((item) => item.title.text)).toEqual(['宣達市政會議裁指示事項。', '市長室暨市政會議列管秘書處案件。', '各組室業務工作報告。']);
    // The tracked-case sentence is a template, not a resolution to copy.
    expect(pools.resolutions.some((entry) => entry.text.text.includes('9805'))).toBe(false);
    expect(pools.cases).toHaveLength(3);
    // Speakers' surnames (公管中心趙主任), then the chair's and the recorder's names.
    expect(pools.surnames.slice(0, 3)).toEqual(['趙', '涂', '莊']);
    expect(pools.surnames.slice(-2)).toEqual(['陳', '戴']);
    expect(pools.givenNames).toEqual(['志銘', '彙芬']);
  });

  it("draws the numbered 局務會議: its header layout and the chair's directives", () => {
    const pools = poolsOf(minutes('information-technology-bureau-meeting-113-12.txt'));
    expect(pools.anchors[0]).toMatchObject({ series: '局務會議', number: 12, yearly: true, layout: 'numbered' });
    expect(pools.general).toHaveLength(23);
    expect(pools.general[9]!.text.text).toBe('年底將屆，尚未申請文康活動、國旅卡及健康檢查補助同仁，請把握自身權益儘速申請。');
    expect(pools.items).toEqual([]);
    expect(pools.locations.map((place) => place.text)).toEqual(['南區第一研討室']);
  });

  it('tells the amendment of the previous minutes from the confirmation', () => {
    const pools = poolsOf(minutes('taipei-chief-secretaries-meeting-224.txt'));
    expect(pools.amendments.map((entry) => entry.text.text)).toEqual([
      '報告事項三會議結論 (三)「……公務車駕駛人員出勤趟數、時數及里程數，……」部分文字刪除，修改為「……公務車駕駛人員出勤趟數、時數，……」。',
    ]);
    expect(pools.confirmations).toEqual(['其餘紀錄確定。']);
    expect(pools.anchors[0]).toMatchObject({ organization: '臺北市政府', series: '主任秘書會報', layout: 'chief' });
    expect(pools.anchors[0]!.holder).toBeUndefined();
  });

  it("keeps a resolution's sub-entries below it", () => {
    const pools = poolsOf(minutes('taipei-chief-secretaries-meeting-210.txt'));
    const plan = pools.general.find((entry) => entry.text.text === '有關台北通實聯制推廣精進計畫：')!;
    expect(plan.children.map((child) => child.text).slice(0, 2)).toEqual(['(一) 請各局處協助向下列單位宣導：', '1. 與各局處業務相關之公會、工會與協會。']);
  });

  it("draws 市政會議 minutes as the city's web pages print them, with no rule of their own", () => {
    const pools = poolsOf(join(import.meta.dirname, '../../tests/fixtures/layouts/city-administration-meeting-2130.txt'));
    expect(pools.anchors[0]).toMatchObject({ series: '市政會議', number: 2130, layout: 'chief' });
    expect(pools.items.map((item) => [item.title.text, item.agency?.text])).toContainEqual(['臺北市 COVID-19 防疫工作報告', '（衛生局）']);
    expect(pools.resolutions.map((entry) => entry.text.text)).toContain('修正後通過，函送臺北市議會審議。');
    expect(pools.givenNames).toEqual(['文哲']);
  });
});
