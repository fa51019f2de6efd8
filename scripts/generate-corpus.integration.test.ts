/**
 * The synthetic corpus (scripts/generate-corpus.ts, scripts/corpus/): deterministic for a seed, and
 * made of documents the pipeline reads as it reads the real ones: no warning, one id each, sessions
 * whose dates advance, many series and agencies.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRegistries } from '../src/ingest/registries.ts';
import type { ArchiveDocument, Item } from '../src/model/types.ts';
import { processSource } from '../src/pipeline/index.ts';
import { type CorpusDocument, type CorpusSummary, type Sources, generateCorpus, loadSources } from './corpus/generate.ts';
import { ARCHIVE } from '../tests/fixtures/archive.ts';

const root = join(import.meta.dirname, '..');
const sources = await loadSources(ARCHIVE);

function generate(count: number, seed: string | number, from = sources): { documents: CorpusDocument[]; summary: CorpusSummary } {
  const documents: CorpusDocument[] = [];
  const corpus = generateCorpus({ count, seed }, from);
  for (let next = corpus.next(); ; next = corpus.next()) {
    if (next.done) return { documents, summary: next.value };
    documents.push(next.value);
  }
}

describe('the same seed', () => {
  it('gives the same documents, byte for byte; another seed gives others', () => {
    const first = generate(120, 'a').documents;
    expect(generate(120, 'a').documents).toEqual(first);
    const other = generate(120, 'b').documents;
    expect(other.map((document) => document.text)).not.toEqual(first.map((document) => document.text));
  });
});

describe('200 generated documents through the pipeline', () => {
  const registries = loadRegistries(join(ARCHIVE, 'content'));
  const { documents: generated, summary } = generate(200, 7);
  const documents: ArchiveDocument[] = generated.map((document) => processSource(Buffer.from(document.text), document.path, registries).document);
  const minutes = documents.filter((document) => document.kind === 'minutes');
  const everyItem = (items: Item[]): Item[] => items.flatMap((item) => [item, ...everyItem(item.items)]);

  it('are 200, about 87 % minutes, each at its own path', () => {
    expect(summary.documents).toBe(200);
    expect(minutes.length).toBe(174);
    expect(new Set(generated.map((document) => document.path)).size).toBe(200);
  });

  it('raise no warning', () => {
    expect(documents.flatMap((document) => document.warnings)).toEqual([]);
  });

  it('have distinct ids', () => {
    expect(new Set(documents.map((document) => document.id)).size).toBe(200);
  });

  it('have a date, and minutes a session, items and resolutions', () => {
    expect(documents.every((document) => document.date)).toBe(true);
    for (const document of minutes) {
      expect(document.session?.number).toBeGreaterThan(0);
      expect(everyItem(document.items).some((item) => item.resolutions.length)).toBe(true);
    }
  });

  it('advance in date session after session within each series, reading the session before', () => {
    const bySeries = Map.groupBy(minutes, (document) => `${document.organization} ${document.series}`);
    expect(bySeries.size).toBeGreaterThanOrEqual(10);
    for (const series of bySeries.values()) {
      const ordered = series.toSorted((a, b) => (a.session!.year ?? 0) - (b.session!.year ?? 0) || a.session!.number - b.session!.number);
      ordered.forEach((document, index) => {
        if (index) expect(document.date! > ordered[index - 1]!.date!).toBe(true);
        if (document.previous?.date) expect(document.previous.date < document.date!).toBe(true);
        if (document.previous?.session && document.session!.number > 1) expect(document.previous.session.number).toBe(document.session!.number - 1);
      });
    }
  });

  it('name tracked cases the series opened at earlier sessions', () => {
    const cases = minutes.flatMap((document) =>
      everyItem(document.items).flatMap((item) => item.resolutions.flatMap((resolution) => resolution.cases.map((ref) => ({ ref, document })))),
    );
    expect(cases.length).toBeGreaterThan(20);
    for (const { ref, document } of cases) {
      // 223-1 and 113-11-2 name the session before the case's own number; 10201 its first digits.
      const opened = ref.id.includes('-') ? Number(ref.id.split('-').at(-2)) : Number(ref.id.slice(0, -2));
      if (!document.session!.year) expect(opened).toBeLessThan(document.session!.number);
    }
  });

  it('hold meetings of, report for and address at least 20 agencies', () => {
    const agencies = new Set(
      documents.flatMap((document) => [
        ...(document.organizationAgency ? [document.organizationAgency] : []),
        ...everyItem(document.items).flatMap((item) => item.resolutions.flatMap((resolution) => resolution.agencies)),
      ]),
    );
    expect(agencies.size).toBeGreaterThanOrEqual(20);
  });
});

describe('a layout only the pipeline knows', () => {
  // The sample archive plus the 市政會議 minutes as the city's web pages print them (each header
  // label on its own line, 第一案 / 決議： / 主席裁示：) and a bullet-list 主管會報 with a follow-up table:
  // the generator reads them through ingest, so their model feeds it with no generator change.
  const project = mkdtempSync(join(tmpdir(), 'corpus-layouts-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  cpSync(join(ARCHIVE, 'content'), join(project, 'content'), { recursive: true });
  for (const name of ['city-administration-meeting-2130.txt', 'environmental-protection-executives-5.md']) {
    copyFileSync(join(root, 'tests/fixtures/layouts', name), join(project, 'content/minutes', name));
  }
  let withLayouts: Sources;
  let documents: CorpusDocument[];
  const registries = loadRegistries(join(ARCHIVE, 'content'));

  it('feeds the pools: its resolutions, items, tracked cases and series', async () => {
    withLayouts = await loadSources(project);
    expect(withLayouts.problems).toEqual([]);
    const { pools } = withLayouts;
    expect(pools.resolutions.map((entry) => entry.text.text)).toContain('請衛生局持續督導各醫療院所落實實聯制及體溫量測。');
    expect(pools.items.map((item) => item.agency?.text)).toContain('（市場處）');
    expect(pools.general.map((entry) => entry.text.text)).toContain('請各科落實資安規定，不得使用大陸廠牌資通訊產品。');
    expect(pools.cases.map((template) => template.pieces.join('…'))).toContain('列管編號 … 解除列管。');
    expect(pools.anchors).toContainEqual(expect.objectContaining({ series: '市政會議', number: 2130, day: { year: 2020, month: 12, day: 22 } }));
    expect(pools.anchors).toContainEqual(expect.objectContaining({ holder: 'environmental-protection', series: '主管會報', yearly: true }));
  });

  it('is recombined into generated minutes, which the pipeline reads without a warning', () => {
    documents = generate(300, 5, withLayouts).documents;
    const texts = documents.map((document) => document.text);
    // The agency asked may change (請衛生局… → 請社會局…); the rest of the sentence is the fixture's.
    expect(texts.some((text) => /請\S{2,8}持續督導各醫療院所落實實聯制及體溫量測。/.test(text))).toBe(true);
    const models = documents.map((document) => processSource(Buffer.from(document.text), document.path, registries).document);
    expect(models.flatMap((document) => document.warnings)).toEqual([]);
    // 市政會議 became a series of its own, numbered on through the real 2130th session.
    const council = models.filter((document) => document.series === '市政會議');
    expect(council.length).toBeGreaterThan(0);
    expect(council.every((document) => document.session!.number > 2130)).toBe(true);
    expect(models.some((document) => document.organizationAgency === 'environmental-protection' && document.series === '主管會報')).toBe(true);
  });
});

describe('npm run corpus', () => {
  const work = mkdtempSync(join(tmpdir(), 'corpus-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const run = (...args: string[]) => execFileSync(process.execPath, [join(root, 'scripts/generate-corpus.ts'), ...args], { cwd: root, stdio: 'pipe' });
  const files = (dir: string) => (readdirSync(join(dir, 'content'), { recursive: true }) as string[]).filter((name) => name.endsWith('.txt')).sort();

  it('takes --count/--out/--seed and the older positional form alike, and copies the registries', () => {
    run('--count', '25', '--out', join(work, 'named'), '--seed', '1');
    run('25', join(work, 'positional'));
    expect(files(join(work, 'named'))).toHaveLength(25);
    expect(files(join(work, 'positional'))).toEqual(files(join(work, 'named')));
    for (const name of files(join(work, 'named'))) {
      expect(readFileSync(join(work, 'positional', 'content', name), 'utf8')).toBe(readFileSync(join(work, 'named', 'content', name), 'utf8'));
    }
    expect(readdirSync(join(work, 'named', 'content'))).toEqual(expect.arrayContaining(['agencies.yaml', 'topics.yaml', 'series.yaml']));
  });

  it('replaces its own earlier output, and refuses to write over documents it did not write', () => {
    run('--count', '10', '--out', join(work, 'named'));
    expect(files(join(work, 'named'))).toHaveLength(10);
    mkdirSync(join(work, 'real', 'content', 'minutes'), { recursive: true });
    writeFileSync(join(work, 'real', 'content', 'minutes', 'published.txt'), '臺北市政府第210次主任秘書會報紀錄');
    expect(() => run('--count', '10', '--out', join(work, 'real'))).toThrow();
    expect(readdirSync(join(work, 'real', 'content', 'minutes'))).toEqual(['published.txt']);
  });
});
