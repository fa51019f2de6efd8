/**
 * Interrupted builds lose nothing: the sample archive (with the report of tests/fixtures/images/, so
 * Astro's image cache is in play) is built once cleanly; then, for each point below, a fresh copy is
 * built and killed (SIGKILL) there, built again, and must equal the clean site byte for byte. The
 * points are found from what the build prints and writes, not from hooks in the code: parsing,
 * writing the document files, drawing the share cards, Pagefind writing a shard (the astro process
 * alone killed, so the worker and the shard process are orphans that must stop by themselves),
 * rendering the pages, optimising the images, and emptying dist/ before a rebuild; and the states a
 * kill between two file calls leaves, which no timing hits reliably, made by hand: dist/ half moved
 * aside, an optimised image half-written in Astro's cache; and a build killed after Astro rewrote its
 * copies of changed pages but not its manifest.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KillPoint, addContent, differences, removeProjects, root, runBuild, sampleProject } from '../../tests/builds.ts';

const IMAGES = join(root, 'tests/fixtures/images');
/** A document whose tracked cases run through the sample's, so adding it changes other pages. */
const ADDED = join(root, 'tests/fixtures/confirmation/taipei-chief-secretaries-meeting-211.txt');

function project(name: string): string {
  const dir = sampleProject(name);
  addContent(dir, join(IMAGES, 'secretariat-2020-h2.txt'), 'reports/secretariat-2020-h2.txt');
  addContent(dir, join(IMAGES, 'images'), 'reports/images');
  return dir;
}

const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).length : 0);

const POINTS: KillPoint[] = [
  { name: 'parsing the documents', line: /\[content\] Syncing content/ },
  { name: 'writing the document files', written: (dir) => entries(join(dir, 'dist/data/documents')) > 0 },
  { name: 'drawing the share cards', written: (dir) => entries(join(dir, 'dist/og')) > 0 },
  { name: 'Pagefind writing a shard (astro alone killed)', written: (dir) => existsSync(join(dir, 'dist/pagefind')), only: 'main' },
  { name: 'rendering the pages', line: /generating static routes/ },
  { name: 'optimising the images', line: /generating optimized images/ },
];

let clean: string;

beforeAll(async () => {
  const dir = project('clean');
  await runBuild(dir);
  clean = join(dir, 'dist');
});

afterAll(removeProjects);

describe('a build killed and run again', () => {
  for (const point of POINTS) {
    it(`gives the clean build's site when killed while ${point.name}`, async () => {
      const dir = project('killed');
      expect((await runBuild(dir, point)).killed).toBe(true);
      await runBuild(dir);
      expect(differences(clean, join(dir, 'dist'))).toEqual([]);
    });
  }

  it("gives the clean build's site when killed while emptying dist/ before a rebuild", async () => {
    const dir = project('emptying');
    await runBuild(dir);
    // Killed as soon as the folder the last site is moved into appears beside dist/.
    const aside = (project: string) => readdirSync(project).some((name) => name.startsWith('.dist-old-'));
    expect((await runBuild(dir, { name: 'emptying dist/', written: aside })).killed).toBe(true);
    await runBuild(dir);
    expect(differences(clean, join(dir, 'dist'))).toEqual([]);
  });

  it("gives the clean build's site after emptying dist/ stopped half-way", async () => {
    // What a kill between two of its renames leaves (too quick to hit by timing): some of the last
    // site's entries moved into a folder beside dist/, the rest still in dist/.
    const dir = project('half-emptied');
    await runBuild(dir);
    const dist = join(dir, 'dist');
    const aside = join(dir, `.dist-old-1-${Date.now()}`);
    mkdirSync(aside);
    const moved = readdirSync(dist).filter((_, index) => index % 2 === 0);
    for (const name of moved) renameSync(join(dist, name), join(aside, name));
    await runBuild(dir);
    expect(differences(clean, dist)).toEqual([]);
  });

  it('never publishes a page Astro’s incremental cache kept from a build that did not finish', async () => {
    // A document added and the build killed late in rendering: Astro has rewritten its copies of
    // the pages that changed but not yet the manifest. Built again without the document, those
    // pages' keys match the manifest again, and their copies must not be taken for them.
    const dir = project('page-cache');
    await runBuild(dir);
    addContent(dir, ADDED, 'minutes/taipei-chief-secretaries-meeting-211.txt');
    expect((await runBuild(dir, { name: 'rendering the topics, after the cases', line: /\/topics\/[a-z-]+\/index\.html/ })).killed).toBe(true);
    rmSync(join(dir, 'content/minutes/taipei-chief-secretaries-meeting-211.txt'));
    await runBuild(dir);
    expect(differences(clean, join(dir, 'dist'))).toEqual([]);
  });

  it('never publishes an image Astro’s cache holds half-written', async () => {
    // What a first build killed while writing an optimised image leaves (too quick to hit by
    // timing): the cache holding a truncated variant, and no record of a build that finished.
    const dir = project('image-cache');
    await runBuild(dir);
    const cache = join(dir, '.astro/cache/assets');
    const [variant] = readdirSync(cache).sort();
    const bytes = readFileSync(join(cache, variant!));
    writeFileSync(join(cache, variant!), bytes.subarray(0, bytes.length >> 1));
    rmSync(join(dir, '.astro/cache/assets.sha256.json'));
    await runBuild(dir);
    expect(differences(clean, join(dir, 'dist'))).toEqual([]);
  });
});
