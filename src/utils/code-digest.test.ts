import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeDigest, codeGraph } from './code-digest.ts';

const root = resolve(import.meta.dirname, '../..');
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the project's src/ beside a node_modules record of its own, to edit freely. */
function projectCopy(packages: Record<string, { version: string; dependencies?: Record<string, string> }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'code-digest-'));
  temps.push(dir);
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  const lock = { packages: Object.fromEntries(Object.entries(packages).map(([name, entry]) => [`node_modules/${name}`, entry])) };
  writeFileSync(join(dir, 'node_modules', '.package-lock.json'), JSON.stringify(lock));
  return dir;
}

describe('codeGraph', () => {
  it('follows the pipeline into every module a document model depends on, the ones a hand-kept list missed included', () => {
    const { files, packages } = codeGraph([join(root, 'src/ingest/sources.ts')]);
    const local = files.map((file) => file.slice(root.length + 1));
    // enrich/ builds URLs with utils/routes.ts, and agencies are matched through the variant folds.
    expect(local).toEqual(
      expect.arrayContaining(['src/pipeline/index.ts', 'src/pipeline/structure/outline.ts', 'src/utils/routes.ts', 'src/text/normalize.ts']),
    );
    expect(local.some((file) => file.endsWith('.test.ts'))).toBe(false);
    expect(packages).toEqual(expect.arrayContaining(['remark-parse', 'remark-gfm', 'pinyin-pro', 'unified']));
  });

  it('reaches the variant folds from the search shard builder, so a shard is rebuilt when the browser folds queries anew', () => {
    const { files, packages } = codeGraph([join(root, 'src/search/index-shard.ts')]);
    expect(files.map((file) => file.slice(root.length + 1))).toContain('src/text/normalize.ts');
    expect(packages).toContain('pagefind');
  });
});

describe('codeDigest', () => {
  const packages = {
    'remark-parse': { version: '11.0.0', dependencies: { 'mdast-util-from-markdown': '^2.0.0' } },
    'mdast-util-from-markdown': { version: '2.0.2' },
  };

  it('changes when a file deep in the import graph changes, and only then', () => {
    const project = projectCopy(packages);
    const entry = [join(project, 'src/ingest/sources.ts')];
    const before = codeDigest(entry, { root: project });
    expect(codeDigest(entry, { root: project })).toBe(before);
    // Not imported by the pipeline: no new key.
    appendFileSync(join(project, 'src/og/png.ts'), '\n// unrelated\n');
    expect(codeDigest(entry, { root: project })).toBe(before);
    appendFileSync(join(project, 'src/text/normalize.ts'), "\nexport const EXTRA = { 綫: '線' };\n");
    expect(codeDigest(entry, { root: project })).not.toBe(before);
  });

  it('changes when a package the code imports, or one that package depends on, has another version', () => {
    const project = projectCopy(packages);
    const entry = [join(project, 'src/pipeline/parse.ts')];
    const before = codeDigest(entry, { root: project });
    const lockFile = join(project, 'node_modules', '.package-lock.json');
    const bumped = { ...packages, 'mdast-util-from-markdown': { version: '2.0.3' } };
    writeFileSync(lockFile, JSON.stringify({ packages: Object.fromEntries(Object.entries(bumped).map(([name, entry]) => [`node_modules/${name}`, entry])) }));
    expect(codeDigest(entry, { root: project })).not.toBe(before);
  });

  it('is the same for two copies of one project', () => {
    const one = projectCopy(packages);
    const two = projectCopy(packages);
    expect(codeDigest([join(one, 'src/ingest/sources.ts')], { root: one })).toBe(codeDigest([join(two, 'src/ingest/sources.ts')], { root: two }));
  });
});
