/**
 * Originals through the pipeline: the importer's text and tree go through the same stages as a
 * text file, and an original that cannot be read is a problem naming the file (and the page),
 * never a crash and never a document silently missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnreadableSourceError } from '../pipeline/read.ts';
import { processFile } from './original.ts';
import { loadRegistries } from './registries.ts';
import { processPath } from './sources.ts';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const root = join(import.meta.dirname, '../..');
const registries = loadRegistries(join(ARCHIVE, 'content'));

describe('originals in the pipeline', { timeout: 120_000 }, () => {
  it('publishes a PDF with its bytes described and its messages on lines of the extracted text', () => {
    const path = 'tests/fixtures/bad-originals/partly-scanned.pdf';
    const { document, file } = processFile(readFileSync(join(root, path)), path, registries);
    expect(document.title).toBe('臺北市政府第 224 次主任秘書會報紀錄');
    expect(document.file).toMatchObject({ bytes: readFileSync(join(root, path)).byteLength, mediaType: 'application/pdf' });
    expect(file.data.original).toMatchObject({ format: 'pdf', pageCount: 6 });
    const [warning] = document.warnings;
    expect(warning).toMatch(/^tests\/fixtures\/bad-originals\/partly-scanned\.pdf:\d+:1 第 3 頁沒有文字層（掃描影像）/);
    const line = Number(warning!.split(':')[1]);
    // The warning points at the first line of the page after the scan.
    expect(file.data.original!.pageOfLine![line - 1]).toBe(4);
  });

  it('refuses an unreadable original with a problem naming the file and what is wrong', () => {
    const cases: [string, RegExp][] = [
      ['scanned.pdf', /^tests\/fixtures\/bad-originals\/scanned\.pdf:1:1 cannot read the file: 第 1–3 頁沒有文字層（掃描影像）/],
      ['encrypted.pdf', /encrypted\.pdf:1:1 cannot read the file: the PDF is encrypted/],
      ['truncated.pdf', /truncated\.pdf:1:1 cannot read the file: the PDF is damaged/],
      [
        'spreadsheet.odt',
        /spreadsheet\.odt:1:1 cannot read the file: the ZIP package is an OpenDocument file of type application\/vnd\.oasis\.opendocument\.spreadsheet/,
      ],
      ['photos.docx', /photos\.docx:1:1 cannot read the file: the ZIP package is neither an ODT nor a DOCX/],
    ];
    for (const [name, message] of cases) {
      const path = `tests/fixtures/bad-originals/${name}`;
      expect(() => processFile(readFileSync(join(root, path)), path, registries)).toThrow(UnreadableSourceError);
      expect(processPath(root, path, registries)).toEqual({ path, problems: [expect.stringMatching(message)] });
    }
  });

  it('still refuses a PDF saved under a text name, as text files are read', () => {
    const path = 'tests/fixtures/bad/pdf-named-txt.txt';
    expect(processPath(root, path, registries).problems[0]).toMatch(/it is a PDF document, not text/);
  });

  it('warns on a DOCX with tracked changes and publishes the accepted text', () => {
    const path = 'tests/fixtures/bad-originals/tracked-changes.docx';
    const outcome = processPath(root, path, registries);
    expect(outcome.document?.title).toBe('臺北市政府第 224 次主任秘書會報紀錄');
    expect(outcome.problems).toEqual([expect.stringMatching(/^tests\/fixtures\/bad-originals\/tracked-changes\.docx:1:1 the document holds tracked changes/)]);
  });
});

describe('provenance of an original in the model', { timeout: 120_000 }, () => {
  it('gives the format, pages, what was left out, the extracted text, and the page each item and resolution starts on', () => {
    const path = 'tests/fixtures/originals/taipei-chief-secretaries-meeting-210.pdf';
    const { document } = processFile(readFileSync(join(root, path)), path, registries);
    expect(document.file).toMatchObject({ format: 'pdf', pages: 6, mediaType: 'application/pdf' });
    expect(document.file.omitted).toEqual([1, 2, 3, 4, 5, 6].map((n) => `第 ${n} 頁，共 6 頁`));
    expect(document.file.text?.split('\n')[0]).toBe('臺北市政府第 210 次主任秘書會報紀錄');
    const report = document.items.find((item) => item.title === '報告事項')!;
    const pages = Object.fromEntries(report.items.map((item) => [item.label, item.page]));
    expect(pages).toMatchObject({ '一、': 1, '二、': 2, '四、': 2, '五、': 3, '七、': 4, '九、': 5 });
    // 八、 starts on page 4; its resolution runs on to page 5 but starts on 4.
    const eight = report.items.find((item) => item.label === '八、')!;
    expect(eight.resolutions[0]!.page).toBe(4);
    const text = processFile(
      readFileSync(join(ARCHIVE, 'content/minutes/taipei-chief-secretaries-meeting-210.txt')),
      'content/minutes/taipei-chief-secretaries-meeting-210.txt',
      registries,
    ).document;
    expect(text.file.format).toBeUndefined();
    expect(text.items[0]!.page).toBeUndefined();
  });
});
