/**
 * The five sample documents as agencies publish them (tests/fixtures/originals: PDF, ODT, DOCX, and
 * one saved web page) give the same document model as their text files in content/: title, series,
 * session, date, times, place, chair, recorder, the item tree (labels, titles, nesting), every
 * resolution (label and text, white space aside), cases with actions and agencies. Where a text file
 * and an original differ, the difference is written down below, with why, and the test checks it
 * is really there (so the list cannot go stale).
 *
 * Page-break cuts: the text files' cuts (`…有窒礙難行之處，` / blank line / `可借鏡學習…` in 210,
 * `…今日決` / `標，…`) are joined by the text pipeline's layout repair, and the originals have no
 * such cuts, so none is left as a difference; the first test checks both readings agree there.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentText } from '../../model/text.ts';
import type { ArchiveDocument } from '../../model/types.ts';
import { processFile } from '../original.ts';
import { loadRegistries } from '../registries.ts';
import { ARCHIVE } from '../../../tests/fixtures/archive.ts';
import { importOriginal } from './index.ts';
import { type ItemSummary, type ModelSummary, summarize } from './model-summary.ts';
import { readPdfContent } from './pdf-content.ts';
import { pageLines } from './pdf-lines.ts';

const root = join(import.meta.dirname, '../../..');
const registries = loadRegistries(join(ARCHIVE, 'content'));

const DOCUMENTS = {
  'information-technology-bureau-meeting-113-12': 'minutes',
  'secretariat-2020-h1': 'reports',
  'secretariat-office-meeting-103': 'minutes',
  'taipei-chief-secretaries-meeting-210': 'minutes',
  'taipei-chief-secretaries-meeting-224': 'minutes',
} as const;
type Name = keyof typeof DOCUMENTS;
type Format = 'pdf' | 'odt' | 'docx' | 'html';

const formatsOf = (name: Name): Format[] => (name === 'taipei-chief-secretaries-meeting-210' ? ['pdf', 'odt', 'docx', 'html'] : ['pdf', 'odt', 'docx']);
const originalPath = (name: Name, format: Format) => `tests/fixtures/originals/${name}.${format}`;

/** Text files are the sample archive's (tests/fixtures/archive/content), originals are under tests/fixtures/originals. */
function build(path: string): { document: ArchiveDocument; nothingLost: string[] } {
  const { document, file } = processFile(readFileSync(join(path.startsWith('content/') ? ARCHIVE : root, path)), path, registries);
  return { document, nothingLost: file.messages.filter((message) => message.ruleId === 'nothing-lost').map((message) => message.reason) };
}

/** Replaces text in every string of the summary; fails if the text is not there (the difference went away). */
function replaceText(summary: ModelSummary, from: string, to: string): ModelSummary {
  const json = JSON.stringify(summary);
  expect(json, `the text file's model holds 「${from}」`).toContain(from);
  return JSON.parse(json.split(from).join(to)) as ModelSummary;
}

function findItem(items: ItemSummary[], title: string): ItemSummary | undefined {
  for (const item of items) {
    if (item.title.startsWith(title)) return item;
    const found = findItem(item.items, title);
    if (found) return found;
  }
  return undefined;
}

interface Difference {
  document: Name;
  formats: Format[];
  why: string;
  /** The text file's model, changed to what the original reads. */
  apply: (summary: ModelSummary) => ModelSummary;
}

