import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { toBlocks } from './blocks.ts';
import { chunkStarts, parseMarkdown } from './parse.ts';
import { repairFile } from './repair.ts';
import { join } from 'node:path';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const seeds = ['minutes', 'reports'].flatMap((folder) => readdirSync(join(ARCHIVE, 'content', folder)).map((name) => join(ARCHIVE, 'content', folder, name)));

function blocksOf(text: string, chunkSize?: number) {
  const file = repairFile(new VFile({ path: 'a.txt', value: text }));
  return toBlocks(parseMarkdown(file, chunkSize), String(file.value), file.data.sourceMap!);
}

describe('parseMarkdown in chunks', () => {
  it.each(seeds)('gives the same lines for %s whole and in small chunks', (path) => {
    const text = readFileSync(path, 'utf8');
    expect(chunkStarts(text, 200).length).toBeGreaterThan(1);
    expect(blocksOf(text, 200)).toEqual(blocksOf(text));
  });

  it('never cuts inside a list, a fenced block, raw HTML or a table', () => {
    const text = [
      '標題',
      '',
      '- (一) 第一項',
      '',
      '  續行',
      '',
      '```',
      '',
      '程式',
      '',
      '```',
      '',
      '<script>',
      '',
      'x',
      '',
      '</script>',
      '',
      '| 編號 | 狀態 |',
      '| --- | --- |',
      '| 1 | 解除 |',
      '',
      '1. 一',
      '',
      '2. 二',
      '',
      '壹、報告事項',
      '',
    ].join('\n');
    const cuts = chunkStarts(text, 1).map((offset) => text.slice(offset).split('\n')[0]);
    // A block may open a chunk; nothing inside one is cut.
    expect(cuts).toEqual(['標題', '```', '<script>', '壹、報告事項']);
    expect(blocksOf(text, 1)).toEqual(blocksOf(text));
  });
});
