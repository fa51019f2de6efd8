/** Agency records over the whole sample archive: who was asked to act, from addressees only. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { processSource } from '../pipeline/index.ts';
import { buildArchive } from './archive.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
const documents = ['minutes', 'reports'].flatMap((folder) =>
  readdirSync(join(ARCHIVE, 'content', folder))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => {
      const path = `content/${folder}/${name}`;
      return processSource(readFileSync(join(ARCHIVE, path)), path, registries).document;
    }),
);
const archive = buildArchive(documents);

describe('agency records of the sample archive', () => {
  it('lists no resolution as instructing the city council, which the minutes only name (函送議會審議)', () => {
    const council = archive.agencies.get('city-council')!;
    expect(council.addressed).toEqual([]);
    expect(council.mentioned.map(({ resolution }) => resolution.text.slice(0, 8))).toContain('請各局處函送議會');
  });
  it('lists under an agency only resolutions whose addressees include it or one of its units', () => {
    for (const [slug, record] of archive.agencies)
      for (const { resolution } of record.addressed)
        expect(
          resolution.addressees.some((party) => party.agency === slug),
          `${slug}: ${resolution.text}`,
        ).toBe(true);
  });
});
