import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readLabel } from '../../pipeline/labels.ts';
import { importOriginal } from './index.ts';

const original = 'tests/fixtures/originals/taipei-chief-secretaries-meeting-210.docx';

/** Levels as Word's Chinese list templates define them: 壹、 一、 (一) 1. */
const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="7">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographLegalTraditional"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="taiwaneseCountingThousand"/><w:lvlText w:val="%2、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="taiwaneseCountingThousand"/><w:lvlText w:val="(%3)"/><w:suff w:val="space"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%4."/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>`;

const LEVELS: Record<string, number> = { L0: 0, L1: 1, L2: 2, L3: 3 };

/**
 * The sample DOCX as Word writes a document whose labels come from list numbering: each labelled
 * paragraph loses its label from the text runs and gets `w:numPr` instead.
 */
function withGeneratedLabels(bytes: Uint8Array): Uint8Array {
  const pkg = unzipSync(bytes);
  const xml = strFromU8(pkg['word/document.xml']!);
  let removed = 0;
  const rewritten = xml.replace(/<w:p>(.*?)<\/w:p>/gs, (paragraph, inner: string) => {
    const style = /<w:pStyle w:val="(\w+)"\/>/.exec(inner)?.[1] ?? '';
    const text = [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const label = readLabel(text);
    if (!(style in LEVELS) || !label) return paragraph;
    removed++;
    const rest = text.slice(label.text.length).trimStart();
    return `<w:p><w:pPr><w:pStyle w:val="${style}"/><w:numPr><w:ilvl w:val="${LEVELS[style]}"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${rest}</w:t></w:r></w:p>`;
  });
  expect(removed).toBeGreaterThan(30);
  return zipSync({ ...pkg, 'word/document.xml': strToU8(rewritten), 'word/numbering.xml': strToU8(NUMBERING) });
}

describe('DOCX importer', () => {
  it('reads paragraphs in order, one per line, with the runs of each joined', () => {
    const read = importOriginal(readFileSync(original), original);
    expect(read.format).toBe('docx');
    expect(read.messages).toEqual([]);
    const lines = read.text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '臺北市政府第210次主任秘書會報紀錄',
      '時間：民國110年7月22日10時0分',
      '地點：視訊會議',
      '主席：陳志銘秘書長 紀錄：戴彙芬',
    ]);
    expect(lines).toContain('會議結論：紀錄確定。');
    expect(read.tree.children[0]!.position?.start).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it('prints the labels Word generates from numbering.xml (壹、 一、 (一) 1.) as the document shows them', () => {
    const bytes = readFileSync(original);
    const printed = importOriginal(bytes, original);
    const numbered = importOriginal(withGeneratedLabels(bytes), original);
    expect(numbered.messages).toEqual([]);
    expect(numbered.text).toBe(printed.text);
    expect(numbered.text).toContain('\n參、綜合會議結論\n一、近期疫情趨緩');
    expect(numbered.text).toContain('\n(一) 請各局處協助向下列單位宣導：\n1. 與各局處業務相關之公會、工會與協會。\n2. 各局處業務相關或轄管之外部單位。');
  });

  it('reads tracked changes accepted and says so', () => {
    const path = 'tests/fixtures/bad-originals/tracked-changes.docx';
    const read = importOriginal(readFileSync(path), path);
    expect(read.text.split('\n')[0]).toBe('臺北市政府第 224 次主任秘書會報紀錄');
    expect(read.messages).toEqual([{ reason: expect.stringContaining('tracked changes: the text was read with every change accepted') }]);
  });

  it('refuses a ZIP that is not a text document, and a damaged one, saying what they are', () => {
    const photos = importOriginal(readFileSync('tests/fixtures/bad-originals/photos.docx'), 'photos.docx');
    expect(photos.messages).toEqual([{ reason: expect.stringContaining('neither an ODT nor a DOCX document'), fatal: true }]);
    const truncated = importOriginal(readFileSync('tests/fixtures/bad-originals/truncated.docx'), 'truncated.docx');
    expect(truncated.messages[0]).toMatchObject({ reason: expect.stringContaining('cannot open the file as a ZIP package'), fatal: true });
    const sheet = importOriginal(readFileSync('tests/fixtures/bad-originals/spreadsheet.odt'), 'spreadsheet.odt');
    expect(sheet.messages[0]).toMatchObject({ reason: expect.stringContaining('opendocument.spreadsheet, not a text document'), fatal: true });
  });
});
