import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import type { ArchiveDocument } from '../model/types.ts';
import { ingest } from './ingest.ts';

const repository = resolve(import.meta.dirname, '../..');
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the sample archive's content/ to change. */
function archiveCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
  temps.push(dir);
  cpSync(join(ARCHIVE, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

/** `npm run check` in a project: its exit code and what it printed. */
function check(project: string): { status: number; stdout: string } {
  try {
    return {
      status: 0,
      stdout: execFileSync(process.execPath, [join(repository, 'scripts/check.ts')], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, stdout: failed.stdout };
  }
}

describe('ingest', () => {
  it('reads the sample archive: every document, no problems', async () => {
    const run = await ingest({ root: ARCHIVE, threads: 1 });
    expect(run.sources).toBe(5);
    expect(run.documents.map((entry) => entry.document.title)).toContain('臺北市政府第210次主任秘書會報紀錄');
    expect(run.problems).toEqual([]);
    expect(run.documents.every((entry) => entry.parsed)).toBe(true);
  });

  it('takes unchanged documents from the caller instead of parsing them, and parses a changed one', async () => {
    const project = archiveCopy();
    const first = await ingest({ root: project, threads: 1 });
    const kept = new Map(first.documents.map((entry) => [entry.path, entry]));
    const cached = (path: string, digest: string): ArchiveDocument | undefined =>
      kept.get(path)?.digest === digest ? structuredClone(kept.get(path)!.document) : undefined;
    const again = await ingest({ root: project, threads: 1, cached });
    expect(again.documents.filter((entry) => entry.parsed)).toEqual([]);
    expect(again.documents.map((entry) => entry.document)).toEqual(first.documents.map((entry) => entry.document));
    const path = 'content/minutes/taipei-chief-secretaries-meeting-224.txt';
    writeFileSync(join(project, path), readFileSync(join(project, path), 'utf8').replace('散會', '散會。'));
    const changed = await ingest({ root: project, threads: 1, cached });
    expect(changed.documents.filter((entry) => entry.parsed).map((entry) => entry.path)).toEqual([path]);
  });

  it('reads every document again when a registry changes, since agencies and topics are part of each model', async () => {
    const project = archiveCopy();
    const first = await ingest({ root: project, threads: 1 });
    writeFileSync(join(project, 'content/topics.yaml'), `${readFileSync(join(project, 'content/topics.yaml'), 'utf8')}\n`);
    expect((await ingest({ root: project, threads: 1 })).inputs).toBe(first.inputs);
    writeFileSync(
      join(project, 'content/topics.yaml'),
      readFileSync(join(project, 'content/topics.yaml'), 'utf8').replace(/keywords: \[/, 'keywords: [測試用詞, '),
    );
    expect((await ingest({ root: project, threads: 1 })).inputs).not.toBe(first.inputs);
  });
});

describe('npm run check', () => {
  it('reports what a strict build stops on: a `sources:` entry in site.yaml naming no file', async () => {
    const project = archiveCopy();
    const site = join(project, 'content/site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace('sources: {}', 'sources:\n  minutes/no-such-file.txt: https://www.gov.taipei/News.aspx?n=1'));
    const expected =
      'content/site.yaml: sources: minutes/no-such-file.txt is not a file under content/ (expected the path of a document, such as minutes/x.txt)';
    expect((await ingest({ root: project, threads: 1 })).problems).toEqual([expected]);
    const result = check(project);
    expect(result.status).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([expected]);
  });

  it('passes on the sample archive', () => {
    expect(check(ARCHIVE)).toEqual({ status: 0, stdout: '' });
  });
});
