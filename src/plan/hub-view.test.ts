import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { walkItems } from '../facts/archive.ts';
import { ingest } from '../ingest/ingest.ts';
import { documentSchema } from '../schemas/document.ts';
import { hubDocument, hubView } from './plan.ts';

describe('the documents as the hub reads them', () => {
  it('are the views the collection schema would give, field order included, without the text only a document page shows', async () => {
    const run = await ingest({ root: ARCHIVE, threads: 1 });
    const strings = new Map<string, string>();
    for (const { document } of run.documents) {
      const read = hubDocument(document, strings);
      expect(JSON.stringify(read)).toBe(JSON.stringify(documentSchema.parse(hubView(document))));
      expect(read.header).toEqual([]);
      const items = [...walkItems(read.items)];
      expect(items.every((item) => item.text === '' && item.tables.length === 0 && item.reports.every((report) => report.text === ''))).toBe(true);
      // What the listings, feeds and open data read stays: every resolution and figure, word for word.
      const resolutions = (items: typeof document.items) => [...walkItems(items)].flatMap((item) => item.resolutions);
      expect(resolutions(read.items)).toEqual(resolutions(document.items));
      expect(read.figures).toEqual(document.figures);
    }
    expect(run.documents.some(({ document }) => document.header.length > 0)).toBe(true);
  });
});
