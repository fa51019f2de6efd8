import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { processSource } from '../pipeline/index.ts';
import { walkItems } from '../facts/archive.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { RESOLUTION_COLUMNS, resolutionRows, resolutionsCsv } from './resolutions-csv.ts';
import { join } from 'node:path';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
const documents = ['minutes/taipei-chief-secretaries-meeting-210.txt', 'minutes/information-technology-bureau-meeting-113-12.txt'].map(
  (path) => processSource(readFileSync(join(ARCHIVE, `content/${path}`)), `content/${path}`, registries).document,
);

describe('resolutions.csv', () => {
  const csv = resolutionsCsv(resolutionRows(documents, (document) => `https://example.org/a${document.url}`));

  it('starts with a BOM and a header row, and ends lines with CRLF', () => {
    expect(csv.startsWith('\uFEFFdocument_id,document_title,date,')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${RESOLUTION_COLUMNS.join(',')}`);
  });

  it('parses back, with a CSV library, into exactly the resolutions of the model', () => {
    const records: Record<string, string>[] = parse(csv, { bom: true, columns: true });
    const expected = documents.flatMap((document) =>
      [...walkItems(document.items)].flatMap((item) => item.resolutions.map((resolution) => ({ document, item, resolution }))),
    );
    expect(records).toHaveLength(expected.length);
    expect(records.length).toBeGreaterThan(20);
    records.forEach((record, index) => {
      const { document, item, resolution } = expected[index]!;
      expect(record).toMatchObject({
        document_id: document.id,
        date: document.date,
        item_label: item.label,
        text: resolution.text,
        url: `https://example.org/a${document.url}#${resolution.anchor}`,
      });
      expect(record.cases).toBe(resolution.cases.map((ref) => `${ref.id}:${ref.action}`).join(';'));
    });
    // Multi-line texts, commas and quotes survive the round trip.
    expect(records.some((record) => record.text!.includes('\n'))).toBe(true);
    expect(records.some((record) => record.cases!.includes(':released'))).toBe(true);
  });
});
