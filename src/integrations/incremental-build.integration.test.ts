/**
 * Incremental builds give the cold build's site: the sample archive is built, one document is added
 * (第 211 次主任秘書會報, tests/fixtures/confirmation/, which confirms the minutes of 210 and whose
 * tracked cases run on to 224, so other documents' pages change with it), and the rebuild must equal
 * a cold build of the same six documents byte for byte, having parsed, drawn and indexed only what
 * the new document changed.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
});
