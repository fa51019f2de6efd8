import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchiveDocument } from '../model/types.ts';
import { agenciesSchema } from '../schemas/registry.ts';
import { RegistryError, loadYaml } from '../ingest/registries.ts';
import { separateDuplicates } from '../ingest/sources.ts';

describe('registries', () => {
  it('names file, line and column of a malformed entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-'));
    const path = join(dir, 'agencies.yaml');
    writeFileSync(
      path,
      '- slug: legal-affairs\n  name: 臺北市政府法務局\n  short: 法務局\n  kind: bureau\n- slug: Legal Affairs!\n  name: 法務\n  short: 法務局二\n  kind: bureau\n',
    );
    expect(() => loadYaml(path, agenciesSchema, 'content/agencies.yaml')).toThrow(RegistryError);
    expect(() => loadYaml(path, agenciesSchema, 'content/agencies.yaml')).toThrow(/^content\/agencies\.yaml:5:9 1\.slug: a slug is lowercase/);
  });
  it('reports YAML syntax errors with their line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-'));
    const path = join(dir, 'topics.yaml');
    writeFileSync(path, '- slug: a\n  name: 電子發票\n  keywords: [電子發票\n');
    expect(() => loadYaml(path, agenciesSchema, 'content/topics.yaml')).toThrow(/^content\/topics\.yaml:\d+:\d+ /);
  });
});

describe('separateDuplicates', () => {
  it('keeps both files of one meeting, the later under its own URL, and names both', () => {
    const document = (source: string) =>
      ({ id: 'taipei-chief-secretaries-meeting-210', url: '/minutes/taipei/chief-secretaries-meeting/210/', source }) as ArchiveDocument;
    const documents = [document('minutes/a.txt'), document('minutes/b.txt'), document('minutes/c.txt')];
    const problems = separateDuplicates(documents);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^content\/minutes\/b\.txt:1:1 is the same meeting as content\/minutes\/a\.txt .* published at \/minutes\/taipei\/chief-secretaries-meeting\/210-2\//,
    );
    expect(documents.map((entry) => entry.url)).toEqual([
      '/minutes/taipei/chief-secretaries-meeting/210/',
      '/minutes/taipei/chief-secretaries-meeting/210-2/',
      '/minutes/taipei/chief-secretaries-meeting/210-3/',
    ]);
    expect(new Set(documents.map((entry) => entry.id)).size).toBe(3);
  });
});