const DIFFERENCES: Difference[] = [
  {
    document: 'taipei-chief-secretaries-meeting-210',
    formats: ['pdf', 'odt', 'docx', 'html'],
    why: "the text file's `(<https://mycodeplus.gov.taipei/>)` is read as a markdown autolink, brackets dropped as residue; the originals print the brackets, and an original's text is never read as markdown",
    apply: (summary) => replaceText(summary, '(https://mycodeplus.gov.taipei/)', '(<https://mycodeplus.gov.taipei/>)'),
  },
  {
    document: 'secretariat-2020-h1',
    formats: ['pdf', 'odt', 'docx'],
    why: 'the text file marks the paragraphs under (1)落實機電設備管理 and (2)加強節能工作 with `- ` (list residue), so they became unlabelled sub-items; in the originals they are plain paragraphs of those items',
    apply: (summary) => {
      for (const title of ['落實機電設備管理', '加強節能工作']) {
        const item = findItem(summary.items, title)!;
        expect(item.items.map((sub) => sub.label)).toEqual(['', '', '']);
        // Their words are the item's own text in the originals (texts are compared without white space).
        item.text += item.items.map((sub) => sub.title + sub.text).join('');
        item.items = [];
      }
      return summary;
    },
  },
  {
    document: 'secretariat-2020-h1',
    formats: ['pdf'],
    why: 'the PDF does not print three characters its ODT and DOCX have, where its typesetting hung punctuation past a line end (the page shows 「比率達 57」/「3%」 and no comma after 「舉行」 and 「資料」): the archive keeps what the PDF says',
    apply: (summary) => {
      let changed = replaceText(summary, '比率達57.3%', '比率達573%');
      changed = replaceText(changed, '改為視訊會議舉行，本府秘書處', '改為視訊會議舉行本府秘書處');
      return replaceText(changed, '書面答復資料，並綜理府會', '書面答復資料並綜理府會');
    },
  },
];

describe('originals give the model of their text file', { timeout: 300_000 }, () => {
  const models = new Map<string, ReturnType<typeof build>>();
  const model = (path: string) => {
    if (!models.has(path)) models.set(path, build(path));
    return models.get(path)!;
  };

  for (const [name, kind] of Object.entries(DOCUMENTS) as [Name, string][]) {
    for (const format of formatsOf(name)) {
      it(`${name}.${format} equals content/${kind}/${name}.txt field by field`, () => {
        let expected = summarize(model(`content/${kind}/${name}.txt`).document);
        for (const difference of DIFFERENCES) if (difference.document === name && difference.formats.includes(format)) expected = difference.apply(expected);
        const actual = summarize(model(originalPath(name, format)).document);
        // Field by field first, for a readable failure; then the whole.
        for (const key of Object.keys(expected) as (keyof ModelSummary)[]) expect(actual[key], key).toEqual(expected[key]);
        expect(actual).toEqual(expected);
      });
    }
  }

  it("joins the text file's page-break cuts as the originals read them", () => {
    const text = model('content/minutes/taipei-chief-secretaries-meeting-210.txt').document;
    const pdf = model(originalPath('taipei-chief-secretaries-meeting-210', 'pdf')).document;
    for (const document of [text, pdf]) {
      const all = documentText(document).join('').replace(/\s+/g, '');
      expect(all).toContain('有窒礙難行之處，可借鏡學習其他區公所之作法。');
      expect(all).toContain('文化局列管案將於今日決標，若流標將採後續擴充方式處理。');
    }
  });

  it('keeps no menu, breadcrumb or footer text of the web page', () => {
    const { document } = model(originalPath('taipei-chief-secretaries-meeting-210', 'html'));
    const all = documentText(document).join('\n');
    for (const chrome of [
      '市政新聞',
      '全站搜尋',
      '目前位置',
      '發布機關',
      '點閱次數',
      '版權所有',
      '市府路1號',
      '無障礙聲明',
      '會議紀錄.pdf',
      '跳到主要內容區塊',
    ])
      expect(all).not.toContain(chrome);
  });
});

describe('page furniture other than 第 N 頁，共 M 頁', { timeout: 300_000 }, () => {
  it('leaves out a running header and 「- N -」 footers, recorded, and reads the model of the text file', () => {
    const path = 'tests/fixtures/originals-furniture/running-header.pdf';
    const imported = importOriginal(readFileSync(join(root, path)), path);
    const header = '臺北市政府第 224 次主任秘書會報紀錄（110 年 9 月）';
    expect([...(imported.omitted ?? [])].sort()).toEqual([...Array(5).fill(header), '- 1 -', '- 2 -', '- 3 -', '- 4 -', '- 5 -'].sort());
    expect(imported.text).not.toContain('（110 年 9 月）');
    const { document, nothingLost } = build(path);
    expect(nothingLost).toEqual([]);
    expect(summarize(document)).toEqual(summarize(build('content/minutes/taipei-chief-secretaries-meeting-224.txt').document));
  });
});

