/**
 * Builds the sample site once for the whole browser-test run, at the domain root and under a
 * sub-path, instead of once per test file: each build is a few seconds here and far more on a busy
 * machine. Test files get the folders from `buildSite()` as before.
 */
import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_BASES, buildSite, layOutSample, sample } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base paths of the sample project the global setup built. */
    sampleBuilt: string[];
  }
}

export default async function setup(project: TestProject): Promise<void> {
  // E2E_REUSE_BUILD=1 keeps the sample project and its sites from an earlier run when they are there.
  if (process.env.E2E_REUSE_BUILD !== '1' || !existsSync(join(sample, 'dist', 'index.html'))) layOutSample();
  for (const base of SAMPLE_BASES) await buildSite(base);
  project.provide('sampleBuilt', SAMPLE_BASES);
}
