import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importOriginal } from './index.ts';

const original = 'tests/fixtures/originals/taipei-chief-secretaries-meeting-210.odt';

const LIST_STYLE =
  '<text:list-style style:name="CJKParen"><text:list-level-style-number text:level="1" style:num-prefix="(" style:num-suffix=")" style:num-format="一, 二, 三, ..."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="space"/></style:list-level-properties></text:list-level-style-number></text:list-style>';

/**
 * The sample ODT as LibreOffice writes generated (一)(二) labels: runs of L2 paragraphs become a
 * numbered list without their labels; a run after sub-items (1. 2. 3.) continues the list before.
 */
function withListNumbering(bytes: Uint8Array): Uint8Array {
  const pkg = unzipSync(bytes);
  let xml = strFromU8(pkg['content.xml']!).replace('<office:automatic-styles/>', `<office:automatic-styles>${LIST_STYLE}</office:automatic-styles>`);
  xml = xml.replace(/(?:<text:p text:style-name="L2">[^<]*<\/text:p>)+/g, (run, offset: number, whole: string) => {
    const continues = /<text:p text:style-name="L3">[^<]*<\/text:p>$/.test(whole.slice(0, offset));
    const items = [...run.matchAll(/<text:p text:style-name="L2">\([一二三四五六七八九十]+\)\s*([^<]*)<\/text:p>/g)];
    return `<text:list text:style-name="CJKParen"${continues ? ' text:continue-numbering="true"' : ''}>${items.map((m) => `<text:list-item><text:p text:style-name="L2">${m[1]}</text:p></text:list-item>`).join('')}</text:list>`;
  });
  return zipSync({ ...pkg, 'content.xml': strToU8(xml) });
}

describe('ODT importer', () => {
  it('reads content.xml paragraphs in order, one per line', () => {
    const read = importOriginal(readFileSync(original), original);
    expect(read.format).toBe('odt');
    const lines = read.text.split('\n');
    expect(lines[0]).toBe('臺北市政府第210次主任秘書會報紀錄');
    expect(lines).toContain('(二) 請公管中心研議體溫量測及實聯站朝善用儀器設備以取代人力，降低同仁輪值排班頻率。');
    expect(lines).toContain('散會（上午 11 時 36 分）');
  });

  it('prints the labels of numbered lists from the list style (prefix, format, suffix), restarting with each list unless it continues', () => {
    const bytes = readFileSync(original);
    const listed = importOriginal(withListNumbering(bytes), original);
    expect(listed.text).toBe(importOriginal(bytes, original).text);
  });
});