describe('a bordered table in an original', { timeout: 300_000 }, () => {
  // The 主管會報 layout with its follow-up table (tests/fixtures/layouts), typeset by LibreOffice as
  // ODT, DOCX and PDF from a web page of the same text (tests/fixtures/originals-table/README.md).
  const text = 'tests/fixtures/layouts/environmental-protection-executives-5.md';
  const expected = () => summarize(build(text).document);

  for (const format of ['pdf', 'odt', 'docx', 'html'] as const) {
    it(`${format}: the table is read into cells, and the model equals the text file's`, () => {
      const path = `tests/fixtures/originals-table/environmental-protection-executives-5.${format}`;
      const { document, nothingLost } = build(path);
      expect(nothingLost).toEqual([]);
      const table = document.items[0]!.tables[0]!;
      expect(table.header).toEqual(['列管編號', '案由及承辦單位', '辦理情形', '解除列管', '繼續列管']);
      expect(table.rows).toEqual([
        ['4-1', '清潔隊收運路線檢討（清潔隊管理科）', '已完成路線調整', 'V', ''],
        ['4-2', '垃圾費隨袋徵收宣導（綜合企劃科）', '辦理中', '', 'V'],
      ]);
      expect(summarize(document)).toEqual(expected());
    });
  }
});

describe('nothing of an original is lost', { timeout: 300_000 }, () => {
  const squash = (text: string) => text.replace(/\s+/g, '');

  for (const name of Object.keys(DOCUMENTS) as Name[]) {
    for (const format of formatsOf(name)) {
      it(`${name}.${format}: every paragraph is in the model, in order (the pipeline's coverage check)`, () => {
        const path = originalPath(name, format);
        expect(build(path).nothingLost).toEqual([]);
      });
    }

    it(`${name}.pdf: every character of the text layer but the page furniture is in the extracted text, in order`, () => {
      const bytes = readFileSync(join(root, originalPath(name, 'pdf')));
      const content = readPdfContent(bytes);
      if ('error' in content) throw new Error(content.message);
      const imported = importOriginal(bytes, originalPath(name, 'pdf'));
      const furniture = new Set(imported.omitted);
      const layer = content.pages.flatMap((page, index) => pageLines(page, index + 1)).filter((line) => !furniture.has(line.text));
      expect(squash(imported.text)).toBe(squash(layer.map((line) => line.text).join('')));
      expect(imported.omitted).toHaveLength(imported.pageCount!);
      for (const line of imported.omitted!) expect(line).toMatch(/^第 \d+ 頁，共 \d+ 頁$/);
    });

    it(`${name}.docx and .odt: every text run of the body is in the extracted text, in order`, () => {
      const docx = importOriginal(readFileSync(join(root, originalPath(name, 'docx'))), originalPath(name, 'docx'));
      const xml = unzipText(originalPath(name, 'docx'), 'word/document.xml');
      const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => decodeXml(match[1]!)).join('');
      expect(squash(docx.text)).toBe(squash(runs));
      const odt = importOriginal(readFileSync(join(root, originalPath(name, 'odt'))), originalPath(name, 'odt'));
      const body = unzipText(originalPath(name, 'odt'), 'content.xml')
        .replace(/^[\s\S]*<office:text[^>]*>/, '')
        .replace(/<text:sequence-decls>[\s\S]*?<\/text:sequence-decls>/, '');
      expect(squash(odt.text)).toBe(squash(decodeXml(body.replace(/<[^>]+>/g, ''))));
    });
  }
});

function unzipText(path: string, part: string): string {
  return strFromU8(unzipSync(readFileSync(join(root, path)))[part]!);
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
