import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadRegistries } from '../ingest/registries.ts';
import { listSources } from '../ingest/sources.ts';
import type { ArchiveDocument } from '../model/types.ts';
import { processSource } from '../pipeline/index.ts';
import { documentJsonSchema } from '../schemas/open-data.ts';
import { registryNames, searchDocument } from '../search/segments.ts';
import { documentFilePaths, writeDocumentFiles } from './document-files.ts';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const root = ARCHIVE;
const contentDir = join(root, 'content');
const registries = loadRegistries(contentDir);
const documents = listSources(root).map((path) => processSource(readFileSync(join(root, path)), path, registries).document);
const names = registryNames(registries.data.agencies, registries.data.topics);

describe('writeDocumentFiles on the sample archive', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'document-files-'));
  const searches = await writeDocumentFiles(dist, contentDir, documents, names);

  it('writes the four files of every document and nothing else', () => {
    for (const folder of ['data/documents', 'search/docs', 'search/check', 'sources']) expect(readdirSync(join(dist, folder))).toHaveLength(documents.length);
    expect(documentFilePaths(documents.find((document) => document.id === 'taipei-chief-secretaries-meeting-210')!)).toEqual({
      data: 'data/documents/taipei-chief-secretaries-meeting-210.json',
      search: 'search/docs/taipei-chief-secretaries-meeting-210.json',
      check: 'search/check/taipei-chief-secretaries-meeting-210.json',
      source: 'sources/taipei-chief-secretaries-meeting-210.txt',
    });
  });

  it('publishes each source byte for byte and each model as the pipeline made it', () => {
    for (const document of documents) {
      const paths = documentFilePaths(document);
      expect(readFileSync(join(dist, paths.source)).equals(readFileSync(join(contentDir, document.source)))).toBe(true);
      expect(JSON.parse(readFileSync(join(dist, paths.data), 'utf8'))).toEqual(JSON.parse(JSON.stringify(document)));
    }
  });

  it('writes each model as compact JSON that the published schema (data/schema/document.json) accepts', () => {
    // What a consumer of data/documents/ relies on: one JSON value per file, valid against the schema
    // the site publishes. Compact (no indentation: it was a quarter of the bytes at 10,000 documents),
    // so a change that indents these files again, or drops a field the schema requires, fails here.
    const validate = new Ajv2020({ allErrors: true, validateFormats: false, strict: false }).compile(JSON.parse(JSON.stringify(documentJsonSchema())));
    for (const document of documents) {
      const text = readFileSync(join(dist, documentFilePaths(document).data), 'utf8');
      expect(text, document.id).toBe(JSON.stringify(JSON.parse(text)));
      expect(validate(JSON.parse(text)), `${document.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('writes the search file the page search checks, with agency and topic names for the filters', () => {
    const meeting = documents.find((document) => document.id === 'taipei-chief-secretaries-meeting-210')!;
    const search = JSON.parse(readFileSync(join(dist, documentFilePaths(meeting).search), 'utf8'));
    expect(search).toEqual(searchDocument(meeting, names));
    expect(search.filters.agency).toContain('資訊局');
    expect(searches.map((entry) => entry.id).sort()).toEqual(documents.map((document) => document.id).sort());
  });

  it('writes the check file: the folded text the search checks a candidate against, with its card and filters', () => {
    const meeting = documents.find((document) => document.id === 'taipei-chief-secretaries-meeting-210')!;
    const check = JSON.parse(readFileSync(join(dist, documentFilePaths(meeting).check), 'utf8'));
    expect(check).toMatchObject({
      id: meeting.id,
      url: meeting.url,
      title: meeting.title,
      date: meeting.date,
      filters: searchDocument(meeting, names).filters,
    });
    // Folded: 臺 as 台, no white space; the words of the document otherwise as they are.
    expect(check.text).toContain('台北通');
    expect(check.text).not.toContain('臺');
    expect(check.text).not.toMatch(/\s/);
  });

  it('refuses an id that could leave its folder, naming the source', async () => {
    const bad = { ...documents[0]!, id: '../escape' } as ArchiveDocument;
    await expect(writeDocumentFiles(mkdtempSync(join(tmpdir(), 'document-files-')), contentDir, [bad], names)).rejects.toThrow(
      `document ${bad.source}: id “../escape” cannot name a file`,
    );
  });
});
