/** Debian's Chromium through playwright-core, for the browser tests, the search evaluation and the benchmark. */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Launches headless Chromium (Debian's, at /usr/bin/chromium unless CHROMIUM_PATH says otherwise). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox', // root in a container has no user namespace for the sandbox
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking', // no calls home: the only network is the test server
      '--disable-component-update',
      '--disable-sync',
      // Containers often give /dev/shm 64 MB, and Debian's launcher does not always notice (its check
      // breaks when /dev/shm is mounted twice), so shared memory goes to /tmp.
      '--disable-dev-shm-usage',
    ],
  });
}
