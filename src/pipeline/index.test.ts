/**
 * The whole pipeline on the real documents of content/: what DESIGN.md and the archive-model issue
 * promise about each of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistries } from '../ingest/registries.ts';
import type { ArchiveDocument, Item } from '../model/types.ts';
import { processSource } from './index.ts';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const root = ARCHIVE;
const registries = loadRegistries(join(root, 'content'));
const slug = (name: string) => {
  const found = registries.agencies.resolve(name);
  if (!found) throw new Error(`${name} is not in content/agencies.yaml`);
  return found;
};

function load(path: string): ArchiveDocument {
  const { document } = processSource(readFileSync(join(root, path)), path, registries);
  return document;
}
const byTitle = (items: Item[], title: string) => items.find((item) => item.title.replace(/[：:]$/, '') === title)!;
const cases = (document: ArchiveDocument, action: string) =>
  document.items
    .flatMap(function all(item): Item[] {
      return [item, ...item.items.flatMap(all)];
    })
    .flatMap((item) => item.resolutions.flatMap((resolution) => resolution.cases))
    .filter((ref) => ref.action === action)
    .map((ref) => ref.id);

describe('第210次主任秘書會報', () => {
  const document = load('content/minutes/taipei-chief-secretaries-meeting-210.txt');

  it('reads the title and header', () => {
    expect(document).toMatchObject({
      kind: 'minutes',
      organization: '臺北市政府',
      series: '主任秘書會報',
      session: { number: 210 },
      date: '2021-07-22',
      startTime: '10:00',
      endTime: '11:36',
      location: '視訊會議',
      chair: { name: '陳志銘', title: '秘書長' },
      recorder: '戴彙芬',
      adjournment: '散會（上午 11 時 36 分）',
    });
    expect(document.warnings).toEqual([]);
  });

  it('has 9 report items, item 四 reported by 法務局, item 六 with four supplementary reports', () => {
    const reports = byTitle(document.items, '報告事項');
    expect(reports.items).toHaveLength(9);
    expect(reports.items[3]).toMatchObject({ label: '四、', agency: slug('法務局'), agencyText: '（法務局）' });
    expect(reports.items[5]!.reports.map((report) => report.agency)).toEqual(['資訊局', '教育局', '社會局', '文化局'].map(slug));
    expect(reports.items[5]!.reports[0]).toMatchObject({ speaker: '資訊局陳主秘', role: '主秘', verb: '補充報告' });
    // `(研考會)` printed on its own line under item 七 is still its reporting agency.
    expect(reports.items[6]).toMatchObject({ agency: slug('研考會'), agencyText: '(研考會)' });
  });

  it('confirms the previous minutes, session 209 of 2021-06-25', () => {
    expect(document.previous).toMatchObject({ session: { number: 209 }, date: '2021-06-25', status: 'confirmed' });
  });

  it('releases, merges and continues tracked cases', () => {
    expect(cases(document, 'released')).toEqual(['205-1', '208-2', '209-1', '209-3', '209-4']);
    expect(cases(document, 'continued')).toEqual(['204-2', '205-2', '208-1', '209-2']);
    // 「205-1 併 208-2、… 等 4 案解除列管」: 205-1 is released into 208-2, once, not also merged.
    expect(cases(document, 'merged')).toEqual([]);
    const refs = document.items
      .flatMap(function all(item): Item[] {
        return [item, ...item.items.flatMap(all)];
      })
      .flatMap((item) => item.resolutions.flatMap((resolution) => resolution.cases));
    expect(refs.find((ref) => ref.id === '205-1')).toMatchObject({ action: 'released', mergedInto: '208-2' });
  });

  it('joins the resolution a page break cut, and addresses agencies', () => {
    const item = byTitle(document.items, '報告事項').items[2]!;
    expect(item.resolutions[3]!.text).toContain('有窒礙難行之處，可借鏡學習其他區公所之作法。');
    expect(item.resolutions[3]!.agencies).toContain(slug('民政局'));
    const contracts = byTitle(document.items, '報告事項').items[5]!;
    expect(contracts.resolutions[1]!.agencies).toEqual(['資訊局', '教育局', '文化局'].map(slug));
  });

  it('keeps 綜合會議結論 entries as resolutions with their sub-entries', () => {
    const section = byTitle(document.items, '綜合會議結論');
    expect(section.resolutions).toHaveLength(5);
    expect(section.resolutions[3]!.text).toContain('1. 與各局處業務相關之公會、工會與協會。');
  });

  it('gives every item and resolution a unique anchor', () => {
    const anchors: string[] = [];
    const walk = (items: Item[]) => {
      for (const item of items) {
        anchors.push(item.anchor, ...item.resolutions.map((resolution) => resolution.anchor));
        walk(item.items);
      }
    };
    walk(document.items);
    expect(new Set(anchors).size).toBe(anchors.length);
    expect(anchors).toContain('item-2-3');
    expect(anchors).toContain('res-2-1-1');
  });
});

describe('第224次主任秘書會報', () => {
  const document = load('content/minutes/taipei-chief-secretaries-meeting-224.txt');
  it('reads date, end time, recorder, and the amended previous minutes', () => {
    expect(document).toMatchObject({ date: '2022-09-22', startTime: '10:00', endTime: '11:44', recorder: '李壙吉' });
    expect(document.previous).toMatchObject({ session: { number: 223 }, date: '2022-08-24', status: 'amended' });
  });
  it('continues case 204-2 here too', () => {
    expect(cases(document, 'continued')).toContain('204-2');
    expect(cases(document, 'released')).toEqual(['223-1', '223-2', '223-3']);
  });
});

describe('秘書處第103次處務會議', () => {
  const document = load('content/minutes/secretariat-office-meeting-103.txt');
  it('reads date and end time', () => {
    expect(document).toMatchObject({ organization: '臺北市政府秘書處', series: '處務會議', date: '2021-08-19', endTime: '11:01' });
    expect(document.organizationAgency).toBe(slug('秘書處'));
  });
  it('reads case numbers without a dash', () => {
    expect(cases(document, 'released')).toEqual(['9805', '10201', '10203']);
    expect(cases(document, 'continued')).toEqual(['9903', '9904', '10104', '10202', '10204']);
  });
  it('has 10 supplementary reports under item 四, the first by 總務組涂組長', () => {
    const item = byTitle(document.items, '報告事項').items[3]!;
    expect(item.reports).toHaveLength(10);
    expect(item.reports[0]).toMatchObject({ speaker: '總務組涂組長', role: '組長', unit: '總務組', agency: slug('秘書處') });
    expect(item.reports[0]!.text).toMatch(/^\(一\) 有關風險評估作業/);
    expect(item.resolutions).toHaveLength(8);
    expect(item.resolutions[3]!.text).toContain('本府已停止 COVID-19 公費疫苗專案接種');
  });
});

describe('資訊局113年第12次局務會議', () => {
  const document = load('content/minutes/information-technology-bureau-meeting-113-12.txt');
  it('reads a numbered header with the recorder on its own line', () => {
    expect(document).toMatchObject({
      series: '局務會議',
      session: { number: 12, year: 2024 },
      date: '2024-12-17',
      startTime: '14:00',
      endTime: '16:13',
      location: '南區第一研討室',
      chair: { name: '趙式隆', title: '局長' },
      recorder: '陳佳君',
      attendees: '如簽到表',
    });
    expect(document.warnings).toEqual([]);
  });
  it('has 23 entries under 主席裁示事項', () => {
    expect(byTitle(document.items, '主席裁示事項').resolutions).toHaveLength(23);
  });
});

describe('秘書處109年1-6月施政成果報告', () => {
  const document = load('content/reports/secretariat-2020-h1.txt');
  it('reads period, cut-off, publication date and contact', () => {
    expect(document).toMatchObject({
      kind: 'report',
      organizationAgency: slug('秘書處'),
      period: { start: '2020-01-01', end: '2020-06-30' },
      dataCutoff: '2020-06-30',
      published: '2020-09-10',
      contact: { name: '王佳燕', title: '專員', phone: '1999 轉 6053', email: 'bk_carrie@mail.tapei.gov.tw' },
    });
  });
  it('has the three report sections with their entries', () => {
    expect(document.items.map((item) => item.title)).toEqual(['重要施政成果', '已實施之創新作為', '未來施政重點']);
    expect(document.items[2]!.items).toHaveLength(16);
    // 「節電部分：本期總用電量…」: the heading before the colon is the title, the rest the item's text.
    expect(document.items[0]!.items[0]!.items[0]!.items[0]!.items[0]).toMatchObject({
      title: '節電部分：',
      text: expect.stringMatching(/^本期總用電量 961 萬 400 度/),
    });
  });
});

describe('files the pipeline cannot fully understand', () => {
  it('rejects an empty file with a message naming it: there is nothing to publish', () => {
    expect(() => processSource(Buffer.from(' \n\n'), 'content/minutes/空白檔案.txt', registries)).toThrow(
      /^content\/minutes\/空白檔案\.txt:1:1 empty file: nothing to publish/,
    );
  });
  it('publishes a file without a recognisable title as unclassified, with an ASCII URL', () => {
    const { document } = processSource(Buffer.from('附件一 說明\n\n內容\n'), 'content/minutes/附件 一.txt', registries);
    expect(document.series).toBe('未分類文件');
    expect(document.url).toMatch(/^\/minutes\/[a-z0-9-]+\/unclassified\/[a-z0-9-]+\/$/);
  });
  it('keeps the text of prose it cannot structure, and says where', () => {
    const text = '本文件為會議資料之附件，無會議紀錄格式。\n\n請參閱原始公告。\n';
    const { document } = processSource(Buffer.from(text), 'content/minutes/attachment.txt', registries);
    expect(document.warnings.some((warning) => /^content\/minutes\/attachment\.txt:\d+:\d+ /.test(warning))).toBe(true);
    const shown = [document.title, document.intro ?? '', ...document.items.map((item) => item.title + item.text)].join('');
    expect(shown.replace(/\s/g, '')).toContain('請參閱原始公告。');
  });
});
