import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropUnverified, record } from './verified-folder.ts';

function folder() {
  const base = mkdtempSync(join(tmpdir(), 'verified-'));
  const dir = join(base, 'assets');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'a.webp'), 'whole a');
  writeFileSync(join(dir, 'sub', 'b.avif'), 'whole b');
  return { dir, manifest: join(base, 'assets.sha256.json') };
}

describe('a folder verified against the record of the last finished build', () => {
  it('trusts nothing before any build recorded it', () => {
    const { dir, manifest } = folder();
    expect(dropUnverified(dir, manifest)).toBe(2);
    expect(readdirSync(dir, { recursive: true })).toEqual(['sub']);
  });

  it('keeps the files recorded whole and drops those written or changed since', () => {
    const { dir, manifest } = folder();
    expect(record(dir, manifest)).toBe(2);
    writeFileSync(join(dir, 'a.webp'), 'whole'); // rewritten, cut short
    writeFileSync(join(dir, 'c.png'), 'new, never recorded');
    expect(dropUnverified(dir, manifest)).toBe(2);
    expect((readdirSync(dir, { recursive: true }) as string[]).sort()).toEqual(['sub', 'sub/b.avif']);
  });

  it('treats an unreadable record as none', () => {
    const { dir, manifest } = folder();
    writeFileSync(manifest, '{"a.webp":');
    expect(dropUnverified(dir, manifest)).toBe(2);
  });

  it('copes with a folder that does not exist yet', () => {
    const { dir, manifest } = folder();
    expect(dropUnverified(join(dir, 'none'), manifest)).toBe(0);
    expect(record(join(dir, 'none'), manifest)).toBe(0);
  });
});
