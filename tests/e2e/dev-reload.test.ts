/**
 * `npm run dev` is how a publisher previews: a document edited while the dev server runs must show
 * on its page without restarting it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnv, projectCopy, removeProjectCopies } from './harness.ts';

const PAGE = 'minutes/taipei/chief-secretaries-meeting/224/';
const SOURCE = 'content/minutes/taipei-chief-secretaries-meeting-224.txt';

let project: string;
let server: ChildProcess;
let url: string;
let output = '';

/** The page's HTML once it satisfies `test`, polling the dev server (each answer may be a rebuild behind). */
async function pageWhen(test: (html: string) => boolean, timeoutMs = 120_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let html = '';
  while (Date.now() < until) {
    html = await fetch(url + PAGE)
      .then((response) => response.text())
      .catch((error: Error) => `fetch failed: ${error.message} ${String(error.cause)}`);
    if (test(html)) return html;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the dev server never showed the expected page at ${url + PAGE} (last answer: ${html.slice(0, 300)}); its output:\n${output}`);
}

beforeAll(async () => {
  project = projectCopy('dev-reload');
  server = spawn(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', '0'], {
    cwd: project,
    env: buildEnv('/'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
      if (found) resolve(`http://127.0.0.1:${found[1]}/`);
    };
    server.stdout!.on('data', listen);
    server.stderr!.on('data', listen);
    server.once('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${output}`)));
  });
}, 180_000);

afterAll(() => {
  server?.kill();
  removeProjectCopies();
});

describe('astro dev', () => {
  it('shows an edited document on its page without a restart', async () => {
    await pageWhen((html) => html.includes('散會'));
    const path = join(project, SOURCE);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('散會');
    // A publisher fixes the closing line: a change only this file's page can show.
    writeFileSync(path, text.replace('散會', '散會（預覽測試）'));
    const html = await pageWhen((page) => page.includes('散會（預覽測試）'));
    expect(html).toContain('臺北市政府第 224 次主任秘書會報紀錄');
  }, 240_000);
});
