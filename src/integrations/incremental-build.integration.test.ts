/**
 * Incremental builds give the cold build's site: the sample archive is built, one document is added
 * (第 211 次主任秘書會報, tests/fixtures/confirmation/, which confirms the minutes of 210 and whose
 * tracked cases run on to 224, so other documents' pages change with it), and the rebuild must equal
 * a cold build of the same six documents byte for byte, having parsed, drawn and indexed only what
 * the new document changed. Then the same for two documents added to the listing pages (an agency's,
 * a series', a topic's, a person's, a year's pages, paged by year): one in an old year and one in the
 * newest, where a listing page's cache key that left out what the page shows of other years (the
 * year index's counts, its totals, previous and next) would leave a stale page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { addContent, differences, removeProjects, root, runBuild, sampleProject } from '../../tests/builds.ts';

const ADDED = join(root, 'tests/fixtures/confirmation/taipei-chief-secretaries-meeting-211.txt');
const TO = 'minutes/taipei-chief-secretaries-meeting-211.txt';

afterAll(removeProjects);

describe('adding a document to a built archive', () => {
  it('rebuilds the site a cold build of the same content gives, reusing what did not change', async () => {
    const incremental = sampleProject('incremental');
    await runBuild(incremental);
    addContent(incremental, ADDED, TO);
    const { output } = await runBuild(incremental);

    const cold = sampleProject('cold');
    addContent(cold, ADDED, TO);
    await runBuild(cold);

    expect(differences(join(cold, 'dist'), join(incremental, 'dist'))).toEqual([]);
    // What the rebuild reused: the five documents' models, their cards, and pages whose keys held
    // (the cases of the series 211 joins change, the others' are copied).
    expect(output).toMatch(/\(restored\)/);
    expect(output).toMatch(/6 documents \(1 parsed, 5 unchanged\)/);
    expect(output).toMatch(/drew 1 Open Graph cards and reused 5 from the cache/);
  });

  /** The next session of a sample document: its text with the session number and date changed, under a new name. */
  const nextSession = (project: string, from: string, to: string, changes: [string, string][]) => {
    let text = readFileSync(join(ARCHIVE, 'content', from), 'utf8');
    for (const [was, now] of changes) {
      if (!text.includes(was)) throw new Error(`${from} has no 「${was}」`);
      text = text.replace(was, now);
    }
    writeFileSync(join(project, 'content', to), text);
  };
  /** 第 104 次處務會議 (2021, an old year of the archive) and 資訊局 113 年第 13 次局務會議 (2024, its newest). */
  const addListed = (project: string) => {
    nextSession(project, 'minutes/secretariat-office-meeting-103.txt', 'minutes/secretariat-office-meeting-104.txt', [
      ['第 103 次處務會議紀錄', '第 104 次處務會議紀錄'],
      ['民國 110 年 8 月 19 日', '民國 110 年 9 月 16 日'],
    ]);
    nextSession(project, 'minutes/information-technology-bureau-meeting-113-12.txt', 'minutes/information-technology-bureau-meeting-113-13.txt', [
      ['113 年第 12 次局務會議紀錄', '113 年第 13 次局務會議紀錄'],
      ['113 年 12 月 17 日', '113 年 12 月 31 日'],
    ]);
  };

  it('rebuilds every listing page a document in an old year and one in the newest change, and copies the others', async () => {
    const incremental = sampleProject('incremental-listings');
    await runBuild(incremental);
    addListed(incremental);
    const { output } = await runBuild(incremental);

    const cold = sampleProject('cold-listings');
    addListed(cold);
    await runBuild(cold);

    expect(differences(join(cold, 'dist'), join(incremental, 'dist'))).toEqual([]);
    expect(output).toMatch(/7 documents \(2 parsed, 5 unchanged\)/);
    // Listing pages neither document is on are copied: the chief secretaries' series by year, and its calendar.
    expect(output).toMatch(/\/series\/taipei\/chief-secretaries-meeting\/2022\/index\.html \(restored\)/);
    expect(output).toMatch(/\/series\/taipei\/chief-secretaries-meeting\/calendar\.ics \(restored\)/);
  });
});
