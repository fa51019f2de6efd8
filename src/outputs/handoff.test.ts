import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHandoff, writeHandoff } from './handoff.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'handoff-'));

describe('handoff', () => {
  it('gives back the documents the loader wrote, in order, with every character', () => {
    const file = join(dir(), 'documents.ndjson');
    const documents = [
      { id: 'a', title: '臺北市政府第210次主任秘書會報紀錄', text: '第一行\n第二行\u3000（全形空白）' },
      { id: 'b', title: 'line\u2028separator and "quotes"' },
    ];
    expect(writeHandoff(file, documents)).toBe(2);
    expect(readHandoff(file)).toEqual(documents);
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(3);
  });

  it('names the file and line of a line that is not a document', () => {
    const file = join(dir(), 'documents.ndjson');
    writeFileSync(file, '{"id":"a"}\n["not a document"]\n');
    expect(() => readHandoff(file)).toThrow(`${file}:2: not a document`);
  });
});
