/**
 * figures.csv on the sample archive: RFC 4180 to the last CRLF, read back by a strict parser as
 * exactly the figures of the model, and described by the Data Package's Table Schema column by column.
 */
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { loadSiteIdentity } from '../ingest/site-identity.ts';
import { listSources, processPath } from '../ingest/sources.ts';
import { dataPackage } from './datapackage.ts';
import { FIGURE_COLUMNS, figureFields, figureRows, figuresCsv } from './figures-csv.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
const documents = listSources(ARCHIVE).map((path) => processPath(ARCHIVE, path, registries).document!);
const pageUrl = (document: { url: string }) => `https://example.org/a${document.url}`;
const csv = figuresCsv(figureRows(documents, pageUrl));
const FIELD = String.raw`(?:"(?:[^"]|"")*"|[^",\r\n]*)`;
const RFC_4180 = new RegExp(String.raw`^(?:${FIELD}(?:,${FIELD})*\r\n)+$`);
const records: Record<string, string>[] = parse(csv, {
  bom: true,
  columns: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_quotes: false,
  relax_column_count: false,
});

describe('figures.csv', () => {
  it('starts with a BOM and the header, and follows RFC 4180 to the last CRLF', () => {
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${FIGURE_COLUMNS.join(',')}`);
    expect(RFC_4180.test(csv.slice(1))).toBe(true);
  });

  it("has one row per figure of the model, in order, the report's and the minutes' resolutions'", () => {
    const figures = documents.flatMap((document) => (document.figures ?? []).map((figure) => ({ document, figure })));
    expect(records).toHaveLength(figures.length);
    expect(records.filter((record) => record.document_id === 'secretariat-achievement-report-2020-01-2020-06')).toHaveLength(97);
    records.forEach((record, index) => {
      const { document, figure } = figures[index]!;
      expect(record).toMatchObject({
        document_id: document.id,
        anchor: figure.anchor,
        value: figure.value,
        text: figure.text,
        url: `${pageUrl(document)}#${figure.anchor}`,
      });
    });
  });

  it('gives a compared value its period, baseline, stated and computed change, signed', () => {
    expect(records.find((record) => record.text === '961 萬 400 度')).toMatchObject({
      indicator: '總用電量',
      value: '9610400',
      unit: 'kWh',
      period: '2020-01-01/2020-06-30',
      period_text: '本期',
      baseline: '9755200',
      baseline_period: '2019-01-01/2019-06-30',
      stated_change: '-144800',
      stated_change_percent: '-1.48',
      computed_change: '-144800',
      computed_change_percent: '-1.48',
      check: 'agrees',
      note: '',
      role: 'value',
      line: '25',
    });
    expect(records.find((record) => record.text === '325 萬餘元')).toMatchObject({ value: '3250000', unit: 'TWD', qualifier: 'more-than' });
    expect(records.find((record) => record.text === '78 件')).toMatchObject({ role: 'total', computed_total: '78', check: 'agrees' });
    expect(records.find((record) => record.text === '848 筆')).toMatchObject({ period: '/2020-06-30', period_text: '截至 109 年 6 月底止' });
  });

  it('is described by the Data Package, a field per column', () => {
    const descriptor = dataPackage({ site: loadSiteIdentity(join(ARCHIVE, 'content')), dataUrl: 'https://example.org/a/data/', documents });
    const table = (descriptor.resources as { name: string; path: string; schema: { fields: { name: string; constraints?: { required?: boolean } }[] } }[]).find(
      (resource) => resource.name === 'figures',
    )!;
    expect(table.path).toBe('figures.csv');
    expect(table.schema.fields.map((field) => field.name)).toEqual([...FIGURE_COLUMNS]);
    expect(table.schema.fields).toEqual(figureFields());
    for (const field of table.schema.fields.filter((entry) => entry.constraints?.required)) {
      expect(
        records.every((record) => record[field.name]),
        field.name,
      ).toBe(true);
    }
  });
});
