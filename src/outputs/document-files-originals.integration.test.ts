/** An original's files: the original byte for byte, the text the archive read from it beside it, the model without that text. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../ingest/original.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { registryNames } from '../search/segments.ts';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { documentFilePaths, writeDocumentFiles } from './document-files.ts';

const root = join(import.meta.dirname, '../..');
const registries = loadRegistries(join(ARCHIVE, 'content'));

describe('writeDocumentFiles on an original', { timeout: 120_000 }, () => {
  it('publishes the PDF byte for byte and its extracted text at /sources/<id>.txt', async () => {
    const path = 'tests/fixtures/originals/taipei-chief-secretaries-meeting-224.pdf';
    const { document } = processFile(readFileSync(join(root, path)), path, registries);
    const dist = mkdtempSync(join(tmpdir(), 'document-files-'));
    await writeDocumentFiles(dist, root, [document], registryNames(registries.data.agencies, registries.data.topics));
    const paths = documentFilePaths(document);
    expect(paths.source).toBe('sources/taipei-chief-secretaries-meeting-224.pdf');
    expect(readFileSync(join(dist, paths.source)).equals(readFileSync(join(root, path)))).toBe(true);
    expect(readFileSync(join(dist, 'sources/taipei-chief-secretaries-meeting-224.txt'), 'utf8')).toBe(document.file.text);
    const json = JSON.parse(readFileSync(join(dist, paths.data), 'utf8'));
    expect(json.file).toMatchObject({ format: 'pdf', pages: 5, url: '/sources/taipei-chief-secretaries-meeting-224.pdf' });
    expect(json.file.text).toBeUndefined();
  });
});
