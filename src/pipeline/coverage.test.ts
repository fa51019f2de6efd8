import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import type { ArchiveDocument } from '../model/types.ts';
import { checkCoverage, linePieces } from './coverage.ts';

const source = '臺北市政府第210次主任秘書會報紀錄\n\n壹、宣讀本府110年6月25日第209次主任秘書會報紀錄。\n\n會議結論：紀錄確定。\n';

function document(resolutionText: string): ArchiveDocument {
  return {
    id: 'x',
    kind: 'minutes',
    title: '臺北市政府第210次主任秘書會報紀錄',
    url: '/x/',
    source: 'minutes/x.txt',
    file: { bytes: 0, sha256: '0'.repeat(64), encoding: 'utf-8', mediaType: 'text/plain; charset=utf-8', url: '/sources/x.txt' },
    organization: '臺北市政府',
    series: '主任秘書會報',
    seriesSlug: 's',
    header: [],
    warnings: [],
    items: [
      {
        anchor: 'item-1',
        label: '壹、',
        title: '宣讀本府110年6月25日第209次主任秘書會報紀錄。',
        text: '',
        agencies: [],
        topics: [],
        reports: [],
        resolutionHeading: '會議結論：',
        resolutions: [{ anchor: 'res-1-1', label: '', text: resolutionText, addressees: [], mentions: [], agencies: [], cases: [], topics: [], line: 5 }],
        tables: [],
        cases: [],
        items: [],
        line: 3,
      },
    ],
  };
}

describe('checkCoverage', () => {
  it('passes when the model holds every character', () => {
    const file = new VFile({ path: 'content/minutes/x.txt', value: source });
    expect(checkCoverage(document('紀錄確定。'), file)).toBe(0);
    expect(file.messages).toEqual([]);
  });

  it('reports the line whose text the model lost', () => {
    const file = new VFile({ path: 'content/minutes/x.txt', value: source });
    expect(checkCoverage(document('紀錄確定'), file)).toBe(1);
    expect(file.messages[0]).toMatchObject({ line: 5, ruleId: 'nothing-lost' });
  });

  it('treats markdown residue and white space as layout', () => {
    expect(linePieces('- (一) 列管編號 205-1')).toEqual(['(一)列管編號205-1']);
    expect(linePieces('##### **總務組涂組長補充報告：**')).toEqual(['總務組涂組長補充報告：']);
    expect(linePieces('| 4-1 | 清潔隊 | V |  |')).toEqual(['4-1', '清潔隊', 'V']);
    expect(linePieces('| --- | :---: |')).toEqual([]);
  });
});
