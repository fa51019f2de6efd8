import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs two projects: unit tests beside the code (pipeline stages on real text), then
 * end-to-end tests that build the site and check it in headless Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'] } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
