import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { walkItems } from '../facts/archive.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { listSources, processPath } from '../ingest/sources.ts';
import { RESOLUTION_COLUMNS, resolutionRows, resolutionsCsv } from './resolutions-csv.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
/** Every document of the sample archive: the 210th 主任秘書會報 holds the resolution with line breaks. */
const documents = listSources(ARCHIVE).map((path) => processPath(ARCHIVE, path, registries).document!);
const expected = documents.flatMap((document) =>
  [...walkItems(document.items)].flatMap((item) => item.resolutions.map((resolution) => ({ document, item, resolution }))),
);
const pageUrl = (document: { url: string }) => `https://example.org/a${document.url}`;
const csv = resolutionsCsv(resolutionRows(documents, pageUrl));

/**
 * RFC 4180's grammar, section 2, as one expression: records each ended by CRLF; a field either
 * in quotes (any character, a quote doubled) or holding no comma, quote, CR or LF.
 */
const FIELD = String.raw`(?:"(?:[^"]|"")*"|[^",\r\n]*)`;
const RFC_4180 = new RegExp(String.raw`^(?:${FIELD}(?:,${FIELD})*\r\n)+$`);

describe('resolutions.csv', () => {
  it('starts with a BOM and a header row, and follows RFC 4180 to the last CRLF', () => {
    expect(csv.startsWith('\uFEFFdocument_id,document_title,date,')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${RESOLUTION_COLUMNS.join(',')}`);
    expect(RFC_4180.test(csv.slice(1))).toBe(true);
    // The grammar catches the fault it guards against: a text with a bare line break, unquoted.
    expect(RFC_4180.test('a,b\r\n1,第一行\n第二行\r\n')).toBe(false);
  });

  it('quotes exactly the fields that hold a comma, a quote, a CR or an LF, quotes doubled', () => {
    const row = Object.fromEntries(RESOLUTION_COLUMNS.map((column) => [column, ''])) as Parameters<typeof resolutionsCsv>[0][number];
    const texts = ['請各機關依規定辦理，並於會後提供。', '第一行\n第二行', '甲,乙', '「決議」與"裁示"', '行尾\r'];
    const lines = texts.map((text) =>
      resolutionsCsv([{ ...row, text }])
        .split('\r\n')
        .slice(1)
        .join('\r\n'),
    );
    const column = RESOLUTION_COLUMNS.indexOf('text');
    const field = (line: string) => line.slice(column);
    expect(field(lines[0]!)).toMatch(/^請各機關依規定辦理，並於會後提供。,/);
    expect(field(lines[1]!)).toMatch(/^"第一行\n第二行",/);
    expect(field(lines[2]!)).toMatch(/^"甲,乙",/);
    expect(field(lines[3]!)).toMatch(/^"「決議」與""裁示""",/);
    expect(field(lines[4]!)).toMatch(/^"行尾\r",/);
  });

  it('reads back with a strict parser (any line break outside quotes ends a record) as exactly the resolutions of the model', () => {
    const records: Record<string, string>[] = parse(csv, {
      bom: true,
      columns: true,
      // As Python, Excel and Calc read a file: a bare LF or CR ends a record too.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_quotes: false,
      relax_column_count: false,
      skip_empty_lines: false,
      skip_records_with_error: false,
    });
    expect(records).toHaveLength(expected.length);
    expect(records.length).toBeGreaterThan(80);
    records.forEach((record, index) => {
      const { document, item, resolution } = expected[index]!;
      expect(record).toMatchObject({
        document_id: document.id,
        date: document.date ?? '',
        item_label: item.label,
        text: resolution.text,
        url: `${pageUrl(document)}#${resolution.anchor}`,
      });
      expect(record.cases).toBe(resolution.cases.map((ref) => `${ref.id}:${ref.action}`).join(';'));
    });
    const multiline = records.filter((record) => record.text!.includes('\n'));
    expect(multiline.length).toBeGreaterThan(0);
    expect(multiline[0]!.text).toContain('3. 本府公安稽查場所店家。\n(二) 實施方式可由各機關以發文');
    expect(records.some((record) => record.cases!.includes(':released'))).toBe(true);
  });
});
