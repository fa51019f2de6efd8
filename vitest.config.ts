import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs three projects:
 * - unit: tests beside the code (pipeline stages on real text), under a minute on two cores;
 * - integration: `*.integration.test.ts`, which start processes, worker threads or Pagefind, or run
 *   whole corpora (bad input, the parse pool, the outputs worker, the corpus generator);
 * - e2e: build the site and check it in headless Chromium (tests/e2e/); the sample site is built once
 *   for the run by the global setup.
 * No test has a time budget a busy machine could miss: the timeouts only catch a hang.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: ['**/*.integration.test.ts', '**/node_modules/**'] } },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.integration.test.ts', 'scripts/**/*.integration.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
