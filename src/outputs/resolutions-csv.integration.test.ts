/** resolutions.csv as Python's csv module reads it: a process, so an integration test. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { walkItems } from '../facts/archive.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { listSources, processPath } from '../ingest/sources.ts';
import { RESOLUTION_COLUMNS, resolutionRows, resolutionsCsv } from './resolutions-csv.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
const documents = listSources(ARCHIVE).map((path) => processPath(ARCHIVE, path, registries).document!);
const expected = documents.flatMap((document) =>
  [...walkItems(document.items)].flatMap((item) => item.resolutions.map((resolution) => ({ document, item, resolution }))),
);
const csv = resolutionsCsv(resolutionRows(documents, (document) => `https://minutes.gov.taipei${document.url}`));

/** Python's csv module on the file's bytes, as a data user would open it: `open(path, newline='', encoding='utf-8-sig')`. */
function pythonCsv(text: string): string[][] | undefined {
  const script = [
    'import csv, io, json, sys',
    "rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8-sig', newline='')))",
    'json.dump(rows, sys.stdout)',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { input: Buffer.from(text, 'utf8'), encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}
const hasPython = !spawnSync('python3', ['--version']).error;

describe('resolutions.csv in Python', () => {
  it.skipIf(!hasPython)("reads back in Python's csv module as one record per resolution, the multi-line text intact", () => {
    const rows = pythonCsv(csv)!;
    expect(rows[0]).toEqual([...RESOLUTION_COLUMNS]);
    expect(rows).toHaveLength(expected.length + 1);
    const text = RESOLUTION_COLUMNS.indexOf('text');
    rows.slice(1).forEach((row, index) => {
      expect(row).toHaveLength(RESOLUTION_COLUMNS.length);
      expect(row[text]).toBe(expected[index]!.resolution.text);
    });
  });
});
