/**
 * Open data for spreadsheets: `dist/data/resolutions.csv`, one row per resolution (會議結論 / 決議 /
 * 主席裁示), quoted per RFC 4180 by csv-stringify and starting with a BOM so that Excel reads the
 * UTF-8 Chinese correctly. Text is the model's, character for character.
 */
import { stringify } from 'csv-stringify/sync';
import type { ArchiveDocument } from '../model/types.ts';
import { walkItems } from '../facts/archive.ts';

/** Column names, in order: English keys a program can rely on. */
export const RESOLUTION_COLUMNS = [
  'document_id',
  'document_title',
  'date',
  'series',
  'session',
  'item_label',
  'item_title',
  'resolution_label',
  'text',
  'agencies',
  'addressees',
  'mentions',
  'cases',
  'topics',
  'url',
] as const;

export type ResolutionRow = Record<(typeof RESOLUTION_COLUMNS)[number], string>;

/**
 * The rows of every resolution of the documents, in document and reading order.
 * @param pageUrl absolute URL of a document page (site and base path included)
 */
export function resolutionRows(documents: ArchiveDocument[], pageUrl: (document: ArchiveDocument) => string): ResolutionRow[] {
  const rows: ResolutionRow[] = [];
  for (const document of documents) {
    for (const item of walkItems(document.items)) {
      for (const resolution of item.resolutions) {
        rows.push({
          document_id: document.id,
          document_title: document.title,
          date: document.date ?? '',
          series: document.series,
          session: document.session?.label ?? '',
          item_label: item.label,
          item_title: item.title,
          resolution_label: resolution.label,
          text: resolution.text,
          // Several values in one cell, separated by `;` (slugs and case numbers hold none).
          agencies: resolution.agencies.join(';'),
          // `kind:name as printed` (unit:策略中心, collective:各局處); who is asked apart from who is named.
          addressees: resolution.addressees.map((party) => `${party.kind}:${party.name}`).join(';'),
          mentions: resolution.mentions.map((party) => `${party.kind}:${party.name}`).join(';'),
          cases: resolution.cases.map((ref) => `${ref.id}:${ref.action}`).join(';'),
          topics: resolution.topics.join(';'),
          url: `${pageUrl(document)}#${resolution.anchor}`,
        });
      }
    }
  }
  return rows;
}

/**
 * A field RFC 4180 requires in quotes: one holding a comma, a quote, a CR or an LF. csv-stringify
 * quotes by default only on the record delimiter as a whole, so with CRLF records a text with bare
 * LF line breaks went out unquoted and spilled over several rows in Python, Excel and Calc.
 */
export const NEEDS_QUOTES = /[",\r\n]/;

/** The CSV file (RFC 4180): BOM, header row, CRLF after every record, quoted fields per {@link NEEDS_QUOTES}. */
export function resolutionsCsv(rows: ResolutionRow[]): string {
  return stringify(rows, { bom: true, header: true, columns: [...RESOLUTION_COLUMNS], record_delimiter: '\r\n', quoted_match: NEEDS_QUOTES });
}
